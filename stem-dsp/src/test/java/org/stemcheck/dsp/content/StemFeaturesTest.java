package org.stemcheck.dsp.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.stemcheck.io.testing.Instruments.RATE;

import org.junit.jupiter.api.Test;
import org.stemcheck.dsp.Accumulators;
import org.stemcheck.io.testing.Instruments;

/** The features on generated stems: a bass line, a sung vowel, a drum pattern, a limited signal. */
class StemFeaturesTest {

    private static final double SECONDS = 6;

    private static StemFeatures.Result measure(int block, double[]... channels) {
        StemFeatures f = StemFeatures.create(RATE, channels.length);
        Accumulators.feed(channels, block, f);
        return f.result();
    }

    private static StemFeatures.Result measure(double[] mono) {
        return measure(8192, mono);
    }

    /**
     * The stereo loop sums a stretch as if every sample were finite and measures it again, checked,
     * when a sample was not (or so large that {@code l + r} overflows): a frame of two non-finite
     * samples, or of two samples at 2^1023, must then count exactly as a frame of two zeros does
     * in the side and mid sums (skipped there, adding 0 here), and the same in the levels for the
     * non-finite ones (measured as 0).
     */
    @Test
    void stereoFramesThatAreNotFiniteAreMeasuredLikeTheCheckedLoop() {
        double[] l = Instruments.vowel(SECONDS, 220, 0.3);
        double[] r = Instruments.bassLine(SECONDS, 0.3);
        int frame = 48_000 + 123;
        StemFeatures.Result zeros = measure(4096, with(l, frame, 0), with(r, frame, 0));
        double[][] bad = {{Double.NaN, Double.NaN}, {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY},
                {Double.NaN, Double.POSITIVE_INFINITY}, {Double.NEGATIVE_INFINITY, 0.0}};
        for (double[] pair : bad) {
            assertThat(measure(4096, with(l, frame, pair[0]), with(r, frame, pair[1])))
                    .as("%s, %s", pair[0], pair[1]).isEqualTo(zeros);
        }
        StemFeatures.Result huge = measure(4096, with(l, frame, 0x1p1023), with(r, frame, 0x1p1023));
        assertThat(huge.sideShare()).isEqualTo(zeros.sideShare());
        assertThat(huge.peakDbfs()).isCloseTo(20 * Math.log10(0x1p1023), within(1e-9));
        assertThat(measure(4096, l, r).sideShare()).isNotEqualTo(zeros.sideShare());
    }

    private static double[] with(double[] x, int i, double v) {
        double[] y = x.clone();
        y[i] = v;
        return y;
    }

    @Test
    void bassLineHasItsPowerBelow300HzAndALowPitchInMostFrames() {
        StemFeatures.Result r = measure(Instruments.bassLine(SECONDS, 0.5));

        assertThat(r.bands().below300()).isGreaterThan(0.9);
        assertThat(r.pitch().medianHz()).isBetween(40.0, 70.0);
        assertThat(r.pitch().voicedShare()).isGreaterThan(0.6);
        assertThat(r.centroidHz()).isLessThan(200.0);
    }

    @Test
    void sungVowelHasItsPitchAndPowerInTheVoiceRange() {
        StemFeatures.Result r = measure(Instruments.vowel(SECONDS, 220, 0.3));

        assertThat(r.pitch().medianHz()).isBetween(200.0, 245.0);
        assertThat(r.pitch().lowHz()).isGreaterThan(180.0);
        assertThat(r.pitch().highHz()).isLessThan(260.0);
        assertThat(r.pitch().voicedShare()).isGreaterThan(0.7);
        assertThat(r.bands().voiceRange()).isGreaterThan(0.7);
        assertThat(r.bands().below300()).isLessThan(0.3);
    }

    @Test
    void drumPatternHasAnOnsetPerHitAndBroadbandPower() {
        // A burst every 250 ms: 4 hits per second.
        StemFeatures.Result r = measure(Instruments.drums(SECONDS, 0.5, 7));

        assertThat(r.onsetsPerSecond()).isBetween(3.5, 4.5);
        assertThat(r.bands().air() + r.bands().high()).isGreaterThan(0.05);
    }

    @Test
    void heldPadHasNoOnsetAfterItsStart() {
        StemFeatures.Result r = measure(Instruments.pad(SECONDS, 130, 0.2));

        assertThat(r.onsetsPerSecond()).isLessThan(0.25);
        assertThat(r.pitch().medianHz()).isBetween(120.0, 140.0);
    }

    @Test
    void limitedSignalReachesItsCeilingInManyWindowsAtDifferentLevels() {
        double ceiling = Math.pow(10, -1.0 / 20);
        double[] dry = Instruments.drums(SECONDS, 0.3, 3);
        StemFeatures.Result before = measure(dry);
        StemFeatures.Result after = measure(Instruments.limit(dry, ceiling, 12));

        assertThat(before.hopsNearPeak()).isLessThanOrEqualTo(3);
        assertThat(after.peakDbfs()).isCloseTo(-1.0, within(0.01));
        assertThat(after.hopsNearPeak()).isGreaterThanOrEqualTo(20);
        assertThat(after.nearPeakLevelSpreadDb()).isGreaterThan(3.0);
        assertThat(after.hops()).isEqualTo(60);
    }

    @Test
    void aDrumSampleReplayedBitForBitIsOnePeakShapeALimitersCeilingIsMany() {
        // one 20 ms burst (fixed seed) at 0, 20, 40 and 250 ms of every half second
        java.util.Random rnd = new java.util.Random(3);
        double[] hit = new double[RATE / 50];
        for (int i = 0; i < hit.length; i++) {
            hit[i] = rnd.nextGaussian() * Math.exp(-500.0 * i / RATE);
        }
        double[] replayed = new double[(int) (SECONDS * RATE)];
        for (int half = 0; half < SECONDS * 2; half++) {
            for (double at : new double[] {0.0, 0.02, 0.04, 0.25}) {
                System.arraycopy(hit, 0, replayed, (int) Math.round((half * 0.5 + at) * RATE), hit.length);
            }
        }
        StemFeatures.Result sample = measure(replayed);
        StemFeatures.Result limited = measure(Instruments.limit(Instruments.drums(SECONDS, 0.3, 3), Math.pow(10, -1.0 / 20), 12));

        // every window with a hit peaks on the same sample of the same burst: two a half second
        assertThat(sample.hopsNearPeak()).isEqualTo((long) (SECONDS * 4));
        assertThat(sample.hopsNearPeakRepeated()).isEqualTo(sample.hopsNearPeak());
        assertThat(sample.hopsNearPeakDistinct()).isEqualTo(1);
        assertThat(limited.hopsNearPeak()).isGreaterThanOrEqualTo(20);
        assertThat(limited.hopsNearPeakRepeated()).isLessThanOrEqualTo(2);
        assertThat(limited.hopsNearPeakDistinct()).isGreaterThanOrEqualTo(limited.hopsNearPeak() - 1);
    }

    @Test
    void aDrumSampleReplayedThroughALossyCodecIsStillOnePeakShape() {
        // The burst of the test above, each hit with noise of its own 35 dB under it (white, drawn
        // anew per hit), as a lossy codec codes every hit anew: no hit is the sample bit for bit,
        // and the peaks scatter: the first window 0.14 dB under the others, as LMMS Surrender-Main's
        // kick after AAC (its first hit outside the last 0.1 dB, most of the others inside).
        java.util.Random rnd = new java.util.Random(3);
        double[] hit = new double[RATE / 50];
        double power = 0;
        for (int i = 0; i < hit.length; i++) {
            hit[i] = rnd.nextGaussian() * Math.exp(-500.0 * i / RATE);
            power += hit[i] * hit[i] / hit.length;
        }
        double noise = Math.sqrt(power) * Math.pow(10, -35.0 / 20);
        double[] replayed = new double[(int) (SECONDS * RATE)];
        for (int half = 0; half < SECONDS * 2; half++) {
            for (double at : new double[] {0.0, 0.02, 0.04, 0.25}) {
                int from = (int) Math.round((half * 0.5 + at) * RATE);
                double first = half == 0 && at < 0.1 ? Math.pow(10, -0.14 / 20) : 1.0;
                for (int i = 0; i < hit.length; i++) {
                    replayed[from + i] = first * hit[i] + noise * rnd.nextGaussian();
                }
            }
        }
        StemFeatures.Result sample = measure(replayed);

        assertThat(sample.hopsNearPeak()).isGreaterThanOrEqualTo(5);
        assertThat(sample.hopsNearPeakRepeated()).isEqualTo(sample.hopsNearPeak());
        assertThat(sample.hopsNearPeakDistinct()).isEqualTo(1);
    }

    @Test
    void steadySineReachesItsPeakEverywhereAtOneLevel() {
        double[] sine = new double[RATE * 2];
        for (int i = 0; i < sine.length; i++) {
            sine[i] = 0.5 * Math.sin(2 * Math.PI * 1000 * i / RATE);
        }
        StemFeatures.Result r = measure(sine);

        assertThat(r.hopsNearPeak()).isEqualTo(20);
        assertThat(r.nearPeakLevelSpreadDb()).isLessThan(0.1);
        assertThat(r.rmsDbfs()).isCloseTo(-9.03, within(0.01));
        assertThat(r.crestDb()).isCloseTo(3.01, within(0.01));
    }

    @Test
    void resultDoesNotDependOnTheBlockSize() {
        double[] x = Instruments.vowel(3, 180, 0.3);
        StemFeatures.Result a = measure(8192, x);
        StemFeatures.Result b = measure(333, x);

        assertThat(b).isEqualTo(a);
    }

    @Test
    void sideShareIsZeroForIdenticalChannelsAndOneForOppositeChannels() {
        double[] x = Instruments.vowel(3, 180, 0.3);
        double[] minus = x.clone();
        for (int i = 0; i < minus.length; i++) {
            minus[i] = -minus[i];
        }
        assertThat(measure(8192, x, x.clone()).sideShare()).isCloseTo(0.0, within(1e-12));
        assertThat(measure(8192, x, minus).sideShare()).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void silenceAndNonFiniteSamplesGiveNoSoundNoPitchAndNoCrash() {
        double[] silence = new double[RATE];
        double[] odd = new double[RATE];
        odd[10] = Double.NaN;
        odd[20] = Double.POSITIVE_INFINITY;
        for (double[] x : new double[][] {silence, odd}) {
            StemFeatures.Result r = measure(x);
            assertThat(r.soundingSeconds()).isZero();
            assertThat(r.pitch().voicedShare()).isZero();
            assertThat(r.pitch().medianHz()).isNaN();
            assertThat(r.peakDbfs()).isEqualTo(Double.NEGATIVE_INFINITY);
            assertThat(r.hopsNearPeak()).isZero();
            assertThat(r.seconds()).isCloseTo(1.0, within(1e-12));
        }
    }

    @Test
    void emptyInputGivesAnEmptyResult() {
        StemFeatures.Result r = StemFeatures.create(RATE, 2).result();

        assertThat(r.seconds()).isZero();
        assertThat(r.hops()).isZero();
        assertThat(r.centroidHz()).isNaN();
        assertThat(r.onsetsPerSecond()).isZero();
    }

    @Test
    void oddRatesAreAcceptedAndAbsurdOnesRefusedWithoutAllocating() {
        StemFeatures tiny = StemFeatures.create(8, 1);
        tiny.accept(new double[][] {new double[1000]}, 0, 1000);
        assertThat(tiny.result().seconds()).isCloseTo(125.0, within(1e-9));

        assertThatThrownBy(() -> StemFeatures.create(4e9, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StemFeatures.create(48_000, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StemFeatures.create(Double.NaN, 2)).isInstanceOf(IllegalArgumentException.class);
    }
}
