package org.stemcheck.core.nulltest;

/**
 * A stem's offset near the start and near the end of the song: a change is drift (a clock or
 * sample-rate mismatch at export), not a fixed offset.
 *
 * @param earlySamples     offset over the first half, samples (positive: late)
 * @param lateSamples      offset over the second half, samples
 * @param spanSeconds      time between the stem's energy centroids in the two halves
 * @param confident        both offsets are clear answers, away from the edge of the search
 * @param peakWidthSamples the wider of the two correlation peaks, samples
 */
public record Drift(double earlySamples, double lateSamples, double spanSeconds, boolean confident,
                    double peakWidthSamples) {

    /**
     * The largest drift taken for a clock mismatch: free-running converter clocks differ by
     * tens of ppm (crystals are specified to about +-50 ppm; AES11-2009 grade-2 references to
     * +-10 ppm), so 1000 ppm leaves a wide margin. A larger change between the halves is a
     * correlation peak that jumped, not drift.
     */
    public static final double MAX_PPM = 1000.0;

    /**
     * The least time between the two halves' centroids for drift to be told from the offsets'
     * error: over 1 s a 100 ppm mismatch moves the offset by 4.8 samples at 48 kHz, clear of
     * the 1-sample threshold; over less it moves it by less than a narrowband stem's error.
     */
    public static final double MIN_SPAN_SECONDS = 1.0;

    /**
     * How much the offset grows per second.
     *
     * @param sampleRate the comparison's rate, Hz
     * @return parts per million of the sample rate; positive: the stem runs slow (later and later)
     */
    public double ppm(int sampleRate) {
        return (lateSamples - earlySamples) / (spanSeconds * sampleRate) * 1e6;
    }

    /**
     * Whether this is a drift to report: confident halves, far enough apart in time
     * ({@link #MIN_SPAN_SECONDS}), at a rate a clock can have ({@link #MAX_PPM}).
     *
     * @param sampleRate the comparison's rate, Hz
     * @return true when plausible
     */
    public boolean plausible(int sampleRate) {
        double ppm = ppm(sampleRate);
        return confident && spanSeconds >= MIN_SPAN_SECONDS && Double.isFinite(ppm) && Math.abs(ppm) <= MAX_PPM;
    }
}
