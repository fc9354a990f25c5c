package org.stemcheck.dsp.internal;

import java.util.Locale;

/**
 * A real-input FFT of one fixed size: planned once, then transforms in place with no allocation,
 * no threads and no global state. An instance holds its own work buffers, so it is confined to one
 * thread (make one per thread; planning costs about as much as a few transforms).
 *
 * <h2>Packed layout</h2>
 * For an input {@code x[0 .. n)} ({@code n} even) the forward transform overwrites the array with
 * {@code X[k] = sum_j x[j] * exp(-2 pi i j k / n)} for {@code k = 0 .. n/2}, packed as
 * <pre>
 *   a[0]      = Re X[0]        (DC; Im X[0] is zero)
 *   a[1]      = Re X[n/2]      (Nyquist; Im X[n/2] is zero)
 *   a[2k]     = Re X[k]        for 0 &lt; k &lt; n/2
 *   a[2k + 1] = Im X[k]        for 0 &lt; k &lt; n/2
 * </pre>
 * {@link #power(double[], double[])} unpacks that into {@code |X[k]|^2}, {@code k = 0 .. n/2}.
 *
 * <h2>Algorithm</h2>
 * The {@code n} real points are read as {@code m = n/2} complex ones, {@code z[j] = x[2j] + i x[2j+1]},
 * whose DFT {@code Z} gives {@code X} by the standard split (Cooley, Lewis and Welch, "The fast
 * Fourier transform algorithm: programming considerations in the calculation of sine, cosine and
 * Laplace transforms", J. Sound Vib. 12(3), 1970; Van Loan, "Computational Frameworks for the FFT",
 * section 4.4): {@code X[k] = E[k] + w^k O[k]}, {@code X[m-k] = conj(E[k] - w^k O[k])} with
 * {@code E[k] = (Z[k] + conj Z[m-k]) / 2}, {@code O[k] = (Z[k] - conj Z[m-k]) / 2i},
 * {@code w = exp(-2 pi i / n)}. The complex DFT is a {@link RowFft} (four-step, vectorised by the
 * JIT) for power-of-two sizes from {@link #ROWS_FROM} points, a {@link RadixTwoFft} below, and a
 * {@link BluesteinFft} for sizes that are not powers of two.
 */
public final class Fft {

    /** Largest size accepted: 2^24 points (128 MiB of doubles), far above any spectrum we take. */
    public static final int MAX_SIZE = 1 << 24;

    /**
     * Complex size from which the row-wise four-step plan is used: its rows must be long enough for
     * vector loops to pay (16 complex points a row here); measured in {@code FftBenchmark}.
     */
    static final int ROWS_FROM = 256;

    private final int size;
    private final int half;
    private final ComplexPlan plan;
    /** {@code w^k = exp(-2 pi i k / n)} for {@code k = 0 .. n/4}. */
    private final double[] wRe;
    private final double[] wIm;

    private Fft(int size) {
        this.size = size;
        this.half = size / 2;
        boolean powerOfTwo = Integer.bitCount(half) == 1;
        this.plan = !powerOfTwo ? new BluesteinFft(half)
                : half >= ROWS_FROM ? new RowFft(half) : new RadixTwoFft(half);
        this.wRe = new double[half / 2 + 1];
        this.wIm = new double[half / 2 + 1];
        for (int k = 0; k <= half / 2; k++) {
            wRe[k] = Twiddles.cos(k, size);
            wIm[k] = -Twiddles.sin(k, size);
        }
    }

    /**
     * Plans a transform of {@code size} points.
     *
     * @param size points per transform
     * @return a new plan
     * @throws IllegalArgumentException unless {@code size} is even and in {@code 2 .. MAX_SIZE}
     */
    public static Fft ofSize(int size) {
        if (size < 2 || size > MAX_SIZE || size % 2 != 0) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "size must be even and in 2..%d: %d", MAX_SIZE, size));
        }
        return new Fft(size);
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
     * Bins of the one-sided spectrum.
     *
     * @return {@code size / 2 + 1}
     */
    public int bins() {
        return half + 1;
    }

    /**
     * Transforms {@code data[0 .. size)} in place into the packed layout described above.
     *
     * @param data at least {@link #size()} long; entries from {@code size} on are left alone
     */
    public void forward(double[] data) {
        checkLength(data);
        load(data);
        plan.transform();
        unpackForward(data);
    }

    /**
     * Inverts {@link #forward} in place, scaled so that {@code inverse(forward(x)) == x} (to rounding).
     *
     * @param data a packed spectrum, at least {@link #size()} long
     */
    public void inverse(double[] data) {
        checkLength(data);
        packInverse(data);
        plan.transform();
        store(data, 1.0 / half);
    }

    /**
     * Unpacks a forward transform into the power {@code |X[k]|^2} of each bin {@code k = 0 .. size/2}.
     *
     * @param packed the output of {@link #forward}
     * @param out    at least {@link #bins()} long
     */
    public void power(double[] packed, double[] out) {
        checkLength(packed);
        if (out.length < bins()) {
            throw new IllegalArgumentException("out must hold " + bins() + " bins: " + out.length);
        }
        out[0] = packed[0] * packed[0];
        out[half] = packed[1] * packed[1];
        for (int k = 1; k < half; k++) {
            double re = packed[2 * k];
            double im = packed[2 * k + 1];
            out[k] = re * re + im * im;
        }
    }

    /** {@code z[j] = x[2j] + i x[2j+1]} into the plan's input rows. */
    private void load(double[] data) {
        int length = plan.inLength();
        for (int r = 0, base = 0; r < plan.inRows(); r++, base += 2 * length) {
            double[] re = plan.inRe(r);
            double[] im = plan.inIm(r);
            for (int c = 0; c < length; c++) {
                re[c] = data[base + 2 * c];
                im[c] = data[base + 2 * c + 1];
            }
        }
    }

    /** {@code x[2j] = scale Re y[j]}, {@code x[2j+1] = -scale Im y[j]}: the conjugate, scaled. */
    private void store(double[] data, double scale) {
        int length = plan.outLength();
        for (int r = 0, base = 0; r < plan.outRows(); r++, base += 2 * length) {
            double[] re = plan.outRe(r);
            double[] im = plan.outIm(r);
            for (int c = 0; c < length; c++) {
                data[base + 2 * c] = scale * re[c];
                data[base + 2 * c + 1] = -scale * im[c];
            }
        }
    }

    /**
     * {@code X} from {@code Z}, bin pairs {@code (k, m - k)} for {@code k <= m/2}. With the output
     * in rows of {@code L}, {@code k = r L + c} pairs with row {@code R - 1 - r}, entry {@code L - c}
     * for {@code c > 0}, and with row {@code R - r}, entry 0 for {@code c = 0}.
     */
    private void unpackForward(double[] data) {
        int rows = plan.outRows();
        int length = plan.outLength();
        double z0r = plan.outRe(0)[0];
        double z0i = plan.outIm(0)[0];
        data[0] = z0r + z0i;
        data[1] = z0r - z0i;
        for (int r = 1; 2 * r <= rows; r++) {
            forwardPair(data, plan.outRe(r), plan.outIm(r), plan.outRe(rows - r), plan.outIm(rows - r),
                    r * length, 0, 0);
        }
        for (int r = 0; r <= rows - 1 - r; r++) {
            int last = r == rows - 1 - r ? length / 2 : length - 1;
            forwardPair(data, plan.outRe(r), plan.outIm(r), plan.outRe(rows - 1 - r), plan.outIm(rows - 1 - r),
                    r * length + 1, 1, last);
        }
    }

    /** Bins {@code k = k0 + (c - c0)} from {@code a[c]} and their mirrors from {@code b[L - c]}, c in [c0, last]. */
    private void forwardPair(double[] data, double[] aRe, double[] aIm, double[] bRe, double[] bIm,
                             int k0, int c0, int last) {
        int length = aRe.length;
        for (int c = c0, k = k0; c <= last; c++, k++) {
            int mc = c == 0 ? 0 : length - c;
            double ar = aRe[c];
            double ai = aIm[c];
            double br = bRe[mc];
            double bi = bIm[mc];
            double er = 0.5 * (ar + br);
            double ei = 0.5 * (ai - bi);
            double or = 0.5 * (ai + bi);
            double oi = 0.5 * (br - ar);
            double wr = wRe[k];
            double wi = wIm[k];
            double tr = wr * or - wi * oi;
            double ti = wr * oi + wi * or;
            int mk = half - k;
            data[2 * k] = er + tr;
            data[2 * k + 1] = ei + ti;
            data[2 * mk] = er - tr;
            data[2 * mk + 1] = ti - ei;
        }
    }

    /** {@code conj Z} from {@code X} into the plan's input rows, the inverse of {@link #unpackForward}. */
    private void packInverse(double[] data) {
        int rows = plan.inRows();
        int length = plan.inLength();
        double x0 = data[0];
        double xm = data[1];
        plan.inRe(0)[0] = 0.5 * (x0 + xm);
        plan.inIm(0)[0] = -0.5 * (x0 - xm);
        for (int r = 1; 2 * r <= rows; r++) {
            inversePair(data, plan.inRe(r), plan.inIm(r), plan.inRe(rows - r), plan.inIm(rows - r),
                    r * length, 0, 0);
        }
        for (int r = 0; r <= rows - 1 - r; r++) {
            int last = r == rows - 1 - r ? length / 2 : length - 1;
            inversePair(data, plan.inRe(r), plan.inIm(r), plan.inRe(rows - 1 - r), plan.inIm(rows - 1 - r),
                    r * length + 1, 1, last);
        }
    }

    private void inversePair(double[] data, double[] aRe, double[] aIm, double[] bRe, double[] bIm,
                             int k0, int c0, int last) {
        int length = aRe.length;
        for (int c = c0, k = k0; c <= last; c++, k++) {
            int mc = c == 0 ? 0 : length - c;
            int mk = half - k;
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
            bRe[mc] = er + oi;
            bIm[mc] = ei - or;
            aRe[c] = er - oi;
            aIm[c] = -(ei + or);
        }
    }

    private void checkLength(double[] data) {
        if (data.length < size) {
            throw new IllegalArgumentException("data must hold " + size + " points: " + data.length);
        }
    }
}
