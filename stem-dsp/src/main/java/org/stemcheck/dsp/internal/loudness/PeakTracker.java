package org.stemcheck.dsp.internal.loudness;

/**
 * Sample peak and true peak of every channel, fed block by block. The history of the last 2H
 * samples per channel carries across blocks, so block boundaries change nothing.
 *
 * <p>History is a doubled ring: each sample is written at {@code w} and {@code w + 2H}, so the
 * last 2H samples are always the contiguous range {@code [w+1, w+2H]}. The audio is taken as
 * silent before its first sample and after its last, so {@link #truePeaks()} also evaluates the
 * interpolated signal over the last H samples (fed H zeros on a copy of the state).
 */
public final class PeakTracker {

    private final Interpolator interpolator;
    private final int length;
    private final double[][] history;
    private int write;
    private final double[] samplePeak;
    private final double[] truePeak;

    public PeakTracker(Interpolator interpolator, int channels) {
        this.interpolator = interpolator;
        this.length = interpolator.historyLength();
        this.history = new double[channels][2 * length];
        this.samplePeak = new double[channels];
        this.truePeak = new double[channels];
        this.write = length - 1;
    }

    /** Feeds {@code frames} frames of every channel (arguments already checked). */
    public void accept(double[][] block, int offset, int frames) {
        int start = write;
        for (int c = 0; c < history.length; c++) {
            write = start;
            run(c, block[c], offset, frames);
        }
    }

    private void run(int c, double[] x, int offset, int frames) {
        double[] h = history[c];
        double sp = samplePeak[c];
        double tp = truePeak[c];
        boolean interpolate = interpolator.factor() > 1;
        int w = write;
        for (int i = offset, end = offset + frames; i < end; i++) {
            double v = x[i];
            if (!(Math.abs(v) <= Double.MAX_VALUE)) {
                v = 0; // NaN or infinite samples of a float file are measured as silence
            }
            w = w + 1 == length ? 0 : w + 1;
            h[w] = v;
            h[w + length] = v;
            sp = Math.max(sp, Math.abs(v));
            if (interpolate) {
                tp = Math.max(tp, interpolator.peakBetween(h, w + 1));
            }
        }
        write = w;
        samplePeak[c] = sp;
        truePeak[c] = Math.max(tp, sp);
    }

    /** Linear sample peak per channel. */
    public double[] samplePeaks() {
        return samplePeak.clone();
    }

    /** Linear true peak per channel, including the tail after the last sample. */
    public double[] truePeaks() {
        double[] result = truePeak.clone();
        if (interpolator.factor() == 1) {
            return result;
        }
        int tail = length / 2;
        double[] copy = new double[2 * length];
        for (int c = 0; c < history.length; c++) {
            System.arraycopy(history[c], 0, copy, 0, copy.length);
            int w = write;
            for (int i = 0; i < tail; i++) {
                w = w + 1 == length ? 0 : w + 1;
                copy[w] = 0;
                copy[w + length] = 0;
                result[c] = Math.max(result[c], interpolator.peakBetween(copy, w + 1));
            }
        }
        return result;
    }
}
