package org.stemcheck.io;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * An opened audio file: its format, metadata and frame count, known from the header, and the
 * samples, read on demand through {@link #openStream()}.
 *
 * <p>Instances from {@link AudioFiles#open(java.nio.file.Path)} are immutable and thread-safe;
 * each {@link #openStream()} call opens an independent stream. Instances read from an
 * {@code InputStream} can be streamed once, and metadata stored after the audio data is complete
 * only once that stream has been read to its end.
 */
public interface AudioFile {

    /** The name the file was opened under (its path, or the name given with a stream). */
    String name();

    /** The sample format. */
    AudioFormat format();

    /** Whole frames present in the file: what {@link #openStream()} delivers. */
    long frames();

    /** Frames the header declares; larger than {@link #frames()} when the file is truncated. */
    long declaredFrames();

    /** Present when the header claims more frames than the file holds. */
    default Optional<Truncation> truncation() {
        return declaredFrames() > frames()
                ? Optional.of(new Truncation(declaredFrames(), frames()))
                : Optional.empty();
    }

    /** Duration of the frames present, in seconds. */
    default double durationSeconds() {
        return format().seconds(frames());
    }

    /** Metadata chunks (bext, iXML, LIST/INFO, cue, the chunk list). */
    Metadata metadata();

    /**
     * Things that are odd but not fatal, in words for a person ("data chunk of odd size has no pad
     * byte", "unknown chunk 'Fake' skipped" is not one: unknown chunks are normal).
     */
    List<String> warnings();

    /** Opens a stream over the samples from the first frame. */
    SampleStream openStream() throws IOException;
}
