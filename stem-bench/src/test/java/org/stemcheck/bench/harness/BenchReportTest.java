package org.stemcheck.bench.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
        assertThat(md).contains("| stemcheck check | 3.00 | 2.00, 4.00, 3.00 | 200 | 0.750 | 1.00 | - | 50 | 120 |")
                .contains("| ffmpeg | 12.00 | 12.00 | 50 | 3.000 | 4.00 | - | - | - |")
                .contains("4.00 to 6.00 on 2 cores")
                .contains("re-take them on a quiet machine")
                .doesNotContain("does not read all the audio");
    }

    @Test
    void renderWarnsWhenCheckIsFasterThanDecodingAndGivesRatiosToDecodeOnly() throws IOException {
        Files.writeString(dir.resolve("run.properties"), "name=song\nfiles=9\nbytes=600000000\nseconds=240\ncores=2\n");
        Files.writeString(dir.resolve("runs.tsv"), "check\tstemcheck check\t1\t0.5\t8\t0.1\n"
                + "decode\tdecode-only\t1\t2.0\t6\t0.2\n"
                + "numpy\tnumpy\t1\t3.0\t-\t0.3\n");

        String md = BenchReport.render(RunResults.read(dir));

        assertThat(md).contains("| numpy | 3.00 | 3.00 | 200 | 0.750 | 6.00 | 1.50 | - | - |")
                .contains("does not read all the audio")
                .doesNotContain("re-take them");
    }
}
