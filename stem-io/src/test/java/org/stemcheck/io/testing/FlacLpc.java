package org.stemcheck.io.testing;

/**
 * Linear prediction for the test encoder: autocorrelation, Levinson-Durbin recursion, and
 * coefficients quantised to a precision with a right shift (RFC 9639 section 9.2.6 says how a
 * decoder uses them; how an encoder finds them is its own business).
 */
final class FlacLpc {

    /** Quantised coefficients and their shift. */
    record Quantised(long[] coefficients, int shift) {
    }

    private FlacLpc() {
    }

    /**
     * Predictor coefficients of {@code order} for {@code x[0 .. n)}, the first weighing the most
     * recent sample; null when the signal has no energy or the recursion breaks down.
     */
    static double[] coefficients(long[] x, int n, int order) {
        double[] r = new double[order + 1];
        for (int lag = 0; lag <= order; lag++) {
            double sum = 0;
            for (int i = lag; i < n; i++) {
                sum += (double) x[i] * x[i - lag];
            }
            r[lag] = sum;
        }
        if (r[0] == 0) {
            return null;
        }
        r[0] *= 1.0 + 1e-9; // a touch of white noise keeps the recursion stable on pure tones
        double[] a = new double[order];
        double[] tmp = new double[order];
        double err = r[0];
        for (int m = 0; m < order; m++) {
            double acc = r[m + 1];
            for (int j = 0; j < m; j++) {
                acc -= a[j] * r[m - j];
            }
            double k = acc / err;
            if (!Double.isFinite(k) || Math.abs(k) >= 1) {
                return null;
            }
            System.arraycopy(a, 0, tmp, 0, m);
            for (int j = 0; j < m; j++) {
                a[j] = tmp[j] - k * tmp[m - 1 - j];
            }
            a[m] = k;
            err *= 1 - k * k;
            if (err <= 0) {
                return null;
            }
        }
        return a;
    }

    /** Quantises to {@code precision} bits (2 to 15) with the largest shift (0 to 15) at which the largest coefficient fits. */
    static Quantised quantise(double[] a, int precision) {
        double max = 0;
        for (double c : a) {
            max = Math.max(max, Math.abs(c));
        }
        int shift = 15;
        if (max > 0) {
            shift = precision - 2 - Math.getExponent(max);
            shift = Math.max(0, Math.min(15, shift));
        }
        long lo = -(1L << (precision - 1));
        long hi = (1L << (precision - 1)) - 1;
        long[] q = new long[a.length];
        double carry = 0;
        for (int j = 0; j < a.length; j++) {
            double v = a[j] * (1L << shift) + carry;
            long r = Math.round(v);
            r = Math.max(lo, Math.min(hi, r));
            carry = v - r;
            q[j] = r;
        }
        return new Quantised(q, shift);
    }
}
