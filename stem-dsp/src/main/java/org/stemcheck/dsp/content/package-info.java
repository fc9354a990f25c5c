/**
 * What the audio is, independent of how it is stored: a canonical content hash
 * ({@link org.stemcheck.dsp.content.ContentHash}) and a gain- and polarity-aware fingerprint
 * ({@link org.stemcheck.dsp.content.Fingerprinter}, {@link org.stemcheck.dsp.content.Fingerprint}).
 */
package org.stemcheck.dsp.content;
