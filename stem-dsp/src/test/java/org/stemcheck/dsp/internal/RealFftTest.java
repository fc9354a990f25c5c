package org.stemcheck.dsp.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.stemcheck.dsp.Allocations;
import org.stemcheck.dsp.Signals;
import org.stemcheck.io.testing.Verbose;

/** Our engine ({@link RealFft}) on every size through its plans: Stockham radix 2/4/8 and Bluestein. */
class RealFftTest {

    /** Sizes through every plan: radix-2 (m < 256), rows (m >= 256, square and not), Bluestein. */
    private static final int[] GRID = {2, 4, 6, 8, 10, 16, 30, 32, 64, 100, 126, 128, 256, 510, 512, 1000, 1024,
        2048, 4096, 6000, 8192};

    @ParameterizedTest
    @ValueSource(ints = {2, 4, 6, 8, 10, 16, 30, 32, 64, 100, 126, 128, 256, 510, 512, 1000, 1024, 2048, 4096, 6000})
    void forwardMatchesADoubleDoubleDftToAUnitOfRoundingOfTheLargestBin(int n) {
        double[] x = Signals.noise(0.3, n, n);
        double[] a = x.clone();
        new RealFft(n).forward(a);
        double[][] ref = ReferenceDft.all(x);
        double largest = 0;
        for (int k = 0; k <= n / 2; k++) {
            largest = Math.max(largest, Math.hypot(ref[0][k], ref[1][k]));
        }
        double worst = worstError(a, ref, n, largest);
        double bound = Integer.bitCount(n / 2) == 1 ? 1e-15 : 5e-15; // Bluestein: three transforms deep
        Verbose.printf("RealFft accuracy n=%d: max |X - ref| = %.2e of the largest bin%n", n, worst);
        assertThat(worst).as("max |X - ref| / max |ref|, n = %d", n).isLessThan(bound);
    }

    /** The large sizes the engine uses (8192 to 2^19 points), against 64 bins computed directly. */
    @ParameterizedTest
    @ValueSource(ints = {8192, 16384, 65536, 131072, 524288})
    void largeSizesMatchDirectSumsAtSampledBins(int n) {
        double[] x = Signals.noise(1.0, n, n);
        double[] a = x.clone();
        new RealFft(n).forward(a);
        Random random = new Random(n);
        double largest = Math.sqrt(n); // white noise: |X| is about sqrt(n) sigma; the check uses the bins found
        double worst = 0;
        for (int s = 0; s < 64; s++) {
            int k = s < 2 ? s * (n / 2) : 1 + random.nextInt(n / 2 - 1);
            double[] ref = ReferenceDft.bin(x, k);
            largest = Math.max(largest, Math.hypot(ref[0], ref[1]));
            double re = k == 0 ? a[0] : k == n / 2 ? a[1] : a[2 * k];
            double im = k == 0 || k == n / 2 ? 0 : a[2 * k + 1];
            worst = Math.max(worst, Math.hypot(re - ref[0], im - ref[1]));
        }
        Verbose.printf("RealFft accuracy n=%d (64 bins): max |X - ref| = %.2e of the largest%n", n, worst / largest);
        assertThat(worst / largest).as("n = %d", n).isLessThan(1e-14);
    }

    @Test
    void inverseOfForwardGivesTheInputBackOverTheGrid() {
        for (int n : GRID) {
            roundTrip(n, 1e-15);
        }
        for (int n : new int[] {16384, 32768, 65536, 131072, 1 << 19, 1 << 20}) {
            roundTrip(n, 1e-15);
        }
    }

    private static void roundTrip(int n, double relative) {
        double[] x = Signals.noise(0.3, n, n + 1);
        double[] a = x.clone();
        RealFft fft = new RealFft(n);
        fft.forward(a);
        fft.inverse(a);
        double worst = 0;
        double peak = 0;
        for (int i = 0; i < n; i++) {
            worst = Math.max(worst, Math.abs(a[i] - x[i]));
            peak = Math.max(peak, Math.abs(x[i]));
        }
        assertThat(worst / peak).as("round trip, n = %d", n).isLessThan(relative * Math.log(n) * 2);
    }

    @Test
    void parsevalHoldsOverTheGrid() {
        for (int n : GRID) {
            double[] x = Signals.noise(0.5, n, 7);
            double energy = 0;
            for (double v : x) {
                energy += v * v;
            }
            RealFft fft = new RealFft(n);
            double[] a = x.clone();
            fft.forward(a);
            double[] p = new double[n / 2 + 1];
            Fft.ofSize(n).power(a, p);
            double spectral = p[0] + p[n / 2];
            for (int k = 1; k < n / 2; k++) {
                spectral += 2 * p[k];
            }
            assertThat(spectral / n).as("n = %d", n).isCloseTo(energy, within(energy * 1e-13));
        }
    }

    @Test
    void linearOverTheGrid() {
        for (int n : GRID) {
            double[] x = Signals.noise(0.5, n, 1);
            double[] y = Signals.noise(0.5, n, 2);
            double[] z = new double[n];
            for (int i = 0; i < n; i++) {
                z[i] = 2.5 * x[i] - 0.75 * y[i];
            }
            RealFft fft = new RealFft(n);
            fft.forward(x);
            fft.forward(y);
            fft.forward(z);
            for (int i = 0; i < n; i++) {
                assertThat(z[i]).as("n = %d, i = %d", n, i).isCloseTo(2.5 * x[i] - 0.75 * y[i], within(1e-12 * n));
            }
        }
    }

    @Test
    void impulseGivesAFlatSpectrumAndAShiftedOneALinearPhase() {
        for (int n : GRID) {
            RealFft fft = new RealFft(n);
            double[] a = new double[n];
            a[0] = 1;
            fft.forward(a);
            assertThat(a[0]).isCloseTo(1, within(1e-15));
            assertThat(a[1]).isCloseTo(1, within(1e-15));
            for (int k = 1; k < n / 2; k++) {
                assertThat(a[2 * k]).isCloseTo(1, within(1e-15));
                assertThat(a[2 * k + 1]).isCloseTo(0, within(1e-15));
            }
            double[] b = new double[n];
            b[1] = 1; // X[k] = exp(-2 pi i k / n)
            fft.forward(b);
            for (int k = 1; k < n / 2; k++) {
                assertThat(b[2 * k]).as("n = %d, k = %d", n, k).isCloseTo(Math.cos(2 * Math.PI * k / n), within(1e-14));
                assertThat(b[2 * k + 1]).isCloseTo(-Math.sin(2 * Math.PI * k / n), within(1e-14));
            }
            assertThat(b[1]).isCloseTo(-1, within(1e-15));
        }
    }

    @Test
    void packedLayoutHoldsDcNyquistAndEachBinAsReIm() {
        for (int n : new int[] {64, 1024, 8192, 100}) { // first stage radix 2, 8, 4; Bluestein
            double[] x = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = 0.25 + Math.cos(2 * Math.PI * 5 * i / n) + 0.5 * Math.sin(2 * Math.PI * 9 * i / n)
                        + 0.125 * ((i % 2 == 0) ? 1 : -1);
            }
            RealFft fft = new RealFft(n);
            fft.forward(x);
            assertThat(x[0]).as("Re X[0] = n * mean").isCloseTo(0.25 * n, within(1e-9));
            assertThat(x[1]).as("Re X[n/2]").isCloseTo(0.125 * n, within(1e-9));
            assertThat(x[10]).as("Re X[5]").isCloseTo(n / 2.0, within(1e-9));
            assertThat(x[11]).as("Im X[5]").isCloseTo(0, within(1e-9));
            assertThat(x[18]).as("Re X[9]").isCloseTo(0, within(1e-9));
            assertThat(x[19]).as("Im X[9] = -n/2 * amplitude for a sine").isCloseTo(-0.5 * n / 2, within(1e-9));
            double[] p = new double[n / 2 + 1];
            Fft.ofSize(n).power(x, p);
            assertThat(p[5]).isCloseTo(n * n / 4.0, within(1e-6));
            assertThat(p[9]).isCloseTo(n * n / 16.0, within(1e-6));
            assertThat(p[3]).isCloseTo(0, within(1e-12));
            assertThat(p[n / 2]).isCloseTo(Math.pow(0.125 * n, 2), within(1e-9));
        }
    }

    @Test
    void entriesPastTheSizeAreLeftAlone() {
        RealFft fft = new RealFft(16);
        double[] a = Signals.noise(0.3, 20, 3);
        double[] tail = {a[16], a[17], a[18], a[19]};
        fft.forward(a);
        fft.inverse(a);
        assertThat(new double[] {a[16], a[17], a[18], a[19]}).containsExactly(tail);
    }

    @ParameterizedTest
    @ValueSource(ints = {512, 1024, 4096, 8192, 65536, 1000})
    void forwardAndInverseAllocateNothingPerCall(int n) {
        RealFft fft = new RealFft(n);
        Fft packed = Fft.ofSize(n);
        double[] data = Signals.noise(1, n, 1);
        double[] power = new double[n / 2 + 1];
        for (int i = 0; i < 20; i++) {
            fft.forward(data);
            packed.power(data, power);
            fft.inverse(data);
        }
        Allocations.currentThread();
        long before = Allocations.currentThread();
        for (int i = 0; i < 200; i++) {
            fft.forward(data);
            packed.power(data, power);
            fft.inverse(data);
        }
        long allocated = Allocations.currentThread() - before;
        // One object per call would be at least 16 B x 400; the bound leaves room for the probe itself.
        assertThat(allocated).as("bytes allocated by 200 transform pairs").isLessThan(2048);
    }

    @Test
    void startsNoThread() {
        int before = Thread.activeCount();
        RealFft fft = new RealFft(1 << 16);
        double[] data = Signals.noise(1, 1 << 16, 1);
        fft.forward(data);
        fft.inverse(data);
        assertThat(Thread.activeCount()).isLessThanOrEqualTo(before);
    }

    private static double worstError(double[] a, double[][] ref, int n, double largest) {
        double worst = Math.hypot(a[0] - ref[0][0], ref[1][0]) + Math.abs(a[1] - ref[0][n / 2]);
        for (int k = 1; k < n / 2; k++) {
            worst = Math.max(worst, Math.hypot(a[2 * k] - ref[0][k], a[2 * k + 1] - ref[1][k]));
        }
        return worst / largest;
    }

    /**
     * The DFT summed directly in double-double arithmetic (error-free products by fma, two-sum
     * accumulation: Ogita, Rump and Oishi, "Accurate sum and dot product", SIAM J. Sci. Comput.
     * 26(6), 2005) with twiddles from the octant-reduced tables: about 1e-16 relative per bin.
     */
    static final class ReferenceDft {
        static double[][] all(double[] x) {
            int n = x.length;
            double[] cos = new double[n];
            double[] sin = new double[n];
            for (int t = 0; t < n; t++) {
                cos[t] = Twiddles.cos(t, n);
                sin[t] = Twiddles.sin(t, n);
            }
            double[][] out = new double[2][n / 2 + 1];
            for (int k = 0; k <= n / 2; k++) {
                double[] b = bin(x, k, cos, sin);
                out[0][k] = b[0];
                out[1][k] = b[1];
            }
            return out;
        }

        static double[] bin(double[] x, int k) {
            int n = x.length;
            double[] re = new double[2];
            double[] im = new double[2];
            for (int j = 0; j < n; j++) {
                long t = (long) j * k % n;
                accumulate(re, x[j], Twiddles.cos(t, n));
                accumulate(im, x[j], -Twiddles.sin(t, n));
            }
            return new double[] {re[0] + re[1], im[0] + im[1]};
        }

        private static double[] bin(double[] x, int k, double[] cos, double[] sin) {
            int n = x.length;
            double[] re = new double[2];
            double[] im = new double[2];
            for (int j = 0, t = 0; j < n; j++, t = (t + k) % n) {
                accumulate(re, x[j], cos[t]);
                accumulate(im, x[j], -sin[t]);
            }
            return new double[] {re[0] + re[1], im[0] + im[1]};
        }

        /** {@code s += a b} in double-double: s[0] the sum, s[1] the error terms collected. */
        private static void accumulate(double[] s, double a, double b) {
            double p = a * b;
            double pe = Math.fma(a, b, -p);
            double sum = s[0] + p;
            double bb = sum - s[0];
            double se = (s[0] - (sum - bb)) + (p - bb);
            s[0] = sum;
            s[1] += se + pe;
        }
    }
}
