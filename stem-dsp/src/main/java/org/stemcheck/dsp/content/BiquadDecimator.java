package org.stemcheck.dsp.content;

import java.util.Arrays;
import org.stemcheck.dsp.internal.Biquad;

/**
 * Decimation for the pitch tracker: two {@link Biquad} low-pass sections in cascade (a
 * Butterworth anti-alias filter), evaluated only where a decimator by
 * {@code factor} keeps a sample (the last of every group of {@code factor} inputs), in closed form
 * per group: the cascade is linear, so its state after a group is a fixed matrix times the state
 * before it and the group's inputs. That matrix is found once by running the per-sample recursion
 * on unit states and unit inputs.
 *
 * <p>Per input sample this costs {@code 4 * (6 + factor) / factor} multiply-adds (7 at a factor
 * of 8) that do not wait on each other, where the per-sample recursion costs 10 whose two
 * feedback chains each wait on the previous sample's output: the kept samples are those of
 * the two sections run sample by sample (direct form I) to rounding (about 1e-15 relative). States
 * below 1e-30 are flushed to zero after each group, as a per-sample filter would after each sample, so that
 * silence after sound never reaches subnormal numbers. Inputs arrive one at a time or in blocks;
 * either way every group goes through the same arithmetic. Not thread-safe.
 */
final class BiquadDecimator {

    /** State components: first section's last two inputs and outputs, second section's last two outputs. */
    private static final int STATES = 6;
    /** Magnitude below which a state is flushed to zero, so that silence never runs on subnormal numbers. */
    private static final double FLUSH = 1e-30;

    private final int factor;
    /** Row r (y1, y2, z1, z2 after the group) times the group's inputs, oldest first. */
    private final double[] in0;
    private final double[] in1;
    private final double[] in2;
    private final double[] in3;
    /** Row r times the state before the group, in the order x1, x2, y1, y2, z1, z2. */
    private final double[] st0;
    private final double[] st1;
    private final double[] st2;
    private final double[] st3;
    private final double[] pending;
    private int count;
    private double x1;
    private double x2;
    private double y1;
    private double y2;
    private double z1;
    private double z2;

    /**
     * @param first  the first section (its coefficients; its state is not used)
     * @param next   the second section
     * @param factor inputs per kept sample, at least 2
     */
    BiquadDecimator(Biquad first, Biquad next, int factor) {
        if (factor < 2) {
            throw new IllegalArgumentException("factor must be at least 2: " + factor);
        }
        this.factor = factor;
        double[][] rows = new double[4][STATES + factor];
        for (int col = 0; col < STATES + factor; col++) {
            double[] s = new double[STATES];
            double[] u = new double[factor];
            if (col < STATES) {
                s[col] = 1;
            } else {
                u[col - STATES] = 1;
            }
            double[] after = run(first, next, s, u);
            for (int r = 0; r < 4; r++) {
                rows[r][col] = after[r];
            }
        }
        this.st0 = Arrays.copyOfRange(rows[0], 0, STATES);
        this.st1 = Arrays.copyOfRange(rows[1], 0, STATES);
        this.st2 = Arrays.copyOfRange(rows[2], 0, STATES);
        this.st3 = Arrays.copyOfRange(rows[3], 0, STATES);
        this.in0 = Arrays.copyOfRange(rows[0], STATES, STATES + factor);
        this.in1 = Arrays.copyOfRange(rows[1], STATES, STATES + factor);
        this.in2 = Arrays.copyOfRange(rows[2], STATES, STATES + factor);
        this.in3 = Arrays.copyOfRange(rows[3], STATES, STATES + factor);
        this.pending = new double[factor];
    }

    /**
     * The per-sample recursion of {@code next.filter(first.filter(x))} (without the flush) from
     * state {@code s} over inputs {@code u}; returns y1, y2, z1, z2 after the last input.
     */
    private static double[] run(Biquad p, Biquad q, double[] s, double[] u) {
        double px1 = s[0], px2 = s[1], py1 = s[2], py2 = s[3], qy1 = s[4], qy2 = s[5];
        for (double x : u) {
            double y = p.b0() * x + p.b1() * px1 + p.b2() * px2 - p.a1() * py1 - p.a2() * py2;
            double z = q.b0() * y + q.b1() * py1 + q.b2() * py2 - q.a1() * qy1 - q.a2() * qy2;
            px2 = px1;
            px1 = x;
            py2 = py1;
            py1 = y;
            qy2 = qy1;
            qy1 = z;
        }
        return new double[] {py1, py2, qy1, qy2};
    }

    /** Inputs per kept sample. */
    int factor() {
        return factor;
    }

    /** Takes one input; returns whether it completed a group (its kept sample is then {@link #last()}). */
    boolean accept(double x) {
        pending[count++] = x;
        if (count < factor) {
            return false;
        }
        count = 0;
        group(pending, 0);
        return true;
    }

    /** The latest kept sample (0 before the first). */
    double last() {
        return z1;
    }

    /**
     * Takes {@code n} inputs from {@code x[from ..]} and writes the samples kept among them to
     * {@code out[0 ..]}; returns how many (at most {@code n / factor + 1}).
     */
    int accept(double[] x, int from, int n, double[] out) {
        int kept = 0;
        int i = from;
        int end = from + n;
        if (count > 0) {
            int take = Math.min(end - i, factor - count);
            System.arraycopy(x, i, pending, count, take);
            count += take;
            i += take;
            if (count < factor) {
                return 0;
            }
            count = 0;
            out[kept++] = group(pending, 0);
        }
        for (; i + factor <= end; i += factor) {
            out[kept++] = group(x, i);
        }
        count = end - i;
        System.arraycopy(x, i, pending, 0, count);
        return kept;
    }

    /** Advances the state over {@code u[from .. from + factor)}; returns the second section's last output. */
    private double group(double[] u, int from) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        for (int k = 0; k < factor; k++) {
            double v = u[from + k];
            s0 += in0[k] * v;
            s1 += in1[k] * v;
            s2 += in2[k] * v;
            s3 += in3[k] * v;
        }
        double a = x1, b = x2, c = y1, d = y2, e = z1, f = z2;
        s0 += st0[0] * a + st0[1] * b + st0[2] * c + st0[3] * d + st0[4] * e + st0[5] * f;
        s1 += st1[0] * a + st1[1] * b + st1[2] * c + st1[3] * d + st1[4] * e + st1[5] * f;
        s2 += st2[0] * a + st2[1] * b + st2[2] * c + st2[3] * d + st2[4] * e + st2[5] * f;
        s3 += st3[0] * a + st3[1] * b + st3[2] * c + st3[3] * d + st3[4] * e + st3[5] * f;
        x1 = u[from + factor - 1];
        x2 = u[from + factor - 2];
        y1 = Math.abs(s0) < FLUSH ? 0 : s0;
        y2 = Math.abs(s1) < FLUSH ? 0 : s1;
        z1 = Math.abs(s2) < FLUSH ? 0 : s2;
        z2 = Math.abs(s3) < FLUSH ? 0 : s3;
        return z1;
    }
}
