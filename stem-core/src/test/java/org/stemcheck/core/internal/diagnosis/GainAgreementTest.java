package org.stemcheck.core.internal.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.stemcheck.core.nulltest.StemComparison;

/**
 * {@link BandEvidence#gainAgreement}: how much of what a stem reproduces of its own part band by
 * band its one gain reproduces, on transfers written by hand (three bands: a 55 Hz line's root and
 * its second and third harmonics, weights 1, 0.16, 0.0225).
 */
class GainAgreementTest {

    private static final double[] HZ = {55.0, 110.0, 165.0};
    private static final double[] WEIGHT = {1.0, 0.16, 0.0225};

    /** The gain a least-squares fit over the bands gives: {@code sum w Re T / sum w}. */
    private static double fitted(double[] re) {
        double num = 0;
        double den = 0;
        for (int b = 0; b < re.length; b++) {
            num += WEIGHT[b] * re[b];
            den += WEIGHT[b];
        }
        return num / den;
    }

    @Test
    void aFaderOrAnInversionAgreesWholly() {
        double[] fader = {0.708, 0.708, 0.708};
        double[] inverted = {-1.0, -1.0, -1.0};
        double[] none = new double[3];
        assertThat(BandEvidence.gainAgreement(0.708, WEIGHT, fader, none)).isCloseTo(1.0, Offset.offset(1e-12));
        assertThat(BandEvidence.gainAgreement(-1.0, WEIGHT, inverted, none)).isCloseTo(1.0, Offset.offset(1e-12));
    }

    @Test
    void aGainBesideABusEqAgreesNearlyWholly() {
        // +1.5 dB, 0, -1.5 dB across the bands: the gain averages the shelf
        double[] re = {0.708 * 1.189, 0.708, 0.708 / 1.189};
        double agreement = BandEvidence.gainAgreement(fitted(re), WEIGHT, re, new double[3]);
        assertThat(agreement).isGreaterThan(StemComparison.MIN_GAIN_AGREEMENT).isLessThan(1.0);
    }

    @Test
    void aLineLateByAFractionOfItsPeriodDoesNotAgree() {
        // 600 samples late at 48 kHz: the transfer turns -248, -495 and -743 degrees in the bands;
        // the gain fitted where the stem sits is -0.40 ("8 dB louder"), which reproduces 0.16 of
        // what a gain per band would
        double[] re = new double[3];
        double[] im = new double[3];
        for (int b = 0; b < 3; b++) {
            double phase = -2 * Math.PI * HZ[b] * 600 / 48_000.0;
            re[b] = Math.cos(phase);
            im[b] = Math.sin(phase);
        }
        double g = fitted(re);
        assertThat(g).isCloseTo(-0.40, Offset.offset(0.01));
        assertThat(BandEvidence.gainAgreement(g, WEIGHT, re, im)).isCloseTo(0.16, Offset.offset(0.01))
                .isLessThan(StemComparison.MIN_GAIN_AGREEMENT);
    }

    @Test
    void withoutWeightOrGainNothingIsKnown() {
        double[] one = {1.0, 1.0, 1.0};
        assertThat(BandEvidence.gainAgreement(1.0, new double[3], one, new double[3])).isNaN();
        assertThat(BandEvidence.gainAgreement(Double.NaN, WEIGHT, one, new double[3])).isNaN();
    }
}
