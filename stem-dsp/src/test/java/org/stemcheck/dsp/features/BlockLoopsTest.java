package org.stemcheck.dsp.features;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;

import org.junit.jupiter.api.Test;

/** The block loops of the feature trackers give what their per-sample forms give, bit for bit. */
class BlockLoopsTest {

    private static double[] noiseBursts(int n, long seed) {
        Random random = new Random(seed);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            double level = (i / 2000) % 3 == 0 ? 0.5 : 1e-4; // loud bursts between near-silence
            x[i] = level * random.nextGaussian();
        }
        return x;
    }

    @Test
    void cascadeEqualsTwoSectionsSampleBySample() {
        double[] x = noiseBursts(20000, 1);
        Biquad a1 = Biquad.lowPass(48000, 2400, 0.5412);
        Biquad a2 = Biquad.lowPass(48000, 2400, 1.3066);
        Biquad b1 = Biquad.lowPass(48000, 2400, 0.5412);
        Biquad b2 = Biquad.lowPass(48000, 2400, 1.3066);
        double[] out = new double[777];
        for (int start = 0; start < x.length; start += 777) {
            int n = Math.min(777, x.length - start);
            b1.cascade(b2, x, start, n, out);
            for (int i = 0; i < n; i++) {
                assertThat(out[i]).isEqualTo(a2.filter(a1.filter(x[start + i])));
            }
        }
    }

    @Test
    void onsetSquaresEqualPerSampleAccepts() {
        double[] x = noiseBursts(48000, 2);
        OnsetCounter perSample = new OnsetCounter(48000);
        OnsetCounter blocks = new OnsetCounter(48000);
        for (double v : x) {
            perSample.accept(v * v);
        }
        for (int start = 0; start < x.length; start += 1234) {
            blocks.acceptSquares(x, start, Math.min(1234, x.length - start));
        }
        assertThat(perSample.onsets()).isPositive();
        assertThat(blocks.onsets()).isEqualTo(perSample.onsets());
    }

    @Test
    void pitchBlocksEqualPerSampleAccepts() {
        double[] x = new double[48000];
        for (int i = 0; i < x.length; i++) {
            x[i] = 0.4 * Math.sin(2 * Math.PI * 220 * i / 48000.0);
        }
        PitchTracker perSample = new PitchTracker(48000);
        PitchTracker blocks = new PitchTracker(48000);
        for (int start = 0; start < x.length; start += 4800) {
            for (int i = start; i < start + 4800; i++) {
                perSample.accept(x[i]);
            }
            blocks.accept(x, start, 4800);
            assertThat(Double.doubleToLongBits(blocks.analyse()))
                    .isEqualTo(Double.doubleToLongBits(perSample.analyse()));
        }
        assertThat(blocks.voiced()).isPositive();
        assertThat(blocks.quantile(0.5)).isBetween(200.0, 240.0);
    }
}
