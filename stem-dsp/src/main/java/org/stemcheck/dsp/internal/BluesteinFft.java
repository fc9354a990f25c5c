package org.stemcheck.dsp.internal;

import java.util.Arrays;

/**
 * A complex FFT of any size {@code m} by Bluestein's chirp z-transform (Bluestein 1970; Van Loan,
 * "Computational Frameworks for the Fast Fourier Transform", section 4.2.4): with
 * {@code jk = (j^2 + k^2 - (k - j)^2) / 2}, {@code Z[k] = c[k] sum_j (z[j] c[j]) conj(c[k - j])}
 * for the chirp {@code c[t] = exp(-pi i t^2 / m)}, a circular convolution done by
 * {@link StockhamFft}s of the power of two {@code M >= 2m - 1}. Only sizes that are not powers of
 * two come here (no caller in stemcheck uses one today), so it favours simplicity over speed.
 */
final class BluesteinFft implements ComplexFft {

    private final int size;
    private final int padded;
    private final StockhamFft fft;
    /** The chirp {@code c[t]}, {@code t < size}, interleaved. */
    private final double[] chirp;
    /** The transform of {@code conj(c)} laid out circularly, divided by {@code padded} (the inverse's scale). */
    private final double[] kernel;
    private final double[] x;
    private final double[] y;

    BluesteinFft(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("size must be positive: " + size);
        }
        this.size = size;
        int p = 1;
        while (p < 2 * size - 1) {
            p *= 2;
        }
        this.padded = p;
        this.fft = new StockhamFft(padded);
        this.chirp = new double[2 * size];
        for (int t = 0; t < size; t++) {
            // exp(-pi i t^2 / m) = exp(-2 pi i (t^2 mod 2m) / 2m)
            long phase = (long) t * t % (2L * size);
            chirp[2 * t] = Twiddles.cos(phase, 2L * size);
            chirp[2 * t + 1] = -Twiddles.sin(phase, 2L * size);
        }
        this.x = new double[2 * padded];
        this.y = new double[2 * padded];
        for (int t = 0; t < size; t++) {
            x[2 * t] = chirp[2 * t];
            x[2 * t + 1] = -chirp[2 * t + 1];
            if (t > 0) {
                x[2 * (padded - t)] = chirp[2 * t];
                x[2 * (padded - t) + 1] = -chirp[2 * t + 1];
            }
        }
        double[] k = fft.transform(x, y);
        this.kernel = new double[2 * padded];
        for (int i = 0; i < 2 * padded; i++) {
            kernel[i] = k[i] / padded;
        }
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public double[] transform(double[] a, double[] b) {
        for (int t = 0; t < size; t++) {
            double re = a[2 * t];
            double im = a[2 * t + 1];
            x[2 * t] = re * chirp[2 * t] - im * chirp[2 * t + 1];
            x[2 * t + 1] = re * chirp[2 * t + 1] + im * chirp[2 * t];
        }
        Arrays.fill(x, 2 * size, 2 * padded, 0.0);
        double[] f = fft.transform(x, y);
        double[] g = f == x ? y : x;
        // multiply by the kernel's transform and conjugate: the inverse transform is conj(F(conj .))
        for (int i = 0; i < 2 * padded; i += 2) {
            double re = f[i] * kernel[i] - f[i + 1] * kernel[i + 1];
            double im = f[i] * kernel[i + 1] + f[i + 1] * kernel[i];
            g[i] = re;
            g[i + 1] = -im;
        }
        double[] h = fft.transform(g, f);
        for (int t = 0; t < size; t++) {
            double re = h[2 * t];
            double im = -h[2 * t + 1];
            b[2 * t] = re * chirp[2 * t] - im * chirp[2 * t + 1];
            b[2 * t + 1] = re * chirp[2 * t + 1] + im * chirp[2 * t];
        }
        return b;
    }
}
