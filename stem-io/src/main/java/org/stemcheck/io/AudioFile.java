package org.stemcheck.io;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * An opened audio file: its format, metadata and frame count, known from the header, and the
 * samples, read on demand through {@link #openStream()}.
 *
 * <p>Instances from {@link AudioFiles#open(java.nio.file.Path)} are immutable and thread-safe;
 * each {@link #openStream()} call opens an independent stream. A file whose header claims more
 * audio than the file holds is still opened: {@link #frames()} counts the whole frames present,
 * {@link #declaredFrames()} what the header claims, and {@link #truncation()} says so.
 *
 * <p>Instances read from an {@code InputStream} ({@link AudioFiles#open(java.io.InputStream,
 * String)}) can be streamed once, and their size is not known in advance. Until that stream has
 * ended, {@link #frames()} is what the header declares and metadata stored after the audio data
 * is missing. When the stream reaches its end, the file is complete: metadata after the audio is
 * added, and if the input ended before the declared frames, the stream simply ends there
 * ({@link SampleStream#read} returns 0, it does not throw), {@link #frames()} becomes the frames
 * delivered, {@link #truncation()} reports the shortfall and {@link #warnings()} says so.
 */
public interface AudioFile {

    /**
     * The name the file was opened under, used in every message about it.
     *
     * @return the path as given to {@link AudioFiles#open(java.nio.file.Path)}, or the name given
     *         with a stream; never {@code null}
     */
    String name();

    /**
     * The sample format, from the header.
     *
     * @return the rate, channel count, coding and bit depth; never {@code null}
     */
    AudioFormat format();

    /**
     * Whole frames present in the file: what {@link #openStream()} delivers. For a one-shot
     * stream, the declared frames until its stream has ended, then the frames delivered.
     *
     * @return the frame count (one frame is one sample of every channel), {@code >= 0}
     */
    long frames();

    /**
     * Frames the header declares; larger than {@link #frames()} when the file is truncated.
     *
     * @return the declared frame count, {@code >= 0}
     */
    long declaredFrames();

    /**
     * Present when the header claims more frames than the file holds (an interrupted export or
     * copy).
     *
     * @return the declared and present frame counts, or empty for a complete file
     */
    default Optional<Truncation> truncation() {
        return declaredFrames() > frames()
                ? Optional.of(new Truncation(declaredFrames(), frames()))
                : Optional.empty();
    }

    /**
     * Duration of the frames present.
     *
     * @return {@link #frames()} divided by the sample rate, in seconds
     */
    default double durationSeconds() {
        return format().seconds(frames());
    }

    /**
     * Metadata chunks (bext, iXML, LIST/INFO, cue, the chunk list).
     *
     * @return the metadata found so far; fields a file lacks are empty, never {@code null}
     */
    Metadata metadata();

    /**
     * Things that are odd but not fatal, in words for a person ("data chunk of odd size has no pad
     * byte", "unknown chunk 'Fake' skipped" is not one: unknown chunks are normal).
     *
     * @return the warnings, in the order found; empty for a clean file
     */
    List<String> warnings();

    /**
     * The checksum of the decoded audio that the file stores, if its format has one (FLAC's
     * STREAMINFO MD5). It is checked when a stream has decoded the last frame; a mismatch is
     * {@link Checksum.Status#MISMATCHED} here and also makes that stream's last read throw.
     *
     * @return the checksum and whether the audio matched it; empty when the format has none
     *         (WAV, AIFF) or the encoder left it out (an all-zero FLAC MD5)
     */
    default Optional<Checksum> checksum() {
        return Optional.empty();
    }

    /**
     * Opens a stream over the samples from the first frame. Close it when done; each call on a
     * file opened from a path gives an independent stream.
     *
     * @return a new stream positioned at frame 0
     * @throws IOException           when the file cannot be read any more
     * @throws IllegalStateException for a file opened from an {@code InputStream}, when its one
     *                               stream was already opened
     */
    SampleStream openStream() throws IOException;
}
