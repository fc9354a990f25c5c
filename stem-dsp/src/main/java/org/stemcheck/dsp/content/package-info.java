/**
 * What the audio of a file is, independent of how it is stored, and what it sounds like: each an
 * accumulator fed in the one pass over the file.
 *
 * <ul>
 * <li>Identity: a canonical content hash ({@link org.stemcheck.dsp.content.ContentHash},
 *     SHA-256 of the samples in a canonical form, the same whatever container or sample format
 *     carries them) and a cheaper 128-bit digest of the same canonical samples for finding
 *     identical files ({@link org.stemcheck.dsp.content.ContentDigest}).</li>
 * <li>Likeness: a gain- and polarity-aware fingerprint
 *     ({@link org.stemcheck.dsp.content.Fingerprinter} makes a
 *     {@link org.stemcheck.dsp.content.Fingerprint}; two compared give a
 *     {@link org.stemcheck.dsp.content.FingerprintMatch}): a copy at another gain, or inverted.</li>
 * <li>Content: {@link org.stemcheck.dsp.content.StemFeatures}, what tells a bass from a vocal
 *     from a drum kit (band shares, spectral centroid, a pitch track, onsets, stereo width) and
 *     a limiter's ceiling from a loose peak, in fixed memory.</li>
 * </ul>
 *
 * <p>Thread safety: each accumulator is fed by one thread at a time; fingerprints, matches and
 * results are immutable.
 */
package org.stemcheck.dsp.content;
