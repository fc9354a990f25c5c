package org.stemcheck.core.nulltest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The one rule for "what is left is partly a stem's fraction of a sample", read by the diagnosis and the checks alike. */
class FractionLeftTest {

    @Test
    void onlyAnOffsetOffAWholeSampleByMoreThanAtwentiethLeavesAFraction() {
        assertThat(NullTestResult.fractionLeft(true, 2.5, 2)).isTrue();
        assertThat(NullTestResult.fractionLeft(true, -240.06, -240)).isTrue();
        assertThat(NullTestResult.fractionLeft(true, 240.04, 240)).isFalse();
        assertThat(NullTestResult.fractionLeft(false, 2.5, 0)).isFalse();
    }

    @Test
    void aStemCanLeaveAtMostFourTimesItsOwnPower() {
        // LMMS Skiessi-Onion: a stem 25 dB under the mix, "38.93 samples" read from another render
        // of it, against a residual of -7.8 dB: its fraction cannot be that residual.
        assertThat(NullTestResult.fractionCanLeave(-25.0, -7.8)).isFalse();
        // +6 dB over its level reaches the null: it can; 0.1 dB short, it cannot.
        assertThat(NullTestResult.fractionCanLeave(-13.7, -7.8)).isTrue();
        assertThat(NullTestResult.fractionCanLeave(-13.9, -7.8)).isFalse();
        assertThat(NullTestResult.fractionCanLeave(Double.NaN, -7.8)).isTrue();
    }
}
