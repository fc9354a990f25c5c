package org.stemcheck.dsp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.stemcheck.io.AudioFormat;
import org.stemcheck.io.FileKind;
import org.stemcheck.io.SampleEncoding;

class ClipRunsTest {

    private static final double MAX24 = 1.0 - 0x1p-23;

    private static AudioFormat format(SampleEncoding encoding, int bits, int channels) {
        return new AudioFormat(FileKind.WAV, encoding, 48_000, channels, bits, bits, 0,
                encoding == SampleEncoding.FLOAT ? 3 : 1, false);
    }

    /** Two channels: a run of 10 at frames 4090..4099 in L, runs of 1 and 3 in R, one open at the end. */
    private static double[][] signal() {
        double[] l = Signals.scale(Signals.noise(0.1, 10_000, 1), 1);
        double[] r = Signals.scale(Signals.noise(0.1, 10_000, 2), 1);
        for (int i = 4090; i < 4100; i++) {
            l[i] = i % 2 == 0 ? MAX24 : -1.0;
        }
        r[100] = -1.0;
        r[200] = MAX24;
        r[201] = MAX24;
        r[202] = MAX24;
        for (int i = 9995; i < 10_000; i++) {
            r[i] = 1.0;
        }
        return new double[][] {l, r};
    }

    private static ClipRuns.Result measure(int block, int keep) {
        ClipRuns clips = ClipRuns.forFormat(format(SampleEncoding.PCM_SIGNED, 24, 2), keep);
        Accumulators.feed(signal(), block, clips);
        return clips.result();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 4096})
    void runAcrossABlockBoundaryIsCountedOnce(int block) {
        ClipRuns.Result r = measure(block, 20);
        assertThat(r.runs()).isEqualTo(4);
        assertThat(r.clippedSamples()).isEqualTo(10 + 1 + 3 + 5);
        assertThat(r.worst()).containsExactly(
                new ClipRun(0, 4090, 10),
                new ClipRun(1, 9995, 5),
                new ClipRun(1, 200, 3),
                new ClipRun(1, 100, 1));
        assertThat(r).isEqualTo(measure(4096, 20));
    }

    @Test
    void keepsOnlyTheLongestRunsButCountsAll() {
        ClipRuns.Result r = measure(512, 2);
        assertThat(r.runs()).isEqualTo(4);
        assertThat(r.worst()).containsExactly(new ClipRun(0, 4090, 10), new ClipRun(1, 9995, 5));
        assertThat(r.longest()).contains(new ClipRun(0, 4090, 10));
    }

    @Test
    void sixteenBitClipsAtItsOwnLargestCode() {
        double max16 = 1.0 - 0x1p-15;
        double[] x = {0.5, max16, max16, 0.5, max16 - 0x1p-15};
        ClipRuns clips = ClipRuns.forFormat(format(SampleEncoding.PCM_SIGNED, 16, 1));
        Accumulators.feed(new double[][] {x}, 2, clips);
        assertThat(clips.result().worst()).containsExactly(new ClipRun(0, 1, 2));
    }

    @Test
    void floatCountsOnlySamplesBeyondOne() {
        double[] x = {1.0, -1.0, 1.0000001, 1.5, -2.0, 0.3, 1.0};
        ClipRuns clips = ClipRuns.forFormat(format(SampleEncoding.FLOAT, 32, 1));
        Accumulators.feed(new double[][] {x}, 3, clips);
        assertThat(clips.result().runs()).isEqualTo(1);
        assertThat(clips.result().worst()).containsExactly(new ClipRun(0, 2, 3));
    }

    @Test
    void cleanSignalHasNoRuns() {
        ClipRuns clips = ClipRuns.forFormat(format(SampleEncoding.PCM_SIGNED, 24, 1));
        Accumulators.feed(new double[][] {Signals.sine(0.99, 100, 48_000, 4800)}, 100, clips);
        assertThat(clips.result().runs()).isZero();
        assertThat(clips.result().longest()).isEmpty();
    }
}
