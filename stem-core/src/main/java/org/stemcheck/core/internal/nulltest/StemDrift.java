package org.stemcheck.core.internal.nulltest;

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

    /** How much the offset grows per second, in parts per million of the sample rate. */
    public double ppm(int sampleRate) {
        return (lateSamples - earlySamples) / (spanSeconds * sampleRate) * 1e6;
    }
}
