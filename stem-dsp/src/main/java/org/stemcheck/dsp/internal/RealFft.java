package org.stemcheck.dsp.internal;

/**
 * Our real-input FFT of an even size {@code n}, in {@link Fft}'s packed layout, with no threads,
 * no global state and no allocation after planning.
 *
 * <p>The {@code n} real points are read as {@code m = n/2} complex ones,
 * {@code z[j] = x[2j] + i x[2j+1]} (the packed array already is that interleaved complex array),
 * whose DFT {@code Z} ({@link ComplexFft}) gives {@code X} by the standard split (Cooley, Lewis
 * and Welch, "The fast Fourier transform algorithm: programming considerations in the calculation
 * of sine, cosine and Laplace transforms", J. Sound Vib. 12(3), 1970; Van Loan, "Computational
 * Frameworks for the FFT", section 4.4): {@code X[k] = E[k] + w^k O[k]},
 * {@code X[m-k] = conj(E[k] - w^k O[k])}, {@code E[k] = (Z[k] + conj Z[m-k]) / 2},
 * {@code O[k] = (Z[k] - conj Z[m-k]) / 2i}, {@code w = exp(-2 pi i / n)}. Rearranged with
 * {@code A = Z[k]}, {@code B = Z[m-k]}, {@code D = A - conj B} and {@code Y = D (1 + i w^k) / 2}:
 * {@code X[k] = A - Y} and {@code X[m-k] = B + conj Y}, 12 flops a pair. The inverse undoes the
 * split and takes the complex inverse as {@code conj(DFT(conj Z)) / m}.
 */
public final class RealFft {

    private final int size;
    private final int half;
    private final ComplexFft complex;
    private final double[] work;
    /** {@code w^k} and {@code (1 + i w^k) / 2} for {@code k = 0 .. m/2}. */
    private final double[] wRe;
    private final double[] wIm;
    private final double[] uRe;
    private final double[] uIm;

    /**
     * Plans a transform of {@code size} points (public for the benchmarks; the library goes
     * through {@link Fft}).
     *
     * @param size points per transform, even
     * @throws IllegalArgumentException if {@code size} is odd or below 2
     */
    public RealFft(int size) {
        if (size < 2 || size % 2 != 0) {
            throw new IllegalArgumentException("size must be even and at least 2: " + size);
        }
        this.size = size;
        this.half = size / 2;
        this.complex = ComplexFft.ofSize(half);
        this.work = new double[size];
        this.wRe = new double[half / 2 + 1];
        this.wIm = new double[half / 2 + 1];
        this.uRe = new double[half / 2 + 1];
        this.uIm = new double[half / 2 + 1];
        for (int k = 0; k <= half / 2; k++) {
            wRe[k] = Twiddles.cos(k, size);
            wIm[k] = -Twiddles.sin(k, size);
            uRe[k] = 0.5 * (1 - wIm[k]);
            uIm[k] = 0.5 * wRe[k];
        }
    }

    /**
     * Points per transform.
     *
     * @return the size planned for
     */
    public int size() {
        return size;
    }

    /**
     * As {@link Fft#forward}: {@code data[0 .. n)} in place into the packed layout.
     *
     * @param data at least {@link #size()} long
     */
    public void forward(double[] data) {
        double[] z = complex.transform(data, work);
        double z0r = z[0];
        double z0i = z[1];
        data[0] = z0r + z0i;
        data[1] = z0r - z0i;
        for (int k = 1, mk = half - 1; k <= mk; k++, mk--) {
            double ar = z[2 * k];
            double ai = z[2 * k + 1];
            double br = z[2 * mk];
            double bi = z[2 * mk + 1];
            double dr = ar - br;
            double di = ai + bi;
            double ur = uRe[k];
            double ui = uIm[k];
            double yr = dr * ur - di * ui;
            double yi = dr * ui + di * ur;
            data[2 * k] = ar - yr;
            data[2 * k + 1] = ai - yi;
            data[2 * mk] = br + yr;
            data[2 * mk + 1] = bi - yi;
        }
    }

    /**
     * As {@link Fft#inverse}: a packed spectrum in place back into {@code n} real points.
     *
     * @param data at least {@link #size()} long
     */
    public void inverse(double[] data) {
        // conj Z from X in place: E = (X[k] + conj X[m-k]) / 2, O = conj(w^k) (X[k] - conj X[m-k]) / 2,
        // Z[k] = E + i O, Z[m-k] = conj E + i conj O
        double x0 = data[0];
        double xm = data[1];
        data[0] = 0.5 * (x0 + xm);
        data[1] = -0.5 * (x0 - xm);
        for (int k = 1, mk = half - 1; k <= mk; k++, mk--) {
            double xr = data[2 * k];
            double xi = data[2 * k + 1];
            double yr = data[2 * mk];
            double yi = data[2 * mk + 1];
            double er = 0.5 * (xr + yr);
            double ei = 0.5 * (xi - yi);
            double dr = 0.5 * (xr - yr);
            double di = 0.5 * (xi + yi);
            double wr = wRe[k];
            double wi = wIm[k];
            double or = wr * dr + wi * di;
            double oi = wr * di - wi * dr;
            data[2 * mk] = er + oi;
            data[2 * mk + 1] = ei - or;
            data[2 * k] = er - oi;
            data[2 * k + 1] = -(ei + or);
        }
        double[] y = complex.transform(data, work);
        double scale = 1.0 / half;
        for (int j = 0; j < size; j += 2) {
            data[j] = scale * y[j];
            data[j + 1] = -scale * y[j + 1];
        }
    }
}
