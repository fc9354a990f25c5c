package org.stemcheck.dsp.internal.loudness;

import java.util.Arrays;

/**
 * Sample peak and true peak of every channel, fed block by block.
 *
 * <p>Each channel keeps its last {@code 2H - 1} samples; a block is processed in chunks laid out
 * after that history in one contiguous array, and the chunk is examined in spans of
 * {@value #SPAN} output positions, each in up to three steps that never change the result:
 * <ol>
 * <li><b>Bound.</b> A span is skipped when {@link Interpolator#worstGain()} times the largest
 * magnitude in its window is at most the channel's peak so far (no phase can exceed it).</li>
 * <li><b>Screen.</b> Otherwise every phase is evaluated in binary32 ({@code float}), tap by tap
 * over the span (a loop the JIT vectorises twice as wide as in {@code double}), first with the
 * central 8 taps, then 16, then all 48 ({@link #SCREEN_HALF_WIDTHS}); a partial screen adds what
 * its omitted taps can contribute ({@link Interpolator#tailGain} times the window's largest
 * magnitude). The float value differs from the double one by at most {@value #SCREEN_ULPS} units
 * of 2<sup>-24</sup> of {@code sum |c_i x_i|}: rounding the taps and samples to float (one unit
 * each), the product (one) and up to 47 additions (one each, Higham's gamma_n bound), with margin;
 * that is at most {@code SCREEN_ULPS * 2^-24 * worstGain * max|x|}, plus a floor for float
 * underflow. A span whose screened maximum plus these bounds is at most the peak so far cannot
 * raise it.</li>
 * <li><b>Exact.</b> The remaining spans (the few that may set a new peak) are evaluated in
 * {@code double}, every output summed in tap order from 0 exactly as before.</li>
 * </ol>
 * So the peak is the exact maximum of the double evaluation, bit for bit, whatever the block
 * sizes and however much is skipped; only the work depends on the running peak.
 *
 * <p>The audio is taken as silent before its first sample and after its last, so
 * {@link #truePeaks()} also evaluates the interpolated signal over the last H samples (fed H
 * zeros, on a copy of the state).
 */
public final class PeakTracker {

    /** Frames per chunk: the work arrays stay in the first-level cache. */
    private static final int CHUNK = 1024;
    /**
     * Output positions per span: the unit of skipping. Short enough that a quiet stretch of a few
     * milliseconds is skipped, long enough that the tap loops run on whole vectors.
     */
    private static final int SPAN = 64;
    /** The float screen's error bound, in units of 2^-24 of sum |c_i x_i| (51 needed, see above). */
    static final int SCREEN_ULPS = 64;
    /** Relative error bound of the screen. */
    private static final double SCREEN_ERROR = SCREEN_ULPS * 0x1p-24;
    /** Absolute error floor of the screen: 100 float operations each losing at most 2^-149 to underflow. */
    private static final double SCREEN_FLOOR = 0x1p-140;
    /** Above this magnitude the float screen could overflow: such spans go straight to double. */
    private static final double SCREEN_LIMIT = 0x1p100;

    /**
     * Taps either side of the kernel's centre used by the successive float screens, the last being
     * the whole kernel. A partial screen adds the omitted taps' largest absolute sum
     * ({@link Interpolator#tailGain}) times the window's largest magnitude: at L = 4 the central 8
     * taps leave at most 0.55, the central 16 at most 0.21 (of a worst gain of 2.65), so most
     * spans a few dB below the running peak are dismissed at a sixth or a third of the full cost.
     */
    private static final int[] SCREEN_HALF_WIDTHS = {4, 8, Interpolator.HALF_LENGTH};

    private final Interpolator interpolator;
    private final int taps;
    /** Per screen: what the taps it leaves out can add, per unit of the window's largest magnitude. */
    private final double[] screenTails;
    private final double[][] tails;
    private final double[] samplePeak;
    private final double[] truePeak;
    private final double[] ext;
    private final float[] floatExt;
    private final double[] acc;
    private final float[] floatAcc;

    public PeakTracker(Interpolator interpolator, int channels) {
        this.interpolator = interpolator;
        this.taps = interpolator.historyLength();
        this.screenTails = new double[SCREEN_HALF_WIDTHS.length];
        for (int j = 0; j < screenTails.length; j++) {
            int half = SCREEN_HALF_WIDTHS[j];
            screenTails[j] = interpolator.tailGain(taps / 2 - half, taps / 2 + half);
        }
        this.tails = new double[channels][taps - 1];
        this.samplePeak = new double[channels];
        this.truePeak = new double[channels];
        this.ext = new double[taps - 1 + CHUNK];
        this.floatExt = new float[taps - 1 + CHUNK];
        this.acc = new double[SPAN];
        this.floatAcc = new float[SPAN];
    }

    /** Feeds {@code frames} frames of every channel (arguments already checked). */
    public void accept(double[][] block, int offset, int frames) {
        for (int c = 0; c < tails.length; c++) {
            for (int done = 0; done < frames; done += CHUNK) {
                chunk(c, block[c], offset + done, Math.min(CHUNK, frames - done));
            }
        }
    }

    private void chunk(int c, double[] x, int from, int n) {
        int h = taps - 1;
        System.arraycopy(tails[c], 0, ext, 0, h);
        double sp = samplePeak[c];
        for (int i = 0; i < n; i++) {
            double v = x[from + i];
            if (!(Math.abs(v) <= Double.MAX_VALUE)) {
                v = 0; // NaN or infinite samples of a float file are measured as silence
            }
            ext[h + i] = v;
            double a = Math.abs(v);
            sp = a > sp ? a : sp; // Math.max's NaN and signed-zero care is not needed here, nor its latency
        }
        samplePeak[c] = sp;
        double peak = Math.max(truePeak[c], sp);
        double gain = interpolator.worstGain();
        boolean floatsReady = false;
        for (int s = 0; s < n; s += SPAN) {
            int m = Math.min(SPAN, n - s);
            double windowMax = windowMax(s, s + m + h);
            if (gain * windowMax <= peak) {
                continue;
            }
            if (windowMax <= SCREEN_LIMIT) {
                if (!floatsReady) {
                    toFloat(h + n);
                    floatsReady = true;
                }
                if (screenedOut(s, m, windowMax, peak)) {
                    continue;
                }
            }
            peak = Math.max(peak, interpolatedPeak(ext, s, m));
        }
        truePeak[c] = peak;
        System.arraycopy(ext, n, tails[c], 0, h);
    }

    /** True when a float screen proves that no output of the span exceeds {@code peak}. */
    private boolean screenedOut(int start, int n, double windowMax, double peak) {
        double rounding = SCREEN_ERROR * interpolator.worstGain() * windowMax + SCREEN_FLOOR;
        for (int j = 0; j < SCREEN_HALF_WIDTHS.length; j++) {
            int half = SCREEN_HALF_WIDTHS[j];
            double partial = screenedPeak(start, n, taps / 2 - half, taps / 2 + half);
            if (partial + screenTails[j] * windowMax + rounding <= peak) {
                return true;
            }
        }
        return false;
    }

    private void toFloat(int length) {
        for (int i = 0; i < length; i++) {
            floatExt[i] = (float) ext[i];
        }
    }

    private double windowMax(int from, int to) {
        double m = 0;
        for (int i = from; i < to; i++) {
            double a = Math.abs(ext[i]);
            m = a > m ? a : m;
        }
        return m;
    }

    /**
     * Like {@link #interpolatedPeak} over {@code floatExt}, in float, with taps {@code from .. to-1}
     * only: within the screen's rounding bound of the double sum of those taps.
     */
    private double screenedPeak(int start, int n, int from, int to) {
        float peak = 0;
        float[] x = floatExt;
        for (int k = 1; k < interpolator.factor(); k++) {
            float[] c = interpolator.floatPhaseTaps(k);
            Arrays.fill(floatAcc, 0, n, 0f);
            int i = from;
            for (; i + 4 <= to; i += 4) {
                float c0 = c[i], c1 = c[i + 1], c2 = c[i + 2], c3 = c[i + 3];
                int o = start + i;
                for (int p = 0; p < n; p++) {
                    floatAcc[p] = floatAcc[p] + c0 * x[o + p] + c1 * x[o + p + 1] + c2 * x[o + p + 2]
                            + c3 * x[o + p + 3];
                }
            }
            for (; i < to; i++) {
                float ci = c[i];
                int o = start + i;
                for (int p = 0; p < n; p++) {
                    floatAcc[p] += ci * x[o + p];
                }
            }
            for (int p = 0; p < n; p++) {
                peak = Math.max(peak, Math.abs(floatAcc[p]));
            }
        }
        return peak;
    }

    /**
     * The largest magnitude of phases 1 .. L-1 for the {@code n <= SPAN} positions from
     * {@code start}, position {@code p} having its 2H-sample window at {@code x[p .. p + 2H)}.
     */
    private double interpolatedPeak(double[] x, int start, int n) {
        double peak = 0;
        for (int k = 1; k < interpolator.factor(); k++) {
            double[] c = interpolator.phaseTaps(k);
            Arrays.fill(acc, 0, n, 0.0);
            int i = 0;
            for (; i + 4 <= c.length; i += 4) {
                // Four taps per pass; Java adds left to right, so the order is still tap by tap.
                double c0 = c[i], c1 = c[i + 1], c2 = c[i + 2], c3 = c[i + 3];
                int o = start + i;
                for (int p = 0; p < n; p++) {
                    acc[p] = acc[p] + c0 * x[o + p] + c1 * x[o + p + 1] + c2 * x[o + p + 2] + c3 * x[o + p + 3];
                }
            }
            for (; i < c.length; i++) {
                double ci = c[i];
                int o = start + i;
                for (int p = 0; p < n; p++) {
                    acc[p] += ci * x[o + p];
                }
            }
            for (int p = 0; p < n; p++) {
                peak = Math.max(peak, Math.abs(acc[p]));
            }
        }
        return peak;
    }

    /** Linear sample peak per channel. */
    public double[] samplePeaks() {
        return samplePeak.clone();
    }

    /** Linear true peak per channel, including the tail after the last sample. */
    public double[] truePeaks() {
        double[] result = truePeak.clone();
        int h = taps - 1;
        int zeros = taps / 2;
        double[] work = new double[h + zeros];
        for (int c = 0; c < tails.length; c++) {
            System.arraycopy(tails[c], 0, work, 0, h);
            Arrays.fill(work, h, work.length, 0.0);
            result[c] = Math.max(result[c], interpolatedPeak(work, 0, zeros));
        }
        return result;
    }
}
