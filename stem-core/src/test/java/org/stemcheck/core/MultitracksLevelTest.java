package org.stemcheck.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stemcheck.core.testing.Findings.of;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stemcheck.core.testing.Delivery;
import org.stemcheck.core.testing.Signals;
import org.stemcheck.io.WavWriter;

/** The level part of {@code set.multitracks}: unprocessed levels count only alongside other evidence. */
class MultitracksLevelTest {

    private static final int FRAMES = (int) (Delivery.SECONDS * Delivery.RATE);

    @TempDir
    Path dir;

    /** {@code count} stereo files with neutral names, each a faded sine peaking at {@code peak}. */
    private Report run(int count, double peak) throws IOException {
        WavWriter w = WavWriter.pcm(24).withTimeReference(Delivery.ONE_HOUR_AT_48K);
        for (int k = 1; k <= count; k++) {
            double[] x = Signals.faded(Signals.sine(FRAMES, 100.0 * k, Delivery.RATE, peak));
            w.write(dir.resolve(String.format(Locale.ROOT, "Song_Part%02d_120bpm.wav", k)), Delivery.RATE, x,
                    Signals.gain(x, 0.9));
        }
        return StemSet.from(dir).run();
    }

    @Test
    void manyFilesPeakingLowAreRawMultitracks() throws IOException {
        Report r = run(14, 0.05); // 14 files (the music spec takes up to 12), all peaking at -26 dBFS

        assertThat(of(r, "set.multitracks")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.message()).contains("14 of 14 files peak below -20 dBFS, as unprocessed tracks do");
            assertThat(f.measurements()).containsEntry("quiet_files", 14.0);
            assertThat(f.files()).hasSize(14);
        });
    }

    @Test
    void theSameFilesAtMixedLevelsAreNotMultitracks() throws IOException {
        Report r = run(14, 0.5); // peaking at -6 dBFS, as processed stems do

        assertThat(of(r, "set.multitracks")).isEmpty();
    }

    @Test
    void quietStemsWithinTheStemCountAreNotMultitracks() throws IOException {
        Report r = run(8, 0.05); // quiet, but 8 stems with stem-like names: a quiet mix, not raw tracks

        assertThat(of(r, "set.multitracks")).isEmpty();
    }
}
