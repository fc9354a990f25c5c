package org.stemcheck.core;

/**
 * What a {@link Check} needs computed before it runs. {@link #HEADER} is always there; every
 * per-file kind is computed in one streaming pass over each file that a check needs it for;
 * {@link #NULL_TEST} is a pass over the whole set against the reference mix.
 */
public enum Measurement {
    /** Container, format, metadata, frame count, truncation, names: known without decoding. */
    HEADER,
    /** Sample peak, RMS, DC offset, clipped-sample runs. */
    SAMPLE_STATS,
    /** Inter-sample (4x oversampled) peak, ITU-R BS.1770-4 Annex 2. */
    TRUE_PEAK,
    /** Integrated, momentary, short-term loudness and loudness range (BS.1770-4, EBU R128). */
    LOUDNESS,
    /** An averaged (Welch) power spectrum and the bandwidth it shows. */
    SPECTRUM,
    /** The number of bits the samples actually use. */
    BIT_DEPTH,
    /** A hash of the decoded samples (finds duplicates). */
    CONTENT_HASH,
    /** Level over time: where the file is silent, where it starts and ends sounding. */
    TIMELINE,
    /** Correlation between the channels of a stereo file. */
    CORRELATION,
    /** Content features: band shares, spectral centroid, pitch, onsets, width, and how often the peak level is reached. */
    FEATURES,
    /** The stems summed against the reference mix: residual, gains, offsets, polarity. */
    NULL_TEST
}
