package org.stemcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stemcheck.io.testing.TestData;

/**
 * The CLI in a JVM of {@code -Xmx128m} (issue 14, point 4): the song of 7 stems and 2 mixes gets
 * its full report, the same as with the default heap, where it used to exit 3 with
 * {@code OutOfMemoryError}. Runs {@link Main} in a forked JVM on this test's class path.
 */
class SmallHeapTest {

    @Test
    void theSongUnder128MiBGetsTheReportOfTheDefaultHeap(@TempDir Path tmp) throws Exception {
        Path song = TestData.require("songs/dev101/clean");

        Forked small = Forked.run(tmp, 10, "-Xmx128m", "check", "--format", "json", "--threads", "1", song.toString());
        String expected = inProcess("check", "--format", "json", song.toString());

        assertThat(small.stderr()).doesNotContain("internal error").doesNotContain("OutOfMemoryError");
        assertThat(small.status()).as(small.stderr()).isZero();
        assertThat(small.stdout()).contains("\"mix.reference\"").doesNotContain("internal.memory")
                .doesNotContain("internal.check-failed");
        assertThat(small.stdout().strip()).isEqualTo(expected.strip());
    }


    private static String inProcess(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            assertThat(Main.run(o, e, false, args)).as(err.toString(StandardCharsets.UTF_8)).isZero();
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
