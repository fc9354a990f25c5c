package org.stemcheck.core.nulltest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stemcheck.core.Finding;
import org.stemcheck.core.Report;
import org.stemcheck.core.StemSet;
import org.stemcheck.core.testing.Dev101;

/**
 * Low, centred content no stem carries is named by what the labels lack: dev101 without its Bass
 * stem says "probably the bass" (it has Drums), without its Drums stem "probably the kick or
 * drums" (it has a Bass); the content alone reads "a bass line or kick?" either way.
 */
class MissingStemNamedTest {

    private static Finding missing(Path tmp, String label) throws IOException {
        Path dir = Dev101.variant("clean", tmp);
        Files.delete(dir.resolve(Dev101.stem(label)));
        Report r = StemSet.from(dir).run();
        return r.findings().stream().filter(f -> f.code().equals("set.missing-stem")).findFirst().orElseThrow();
    }

    @Test
    void theBassLeftOutIsProbablyTheBass(@TempDir Path tmp) throws IOException {
        assertThat(missing(tmp, "Bass").message()).contains("low-frequency, centred")
                .endsWith("; probably the bass: no stem is labelled as one");
    }

    @Test
    void theDrumsLeftOutAreProbablyTheKickOrDrums(@TempDir Path tmp) throws IOException {
        assertThat(missing(tmp, "Drums").message()).contains("low-frequency, centred")
                .endsWith("; probably the kick or drums: no stem is labelled as drums");
    }
}
