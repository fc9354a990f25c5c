package org.stemcheck.dsp.internal.loudness;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
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

    private static double[] scaled(double[] x, double gain) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = gain * x[i];
        }
        return y;
    }

    /** Feeds {@code x} in blocks of {@code block} frames and returns the tracked true peak. */
    private static double tracked(Interpolator ip, double[] x, int block) {
        PeakTracker tracker = new PeakTracker(ip, 1);
        for (int start = 0; start < x.length; start += block) {
            tracker.accept(new double[][] {x}, start, Math.min(block, x.length - start));
        }
        return tracker.truePeaks()[0];
    }

    /** The phase with the largest sum of absolute taps, and its taps' signs: the input that reaches the worst gain. */
    private static double[] worstPattern(Interpolator ip) {
        double[] best = null;
        double bestGain = -1;
        for (int k = 1; k < ip.factor(); k++) {
            double[] c = ip.taps(k);
            double gain = 0;
            for (double v : c) {
                gain += Math.abs(v);
            }
            if (gain > bestGain) {
                bestGain = gain;
                best = c;
            }
        }
        double[] signs = new double[best.length];
        for (int i = 0; i < best.length; i++) {
            signs[i] = Math.signum(best[i]);
        }
        return signs;
    }

    /**
     * Adversarial input for the bound: the sign pattern of the worst phase, whose output is the
     * worst gain times its amplitude, once to set the peak and again a hair louder or softer, at
     * offsets across span (64) and chunk (1024) boundaries, so that the bound, the screens' tail
     * and rounding terms, and the chunk-start peak the screens compare with are all within an ulp
     * or two of deciding wrongly. The tracker must still equal the direct evaluation bit for bit.
     */
    @ParameterizedTest(name = "second at {0} x {1}")
    @CsvSource({"1000, 1.0000000000001", "1000, 0.9999999999999", "1017, 1.0", "2040, 1.0000000000001",
            "2048, 0.9999999999999", "2100, 1.0000000000001", "3070, 1.0000000000001", "3070, 0.9999999999999"})
    void worstCasePatternsAtTheBoundAreFoundExactly(int second, double ratio) {
        for (int factor : new int[] {2, 4, 5}) {
            Interpolator ip = Interpolator.of(factor);
            double[] pattern = worstPattern(ip);
            double[] x = new double[4200];
            Random random = new Random(second);
            for (int i = 0; i < x.length; i++) {
                x[i] = 0.05 * random.nextGaussian(); // a floor, so that no span is trivially silent
            }
            System.arraycopy(scaled(pattern, 0.3), 0, x, 100, pattern.length);
            System.arraycopy(scaled(pattern, 0.3 * ratio), 0, x, second, pattern.length);
            for (int block : new int[] {1, 333, 1024, 8192}) {
                assertThat(tracked(ip, x, block)).as("L = %d, block %d", factor, block).isEqualTo(direct(ip, x));
            }
        }
    }

    /**
     * Within one chunk a later span raises the peak above one set earlier in the same chunk, and a
     * third span sits between the two: the screens compare with the peak at the chunk's start
     * (lower), the exact pass with the raised one.
     */
    @ParameterizedTest(name = "L = {0}")
    @ValueSource(ints = {2, 3, 4})
    void peaksRaisedWithinAChunkAreFoundExactly(int factor) {
        Interpolator ip = Interpolator.of(factor);
        Random random = new Random(3);
        double[] x = new double[3 * 1024];
        for (int i = 0; i < x.length; i++) {
            double level = (i / 64) % 5 == 0 ? 0.9 : 0.3 + 0.1 * ((i / 64) % 3);
            x[i] = level * Math.sin(Math.PI * 0.43 * i + 0.1 * random.nextGaussian());
        }
        x[1024 + 130] = 0.95;
        x[1024 + 700] = -0.97;
        x[1024 + 701] = 0.97;
        for (int block : new int[] {64, 1000, 4096}) {
            assertThat(tracked(ip, x, block)).as("block %d", block).isEqualTo(direct(ip, x));
        }
    }

    /** A NaN or infinite sample, alone or beside another, counts as 0, wherever it falls in a chunk. */
    @ParameterizedTest(name = "at {0}")
    @ValueSource(ints = {0, 5, 63, 64, 1024 + 10, 1024 + 1000, 2047})
    void nonFiniteSamplesCountAsZeroExactly(int at) {
        Interpolator ip = Interpolator.of(4);
        Random random = new Random(at);
        double[] x = new double[2500];
        for (int i = 0; i < x.length; i++) {
            x[i] = 0.4 * random.nextGaussian();
        }
        double[] zeroed = x.clone();
        zeroed[at] = 0;
        zeroed[at + 1] = 0;
        for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
            double[] dirty = x.clone();
            dirty[at] = bad;
            dirty[at + 1] = Double.NaN;
            assertThat(tracked(ip, dirty, 1024)).as("%s", bad).isEqualTo(direct(ip, zeroed));
        }
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
