package org.stemcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** {@code stemcheck --version} says the version the build was made at. */
class VersionTest {

    @Test
    void versionIsThePomsVersion() {
        String pom = System.getProperty("stemcheck.projectVersion");
        assumeTrue(pom != null, "the build passes the pom's version in stemcheck.projectVersion");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            status = Main.run(o, e, false, "--version");
        }
        assertThat(status).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualToIgnoringNewLines("stemcheck " + pom);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }
}
