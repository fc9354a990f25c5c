package org.stemcheck.dsp.internal.loudness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The true-peak interpolator meets the pass band and stop band its javadoc states. */
class InterpolatorTest {

    /** Response of the whole interpolator (all phases, as one filter at L fs) at {@code f} x fs, dB. */
    private static double responseDb(Interpolator ip, double f) {
        int l = ip.factor();
        int h = Interpolator.HALF_LENGTH;
        double w = 2 * Math.PI * f / l;
        double re = 1; // phase 0: the unit tap at n = 0
        double im = 0;
        for (int k = 1; k < l; k++) {
            double[] taps = ip.taps(k);
            for (int i = 0; i < taps.length; i++) {
                int j = taps.length - 1 - i;
                int n = (j - h) * l + k; // the tap's time at the oversampled rate
                re += taps[i] * Math.cos(w * n);
                im -= taps[i] * Math.sin(w * n);
            }
        }
        return 20 * Math.log10(Math.hypot(re, im) / l);
    }

    @ParameterizedTest(name = "L = {0}")
    @ValueSource(ints = {2, 3, 4, 5, 9})
    void passBandIsFlatWithinFiveThousandthsOfADbUpTo045Fs(int factor) {
        Interpolator ip = Interpolator.of(factor);
        for (double f = 0; f <= 0.45; f += 0.45 / 400) {
            assertThat(responseDb(ip, f)).as("%s fs", f).isCloseTo(0.0, within(0.005));
        }
    }

    @ParameterizedTest(name = "L = {0}")
    @ValueSource(ints = {2, 3, 4, 5, 9})
    void stopBandFrom055FsIsAtLeast65DbDown(int factor) {
        Interpolator ip = Interpolator.of(factor);
        double top = factor / 2.0;
        for (double f = 0.55; f <= top; f += (top - 0.55) / 2000) {
            assertThat(responseDb(ip, f)).as("%s fs", f).isLessThan(-65.0);
        }
    }

    @Test
    void cutOffSitsAtTheInputNyquistFrequency() {
        assertThat(responseDb(Interpolator.of(4), 0.5)).isCloseTo(-6.02, within(0.01));
    }

    @Test
    void everyPhaseHasUnitDcGainAndTheKernelVanishesAtNonZeroIntegers() {
        Interpolator ip = Interpolator.of(4);
        for (int k = 1; k < 4; k++) {
            double sum = 0;
            for (double t : ip.taps(k)) {
                sum += t;
            }
            assertThat(sum).isCloseTo(1.0, within(1e-12));
        }
        assertThat(Interpolator.kernel(0)).isEqualTo(1.0);
        for (int n = 1; n < Interpolator.HALF_LENGTH; n++) {
            assertThat(Interpolator.kernel(n)).isCloseTo(0.0, within(1e-15));
            assertThat(Interpolator.kernel(-n)).isCloseTo(0.0, within(1e-15));
        }
    }

    @Test
    void besselFunctionMatchesTabulatedValues() {
        // I0(1) and I0(5) (Abramowitz and Stegun, Table 9.8).
        assertThat(Interpolator.besselI0(0)).isEqualTo(1.0);
        assertThat(Interpolator.besselI0(1)).isCloseTo(1.266065877752008, within(1e-14));
        assertThat(Interpolator.besselI0(5)).isCloseTo(27.23987182360445, within(1e-11));
    }
}
