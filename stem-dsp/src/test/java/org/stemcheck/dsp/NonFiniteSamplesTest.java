package org.stemcheck.dsp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.stemcheck.io.AudioFormat;
import org.stemcheck.io.FileKind;
import org.stemcheck.io.SampleEncoding;

/** Non-finite samples are counted by kind and placed, across blocks; zero() cleans a block. */
class NonFiniteSamplesTest {

    @Test
    void countsByKindAndMergesTouchingFramesIntoSpansAcrossBlocks() {
        double[][] x = new double[2][100];
        x[0][10] = Double.NaN;
        x[1][11] = Double.POSITIVE_INFINITY; // frames 10 and 11 touch: one span
        x[0][49] = Double.NEGATIVE_INFINITY; // crosses the block seam at 50 with frame 50
        x[1][50] = Double.NaN;
        x[0][99] = Double.NaN; // open at the end
        NonFiniteSamples a = NonFiniteSamples.create(2);
        a.accept(x, 0, 50);
        a.accept(x, 50, 50);

        NonFiniteSamples.Result r = a.result();
        assertThat(r.nan()).isEqualTo(3);
        assertThat(r.positive()).isEqualTo(1);
        assertThat(r.negative()).isEqualTo(1);
        assertThat(r.total()).isEqualTo(5);
        assertThat(r.spanCount()).isEqualTo(3);
        assertThat(r.spans()).containsExactly(new long[] {10, 12}, new long[] {49, 51}, new long[] {99, 100});
    }

    @Test
    void keepsAtMostTwentySpansButCountsThemAll() {
        double[][] x = new double[1][1000];
        for (int i = 0; i < 1000; i += 10) {
            x[0][i] = Double.NaN;
        }
        NonFiniteSamples a = NonFiniteSamples.create(1);
        a.accept(x, 0, 1000);
        assertThat(a.result().spans()).hasSize(NonFiniteSamples.MAX_SPANS);
        assertThat(a.result().spanCount()).isEqualTo(100);
    }

    @Test
    void anIntegerFileIsNotScanned() {
        AudioFormat pcm = new AudioFormat(FileKind.WAV, SampleEncoding.PCM_SIGNED, 48_000, 1, 24, 24, 0, 1, false);
        NonFiniteSamples a = NonFiniteSamples.forFormat(pcm);
        a.accept(new double[][] {{Double.NaN, 0}}, 0, 2); // cannot come from PCM; shows it is not looked at
        assertThat(a.result().total()).isZero();
        assertThat(a.result().frames()).isEqualTo(2);
    }

    @Test
    void zeroReplacesOnlyWhatIsNotANumber() {
        double[][] x = {{1, Double.NaN, -0.5}, {Double.NEGATIVE_INFINITY, 0.25, Double.POSITIVE_INFINITY}};
        assertThat(NonFiniteSamples.zero(x, 2, 0, 3)).isEqualTo(3);
        assertThat(x[0]).containsExactly(1, 0, -0.5);
        assertThat(x[1]).containsExactly(0, 0.25, 0);
    }
}
