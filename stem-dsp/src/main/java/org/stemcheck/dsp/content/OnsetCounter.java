package org.stemcheck.dsp.content;

/**
 * Counts onsets: 10 ms sub-frames whose power jumps well above the mean of the three before it
 * (a struck or plucked sound), with a refractory time so that one hit counts once. Not thread-safe.
 */
final class OnsetCounter {

    /** Sub-frame length: 10 ms resolves a drum hit's attack, as in common energy-based onset detectors. */
    static final double SUBFRAME_SECONDS = 0.010;
    /** Rise that marks an onset: 10 dB in 10 ms, faster than a sung or bowed attack usually swells. */
    static final double RISE = 10.0;
    /** Sub-frames quieter than -50 dBFS never start an onset (reverb tails, noise). */
    static final double GATE = 1e-5;
    /** After an onset, 50 ms (5 sub-frames) before the next can count: a flam is one hit. */
    static final int REFRACTORY = 5;

    private final int length;
    private final double[] previous = new double[3];
    private int sinceOnset = REFRACTORY;
    private double sum;
    private int filled;
    private long onsets;

    OnsetCounter(double sampleRate) {
        this.length = Math.max(1, (int) Math.round(sampleRate * SUBFRAME_SECONDS));
    }

    /** Takes one mono sample's power. */
    void accept(double squared) {
        sum += squared;
        if (++filled < length) {
            return;
        }
        endSubframe();
    }

    /** Samples until the current sub-frame is complete, at least 1. */
    int toSubframeEnd() {
        return length - filled;
    }

    /** The running sum of squares of the current sub-frame. */
    double sum() {
        return sum;
    }

    /**
     * Takes {@code n} samples (at most {@link #toSubframeEnd()}) whose squares the caller has added,
     * in order, to {@link #sum()}, giving {@code sum}: the same as {@link #accept(double)} on each
     * square in turn.
     */
    void addSquares(double sum, int n) {
        this.sum = sum;
        filled += n;
        if (filled == length) {
            endSubframe();
        }
    }

    private void endSubframe() {
        double e = sum / length;
        sum = 0;
        filled = 0;
        double before = (previous[0] + previous[1] + previous[2]) / 3;
        sinceOnset++;
        if (e > GATE && e > RISE * before && sinceOnset >= REFRACTORY) {
            onsets++;
            sinceOnset = 0;
        }
        previous[0] = previous[1];
        previous[1] = previous[2];
        previous[2] = e;
    }

    long onsets() {
        return onsets;
    }
}
