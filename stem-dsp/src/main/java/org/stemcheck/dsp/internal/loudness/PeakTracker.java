package org.stemcheck.dsp.internal.loudness;

import java.util.Arrays;

/**
 * Sample peak and true peak of every channel, fed block by block.
 *
 * <p>Each channel keeps its last {@code 2H - 1} samples; a block is processed in chunks laid out
 * after that history in one contiguous array, and the chunk is examined in spans of
 * {@value #SPAN} output positions, in up to three steps that never change the result:
 * <ol>
 * <li><b>Bound.</b> A span is dismissed when {@link Interpolator#worstGain()} times the largest
 * magnitude in its window is at most the channel's peak so far (no phase can exceed it).</li>
 * <li><b>Screen.</b> The spans left are screened in binary32 with proven rounding and tail
 * bounds ({@link FloatScreen}), run by run of consecutive spans.</li>
 * <li><b>Exact.</b> The remaining spans (the few that may set a new peak) are evaluated in
 * {@code double}, in order, every output summed in tap order from 0 exactly as before, after the
 * bound is tried again against the peak the earlier spans may have raised.</li>
 * </ol>
 * A span is dismissed only against a peak that some sample or exact output reaches, and the peak
 * only grows, so the peak is the exact maximum of the double evaluation, bit for bit, whatever the
 * block sizes and however much is dismissed; only the work depends on the running peak.
 *
 * <p>The audio is taken as silent before its first sample and after its last, so
 * {@link #truePeaks()} also evaluates the interpolated signal over the last H samples (fed H
 * zeros, on a copy of the state).
 */
public final class PeakTracker {

    /** Frames per chunk: the work arrays stay in the first-level cache. */
    private static final int CHUNK = 1024;
    /**
     * Output positions per span: the unit of dismissal. Short enough that a quiet stretch of a few
     * milliseconds is dismissed, long enough that its bound costs little per position.
     */
    private static final int SPAN = 64;

    private final Interpolator interpolator;
    private final int taps;
    private final FloatScreen screen;
    private final double[][] tails;
    private final double[] samplePeak;
    private final double[] truePeak;
    private final double[] ext;
    private final double[] acc;
    /** Per block of {@value #SPAN} samples of {@link #ext}, its largest magnitude. */
    private final double[] blockMax;
    private final double[] windowMax;
    private final boolean[] open;

    public PeakTracker(Interpolator interpolator, int channels) {
        this.interpolator = interpolator;
        this.taps = interpolator.historyLength();
        this.screen = new FloatScreen(interpolator, CHUNK, SPAN);
        this.tails = new double[channels][taps - 1];
        this.samplePeak = new double[channels];
        this.truePeak = new double[channels];
        this.ext = new double[taps - 1 + CHUNK];
        this.acc = new double[SPAN];
        if (taps - 1 > SPAN) {
            throw new IllegalArgumentException("a span's window must fit in two blocks: " + taps + " taps");
        }
        this.blockMax = new double[(taps - 1 + CHUNK + SPAN - 1) / SPAN];
        this.windowMax = new double[CHUNK / SPAN];
        this.open = new boolean[CHUNK / SPAN];
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
        samplePeak[c] = load(x, from, n, samplePeak[c]);
        double peak = Math.max(truePeak[c], samplePeak[c]);
        if (bound(n, peak)) {
            screen.dismiss(ext, n, windowMax, open, peak);
            peak = exact(n, peak);
        }
        truePeak[c] = peak;
        System.arraycopy(ext, n, tails[c], 0, h);
    }

    /**
     * Copies the chunk after the history and takes the largest magnitude of every block of
     * {@value #SPAN} samples of the work array; non-finite samples become 0.
     *
     * @return the sample peak including the chunk
     */
    private double load(double[] x, int from, int n, double samplePeak) {
        int h = taps - 1;
        System.arraycopy(x, from, ext, h, n);
        int blocks = (h + n + SPAN - 1) / SPAN;
        if (!blockMaxima(blocks, h + n)) {
            zeroNonFinite(h, h + n);
            blockMaxima(blocks, h + n);
        }
        double sp = samplePeak;
        for (int i = h; i < Math.min(SPAN, h + n); i++) {
            double a = Math.abs(ext[i]);
            sp = a > sp ? a : sp;
        }
        for (int b = 1; b < blocks; b++) {
            sp = blockMax[b] > sp ? blockMax[b] : sp; // blocks after the first hold chunk samples only
        }
        return sp;
    }

    /** Sets {@code blockMax[0 .. blocks)} over {@code ext[0 .. length)}. @return whether every sample is finite */
    private boolean blockMaxima(int blocks, int length) {
        int bad = 0;
        for (int b = 0; b < blocks; b++) {
            double m = 0;
            for (int i = b * SPAN, to = Math.min(length, i + SPAN); i < to; i++) {
                double a = Math.abs(ext[i]);
                m = a > m ? a : m; // Math.max's NaN and signed-zero care is not needed here, nor its latency
                bad |= a <= Double.MAX_VALUE ? 0 : 1;
            }
            blockMax[b] = m;
        }
        return bad == 0;
    }

    /** NaN or infinite samples of a float file are measured as silence. */
    private void zeroNonFinite(int from, int to) {
        for (int i = from; i < to; i++) {
            if (!(Math.abs(ext[i]) <= Double.MAX_VALUE)) {
                ext[i] = 0;
            }
        }
    }

    /**
     * Sets every span's window maximum and opens those the bound cannot dismiss. Span {@code t}'s
     * window, {@code ext[t * SPAN .. t * SPAN + SPAN + 2H - 1)}, lies within blocks {@code t} and
     * {@code t + 1}, whose larger maximum stands for it (a little more than the window: the bound
     * only gets looser).
     *
     * @return whether any span is open
     */
    private boolean bound(int n, double peak) {
        int blocks = (taps - 1 + n + SPAN - 1) / SPAN;
        double gain = interpolator.worstGain();
        boolean any = false;
        for (int s = 0, t = 0; s < n; s += SPAN, t++) {
            double next = t + 1 < blocks ? blockMax[t + 1] : 0;
            windowMax[t] = Math.max(blockMax[t], next);
            open[t] = gain * windowMax[t] > peak;
            any |= open[t];
        }
        return any;
    }

    /** Evaluates the open spans in order, each unless the peak raised by those before now bounds it. */
    private double exact(int n, double peak) {
        double gain = interpolator.worstGain();
        for (int s = 0, t = 0; s < n; s += SPAN, t++) {
            if (open[t] && gain * windowMax[t] > peak) {
                peak = Math.max(peak, interpolatedPeak(ext, s, Math.min(SPAN, n - s)));
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
