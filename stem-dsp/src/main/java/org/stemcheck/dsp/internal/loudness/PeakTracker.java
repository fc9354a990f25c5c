package org.stemcheck.dsp.internal.loudness;

/**
 * Sample peak and true peak of every channel, fed block by block.
 *
 * <p>Each channel keeps its last {@code 2H - 1} samples; a block is processed in chunks laid out
 * after that history in one contiguous array, and each interpolation phase is computed for the
 * whole chunk tap by tap ({@code acc[n] += c[i] x[n + i]}), a loop the JIT vectorises. Every
 * output is still summed in tap order from 0, so the results do not depend on how the audio is
 * cut into blocks or chunks. A chunk is not interpolated at all when it provably cannot raise the
 * channel's true peak: when {@link Interpolator#worstGain()} times the largest magnitude in its
 * window is at most the peak so far (a bound, not an estimate: the result is unchanged).
 *
 * <p>The audio is taken as silent before its first sample and after its last, so
 * {@link #truePeaks()} also evaluates the interpolated signal over the last H samples (fed H
 * zeros, on a copy of the state).
 */
public final class PeakTracker {

    /** Frames per chunk: the work arrays stay in the first-level cache. */
    private static final int CHUNK = 1024;

    private final Interpolator interpolator;
    private final int taps;
    private final double[][] tails;
    private final double[] samplePeak;
    private final double[] truePeak;
    private final double[] ext;
    private final double[] acc;

    public PeakTracker(Interpolator interpolator, int channels) {
        this.interpolator = interpolator;
        this.taps = interpolator.historyLength();
        this.tails = new double[channels][taps - 1];
        this.samplePeak = new double[channels];
        this.truePeak = new double[channels];
        this.ext = new double[taps - 1 + CHUNK];
        this.acc = new double[CHUNK];
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
            sp = Math.max(sp, Math.abs(v));
        }
        samplePeak[c] = sp;
        double peak = Math.max(truePeak[c], sp);
        if (interpolator.worstGain() * windowMax(h + n) > peak) {
            peak = Math.max(peak, interpolatedPeak(ext, n));
        }
        truePeak[c] = peak;
        System.arraycopy(ext, n, tails[c], 0, h);
    }

    private double windowMax(int length) {
        double m = 0;
        for (int i = 0; i < length; i++) {
            m = Math.max(m, Math.abs(ext[i]));
        }
        return m;
    }

    /**
     * The largest magnitude of phases 1 .. L-1 for the {@code n} newest positions of {@code x},
     * position {@code p} having its 2H-sample window at {@code x[p .. p + 2H)}.
     */
    private double interpolatedPeak(double[] x, int n) {
        double peak = 0;
        for (int k = 1; k < interpolator.factor(); k++) {
            double[] c = interpolator.phaseTaps(k);
            java.util.Arrays.fill(acc, 0, n, 0.0);
            int i = 0;
            for (; i + 4 <= c.length; i += 4) {
                // Four taps per pass; Java adds left to right, so the order is still tap by tap.
                double c0 = c[i], c1 = c[i + 1], c2 = c[i + 2], c3 = c[i + 3];
                for (int p = 0; p < n; p++) {
                    acc[p] = acc[p] + c0 * x[p + i] + c1 * x[p + i + 1] + c2 * x[p + i + 2] + c3 * x[p + i + 3];
                }
            }
            for (; i < c.length; i++) {
                double ci = c[i];
                for (int p = 0; p < n; p++) {
                    acc[p] += ci * x[p + i];
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
            java.util.Arrays.fill(work, h, work.length, 0.0);
            result[c] = Math.max(result[c], interpolatedPeak(work, zeros));
        }
        return result;
    }
}
