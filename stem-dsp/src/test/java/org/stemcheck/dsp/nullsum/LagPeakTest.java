package org.stemcheck.dsp.nullsum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LagPeakTest {

    /** The interpolation's four phasor chains against the defining sum, term by term with cos and sin. */
    @ParameterizedTest
    @ValueSource(ints = {8, 16, 64, 1024, 1 << 15})
    void interpolationMatchesTheDefiningSum(int n) {
        SplittableRandom r = new SplittableRandom(n);
        double[] w = new double[n];
        for (int k = 0; k < n; k++) {
            w[k] = r.nextDouble() - 0.5;
        }
        for (double tau : new double[] {0, 0.5, 1, 3.25, n / 2.0 - 0.3, n - 1.7, 12345.678 % n}) {
            double sum = 0;
            for (int k = 1; k < n / 2; k++) {
                double phase = 2 * Math.PI * k * tau / n;
                sum += w[2 * k] * Math.cos(phase) - w[2 * k + 1] * Math.sin(phase);
            }
            double expected = (w[0] + w[1] * Math.cos(Math.PI * tau) + 2 * sum) / n;
            assertThat(LagPeak.interpolate(w, tau)).as("n %d, tau %s", n, tau).isCloseTo(expected, within(1e-12));
        }
    }

    /** A delay of a fraction of a sample, put in the spectrum, is where the interpolation peaks. */
    @ParameterizedTest
    @ValueSource(doubles = {0.0, 0.25, 0.5, 2.3, 17.9})
    void interpolationPeaksAtAFractionalDelay(double delay) {
        int n = 256;
        double[] w = new double[n];
        // an impulse at `delay` (band-limited, Nyquist left out: it has no phase to carry a
        // fraction): W_k = e^{-2 pi i k delay / n}
        w[0] = 1;
        for (int k = 1; k < n / 2; k++) {
            w[2 * k] = Math.cos(2 * Math.PI * k * delay / n);
            w[2 * k + 1] = -Math.sin(2 * Math.PI * k * delay / n);
        }
        double best = Double.NaN;
        double top = Double.NEGATIVE_INFINITY;
        for (int i = 0; i <= 4000; i++) {
            double tau = delay - 1 + i / 2000.0;
            double v = LagPeak.interpolate(w, tau);
            if (v > top) {
                top = v;
                best = tau;
            }
        }
        assertThat(best).isCloseTo(delay, within(1e-3));
    }

    /** The derivatives against central differences of the interpolation itself. */
    @ParameterizedTest
    @ValueSource(ints = {8, 64, 1024, 1 << 14})
    void derivativesMatchFiniteDifferences(int n) {
        SplittableRandom r = new SplittableRandom(n + 1);
        double[] w = new double[n];
        for (int k = 0; k < n; k++) {
            w[k] = r.nextDouble() - 0.5;
        }
        double[] d = new double[3];
        for (double tau : new double[] {0, 0.37, 3.5, n / 3.0}) {
            LagPeak.derivatives(w, tau, d);
            double h = 1e-4;
            double plus = LagPeak.interpolate(w, tau + h);
            double mid = LagPeak.interpolate(w, tau);
            double minus = LagPeak.interpolate(w, tau - h);
            assertThat(d[0]).isCloseTo(mid, within(1e-12));
            double scale = Math.max(1.0, Math.abs(d[1]));
            assertThat(d[1]).as("slope, n %d tau %s", n, tau).isCloseTo((plus - minus) / (2 * h), within(1e-6 * scale));
            double curve = Math.max(1.0, Math.abs(d[2]));
            assertThat(d[2]).as("curve, n %d tau %s", n, tau)
                    .isCloseTo((plus - 2 * mid + minus) / (h * h), within(1e-3 * curve));
        }
    }
}
