package org.stemcheck.dsp.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.stemcheck.dsp.internal.Biquad;
import org.stemcheck.dsp.internal.Fft;

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
    void decimatorKeepsTheTwoSectionsOutputEveryFactorthSample() {
        double[] x = noiseBursts(20000, 1);
        PerSample a1 = new PerSample(Biquad.lowPass(48000, 2400, 0.5412));
        PerSample a2 = new PerSample(Biquad.lowPass(48000, 2400, 1.3066));
        BiquadDecimator blocks = new BiquadDecimator(Biquad.lowPass(48000, 2400, 0.5412), Biquad.lowPass(48000, 2400, 1.3066), 8);
        BiquadDecimator perSample = new BiquadDecimator(Biquad.lowPass(48000, 2400, 0.5412), Biquad.lowPass(48000, 2400, 1.3066), 8);
        double[] out = new double[777 / 8 + 1];
        int checked = 0;
        int phase = 0;
        for (int start = 0; start < x.length; start += 777) {
            int n = Math.min(777, x.length - start);
            int kept = blocks.accept(x, start, n, out);
            int k = 0;
            for (int i = 0; i < n; i++) {
                double reference = a2.filter(a1.filter(x[start + i]));
                boolean keeps = perSample.accept(x[start + i]);
                assertThat(keeps).isEqualTo(++phase % 8 == 0);
                if (keeps) {
                    // the group's closed form rounds differently from the recursion, by far less than 24-bit quantisation
                    assertThat(out[k]).isCloseTo(reference, within(1e-12 * (1e-4 + Math.abs(reference))));
                    assertThat(Double.doubleToLongBits(perSample.last())).isEqualTo(Double.doubleToLongBits(out[k]));
                    k++;
                    checked++;
                }
            }
            assertThat(kept).isEqualTo(k);
        }
        assertThat(checked).isEqualTo(20000 / 8);
    }

    /** One section run sample by sample, direct form I, states below 1e-30 flushed to zero. */
    private static final class PerSample {
        private final Biquad s;
        private double x1;
        private double x2;
        private double y1;
        private double y2;

        PerSample(Biquad s) {
            this.s = s;
        }

        double filter(double x) {
            double y = s.b0() * x + s.b1() * x1 + s.b2() * x2 - s.a1() * y1 - s.a2() * y2;
            x2 = x1;
            x1 = x;
            y2 = y1;
            y1 = Math.abs(y) < 1e-30 ? 0 : y;
            return y1;
        }
    }

    @Test
    void onsetSumsAddedByTheCallerEqualPerSampleAccepts() {
        double[] x = noiseBursts(48000, 2);
        OnsetCounter perSample = new OnsetCounter(48000);
        OnsetCounter blocks = new OnsetCounter(48000);
        for (double v : x) {
            perSample.accept(v * v);
        }
        for (int start = 0; start < x.length; start += 1234) {
            int end = Math.min(start + 1234, x.length);
            for (int i = start; i < end; ) {
                int n = Math.min(end - i, blocks.toSubframeEnd());
                double sum = blocks.sum();
                for (int k = i; k < i + n; k++) {
                    sum += x[k] * x[k];
                }
                blocks.addSquares(sum, n);
                i += n;
            }
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

    @Test
    void bandMeterSumsEachBinIntoTheBandItsFrequencyFallsIn() {
        for (double rate : new double[] {8000, 22050, 44100, 48000, 96000, 192000}) {
            int hop = (int) Math.round(rate * StemFeatures.HOP_SECONDS);
            BandMeter meter = new BandMeter(rate, hop);
            int n = meter.size();
            double[] x = noiseBursts(n, 3);
            meter.accept(x);
            // reference: every bin's power, the band found by comparing its frequency with the edges
            Fft fft = Fft.ofSize(n);
            double[] data = new double[n];
            for (int i = 0; i < n; i++) {
                data[i] = x[i] * (0.5 - 0.5 * Math.cos(2 * Math.PI * i / n));
            }
            fft.forward(data);
            double[] power = new double[fft.bins()];
            fft.power(data, power);
            double[] bands = new double[BandMeter.EDGES.length + 1];
            double total = 0;
            for (int k = 1; k < power.length; k++) {
                int b = 0;
                while (b < BandMeter.EDGES.length && k * (rate / n) >= BandMeter.EDGES[b]) {
                    b++;
                }
                bands[b] += power[k];
            }
            for (double band : bands) {
                total += band;
            }
            double[] shares = meter.shares();
            for (int b = 0; b < bands.length; b++) {
                assertThat(shares[b]).as("rate %s band %d", rate, b).isEqualTo(bands[b] / total);
            }
        }
    }
}
