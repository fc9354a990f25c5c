package org.stemcheck.dsp.internal.set;

/**
 * The inner loop of the null test: the residual {@code e = sum_i stem_i - mix} of one channel
 * over one block, and its energy. Public (in an unexported package) so that stem-bench can
 * measure it against the plain loop.
 *
 * <p>Written for throughput on Java 17 without the Vector API: the stems are added four at a
 * time in one pass over the output (a quarter of the passes over {@code out}, four independent
 * loads per element), and the energy is fused into the last pass, unrolled by four with four
 * independent partial sums so that the additions do not wait on one another. The result
 * differs from a naive left-to-right sum only in floating-point rounding order.
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
        if (n <= 4) {
            return firstGroup(stems, channel, mix, offset, frames, out, n);
        }
        firstGroup(stems, channel, mix, offset, frames, out, 4);
        int i = 4;
        while (n - i > 4) {
            addFour(stems[i][channel], stems[i + 1][channel], stems[i + 2][channel], stems[i + 3][channel],
                    offset, frames, out);
            i += 4;
        }
        return lastGroup(stems, channel, i, n, offset, frames, out);
    }

    /** {@code out = (up to four stems) - mix}, the energy when these are all the stems. */
    private static double firstGroup(double[][][] stems, int channel, double[] mix, int offset, int frames,
                                     double[] out, int count) {
        double sign = count == 0 ? 0.0 : 1.0;
        double[] a = count > 0 ? stems[0][channel] : mix;
        double[] b = count > 1 ? stems[1][channel] : a;
        double[] c = count > 2 ? stems[2][channel] : a;
        double[] d = count > 3 ? stems[3][channel] : a;
        double wb = count > 1 ? 1.0 : 0.0;
        double wc = count > 2 ? 1.0 : 0.0;
        double wd = count > 3 ? 1.0 : 0.0;
        if (count == 4) {
            return fusedFour(a, b, c, d, mix, offset, frames, out);
        }
        double s0 = 0;
        for (int t = 0; t < frames; t++) {
            int k = offset + t;
            double v = (sign * a[k] + wb * b[k]) + (wc * c[k] + wd * d[k]) - mix[k];
            out[t] = v;
            s0 += v * v;
        }
        return s0;
    }

    /** {@code out = a + b + c + d - m} with the energy, unrolled by four. */
    private static double fusedFour(double[] a, double[] b, double[] c, double[] d, double[] m, int offset,
                                    int frames, double[] out) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int t = 0;
        for (; t + 3 < frames; t += 4) {
            int k = offset + t;
            double v0 = ((a[k] + b[k]) + (c[k] + d[k])) - m[k];
            double v1 = ((a[k + 1] + b[k + 1]) + (c[k + 1] + d[k + 1])) - m[k + 1];
            double v2 = ((a[k + 2] + b[k + 2]) + (c[k + 2] + d[k + 2])) - m[k + 2];
            double v3 = ((a[k + 3] + b[k + 3]) + (c[k + 3] + d[k + 3])) - m[k + 3];
            out[t] = v0;
            out[t + 1] = v1;
            out[t + 2] = v2;
            out[t + 3] = v3;
            s0 += v0 * v0;
            s1 += v1 * v1;
            s2 += v2 * v2;
            s3 += v3 * v3;
        }
        for (; t < frames; t++) {
            int k = offset + t;
            double v = ((a[k] + b[k]) + (c[k] + d[k])) - m[k];
            out[t] = v;
            s0 += v * v;
        }
        return (s0 + s1) + (s2 + s3);
    }

    private static void addFour(double[] a, double[] b, double[] c, double[] d, int offset, int frames,
                                double[] out) {
        for (int t = 0; t < frames; t++) {
            int k = offset + t;
            out[t] += (a[k] + b[k]) + (c[k] + d[k]);
        }
    }

    /** Adds the last 1..4 stems and sums the squares in the same pass, unrolled by four. */
    private static double lastGroup(double[][][] stems, int channel, int from, int n, int offset, int frames,
                                    double[] out) {
        double[] a = stems[from][channel];
        double[] b = from + 1 < n ? stems[from + 1][channel] : a;
        double[] c = from + 2 < n ? stems[from + 2][channel] : a;
        double[] d = from + 3 < n ? stems[from + 3][channel] : a;
        double wb = from + 1 < n ? 1.0 : 0.0;
        double wc = from + 2 < n ? 1.0 : 0.0;
        double wd = from + 3 < n ? 1.0 : 0.0;
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int t = 0;
        for (; t + 3 < frames; t += 4) {
            int k = offset + t;
            double v0 = out[t] + ((a[k] + wb * b[k]) + (wc * c[k] + wd * d[k]));
            double v1 = out[t + 1] + ((a[k + 1] + wb * b[k + 1]) + (wc * c[k + 1] + wd * d[k + 1]));
            double v2 = out[t + 2] + ((a[k + 2] + wb * b[k + 2]) + (wc * c[k + 2] + wd * d[k + 2]));
            double v3 = out[t + 3] + ((a[k + 3] + wb * b[k + 3]) + (wc * c[k + 3] + wd * d[k + 3]));
            out[t] = v0;
            out[t + 1] = v1;
            out[t + 2] = v2;
            out[t + 3] = v3;
            s0 += v0 * v0;
            s1 += v1 * v1;
            s2 += v2 * v2;
            s3 += v3 * v3;
        }
        for (; t < frames; t++) {
            int k = offset + t;
            double v = out[t] + ((a[k] + wb * b[k]) + (wc * c[k] + wd * d[k]));
            out[t] = v;
            s0 += v * v;
        }
        return (s0 + s1) + (s2 + s3);
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
}
