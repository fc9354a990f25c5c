package org.stemcheck.io.internal.flac;

/**
 * Restores samples from their residuals in place: the fixed predictors of orders 0 to 4 (RFC 9639
 * section 9.2.5) and linear prediction with quantised coefficients (section 9.2.6). On entry
 * {@code s[0 .. order)} are the warm-up samples and {@code s[order .. n)} the residuals.
 */
final class Predictors {

    private Predictors() {
    }

    /** Fixed predictor of order 0 to 4 (RFC 9639 section 9.2.5). */
    static void fixed(long[] s, int n, int order) {
        switch (order) {
            case 1:
                for (int i = 1; i < n; i++) {
                    s[i] += s[i - 1];
                }
                break;
            case 2:
                for (int i = 2; i < n; i++) {
                    s[i] += 2 * s[i - 1] - s[i - 2];
                }
                break;
            case 3:
                for (int i = 3; i < n; i++) {
                    s[i] += 3 * (s[i - 1] - s[i - 2]) + s[i - 3];
                }
                break;
            case 4:
                for (int i = 4; i < n; i++) {
                    s[i] += 4 * (s[i - 1] + s[i - 3]) - 6 * s[i - 2] - s[i - 4];
                }
                break;
            default:
                // order 0: the residual is the signal
                break;
        }
    }

    /**
     * Linear prediction (RFC 9639 section 9.2.6): the first coefficient weighs the most recent
     * sample; the sum is shifted right (arithmetically) by {@code shift} before the residual is
     * added.
     */
    static void lpc(long[] s, int n, long[] c, int order, int shift) {
        if (order == 8) {
            lpc8(s, n, c, shift);
            return;
        }
        for (int i = order; i < n; i++) {
            long sum = 0;
            for (int j = 0; j < order; j++) {
                sum += c[j] * s[i - 1 - j];
            }
            s[i] += sum >> shift;
        }
    }

    /** Order 8, flac's default at level 5, unrolled. */
    private static void lpc8(long[] s, int n, long[] c, int shift) {
        long c0 = c[0], c1 = c[1], c2 = c[2], c3 = c[3], c4 = c[4], c5 = c[5], c6 = c[6], c7 = c[7];
        for (int i = 8; i < n; i++) {
            long sum = c0 * s[i - 1] + c1 * s[i - 2] + c2 * s[i - 3] + c3 * s[i - 4]
                    + c4 * s[i - 5] + c5 * s[i - 6] + c6 * s[i - 7] + c7 * s[i - 8];
            s[i] += sum >> shift;
        }
    }
}
