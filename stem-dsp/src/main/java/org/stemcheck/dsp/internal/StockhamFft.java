package org.stemcheck.dsp.internal;

/**
 * A complex FFT of a power-of-two size {@code m} on interleaved data ({@code a[2j]} real,
 * {@code a[2j+1]} imaginary) by the Stockham autosort algorithm: radix-8 stages after one first
 * stage of radix 2, 4 or 8 (Stockham 1966, as given by Cochran et al., "What is the fast Fourier
 * transform?", Proc. IEEE 55(10), 1967; Van Loan, "Computational Frameworks for the Fast Fourier
 * Transform", SIAM 1992, section 1.7; the indexing follows Govindaraju et al., "High performance
 * discrete Fourier transforms on graphics processors", SC 2008).
 *
 * <p>The stage that combines sub-transforms of {@code s} points reads {@code r} streams
 * {@code a[j + t m/r]}, multiplies stream {@code t} of column {@code k = j mod s} by
 * {@code W_rs^(t k)} (a table laid out in the order the stage reads it), takes the {@code r}-point
 * DFT and writes it to {@code b[(j - k) r + k + t s]}. Every access is sequential, there is no bit
 * reversal, and the output comes out in natural order, in one of the two arrays. Radix 8 halves
 * the loads and stores of radix 4 for about the same arithmetic; the 8-point DFT is two 4-point
 * ones and a multiplication by {@code W_8^u} (Van Loan, section 2.3, "radix-8 butterfly").
 */
final class StockhamFft implements ComplexFft {

    /** {@code sqrt(2) / 2}, the real and imaginary size of {@code W_8}. */
    private static final double HALF_SQRT2 = 0.7071067811865476;

    /**
     * Stages of fewer columns than this loop over columns outside (see radixEight): an inner loop
     * of fewer than 8 butterflies pays its setup for little work (the second stage of a size whose
     * first stage is radix 2 or 4 has 2 or 4 columns). Chosen by that reasoning, not tuned.
     */
    private static final int COLUMNS_INSIDE_FROM = 8;

    private final int size;
    /** Radix of the first stage (2, 4 or 8; sub-size 1, no twiddles); the rest are radix 8. */
    private final int first;
    /** Sub-sizes s of the radix-8 stages, and where each stage's 14 doubles per column start. */
    private final int[] subSizes;
    private final int[] offsets;
    private final double[] twiddles;

    StockhamFft(int size) {
        if (size < 1 || Integer.bitCount(size) != 1) {
            throw new IllegalArgumentException("size must be a power of two: " + size);
        }
        this.size = size;
        int bits = Integer.numberOfTrailingZeros(size);
        this.first = bits == 0 ? 1 : 1 << (bits % 3 == 0 ? 3 : bits % 3);
        int stages = bits == 0 ? 0 : (bits - Integer.numberOfTrailingZeros(first)) / 3;
        this.subSizes = new int[stages];
        this.offsets = new int[stages];
        int total = 0;
        for (int i = 0, s = first; i < stages; i++, s *= 8) {
            subSizes[i] = s;
            offsets[i] = total;
            total += 14 * s;
        }
        this.twiddles = new double[total];
        for (int i = 0; i < stages; i++) {
            int s = subSizes[i];
            for (int k = 0; k < s; k++) {
                for (int t = 1; t < 8; t++) {
                    twiddles[offsets[i] + 14 * k + 2 * t - 2] = Twiddles.cos((long) t * k, 8L * s);
                    twiddles[offsets[i] + 14 * k + 2 * t - 1] = -Twiddles.sin((long) t * k, 8L * s);
                }
            }
        }
    }

    /** Points per transform. */
    @Override
    public int size() {
        return size;
    }

    /**
     * Transforms {@code a[0 .. 2m)} using {@code b[0 .. 2m)} as the other buffer.
     *
     * @return the array that holds the result in natural order: {@code a} or {@code b}
     */
    @Override
    public double[] transform(double[] a, double[] b) {
        double[] src = a;
        double[] dst = b;
        switch (first) {
            case 1:
                return a;
            case 2:
                radixTwo(src, dst);
                break;
            case 4:
                radixFour(src, dst);
                break;
            default:
                radixEight(src, dst);
                break;
        }
        for (int i = 0; i < subSizes.length; i++) {
            double[] t = src;
            src = dst;
            dst = t;
            radixEight(src, dst, subSizes[i], offsets[i]);
        }
        return dst;
    }

    /** First stage, radix 2: {@code b[2j + t] = a[j] +/- a[j + m/2]}. */
    private void radixTwo(double[] src, double[] dst) {
        int h = size; // m/2 complex points, in doubles
        for (int j = 0, d = 0; j < h; j += 2, d += 4) {
            double ar = src[j];
            double ai = src[j + 1];
            double br = src[j + h];
            double bi = src[j + h + 1];
            dst[d] = ar + br;
            dst[d + 1] = ai + bi;
            dst[d + 2] = ar - br;
            dst[d + 3] = ai - bi;
        }
    }

    /** First stage, radix 4: the four outputs of each butterfly side by side. */
    private void radixFour(double[] src, double[] dst) {
        int q = size / 2; // m/4 complex points, in doubles
        for (int j = 0, d = 0; j < q; j += 2, d += 8) {
            double a0r = src[j];
            double a0i = src[j + 1];
            double a1r = src[j + q];
            double a1i = src[j + q + 1];
            double a2r = src[j + 2 * q];
            double a2i = src[j + 2 * q + 1];
            double a3r = src[j + 3 * q];
            double a3i = src[j + 3 * q + 1];
            double t0r = a0r + a2r;
            double t0i = a0i + a2i;
            double t1r = a0r - a2r;
            double t1i = a0i - a2i;
            double t2r = a1r + a3r;
            double t2i = a1i + a3i;
            double t3r = a1r - a3r;
            double t3i = a1i - a3i;
            dst[d] = t0r + t2r;
            dst[d + 1] = t0i + t2i;
            dst[d + 2] = t1r + t3i;
            dst[d + 3] = t1i - t3r;
            dst[d + 4] = t0r - t2r;
            dst[d + 5] = t0i - t2i;
            dst[d + 6] = t1r - t3i;
            dst[d + 7] = t1i + t3r;
        }
    }

    /** First stage, radix 8 (sub-size 1): no twiddles, the eight outputs side by side. */
    private void radixEight(double[] src, double[] dst) {
        int q8 = size / 4; // m/8 complex points, in doubles
        int s2 = 2;
        for (int j = 0, d = 0; j < q8; j += 2, d += 16) {
                double x0r = src[j];
                double x0i = src[j + 1];
                double x1r = src[j + 1 * q8];
                double x1i = src[j + 1 * q8 + 1];
                double x2r = src[j + 2 * q8];
                double x2i = src[j + 2 * q8 + 1];
                double x3r = src[j + 3 * q8];
                double x3i = src[j + 3 * q8 + 1];
                double x4r = src[j + 4 * q8];
                double x4i = src[j + 4 * q8 + 1];
                double x5r = src[j + 5 * q8];
                double x5i = src[j + 5 * q8 + 1];
                double x6r = src[j + 6 * q8];
                double x6i = src[j + 6 * q8 + 1];
                double x7r = src[j + 7 * q8];
                double x7i = src[j + 7 * q8 + 1];
                double et0r = x0r + x4r;
                double et0i = x0i + x4i;
                double et1r = x0r - x4r;
                double et1i = x0i - x4i;
                double et2r = x2r + x6r;
                double et2i = x2i + x6i;
                double et3r = x2r - x6r;
                double et3i = x2i - x6i;
                double e0r = et0r + et2r;
                double e0i = et0i + et2i;
                double e1r = et1r + et3i;
                double e1i = et1i - et3r;
                double e2r = et0r - et2r;
                double e2i = et0i - et2i;
                double e3r = et1r - et3i;
                double e3i = et1i + et3r;
                double ot0r = x1r + x5r;
                double ot0i = x1i + x5i;
                double ot1r = x1r - x5r;
                double ot1i = x1i - x5i;
                double ot2r = x3r + x7r;
                double ot2i = x3i + x7i;
                double ot3r = x3r - x7r;
                double ot3i = x3i - x7i;
                double o0r = ot0r + ot2r;
                double o0i = ot0i + ot2i;
                double o1r = ot1r + ot3i;
                double o1i = ot1i - ot3r;
                double o2r = ot0r - ot2r;
                double o2i = ot0i - ot2i;
                double o3r = ot1r - ot3i;
                double o3i = ot1i + ot3r;
                double p1r = (o1r + o1i) * HALF_SQRT2;
                double p1i = (o1i - o1r) * HALF_SQRT2;
                double p3r = (o3i - o3r) * HALF_SQRT2;
                double p3i = -(o3r + o3i) * HALF_SQRT2;
                dst[d] = e0r + o0r;
                dst[d + 1] = e0i + o0i;
                dst[d + 1 * s2] = e1r + p1r;
                dst[d + 1 * s2 + 1] = e1i + p1i;
                dst[d + 2 * s2] = e2r + o2i;
                dst[d + 2 * s2 + 1] = e2i - o2r;
                dst[d + 3 * s2] = e3r + p3r;
                dst[d + 3 * s2 + 1] = e3i + p3i;
                dst[d + 4 * s2] = e0r - o0r;
                dst[d + 4 * s2 + 1] = e0i - o0i;
                dst[d + 5 * s2] = e1r - p1r;
                dst[d + 5 * s2 + 1] = e1i - p1i;
                dst[d + 6 * s2] = e2r - o2i;
                dst[d + 6 * s2 + 1] = e2i + o2r;
                dst[d + 7 * s2] = e3r - p3r;
                dst[d + 7 * s2 + 1] = e3i - p3i;
        }
    }

    /** A radix-8 stage combining sub-transforms of {@code s} points; twiddles from {@code table}. */
    private void radixEight(double[] src, double[] dst, int s, int table) {
        int q8 = size / 4; // m/8 complex points, in doubles
        int s2 = 2 * s;
        double[] w = twiddles;
        // few columns (small s): columns outside, so that each column's twiddles are read once
        // and the inner loop is long; many columns: groups outside, columns inside
        boolean columnsOutside = s < COLUMNS_INSIDE_FROM;
        int outer = columnsOutside ? s2 : q8;
        int inner = columnsOutside ? q8 : s2;
        int outerStep = columnsOutside ? 2 : s2;
        int innerStep = columnsOutside ? s2 : 2;
        for (int o = 0; o < outer; o += outerStep) {
            for (int i = 0; i < inner; i += innerStep) {
                int k = columnsOutside ? o : i;
                int j = o + i;
                int d = columnsOutside ? 8 * i + k : 8 * o + i;
                int at = table + 7 * k;
                double x0r = src[j];
                double x0i = src[j + 1];
                double x1r = src[j + 1 * q8];
                double x1i = src[j + 1 * q8 + 1];
                double x2r = src[j + 2 * q8];
                double x2i = src[j + 2 * q8 + 1];
                double x3r = src[j + 3 * q8];
                double x3i = src[j + 3 * q8 + 1];
                double x4r = src[j + 4 * q8];
                double x4i = src[j + 4 * q8 + 1];
                double x5r = src[j + 5 * q8];
                double x5i = src[j + 5 * q8 + 1];
                double x6r = src[j + 6 * q8];
                double x6i = src[j + 6 * q8 + 1];
                double x7r = src[j + 7 * q8];
                double x7i = src[j + 7 * q8 + 1];
                double v1r = x1r * w[at] - x1i * w[at + 1];
                double v1i = x1r * w[at + 1] + x1i * w[at];
                double v2r = x2r * w[at + 2] - x2i * w[at + 3];
                double v2i = x2r * w[at + 3] + x2i * w[at + 2];
                double v3r = x3r * w[at + 4] - x3i * w[at + 5];
                double v3i = x3r * w[at + 5] + x3i * w[at + 4];
                double v4r = x4r * w[at + 6] - x4i * w[at + 7];
                double v4i = x4r * w[at + 7] + x4i * w[at + 6];
                double v5r = x5r * w[at + 8] - x5i * w[at + 9];
                double v5i = x5r * w[at + 9] + x5i * w[at + 8];
                double v6r = x6r * w[at + 10] - x6i * w[at + 11];
                double v6i = x6r * w[at + 11] + x6i * w[at + 10];
                double v7r = x7r * w[at + 12] - x7i * w[at + 13];
                double v7i = x7r * w[at + 13] + x7i * w[at + 12];
                double et0r = x0r + v4r;
                double et0i = x0i + v4i;
                double et1r = x0r - v4r;
                double et1i = x0i - v4i;
                double et2r = v2r + v6r;
                double et2i = v2i + v6i;
                double et3r = v2r - v6r;
                double et3i = v2i - v6i;
                double e0r = et0r + et2r;
                double e0i = et0i + et2i;
                double e1r = et1r + et3i;
                double e1i = et1i - et3r;
                double e2r = et0r - et2r;
                double e2i = et0i - et2i;
                double e3r = et1r - et3i;
                double e3i = et1i + et3r;
                double ot0r = v1r + v5r;
                double ot0i = v1i + v5i;
                double ot1r = v1r - v5r;
                double ot1i = v1i - v5i;
                double ot2r = v3r + v7r;
                double ot2i = v3i + v7i;
                double ot3r = v3r - v7r;
                double ot3i = v3i - v7i;
                double o0r = ot0r + ot2r;
                double o0i = ot0i + ot2i;
                double o1r = ot1r + ot3i;
                double o1i = ot1i - ot3r;
                double o2r = ot0r - ot2r;
                double o2i = ot0i - ot2i;
                double o3r = ot1r - ot3i;
                double o3i = ot1i + ot3r;
                double p1r = (o1r + o1i) * HALF_SQRT2;
                double p1i = (o1i - o1r) * HALF_SQRT2;
                double p3r = (o3i - o3r) * HALF_SQRT2;
                double p3i = -(o3r + o3i) * HALF_SQRT2;
                dst[d] = e0r + o0r;
                dst[d + 1] = e0i + o0i;
                dst[d + 1 * s2] = e1r + p1r;
                dst[d + 1 * s2 + 1] = e1i + p1i;
                dst[d + 2 * s2] = e2r + o2i;
                dst[d + 2 * s2 + 1] = e2i - o2r;
                dst[d + 3 * s2] = e3r + p3r;
                dst[d + 3 * s2 + 1] = e3i + p3i;
                dst[d + 4 * s2] = e0r - o0r;
                dst[d + 4 * s2 + 1] = e0i - o0i;
                dst[d + 5 * s2] = e1r - p1r;
                dst[d + 5 * s2 + 1] = e1i - p1i;
                dst[d + 6 * s2] = e2r - o2i;
                dst[d + 6 * s2 + 1] = e2i + o2r;
                dst[d + 7 * s2] = e3r - p3r;
                dst[d + 7 * s2 + 1] = e3i - p3i;
            }
        }
    }
}
