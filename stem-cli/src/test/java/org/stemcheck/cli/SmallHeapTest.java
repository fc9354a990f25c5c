package org.stemcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

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

        Forked small = fork(tmp, "-Xmx128m", "check", "--format", "json", "--threads", "1", song.toString());
        String expected = inProcess("check", "--format", "json", song.toString());

        assertThat(small.stderr()).doesNotContain("internal error").doesNotContain("OutOfMemoryError");
        assertThat(small.status()).as(small.stderr()).isZero();
        assertThat(small.stdout()).contains("\"mix.reference\"").doesNotContain("internal.memory")
                .doesNotContain("internal.check-failed");
        assertThat(small.stdout().strip()).isEqualTo(expected.strip());
    }

    private record Forked(int status, String stdout, String stderr) {
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

    /** {@code java HEAP -cp <this test's class path> org.stemcheck.cli.Main ARGS}, its output in files. */
    private static Forked fork(Path tmp, String heap, String... args) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> cmd = new ArrayList<>(List.of(java.toString(), heap, "-cp",
                System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(List.of(args));
        Path out = tmp.resolve("stdout");
        Path err = tmp.resolve("stderr");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("the forked check did not end in 10 minutes");
        }
        return new Forked(p.exitValue(), Files.readString(out), Files.readString(err));
    }
}
