/**
 * What the audio is, independent of how it is stored: a canonical content hash
 * ({@link org.stemcheck.dsp.content.ContentHash}, SHA-256), a cheaper 128-bit digest of the same
 * canonical samples for finding identical files ({@link org.stemcheck.dsp.content.ContentDigest}),
 * and a gain- and polarity-aware fingerprint ({@link org.stemcheck.dsp.content.Fingerprinter},
 * {@link org.stemcheck.dsp.content.Fingerprint}).
 */
package org.stemcheck.dsp.content;
