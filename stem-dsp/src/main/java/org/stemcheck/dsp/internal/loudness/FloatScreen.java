package org.stemcheck.dsp.internal.loudness;

import java.util.Arrays;

/**
 * The float screens of {@link PeakTracker}: proves, span by span, that no interpolated output of
 * a span can exceed the peak so far, without the exact double evaluation.
 *
 * <p>Every phase is evaluated in binary32, tap by tap, first with the central 8 taps, then 16,
 * then all 48 ({@link #HALF_WIDTHS}); a partial screen adds what its omitted taps can contribute
 * ({@link Interpolator#tailGain} times the window's largest magnitude). The float value differs
 * from the double one by at most {@value #ULPS} units of 2<sup>-24</sup> of
 * {@code sum |c_i x_i|}: rounding the taps and samples to float (one unit each), the product (one)
 * and up to 47 additions (one each, Higham's gamma_n bound), with margin; that is at most
 * {@code ULPS * 2^-24 * worstGain * max|x|}, plus a floor for float underflow. A span whose
 * screened maximum plus these bounds is at most the peak cannot raise it.
 *
 * <p>A screen runs over each maximal run of consecutive spans still in doubt at once, so its tap
 * loops run over up to a whole chunk rather than one span: the JIT's vector loops need a few
 * hundred iterations to leave their set-up and scalar remainder behind (see {@link #filter} for
 * what makes them vector loops at all). Not thread-safe.
 */
final class FloatScreen {

    /** The screen's error bound, in units of 2^-24 of sum |c_i x_i| (51 needed, see above). */
    static final int ULPS = 64;
    /** Relative error bound of the screen. */
    private static final double ERROR = ULPS * 0x1p-24;
    /** Absolute error floor of the screen: 100 float operations each losing at most 2^-149 to underflow. */
    private static final double FLOOR = 0x1p-140;
    /** Above this magnitude the float screen could overflow: such spans go straight to double. */
    static final double LIMIT = 0x1p100;

    /**
     * Taps either side of the kernel's centre used by the successive screens, the last being the
     * whole kernel. At L = 4 the central 8 taps leave at most 0.55, the central 16 at most 0.21
     * (of a worst gain of 2.65), so most spans a few dB below the running peak are dismissed at a
     * sixth or a third of the full cost.
     */
    /**
     * Spans already dismissed that a run of spans in doubt may cover, to join the runs either side:
     * computing two spans in vain costs about what breaking a vector loop in two does (on the
     * benchmark song 0 measured the same within noise, 8 a third slower).
     */
    private static final int MAX_GAP = 2;

    /**
     * A partial screen's maximum is rarely below this share of the window's largest magnitude
     * (the phases pass close to the samples): a span louder than the peak over this plus the
     * screen's tail share would most likely not be dismissed, so it goes to the next, wider screen
     * straight away. Only the work depends on it: the last screen takes every span in doubt.
     * On the benchmark song 0.7, 0.9 and 1.0 took alike, a few per cent less than no skipping.
     */
    private static final double LIKELY_PARTIAL = 0.9;

    private static final int[] HALF_WIDTHS = {4, 8, Interpolator.HALF_LENGTH};

    private final Interpolator interpolator;
    private final int taps;
    private final int span;
    /** Per screen: what the taps it leaves out can add, per unit of the window's largest magnitude. */
    private final double[] tails;
    private final float[] floatExt;
    /** Per phase 1 .. L-1 (index k - 1), the partial sums of a run's outputs. */
    private final float[][] acc;
    /** Taps per pass of {@link #filter}. */
    private static final int SHIFTS = 4;
    /** The run's samples shifted by four taps: row j holds {@code floatExt[start + i + j + p]} at {@code p}. */
    private final float[][] shifted;
    private final float[] spanPeak;

    /**
     * @param interpolator the phases
     * @param chunk        the most output positions of one chunk
     * @param span         output positions per span
     */
    FloatScreen(Interpolator interpolator, int chunk, int span) {
        this.interpolator = interpolator;
        this.taps = interpolator.historyLength();
        this.span = span;
        this.tails = new double[HALF_WIDTHS.length];
        for (int j = 0; j < tails.length; j++) {
            tails[j] = interpolator.tailGain(taps / 2 - HALF_WIDTHS[j], taps / 2 + HALF_WIDTHS[j]);
        }
        this.floatExt = new float[taps - 1 + chunk];
        this.acc = new float[interpolator.factor() - 1][chunk];
        this.shifted = new float[SHIFTS][chunk];
        this.spanPeak = new float[(chunk + span - 1) / span];
    }

    /**
     * Closes every open span that a screen proves cannot exceed {@code peak}.
     *
     * @param ext       the chunk's samples after the history, {@code 2H - 1 + n} of them
     * @param n         output positions in the chunk
     * @param windowMax per span, the largest magnitude of its window (or more)
     * @param open      per span, true while it may exceed the peak; cleared for those proven not to
     * @param peak      the peak so far
     */
    void dismiss(double[] ext, int n, double[] windowMax, boolean[] open, double peak) {
        int spans = (n + span - 1) / span;
        boolean converted = false;
        for (int j = 0; j < HALF_WIDTHS.length; j++) {
            double hopeless = j + 1 < HALF_WIDTHS.length ? peak / (LIKELY_PARTIAL + tails[j]) : Double.POSITIVE_INFINITY;
            for (int s = 0; s < spans; ) {
                if (!screenable(s, windowMax, open, hopeless)) {
                    s++;
                    continue;
                }
                int e = s + 1;
                for (int t = e; t < spans && t <= e + MAX_GAP; t++) {
                    if (screenable(t, windowMax, open, hopeless)) {
                        e = t + 1;
                    }
                }
                if (!converted) {
                    toFloat(ext, taps - 1 + n);
                    converted = true;
                }
                screen(s, e, n, HALF_WIDTHS[j]);
                for (int t = s; t < e; t++) {
                    if (!screenable(t, windowMax, open, hopeless)) {
                        continue;
                    }
                    double rounding = ERROR * interpolator.worstGain() * windowMax[t] + FLOOR;
                    open[t] = spanPeak[t] + tails[j] * windowMax[t] + rounding > peak;
                }
                s = e;
            }
        }
    }

    /** Open, within float's range, and not so loud that the screen would most likely fail. */
    private static boolean screenable(int s, double[] windowMax, boolean[] open, double hopeless) {
        return open[s] && windowMax[s] <= LIMIT && windowMax[s] <= hopeless;
    }

    private void toFloat(double[] ext, int length) {
        for (int i = 0; i < length; i++) {
            floatExt[i] = (float) ext[i];
        }
    }

    /**
     * The largest float magnitude of phases 1 .. L-1 with the central {@code 2 * half} taps, per
     * span of {@code [s0, s1)}, into {@code spanPeak}: within the screen's rounding bound of the
     * double sum of those taps.
     */
    private void screen(int s0, int s1, int n, int half) {
        int start = s0 * span;
        int len = Math.min(s1 * span, n) - start;
        filter(start, len, taps / 2 - half, taps / 2 + half);
        Arrays.fill(spanPeak, s0, s1, 0f);
        for (float[] a : acc) {
            for (int t = s0; t < s1; t++) {
                int p0 = t * span - start;
                spanPeak[t] = Math.max(spanPeak[t], maxAbs(a, p0, Math.min(p0 + span, len)));
            }
        }
    }

    /**
     * {@code acc[k - 1][p] = sum over taps from .. to-1 of c_k[i] * x[start + p + i]}, for p in
     * 0 .. len-1, tap by tap. The samples of four taps at a time are first copied to
     * {@link #shifted}, one row per tap, so that the accumulation reads and writes one index: the
     * JIT vectorises that loop, where it cannot prove that {@code acc} and {@code x[o + p]} are
     * distinct arrays and so leaves a loop over {@code x[o + p]} scalar; four taps a pass load and
     * store each sum once for four products.
     */
    private void filter(int start, int len, int from, int to) {
        for (float[] a : acc) {
            Arrays.fill(a, 0, len, 0f);
        }
        int i = from;
        for (; i + SHIFTS <= to; i += SHIFTS) {
            for (int j = 0; j < SHIFTS; j++) {
                System.arraycopy(floatExt, start + i + j, shifted[j], 0, len);
            }
            for (int k = 1; k < interpolator.factor(); k++) {
                float[] c = interpolator.floatPhaseTaps(k);
                addScaled(acc[k - 1], c[i], c[i + 1], c[i + 2], c[i + 3], len);
            }
        }
        for (; i < to; i++) {
            System.arraycopy(floatExt, start + i, shifted[0], 0, len);
            for (int k = 1; k < interpolator.factor(); k++) {
                addScaled(acc[k - 1], interpolator.floatPhaseTaps(k)[i], len);
            }
        }
    }

    private void addScaled(float[] a, float c0, float c1, float c2, float c3, int len) {
        float[] x0 = shifted[0], x1 = shifted[1], x2 = shifted[2], x3 = shifted[3];
        for (int p = 0; p < len; p++) {
            a[p] = a[p] + c0 * x0[p] + c1 * x1[p] + c2 * x2[p] + c3 * x3[p];
        }
    }

    private void addScaled(float[] a, float c, int len) {
        float[] x = shifted[0];
        for (int p = 0; p < len; p++) {
            a[p] += c * x[p];
        }
    }

    private static float maxAbs(float[] a, int from, int to) {
        float m = 0;
        for (int p = from; p < to; p++) {
            m = Math.max(m, Math.abs(a[p]));
        }
        return m;
    }
}
