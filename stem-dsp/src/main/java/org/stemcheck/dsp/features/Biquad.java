package org.stemcheck.dsp.features;

/**
 * A second-order low-pass section, direct form I, with coefficients from R. Bristow-Johnson's
 * "Cookbook formulae for audio EQ biquad filter coefficients" (LPF). Not thread-safe.
 */
final class Biquad {

    final double b0;
    final double b1;
    final double b2;
    final double a1;
    final double a2;
    private double x1;
    private double x2;
    private double y1;
    private double y2;

    private Biquad(double b0, double b1, double b2, double a1, double a2) {
        this.b0 = b0;
        this.b1 = b1;
        this.b2 = b2;
        this.a1 = a1;
        this.a2 = a2;
    }

    /** A low-pass at {@code cutoff} Hz with quality {@code q} (two sections of Q 0.5412 and 1.3066 make a 4th-order Butterworth). */
    static Biquad lowPass(double rate, double cutoff, double q) {
        double w0 = 2 * Math.PI * cutoff / rate;
        double alpha = Math.sin(w0) / (2 * q);
        double cos = Math.cos(w0);
        double a0 = 1 + alpha;
        return new Biquad((1 - cos) / 2 / a0, (1 - cos) / a0, (1 - cos) / 2 / a0, -2 * cos / a0, (1 - alpha) / a0);
    }

    double filter(double x) {
        double y = b0 * x + b1 * x1 + b2 * x2 - a1 * y1 - a2 * y2;
        x2 = x1;
        x1 = x;
        y2 = y1;
        y1 = Math.abs(y) < 1e-30 ? 0 : y;
        return y1;
    }
}
