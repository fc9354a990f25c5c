/**
 * The built-in FLAC reader (RFC 9639): metadata blocks, frames, subframes, residuals, stereo
 * decorrelation and the STREAMINFO MD5 check, streamed frame by frame.
 *
 * <p>Written here rather than taken from a library, because no Java FLAC decoder we found is
 * maintained, streams into caller-sized blocks and survives the fuzzing stem-io's parsers must
 * pass (a typed {@code IOException} for every broken input, no allocation sized by an untrusted
 * header field): jFLAC ({@code org.jflac:jflac-codec} 1.5.2, LGPL-2.1) is a Java 6 port of
 * libFLAC 1.1 (2003), older than 32-bit samples and the blocking-strategy bit;
 * media3-flac wraps the native libFLAC for Android; javaFlacEncoder only encodes. Every fact
 * about the format is cited by its RFC 9639 section; no code is taken from libFLAC or any other
 * decoder.
 *
 * <p>Layout: {@link org.stemcheck.io.internal.flac.FlacReader} (the SPI entry) and
 * {@code FlacParser} parse the head ({@code MetadataBlocks}, {@code StreamInfo},
 * {@code VorbisComments}, {@code ForeignMetadata}); {@code FrameDecoder} decodes one frame at a
 * time from a {@code BitReader} ({@code FrameHeader}, {@code Subframes}, {@code Residual});
 * {@code FlacSampleStream} turns frames into the caller's blocks and checks the MD5;
 * {@code TailScan} finds the last whole frame of a file at open, so that a cut file reports its
 * truncation before it is streamed.
 */
package org.stemcheck.io.internal.flac;
