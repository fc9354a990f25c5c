package org.stemcheck.core;

/**
 * What a {@link Check} needs computed before it runs. {@link #HEADER} is always there; every
 * per-file kind is computed in one streaming pass over each file that a check needs it for;
 * {@link #NULL_TEST} is a pass over the whole set against the reference mix. Each per-file kind
 * names the type {@link CheckContext#measurement} returns for it.
 */
public enum Measurement {
    /** Container, format, metadata, frame count, truncation, names: known without decoding. */
    HEADER,
    /** Sample peak, RMS, DC offset per channel: {@code org.stemcheck.dsp.level.SampleStats.Result}. */
    SAMPLE_STATS,
    /** Runs of samples at or beyond full scale: {@code org.stemcheck.dsp.level.ClipRuns.Result}. */
    CLIP_RUNS,
    /** Inter-sample (oversampled) peak, ITU-R BS.1770-4 Annex 2: {@code org.stemcheck.dsp.TruePeakResult}. */
    TRUE_PEAK,
    /** Integrated, momentary, short-term loudness and range (BS.1770-4, EBU R128): {@code org.stemcheck.dsp.LoudnessResult}. */
    LOUDNESS,
    /** An averaged (Welch) power spectrum: {@code org.stemcheck.dsp.spectrum.WelchSpectrum.Result}. */
    SPECTRUM,
    /** The number of bits the samples actually use: {@code org.stemcheck.dsp.level.BitDepth.Result}. */
    BIT_DEPTH,
    /**
     * The SHA-256 of the decoded samples in a canonical form, the same whatever the container or
     * word length (64 hex digits): a {@code String}, from {@code org.stemcheck.dsp.content.ContentHash}.
     * Computed only for a check that needs it; to find identical files within a delivery
     * {@link #CONTENT_DIGEST} is about half the cost.
     */
    CONTENT_HASH,
    /**
     * A 128-bit non-cryptographic digest of the same canonical samples as {@link #CONTENT_HASH}
     * (equal for identical audio, whatever the container; unrelated audio collides with odds of
     * about 2<sup>-128</sup>, but files crafted to collide can): {@code org.stemcheck.dsp.content.ContentDigest.Result}.
     */
    CONTENT_DIGEST,
    /** A gain- and polarity-aware summary of the audio: {@code org.stemcheck.dsp.content.Fingerprint}. */
    FINGERPRINT,
    /** Level over time, first and last sound, the last 100 ms: {@code org.stemcheck.dsp.level.LevelTimeline.Result}. */
    TIMELINE,
    /** Correlation between the channels of a stereo file: {@code org.stemcheck.dsp.level.StereoCorrelation.Result}. */
    CORRELATION,
    /** Content features: band shares, spectral centroid, pitch, onsets, width, and how often the peak level is reached. */
    FEATURES,
    /** The stems summed against the reference mix: residual, gains, offsets, polarity. */
    NULL_TEST
}
