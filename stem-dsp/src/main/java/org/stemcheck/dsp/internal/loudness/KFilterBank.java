package org.stemcheck.dsp.internal.loudness;

import org.stemcheck.dsp.internal.Biquad;

/**
 * K-weights every channel (two cascaded sections in transposed direct form II) and sums each
 * channel's squared output. The sums carry across calls, added sample by sample in order, so
 * the result does not depend on how the audio is cut into blocks.
 */
final class KFilterBank {

    /** Filter states below this are set to 0, so that silence never runs on subnormal numbers. */
    private static final double FLUSH_BELOW = 1e-200;

    private final Biquad pre;
    private final Biquad rlb;
    /** Per channel: pre s1, s2, rlb s1, s2. */
    private final double[][] state;
    private final double[] energy;

    KFilterBank(KWeighting weighting, int channels) {
        this.pre = weighting.first();
        this.rlb = weighting.second();
        this.state = new double[channels][4];
        this.energy = new double[channels];
    }

    /** Filters {@code frames} frames of every channel and adds their squares to the sums. */
    void process(double[][] block, int offset, int frames) {
        int c = 0;
        for (; c + 2 <= state.length; c += 2) {
            filterPair(block[c], block[c + 1], offset, frames, c);
        }
        for (; c < state.length; c++) {
            energy[c] = filter(block[c], offset, frames, state[c], energy[c]);
        }
    }

    /**
     * Channels {@code c} and {@code c + 1} in one loop: each recursion is latency-bound, so two
     * independent ones interleaved take about the time of one. Each channel's arithmetic is the
     * same as {@link #filter}'s, operation for operation, so the sums are identical.
     */
    private void filterPair(double[] x, double[] z, int offset, int frames, int c) {
        double pb0 = pre.b0(), pb1 = pre.b1(), pb2 = pre.b2(), pa1 = pre.a1(), pa2 = pre.a2();
        double rb0 = rlb.b0(), rb1 = rlb.b1(), rb2 = rlb.b2(), ra1 = rlb.a1(), ra2 = rlb.a2();
        double[] s = state[c];
        double[] t = state[c + 1];
        double p1 = s[0], p2 = s[1], r1 = s[2], r2 = s[3];
        double q1 = t[0], q2 = t[1], w1 = t[2], w2 = t[3];
        double sum = energy[c];
        double sum2 = energy[c + 1];
        for (int i = offset, end = offset + frames; i < end; i++) {
            double in = x[i];
            if (!(Math.abs(in) <= Double.MAX_VALUE)) {
                in = 0; // NaN or infinite samples of a float file are measured as silence
            }
            double in2 = z[i];
            if (!(Math.abs(in2) <= Double.MAX_VALUE)) {
                in2 = 0;
            }
            double u = pb0 * in + p1;
            double u2 = pb0 * in2 + q1;
            p1 = pb1 * in - pa1 * u + p2;
            q1 = pb1 * in2 - pa1 * u2 + q2;
            p2 = pb2 * in - pa2 * u;
            q2 = pb2 * in2 - pa2 * u2;
            double y = rb0 * u + r1;
            double y2 = rb0 * u2 + w1;
            r1 = rb1 * u - ra1 * y + r2;
            w1 = rb1 * u2 - ra1 * y2 + w2;
            r2 = rb2 * u - ra2 * y;
            w2 = rb2 * u2 - ra2 * y2;
            sum += y * y;
            sum2 += y2 * y2;
        }
        s[0] = p1;
        s[1] = p2;
        s[2] = r1;
        s[3] = r2;
        t[0] = q1;
        t[1] = q2;
        t[2] = w1;
        t[3] = w2;
        energy[c] = sum;
        energy[c + 1] = sum2;
    }

    private double filter(double[] x, int offset, int frames, double[] s, double acc) {
        double pb0 = pre.b0(), pb1 = pre.b1(), pb2 = pre.b2(), pa1 = pre.a1(), pa2 = pre.a2();
        double rb0 = rlb.b0(), rb1 = rlb.b1(), rb2 = rlb.b2(), ra1 = rlb.a1(), ra2 = rlb.a2();
        double p1 = s[0], p2 = s[1], r1 = s[2], r2 = s[3];
        double sum = acc;
        for (int i = offset, end = offset + frames; i < end; i++) {
            double in = x[i];
            if (!(Math.abs(in) <= Double.MAX_VALUE)) {
                in = 0; // NaN or infinite samples of a float file are measured as silence
            }
            double u = pb0 * in + p1;
            p1 = pb1 * in - pa1 * u + p2;
            p2 = pb2 * in - pa2 * u;
            double y = rb0 * u + r1;
            r1 = rb1 * u - ra1 * y + r2;
            r2 = rb2 * u - ra2 * y;
            sum += y * y;
        }
        s[0] = p1;
        s[1] = p2;
        s[2] = r1;
        s[3] = r2;
        return sum;
    }

    /** Returns the channel-weighted sum of squares since the last call, and restarts the sums. */
    double takeWeightedEnergy(double[] weights) {
        double total = 0;
        for (int c = 0; c < energy.length; c++) {
            total += weights[c] * energy[c];
            energy[c] = 0;
            flushTiny(state[c]);
        }
        return total;
    }

    private static void flushTiny(double[] s) {
        for (int i = 0; i < s.length; i++) {
            if (Math.abs(s[i]) < FLUSH_BELOW) {
                s[i] = 0;
            }
        }
    }
}
