package org.stemcheck.dsp.internal;

/**
 * A complex FFT of any size {@code m} by Bluestein's chirp z-transform (Bluestein 1970; Van Loan,
 * "Computational Frameworks for the Fast Fourier Transform", section 4.2.4): with
 * {@code jk = (j^2 + k^2 - (k - j)^2) / 2}, {@code Z[k] = c[k] sum_j (z[j] c[j]) conj(c[k - j])}
 * for the chirp {@code c[t] = exp(-pi i t^2 / m)}, a convolution done by power-of-two FFTs of at
 * least {@code 2m - 1} points. Only sizes that are not powers of two come here (no caller in
 * stemcheck uses one today), so it favours simplicity over speed.
 */
final class BluesteinFft implements ComplexPlan {

    private final int size;
    private final RadixTwoFft fft;
    private final int padded;
    private final double[] re;
    private final double[] im;
    /** The chirp {@code c[t]}, {@code t < size}. */
    private final double[] chirpRe;
    private final double[] chirpIm;
    /** The transform of {@code conj(c)} laid out circularly, divided by {@code padded} for the inverse. */
    private final double[] kernelRe;
    private final double[] kernelIm;

    BluesteinFft(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("size must be positive: " + size);
        }
        this.size = size;
        this.padded = Integer.highestOneBit(2 * size - 1) << (Integer.bitCount(2 * size - 1) == 1 ? 0 : 1);
        this.fft = new RadixTwoFft(padded);
        this.re = new double[size];
        this.im = new double[size];
        this.chirpRe = new double[size];
        this.chirpIm = new double[size];
        for (int t = 0; t < size; t++) {
            // exp(-pi i t^2 / m) = exp(-2 pi i (t^2 mod 2m) / 2m)
            long phase = (long) t * t % (2L * size);
            chirpRe[t] = Twiddles.cos(phase, 2L * size);
            chirpIm[t] = -Twiddles.sin(phase, 2L * size);
        }
        double[] kr = fft.inRe(0);
        double[] ki = fft.inIm(0);
        java.util.Arrays.fill(kr, 0);
        java.util.Arrays.fill(ki, 0);
        for (int t = 0; t < size; t++) {
            kr[t] = chirpRe[t];
            ki[t] = -chirpIm[t];
            if (t > 0) {
                kr[padded - t] = chirpRe[t];
                ki[padded - t] = -chirpIm[t];
            }
        }
        fft.transform();
        this.kernelRe = new double[padded];
        this.kernelIm = new double[padded];
        for (int k = 0; k < padded; k++) {
            kernelRe[k] = fft.outRe(0)[k] / padded;
            kernelIm[k] = fft.outIm(0)[k] / padded;
        }
    }

    @Override
    public int inRows() {
        return 1;
    }

    @Override
    public int inLength() {
        return size;
    }

    @Override
    public double[] inRe(int row) {
        return re;
    }

    @Override
    public double[] inIm(int row) {
        return im;
    }

    @Override
    public void transform() {
        double[] ar = fft.inRe(0);
        double[] ai = fft.inIm(0);
        for (int t = 0; t < size; t++) {
            ar[t] = re[t] * chirpRe[t] - im[t] * chirpIm[t];
            ai[t] = re[t] * chirpIm[t] + im[t] * chirpRe[t];
        }
        java.util.Arrays.fill(ar, size, padded, 0);
        java.util.Arrays.fill(ai, size, padded, 0);
        fft.transform();
        // multiply by the kernel's transform; the inverse transform as conj(F(conj(.)))
        double[] fr = fft.outRe(0);
        double[] fi = fft.outIm(0);
        for (int k = 0; k < padded; k++) {
            double x = fr[k] * kernelRe[k] - fi[k] * kernelIm[k];
            double y = fr[k] * kernelIm[k] + fi[k] * kernelRe[k];
            ar[k] = x;
            ai[k] = -y;
        }
        fft.transform();
        for (int k = 0; k < size; k++) {
            double x = fr[k];
            double y = -fi[k];
            re[k] = x * chirpRe[k] - y * chirpIm[k];
            im[k] = x * chirpIm[k] + y * chirpRe[k];
        }
    }

    @Override
    public int outRows() {
        return 1;
    }

    @Override
    public int outLength() {
        return size;
    }

    @Override
    public double[] outRe(int row) {
        return re;
    }

    @Override
    public double[] outIm(int row) {
        return im;
    }
}
