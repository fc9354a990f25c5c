package org.stemcheck.dsp.nullsum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Why each stem is correlated with the mix minus the other stems rather than with the mix: a
 * quiet stem under loud ones, offset by 240 samples.
 */
class LagEstimatorTest {

    private static final int RATE = 48_000;
    private static final int FRAMES = 6 * RATE;

    @Test
    void mixMinusOthersGivesAClearerPeakThanTheMixForAQuietStem() {
        double[] loud1 = noise(1, 0.5);
        double[] loud2 = noise(2, 0.5);
        double[] quiet = noise(3, 0.005); // 40 dB under the others
        int delay = 240;
        double[] quietDelivered = new double[FRAMES];
        System.arraycopy(quiet, 0, quietDelivered, delay, FRAMES - delay);
        double[][] stems = {loud1, loud2, quietDelivered};
        double[] mix = new double[FRAMES];
        double[] e = new double[FRAMES];
        for (int t = 0; t < FRAMES; t++) {
            mix[t] = loud1[t] + loud2[t] + quiet[t];
            e[t] = loud1[t] + loud2[t] + quietDelivered[t] - mix[t];
        }

        StemOffset minus = run(LagEstimator.Reference.MIX_MINUS_OTHERS, stems, e).get(2);
        StemOffset plain = run(LagEstimator.Reference.MIX, stems, mix).get(2);

        assertThat(minus.samples()).isCloseTo(delay, within(0.01));
        assertThat(minus.coherence()).isGreaterThan(0.9);
        assertThat(minus.coherence()).isGreaterThan(3 * plain.coherence());
        assertThat(minus.peakRatio()).isGreaterThan(plain.peakRatio());
    }

    @Test
    void fftSizeCoversFourTimesTheLag() {
        LagEstimator l = new LagEstimator(RATE, 1, 96_000, LagEstimator.Reference.MIX_MINUS_OTHERS);

        assertThat(l.fftSize()).isEqualTo(1 << 19);
    }

    private static List<StemOffset> run(LagEstimator.Reference reference, double[][] stems, double[] ref) {
        LagEstimator l = new LagEstimator(RATE, stems.length, 2 * RATE, reference);
        int block = 3000;
        double[][] mono = new double[stems.length][block];
        double[] r = new double[block];
        for (int at = 0; at < FRAMES; at += block) {
            int n = Math.min(block, FRAMES - at);
            for (int i = 0; i < stems.length; i++) {
                System.arraycopy(stems[i], at, mono[i], 0, n);
            }
            System.arraycopy(ref, at, r, 0, n);
            l.accept(mono, r, n);
        }
        return l.result(RATE);
    }

    private static double[] noise(long seed, double a) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] x = new double[FRAMES];
        for (int t = 0; t < FRAMES; t++) {
            x[t] = a * (2 * r.nextDouble() - 1);
        }
        return x;
    }
}
