package org.stemcheck.core.internal.setpass;

/**
 * A stem's offset against the mix near the start and near the end of the song: a difference is
 * drift (a clock or sample-rate mismatch at export), not a fixed offset.
 *
 * @param stem          index of the stem
 * @param earlySamples  offset over the first half, samples (positive: late)
 * @param lateSamples   offset over the second half, samples
 * @param spanSeconds   time between the stem's energy centroids in the two halves
 * @param confident     both offsets are clear answers ({@code StemOffset.confident()}, away from
 *                      the edge of the search range)
 * @param peakWidthSamples the wider of the two correlation peaks (half-height width, samples):
 *                      the resolution the stem's spectrum allows ({@code StemOffset.peakWidthSamples})
 */
public record StemDrift(int stem, double earlySamples, double lateSamples, double spanSeconds, boolean confident,
                        double peakWidthSamples) {

    /**
     * The largest drift taken for a clock mismatch: free-running converter clocks differ by tens of
     * ppm (crystal oscillators are specified to about +-50 ppm; AES11-2009 grade-2 references to
     * +-10 ppm), so 1000 ppm leaves a wide margin. A larger change of offset between the two halves
     * is not drift but a correlation peak that jumped (a periodic stem locks onto another period).
     */
    public static final double MAX_PPM = 1000.0;

    /**
     * The least time between the two halves' centroids for drift to be told from the offsets'
     * error: over 1 s a typical clock mismatch (100 ppm, two converters at the +-50 ppm of their
     * crystals) moves the offset by 4.8 samples at 48 kHz, well clear of the 1-sample threshold;
     * over a fraction of a second it moves it by less than the error of a narrowband stem's
     * offset (a generated 0.5 s sine read 1.3 samples of change, 150 ppm, with no drift at all).
     */
    public static final double MIN_SPAN_SECONDS = 1.0;

    /** How much the offset grows per second, in parts per million of the sample rate. */
    public double ppm(int sampleRate) {
        return (lateSamples - earlySamples) / (spanSeconds * sampleRate) * 1e6;
    }

    /**
     * Whether this is a drift to report: both halves' offsets are confident, they lie far enough
     * apart in time ({@link #MIN_SPAN_SECONDS}) and the rate of change is one a clock can have
     * ({@link #MAX_PPM}).
     */
    public boolean plausible(int sampleRate) {
        double ppm = ppm(sampleRate);
        return confident && spanSeconds >= MIN_SPAN_SECONDS && Double.isFinite(ppm) && Math.abs(ppm) <= MAX_PPM;
    }
}
