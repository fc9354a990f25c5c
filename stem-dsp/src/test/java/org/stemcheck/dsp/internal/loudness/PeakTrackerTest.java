package org.stemcheck.dsp.internal.loudness;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The chunked, bound-skipping tracker equals a plain evaluation of every phase at every sample. */
class PeakTrackerTest {

    /** Every phase at every position, zeros before and after the audio, taps summed in order. */
    private static double direct(Interpolator ip, double[] x) {
        int taps = ip.historyLength();
        double[] padded = new double[taps - 1 + x.length + taps / 2];
        System.arraycopy(x, 0, padded, taps - 1, x.length);
        double peak = 0;
        for (double v : x) {
            peak = Math.max(peak, Math.abs(v));
        }
        for (int k = 1; k < ip.factor(); k++) {
            double[] c = ip.taps(k);
            for (int p = 0; p + taps <= padded.length; p++) {
                double y = 0;
                for (int i = 0; i < taps; i++) {
                    y += c[i] * padded[p + i];
                }
                peak = Math.max(peak, Math.abs(y));
            }
        }
        return peak;
    }

    @ParameterizedTest(name = "L = {0}")
    @ValueSource(ints = {2, 4, 5})
    void equalsADirectEvaluationAlsoWhereQuietChunksAreSkipped(int factor) {
        // Loud noise first (sets the peak), then 30 dB quieter: most later chunks are skipped by the
        // bound; then a tone that rises above the first peak between its samples.
        Random random = new Random(5);
        double[] x = new double[12000];
        for (int i = 0; i < x.length; i++) {
            double level = i < 2000 ? 0.5 : i < 9000 ? 0.016 : 0.0;
            x[i] = level * random.nextGaussian();
            if (i >= 9000) {
                x[i] = 0.6 * Math.sin(Math.PI / 2 * i + Math.PI / 4);
            }
        }
        Interpolator ip = Interpolator.of(factor);
        PeakTracker tracker = new PeakTracker(ip, 1);
        for (int start = 0; start < x.length; start += 777) {
            tracker.accept(new double[][] {x}, start, Math.min(777, x.length - start));
        }
        assertThat(tracker.truePeaks()[0]).isEqualTo(direct(ip, x));
    }

    @ParameterizedTest(name = "scale = {0}")
    @ValueSource(doubles = {1.0, 1e-42, 1e-300, 1e35, 1e300})
    void theFloatScreenNeverChangesThePeakOfDenseLoudAudio(double scale) {
        // Limited-master-like audio: dense noise near a ceiling with slow level changes, so spans
        // are not skipped by the bound and go through the float screen; near-equal crests test
        // its margin. Scales outside float's range go to the exact path (or underflow in float).
        Random random = new Random(11);
        double[] x = new double[20000];
        for (int i = 0; i < x.length; i++) {
            double v = 0.7 * Math.sin(2 * Math.PI * 997 * i / 48000.0) + 0.3 * random.nextGaussian();
            x[i] = scale * Math.max(-0.95, Math.min(0.95, v * (0.8 + 0.2 * Math.sin(i / 3000.0))));
        }
        Interpolator ip = Interpolator.of(4);
        PeakTracker tracker = new PeakTracker(ip, 1);
        for (int start = 0; start < x.length; start += 1500) {
            tracker.accept(new double[][] {x}, start, Math.min(1500, x.length - start));
        }
        assertThat(tracker.truePeaks()[0]).isEqualTo(direct(ip, x));
    }

    @ParameterizedTest(name = "L = {0}")
    @ValueSource(ints = {2, 4, 9})
    void tailGainBoundsWhatTheOmittedTapsAdd(int factor) {
        Interpolator ip = Interpolator.of(factor);
        int centre = ip.historyLength() / 2;
        double tail = ip.tailGain(centre - 4, centre + 4);
        for (int k = 1; k < factor; k++) {
            double[] c = ip.taps(k);
            double y = 0; // the omitted taps against their worst input
            for (int i = 0; i < c.length; i++) {
                if (i < centre - 4 || i >= centre + 4) {
                    y += c[i] * Math.signum(c[i]);
                }
            }
            assertThat(y).isLessThanOrEqualTo(tail);
        }
        assertThat(tail).isGreaterThan(0.1).isLessThan(ip.worstGain() / 2);
        assertThat(ip.tailGain(0, ip.historyLength())).isZero();
    }

    @ParameterizedTest(name = "L = {0}")
    @ValueSource(ints = {2, 4, 9})
    void worstGainBoundsEveryPhase(int factor) {
        Interpolator ip = Interpolator.of(factor);
        for (int k = 1; k < factor; k++) {
            double[] c = ip.taps(k);
            double[] worstInput = new double[c.length];
            for (int i = 0; i < c.length; i++) {
                worstInput[i] = Math.signum(c[i]);
            }
            double y = 0;
            for (int i = 0; i < c.length; i++) {
                y += c[i] * worstInput[i];
            }
            assertThat(Math.abs(y)).isLessThanOrEqualTo(ip.worstGain());
        }
        assertThat(ip.worstGain()).isBetween(1.0, 3.0);
    }
}
