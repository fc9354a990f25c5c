package org.stemcheck.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;

/** The version reports carry is the one the build was made at, not a number typed in a class. */
class ToolVersionTest {

    @Test
    void reportsCarryThePomsVersion() {
        String pom = System.getProperty("stemcheck.projectVersion");
        assumeTrue(pom != null, "the build passes the pom's version in stemcheck.projectVersion");
        assertThat(Report.TOOL_VERSION).isEqualTo(pom).isEqualTo(ToolVersion.read());
    }
}
