package org.stemcheck.dsp.internal.set;

/**
 * The inner loop of the null test: the residual {@code e = sum_i stem_i - mix} of one channel
 * over one block, and its energy. Public (in an unexported package) so that stem-bench can
 * measure it against the plain loop.
 *
 * <p>Written for throughput on Java 17 without the Vector API: the stems are added up to four
 * at a time in straight element-wise loops over the output (a quarter of the passes of one
 * stem at a time, and loops simple enough for C2 to compile to SIMD), the block stays in L1,
 * and the energy is a separate pass with four independent partial sums (a double reduction is
 * not vectorised by C2, so independent chains are what makes it fast). The result differs from
 * a naive left-to-right sum only in floating-point rounding order.
 */
public final class NullSumKernel {

    private NullSumKernel() {
    }

    /**
     * Writes {@code out[t] = sum_i stems[i][channel][offset + t] - mix[offset + t]} for
     * {@code t < frames} and returns {@code sum_t out[t]^2}.
     */
    public static double residual(double[][][] stems, int channel, double[] mix, int offset, int frames,
                                  double[] out) {
        int n = stems.length;
        int first = Math.min(4, n);
        switch (first) {
            case 0:
                for (int t = 0; t < frames; t++) {
                    out[t] = -mix[offset + t];
                }
                break;
            case 1:
                subtract1(stems[0][channel], mix, offset, frames, out);
                break;
            case 2:
                subtract2(stems[0][channel], stems[1][channel], mix, offset, frames, out);
                break;
            case 3:
                subtract3(stems[0][channel], stems[1][channel], stems[2][channel], mix, offset, frames, out);
                break;
            default:
                subtract4(stems[0][channel], stems[1][channel], stems[2][channel], stems[3][channel], mix,
                        offset, frames, out);
        }
        int i = first;
        for (; i + 4 <= n; i += 4) {
            add4(stems[i][channel], stems[i + 1][channel], stems[i + 2][channel], stems[i + 3][channel],
                    offset, frames, out);
        }
        for (; i < n; i++) {
            add1(stems[i][channel], offset, frames, out);
        }
        return energy(out, 0, frames);
    }

    private static void subtract1(double[] a, double[] m, int off, int frames, double[] out) {
        for (int t = 0; t < frames; t++) {
            out[t] = a[off + t] - m[off + t];
        }
    }

    private static void subtract2(double[] a, double[] b, double[] m, int off, int frames, double[] out) {
        for (int t = 0; t < frames; t++) {
            out[t] = (a[off + t] + b[off + t]) - m[off + t];
        }
    }

    private static void subtract3(double[] a, double[] b, double[] c, double[] m, int off, int frames,
                                  double[] out) {
        for (int t = 0; t < frames; t++) {
            out[t] = ((a[off + t] + b[off + t]) + c[off + t]) - m[off + t];
        }
    }

    private static void subtract4(double[] a, double[] b, double[] c, double[] d, double[] m, int off,
                                  int frames, double[] out) {
        for (int t = 0; t < frames; t++) {
            out[t] = ((a[off + t] + b[off + t]) + (c[off + t] + d[off + t])) - m[off + t];
        }
    }

    private static void add4(double[] a, double[] b, double[] c, double[] d, int off, int frames, double[] out) {
        for (int t = 0; t < frames; t++) {
            out[t] += (a[off + t] + b[off + t]) + (c[off + t] + d[off + t]);
        }
    }

    private static void add1(double[] a, int off, int frames, double[] out) {
        for (int t = 0; t < frames; t++) {
            out[t] += a[off + t];
        }
    }

    /** {@code sum x[offset + t]^2} over {@code t < frames}, four partial sums. */
    public static double energy(double[] x, int offset, int frames) {
        return dot(x, offset, x, offset, frames);
    }

    /** {@code sum x[xOff + t] * y[yOff + t]} over {@code t < frames}, four partial sums. */
    public static double dot(double[] x, int xOff, double[] y, int yOff, int frames) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int t = 0;
        for (; t + 3 < frames; t += 4) {
            s0 += x[xOff + t] * y[yOff + t];
            s1 += x[xOff + t + 1] * y[yOff + t + 1];
            s2 += x[xOff + t + 2] * y[yOff + t + 2];
            s3 += x[xOff + t + 3] * y[yOff + t + 3];
        }
        for (; t < frames; t++) {
            s0 += x[xOff + t] * y[yOff + t];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /**
     * {@code dot(x, a)} and {@code dot(x, b)} into {@code out[at]} and {@code out[at + 1]}, each the
     * same to the bit as {@link #dot} makes it (the same four partial sums, added in the same
     * order), in one loop: {@code x} is loaded once for both, and eight independent sums keep the
     * multipliers busy (half the time of two {@link #dot} calls on the Gram matrix's rows).
     */
    public static void dot2(double[] x, int xOff, double[] a, int aOff, double[] b, int bOff, int frames,
                            double[] out, int at) {
        double a0 = 0;
        double a1 = 0;
        double a2 = 0;
        double a3 = 0;
        double b0 = 0;
        double b1 = 0;
        double b2 = 0;
        double b3 = 0;
        int t = 0;
        for (; t + 3 < frames; t += 4) {
            double x0 = x[xOff + t];
            double x1 = x[xOff + t + 1];
            double x2 = x[xOff + t + 2];
            double x3 = x[xOff + t + 3];
            a0 += x0 * a[aOff + t];
            a1 += x1 * a[aOff + t + 1];
            a2 += x2 * a[aOff + t + 2];
            a3 += x3 * a[aOff + t + 3];
            b0 += x0 * b[bOff + t];
            b1 += x1 * b[bOff + t + 1];
            b2 += x2 * b[bOff + t + 2];
            b3 += x3 * b[bOff + t + 3];
        }
        for (; t < frames; t++) {
            a0 += x[xOff + t] * a[aOff + t];
            b0 += x[xOff + t] * b[bOff + t];
        }
        out[at] = (a0 + a1) + (a2 + a3);
        out[at + 1] = (b0 + b1) + (b2 + b3);
    }
}
