package org.stemcheck.dsp.internal;

/**
 * The coefficients of one second-order IIR section, normalised so that {@code a0 = 1}:
 * {@code H(z) = (b0 + b1 z^-1 + b2 z^-2) / (1 + a1 z^-1 + a2 z^-2)}. Immutable; the filters that
 * run a section keep their own state (the loudness meter's K-weighting, the pitch tracker's
 * decimator).
 *
 * <p>{@link #bilinear} maps an analog prototype, written in the normalised variable
 * {@code p = s / w0}, to this form with the bilinear transform pre-warped at the prototype's
 * corner frequency {@code f0}: {@code p = (1/K) (1 - z^-1) / (1 + z^-1)}, {@code K = tan(pi f0/fs)},
 * so that the corner lands on {@code f0} at every sample rate. {@link #lowPass} is R.
 * Bristow-Johnson's low-pass ("Cookbook formulae for audio EQ biquad filter coefficients").
 *
 * @param b0 numerator, {@code z^0}
 * @param b1 numerator, {@code z^-1}
 * @param b2 numerator, {@code z^-2}
 * @param a1 denominator, {@code z^-1}
 * @param a2 denominator, {@code z^-2}
 */
public record Biquad(double b0, double b1, double b2, double a1, double a2) {

    /** A section from coefficients already normalised to {@code a0 = 1}. */
    public static Biquad of(double b0, double b1, double b2, double a1, double a2) {
        return new Biquad(b0, b1, b2, a1, a2);
    }

    /**
     * Digitises the analog section {@code (n2 p^2 + n1 p + n0) / (d2 p^2 + d1 p + d0)}, {@code p = s/(2 pi f0)},
     * by the bilinear transform pre-warped at {@code f0}.
     */
    public static Biquad bilinear(double n2, double n1, double n0, double d2, double d1, double d0,
            double f0, double sampleRate) {
        double k = Math.tan(Math.PI * f0 / sampleRate);
        double kk = k * k;
        double a0 = d2 + d1 * k + d0 * kk;
        return new Biquad(
                (n2 + n1 * k + n0 * kk) / a0,
                2 * (n0 * kk - n2) / a0,
                (n2 - n1 * k + n0 * kk) / a0,
                2 * (d0 * kk - d2) / a0,
                (d2 - d1 * k + d0 * kk) / a0);
    }

    /**
     * A low-pass at {@code cutoff} Hz with quality {@code q} (the cookbook's LPF; two sections of
     * Q 0.5412 and 1.3066 make a 4th-order Butterworth).
     */
    public static Biquad lowPass(double sampleRate, double cutoff, double q) {
        double w0 = 2 * Math.PI * cutoff / sampleRate;
        double alpha = Math.sin(w0) / (2 * q);
        double cos = Math.cos(w0);
        double a0 = 1 + alpha;
        return new Biquad((1 - cos) / 2 / a0, (1 - cos) / a0, (1 - cos) / 2 / a0, -2 * cos / a0, (1 - alpha) / a0);
    }

    /** The coefficients as {@code {b0, b1, b2, a1, a2}}. */
    public double[] coefficients() {
        return new double[] {b0, b1, b2, a1, a2};
    }

    /** The magnitude of the response at {@code frequency} Hz, linear. */
    public double magnitude(double frequency, double sampleRate) {
        double w = 2 * Math.PI * frequency / sampleRate;
        double c1 = Math.cos(w);
        double s1 = Math.sin(w);
        double c2 = Math.cos(2 * w);
        double s2 = Math.sin(2 * w);
        double numRe = b0 + b1 * c1 + b2 * c2;
        double numIm = -(b1 * s1 + b2 * s2);
        double denRe = 1 + a1 * c1 + a2 * c2;
        double denIm = -(a1 * s1 + a2 * s2);
        return Math.hypot(numRe, numIm) / Math.hypot(denRe, denIm);
    }
}
