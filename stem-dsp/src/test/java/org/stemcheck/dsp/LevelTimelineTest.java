package org.stemcheck.dsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LevelTimelineTest {

    private static final int RATE = 48_000;

    private static LevelTimeline.Result measure(int block, double[]... channels) {
        LevelTimeline t = LevelTimeline.create(channels.length, RATE);
        Accumulators.feed(channels, block, t);
        return t.result();
    }

    /** 0.5 s silence, 1 s of a -6 dBFS sine, then silence up to 2.05 s (a partial last point). */
    private static double[] burst() {
        double[] x = new double[(int) (2.05 * RATE)];
        double[] sine = Signals.sine(0.5, 1000, RATE, RATE);
        System.arraycopy(sine, 0, x, RATE / 2, RATE);
        return x;
    }

    @Test
    void pointsEvery100MsCarryPeakAndRms() {
        LevelTimeline.Result r = measure(4096, burst());
        assertThat(r.intervalFrames()).isEqualTo(4800);
        assertThat(r.points()).isEqualTo(21);
        assertThat(r.peaks()[0][4]).isZero();
        assertThat(r.peakDbfs(0, 5)).isCloseTo(-6.02, within(0.01));
        assertThat(r.rmsDbfs(0, 10)).isCloseTo(-9.03, within(0.01));
        assertThat(r.rms()[0][20]).isZero();
    }

    @Test
    void firstAndLastSoundAreFoundAndTheTailIsSilentWhenTheSoundEndsEarly() {
        LevelTimeline.Result r = measure(1000, burst());
        assertThat(r.firstSound().orElseThrow()).isBetween(24_000L, 24_001L);
        assertThat(r.lastSound().orElseThrow()).isBetween(71_990L, 72_000L);
        assertThat(r.tailRms()).isZero();
    }

    @Test
    void cutTailStillSoundsInTheLast100Ms() {
        double[] x = Signals.sine(0.25, 300, RATE, RATE + 123);
        LevelTimeline.Result r = measure(4096, x);
        assertThat(r.tailRmsDbfs()).isCloseTo(-15.05, within(0.05));
        assertThat(r.tailPeakDbfs()).isCloseTo(-12.04, within(0.05));
        assertThat(r.lastSound().orElseThrow()).isGreaterThan(RATE);
    }

    @Test
    void silentFileHasNoSound() {
        LevelTimeline.Result r = measure(4096, new double[10_000], new double[10_000]);
        assertThat(r.firstSound()).isEmpty();
        assertThat(r.lastSound()).isEmpty();
        assertThat(r.points()).isEqualTo(3);
    }

    /**
     * Single samples just above the -80 dBFS threshold, in different channels and blocks, between
     * samples at the threshold and NaNs (neither is sound): first and last sound are exactly theirs.
     */
    @ParameterizedTest
    @ValueSource(ints = {1, 7, 4800, 8192})
    void firstAndLastSoundAreTheExactSamplesAboveTheThreshold(int block) {
        double threshold = Math.pow(10, -80 / 20.0);
        double[] left = new double[20_000];
        double[] right = new double[20_000];
        left[4_799] = threshold; // at the threshold: not sound
        right[4_800] = Double.NaN;
        right[5_003] = -Math.nextUp(threshold);
        left[9_600] = Math.nextUp(threshold);
        left[17_001] = Math.nextUp(threshold);
        right[17_000] = 0.5;
        left[19_999] = Double.NaN;
        LevelTimeline.Result r = measure(block, left, right);
        assertThat(r.firstSound()).hasValue(5_003);
        assertThat(r.lastSound()).hasValue(17_001);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 4096})
    void blockSizeDoesNotChangeTheResult(int block) {
        double[] a = Signals.noise(0.1, 30_000, 1);
        double[] b = burst();
        double[] c = Arrays.copyOf(b, 30_000);
        LevelTimeline.Result whole = measure(30_000, a, c);
        LevelTimeline.Result split = measure(block, a, c);
        assertThat(split.peaks()).isDeepEqualTo(whole.peaks());
        assertThat(split.firstSound()).isEqualTo(whole.firstSound());
        assertThat(split.lastSound()).isEqualTo(whole.lastSound());
        assertThat(split.tailRms()).isCloseTo(whole.tailRms(), within(1e-12));
        for (int ch = 0; ch < 2; ch++) {
            for (int p = 0; p < whole.points(); p++) {
                assertThat(split.rms()[ch][p]).isCloseTo(whole.rms()[ch][p], within(1e-6f));
            }
        }
    }
}
