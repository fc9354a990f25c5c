package org.stemcheck.io.internal;

import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

import org.stemcheck.io.AudioFile;
import org.stemcheck.io.AudioFormat;
import org.stemcheck.io.Metadata;
import org.stemcheck.io.SampleStream;
import org.stemcheck.io.spi.AudioSource;
import org.stemcheck.io.spi.ByteInput;

/**
 * An {@link AudioFile} whose header has been parsed: the built-in readers return this. Streams
 * re-open the source and seek to the data; for a one-shot source the already open input is
 * handed over once.
 */
public final class OpenedAudioFile implements AudioFile {

    private final AudioSource source;
    private final AudioFormat format;
    private final long dataOffset;
    private final long frames;
    private final long declaredFrames;
    private final Supplier<Metadata> metadata;
    private final List<String> warnings;
    private final TrailingChunks trailing;
    private ByteInput pending;

    /** Parses chunks that follow the audio in a one-shot stream, once the audio has been read. */
    @FunctionalInterface
    public interface TrailingChunks {
        void parse(ByteInput in);
    }

    /**
     * @param pending  for a one-shot source, the open input positioned at {@code dataOffset};
     *                 {@code null} for a repeatable source
     * @param metadata the metadata; may grow once a one-shot stream has been read (see
     *                 {@code trailing})
     * @param trailing for a one-shot source, parses what follows the audio; may be {@code null}
     */
    public OpenedAudioFile(AudioSource source, AudioFormat format, long dataOffset, long frames,
                           long declaredFrames, Supplier<Metadata> metadata, List<String> warnings,
                           ByteInput pending, TrailingChunks trailing) {
        this.source = Objects.requireNonNull(source, "source must not be null");
        this.format = Objects.requireNonNull(format, "format must not be null");
        this.dataOffset = dataOffset;
        this.frames = frames;
        this.declaredFrames = declaredFrames;
        this.metadata = Objects.requireNonNull(metadata, "metadata must not be null");
        this.warnings = List.copyOf(warnings);
        this.pending = pending;
        this.trailing = trailing;
    }

    @Override
    public String name() {
        return source.name();
    }

    @Override
    public AudioFormat format() {
        return format;
    }

    @Override
    public long frames() {
        return frames;
    }

    @Override
    public long declaredFrames() {
        return declaredFrames;
    }

    @Override
    public Metadata metadata() {
        return metadata.get();
    }

    @Override
    public List<String> warnings() {
        return warnings;
    }

    @Override
    public synchronized SampleStream openStream() throws IOException {
        if (source.repeatable()) {
            ByteInput in = source.open();
            try {
                in.seek(dataOffset);
            } catch (IOException | RuntimeException e) {
                in.close();
                throw e;
            }
            return new PcmSampleStream(in, format, frames, null);
        }
        if (pending == null) {
            throw new IllegalStateException(name() + " was read from a stream and can be streamed only once");
        }
        ByteInput in = pending;
        pending = null;
        Runnable onEnd = trailing == null ? null : () -> trailing.parse(in);
        return new PcmSampleStream(in, format, frames, onEnd);
    }

    @Override
    public String toString() {
        return name() + " " + format + " " + frames + " frames";
    }
}
