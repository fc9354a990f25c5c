package org.stemcheck.bench.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchReportTest {

    @TempDir
    Path dir;

    @Test
    void updateAddsTheSectionAndKeepsTheRestOfTheDocument() {
        String doc = "# Benchmarks\n\n## JMH\n\nFFT numbers.\n";

        String out = BenchReport.update(doc, Map.of("song", "### song: 4:00\n\nnew song\n"));

        assertThat(out).startsWith(doc).contains(BenchReport.SECTION).contains("new song");
    }

    @Test
    void updateReplacesOnlyTheSameDeliveryAndKeepsLaterSections() {
        String doc = "# B\n\n" + BenchReport.SECTION + "\n\nIntro.\n\n### song: 4:00\n\nold song\n\n"
                + "### film: 2:00:00\n\nold film\n\n## Later\n\nkept\n";

        String out = BenchReport.update(doc, Map.of("song", "### song: 4:00\n\nnew song\n"));

        assertThat(out).contains("Intro.", "new song", "old film", "## Later\n\nkept").doesNotContain("old song");
        assertThat(out.indexOf("new song")).isLessThan(out.indexOf("old film"));
        assertThat(out.indexOf("old film")).isLessThan(out.indexOf("## Later"));
    }

    @Test
    void renderGivesMediansRatiosAndFlagsABusyMachine() throws IOException {
        Files.writeString(dir.resolve("run.properties"), "name=song\nfiles=9\nbytes=600000000\nseconds=240\n"
                + "cores=2\nruns=3\ndate=today\ncommand=scripts/benchmark.sh song\n");
        Files.writeString(dir.resolve("runs.tsv"), "check\tstemcheck check\t1\t2.0\t40\t4.0\t90\n"
                + "check\tstemcheck check\t2\t4.0\t50\t5.0\t120\n"
                + "check\tstemcheck check\t3\t3.0\t45\t6.0\t100\n"
                + "ffmpeg\tffmpeg\t1\t12.0\t-\t5.5\n");

        String md = BenchReport.render(RunResults.read(dir));

        // check: median 3.0 s, 200 MB/s, 0.75 s a minute; ffmpeg 4x slower
        assertThat(md).contains("| stemcheck check | 3.00 | 2.00, 4.00, 3.00 | 200 | 0.750 | 1.00 | - | - | 50 | 120 |")
                .contains("| ffmpeg | 12.00 | 12.00 | 50 | 3.000 | 4.00 | - | - | - | - |")
                .contains("4.00 to 6.00 on 2 cores")
                .contains("re-take them on a quiet machine")
                .doesNotContain("does not read all the audio");
    }

    @Test
    void renderSaysWhenTheCheckRanThroughTheLauncher() throws IOException {
        Files.writeString(dir.resolve("run.properties"), "name=song\nfiles=9\nbytes=600000000\nseconds=240\ncores=2\n"
                + "jvm_options=-Xmx256m -XX:+UseG1GC\n");
        Files.writeString(dir.resolve("runs.tsv"), "check\tstemcheck check\t1\t8.0\t200\t2.1\t250\t15.20\t0.02\n");
        assertThat(BenchReport.render(RunResults.read(dir))).contains("Java runs: `-Xmx256m -XX:+UseG1GC`.")
                .doesNotContain("launcher").doesNotContain("through");

        Files.writeString(dir.resolve("run.properties"), "check_launcher=./stemcheck\n", StandardOpenOption.APPEND);
        assertThat(BenchReport.render(RunResults.read(dir)))
                .contains("Java runs: `-Xmx256m -XX:+UseG1GC` (`stemcheck check` through `./stemcheck`, with the options it adds).");
    }

    @Test
    void renderGivesTheToolsCpuAndFlagsOtherProcessesByTheirCpuNotByTheLoad() throws IOException {
        Files.writeString(dir.resolve("run.properties"), "name=song\nfiles=9\nbytes=600000000\nseconds=240\ncores=2\n");
        // a load of 2 after each run is the run's own two threads: the others used 0.02 and 0.05 s
        Files.writeString(dir.resolve("runs.tsv"), "check\tstemcheck check\t1\t8.0\t200\t2.1\t250\t15.20\t0.02\n"
                + "check\tstemcheck check\t2\t10.0\t210\t2.3\t260\t17.00\t0.05\n"
                + "ffmpeg\tffmpeg\t1\t8.0\t-\t2.0\t58\t15.90\t0.10\n");

        String quiet = BenchReport.render(RunResults.read(dir));

        // check: median 9.0 s wall, 16.1 s CPU: 1.79 cores
        assertThat(quiet).contains("| stemcheck check | 9.00 | 8.00, 10.00 | 67 | 2.250 | 1.00 | - | 16.10 (1.79) | 210 | 260 |")
                .contains("| ffmpeg | 8.00 | 8.00 | 75 | 2.000 | 0.89 | - | 15.90 (1.99) | - | 58 |")
                .contains("Other processes used 0.01 of a core on average")
                .doesNotContain("re-take them");

        // a short run's noise does not count for more than a long run's
        Files.writeString(dir.resolve("runs.tsv"), "check\tstemcheck check\t1\t8.0\t200\t0.1\t250\t15.20\t0.10\n"
                + "decode\tdecode-only\t1\t0.5\t6\t0.1\t50\t0.90\t0.08\n");
        assertThat(BenchReport.render(RunResults.read(dir))).contains("0.02 of a core").doesNotContain("re-take them");
        Files.writeString(dir.resolve("runs.tsv"), "check\tstemcheck check\t1\t8.0\t200\t0.1\t250\t15.20\t1.60\n");
        assertThat(BenchReport.render(RunResults.read(dir))).contains("0.20 of a core").contains("re-take them");
    }

    @Test
    void renderWarnsWhenCheckIsFasterThanDecodingAndGivesRatiosToDecodeOnly() throws IOException {
        Files.writeString(dir.resolve("run.properties"), "name=song\nfiles=9\nbytes=600000000\nseconds=240\ncores=2\n");
        Files.writeString(dir.resolve("runs.tsv"), "check\tstemcheck check\t1\t0.5\t8\t0.1\n"
                + "decode\tdecode-only\t1\t2.0\t6\t0.2\n"
                + "numpy\tnumpy\t1\t3.0\t-\t0.3\n");

        String md = BenchReport.render(RunResults.read(dir));

        assertThat(md).contains("| numpy | 3.00 | 3.00 | 200 | 0.750 | 6.00 | 1.50 | - | - | - |")
                .contains("does not read all the audio")
                .doesNotContain("re-take them");
    }
}
