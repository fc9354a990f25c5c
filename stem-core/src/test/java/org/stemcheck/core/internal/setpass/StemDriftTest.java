package org.stemcheck.core.internal.setpass;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Which changes of offset between the two halves of a song are reported as clock drift. */
class StemDriftTest {

    private static final int RATE = 48_000;

    @Test
    void fiftyPpmOverTenSecondsIsPlausibleDrift() {
        // 50 ppm at 48 kHz over 10 s between the centroids: 24 samples.
        StemDrift d = new StemDrift(0, 3.0, 27.0, 10.0, true, 1.0);

        assertThat(d.ppm(RATE)).isCloseTo(50.0, within(1e-9));
        assertThat(d.plausible(RATE)).isTrue();
    }

    @Test
    void aJumpOfTheCorrelationPeakIsNoDrift() {
        // A periodic stem whose correlation peak locked onto another period in one half: 1616 samples
        // (as the generated FX stem of the cut-tail test read) over 5 s, 6733 ppm.
        StemDrift d = new StemDrift(6, -800.0, 816.0, 5.0, true, 2.0);

        assertThat(Math.abs(d.ppm(RATE))).isGreaterThan(StemDrift.MAX_PPM);
        assertThat(d.plausible(RATE)).isFalse();
    }

    @Test
    void theBoundIsInclusiveAndHoldsForEarlierAsWellAsLater() {
        double span = 2.0;
        // at the bound: 1000 ppm over 2 s at 48 kHz, 96 samples
        double atBound = StemDrift.MAX_PPM * 1e-6 * span * RATE;

        assertThat(new StemDrift(0, 0, atBound, span, true, 1).plausible(RATE)).isTrue();
        assertThat(new StemDrift(0, 0, -atBound, span, true, 1).plausible(RATE)).isTrue();
        assertThat(new StemDrift(0, 0, -1.01 * atBound, span, true, 1).plausible(RATE)).isFalse();
    }

    @Test
    void anOffsetThatIsNotConfidentInBothHalvesIsNoDrift() {
        StemDrift d = new StemDrift(0, 3.0, 27.0, 10.0, false, 1.0);

        assertThat(d.plausible(RATE)).isFalse();
    }

    @Test
    void halvesWithoutTimeBetweenThemAreNoDrift() {
        assertThat(new StemDrift(0, 3.0, 27.0, 0.0, true, 1.0).plausible(RATE)).isFalse();
    }

    @Test
    void aSongTooShortForAClockToMoveTheOffsetIsNotJudged() {
        // A generated 0.5 s delivery: 1.3 samples over 0.18 s read 150 ppm, under the bound, but with no drift.
        StemDrift d = new StemDrift(6, -1.24, 0.11, 0.18, true, 1.0);

        assertThat(Math.abs(d.ppm(RATE))).isLessThan(StemDrift.MAX_PPM);
        assertThat(d.plausible(RATE)).isFalse();
        assertThat(new StemDrift(6, -1.24, 0.11, StemDrift.MIN_SPAN_SECONDS, true, 1.0).plausible(RATE)).isTrue();
    }
}
