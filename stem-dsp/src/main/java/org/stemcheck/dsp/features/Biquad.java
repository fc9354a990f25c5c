package org.stemcheck.dsp.features;

/**
 * A second-order low-pass section, direct form I, with coefficients from R. Bristow-Johnson's
 * "Cookbook formulae for audio EQ biquad filter coefficients" (LPF). Not thread-safe.
 */
final class Biquad {

    private final double b0;
    private final double b1;
    private final double b2;
    private final double a1;
    private final double a2;
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

    /**
     * This section then {@code next}, over {@code n} samples of {@code in} from {@code from}, into
     * {@code out[0 .. n)}: the same arithmetic as calling {@code next.filter(filter(x))} per
     * sample, with both states held in locals (the recursions run without a store and reload per
     * sample, and the two sections' chains overlap).
     */
    void cascade(Biquad next, double[] in, int from, int n, double[] out) {
        double px1 = x1, px2 = x2, py1 = y1, py2 = y2;
        double qx1 = next.x1, qx2 = next.x2, qy1 = next.y1, qy2 = next.y2;
        double nb0 = next.b0, nb1 = next.b1, nb2 = next.b2, na1 = next.a1, na2 = next.a2;
        for (int i = 0; i < n; i++) {
            double x = in[from + i];
            double y = b0 * x + b1 * px1 + b2 * px2 - a1 * py1 - a2 * py2;
            px2 = px1;
            px1 = x;
            py2 = py1;
            py1 = Math.abs(y) < 1e-30 ? 0 : y;
            double z = nb0 * py1 + nb1 * qx1 + nb2 * qx2 - na1 * qy1 - na2 * qy2;
            qx2 = qx1;
            qx1 = py1;
            qy2 = qy1;
            qy1 = Math.abs(z) < 1e-30 ? 0 : z;
            out[i] = qy1;
        }
        x1 = px1;
        x2 = px2;
        y1 = py1;
        y2 = py2;
        next.x1 = qx1;
        next.x2 = qx2;
        next.y1 = qy1;
        next.y2 = qy2;
    }
}
