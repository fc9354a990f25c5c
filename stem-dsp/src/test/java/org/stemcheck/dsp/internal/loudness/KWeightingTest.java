package org.stemcheck.dsp.internal.loudness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.stemcheck.dsp.internal.Biquad;

/** The K-weighting designed per rate reproduces BS.1770-4's 48 kHz tables and its curve elsewhere. */
class KWeightingTest {

    /** BS.1770-4 Annex 1, Table 1 (pre-filter, 48 kHz): b0, b1, b2, a1, a2. */
    static final double[] TABLE_1 = {1.53512485958697, -2.69169618940638, 1.19839281085285,
        -1.69065929318241, 0.73248077421585};
    /** BS.1770-4 Annex 1, Table 2 (RLB high-pass, 48 kHz): b0, b1, b2, a1, a2. */
    static final double[] TABLE_2 = {1.0, -2.0, 1.0, -1.99004745483398, 0.99007225036621};

    /** The standard's curve: the response of the Table 1 and 2 sections at 48 kHz, dB. */
    static double standardCurveDb(double frequency) {
        return KWeighting.of(Biquad.of(TABLE_1[0], TABLE_1[1], TABLE_1[2], TABLE_1[3], TABLE_1[4]),
                Biquad.of(TABLE_2[0], TABLE_2[1], TABLE_2[2], TABLE_2[3], TABLE_2[4]))
                .responseDb(frequency, 48000);
    }

    @Test
    void at48kHzTheDesignReproducesTables1And2To1e9() {
        KWeighting k = KWeighting.forRate(48000);
        double[] shelf = k.first().coefficients();
        double[] highPass = k.second().coefficients();
        for (int i = 0; i < 5; i++) {
            assertThat(shelf[i]).as("pre-filter coefficient %d", i).isCloseTo(TABLE_1[i], within(1e-9));
            assertThat(highPass[i]).as("RLB coefficient %d", i).isCloseTo(TABLE_2[i], within(1e-9));
        }
    }

    @ParameterizedTest(name = "{0} Hz: {1} dB")
    @CsvSource({"20, -13.275", "50, -3.934", "100, -1.134", "500, 0.043", "1000, 0.698", "2000, 3.071",
        "4000, 3.968", "10000, 4.042"})
    void theStandardsCurvePassesThroughItsKnownPoints(double frequency, double db) {
        // Guards the reference itself: head shelf +4 dB above 2 kHz, RLB roll-off below 100 Hz.
        assertThat(standardCurveDb(frequency)).isCloseTo(db, within(0.001));
        assertThat(KWeighting.forRate(48000).responseDb(frequency, 48000)).isCloseTo(db, within(0.001));
    }

    @ParameterizedTest(name = "{0} Hz within {1} dB")
    @CsvSource({"44100, 0.002", "88200, 0.01", "96000, 0.01", "192000, 0.01", "22050, 0.04"})
    void atOtherRatesTheResponseFollowsTheStandardsCurve(double rate, double tolerance) {
        // The bilinear transform warps frequencies near Nyquist (the 48 kHz table included); up to
        // 0.4 fs (and 20 kHz) the deviation from the 48 kHz curve stays within the given bound.
        KWeighting k = KWeighting.forRate(rate);
        for (double f = 20; f <= Math.min(20000, 0.4 * rate); f *= 1.25) {
            assertThat(k.responseDb(f, rate)).as("%s Hz at %s Hz", f, rate)
                    .isCloseTo(standardCurveDb(f), within(tolerance));
        }
    }

    @Test
    void at8kHzTheShelfIsWarpedButTheLowEndAndTheLevelAtOneKilohertzHold() {
        // 1.68 kHz is a fifth of the rate: the curve deviates by up to 0.21 dB around 1-2 kHz.
        KWeighting k = KWeighting.forRate(8000);
        for (double f = 20; f <= 2000; f *= 1.25) {
            assertThat(k.responseDb(f, 8000)).as("%s Hz", f).isCloseTo(standardCurveDb(f), within(0.25));
        }
        assertThat(k.responseDb(100, 8000)).isCloseTo(standardCurveDb(100), within(0.002));
    }

    @Test
    void theHighPassKeepsThe48kHzPassBandGainAtEveryRate() {
        // The bilinear transform maps infinite frequency to Nyquist, so |H(fs/2)| is the prototype's
        // pass-band gain. libebur128 keeps b = (1, -2, 1), so its gain drifts with the rate; ours does not.
        double k48 = Math.tan(Math.PI * KWeighting.HIGHPASS_F0 / 48000);
        double tableGain = 1 + k48 / KWeighting.HIGHPASS_Q + k48 * k48;
        for (double rate : new double[] {8000, 22050, 44100, 48000, 96000, 192000}) {
            assertThat(KWeighting.forRate(rate).second().magnitude(rate / 2, rate)).as("%s Hz", rate)
                    .isCloseTo(tableGain, within(1e-9));
        }
    }

    @Test
    void thePrewarpedShelfMatchesItsAnalogPrototypeExactlyAtTheCorner() {
        // Analog H(j) = ((1 - Vh) + j Vb/Q) / (j/Q): |H| = sqrt(((1 - Vh) Q)^2 + Vb^2) at f0, at any rate.
        double vh = Math.pow(10, KWeighting.SHELF_GAIN_DB / 20);
        double vb = Math.pow(vh, KWeighting.SHELF_VB_EXPONENT);
        double atCorner = Math.hypot((1 - vh) * KWeighting.SHELF_Q, vb);
        for (double rate : new double[] {8000, 22050, 44100, 48000, 96000, 192000}) {
            Biquad shelf = KWeighting.shelf(rate);
            assertThat(shelf.magnitude(KWeighting.SHELF_F0, rate)).as("%s Hz", rate).isCloseTo(atCorner, within(1e-9));
            assertThat(shelf.magnitude(0, rate)).as("DC at %s Hz", rate).isCloseTo(1.0, within(1e-12));
        }
    }
}
