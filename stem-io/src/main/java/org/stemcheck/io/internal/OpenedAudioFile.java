package org.stemcheck.io.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
    private final Supplier<List<String>> warnings;
    private final TrailingChunks trailing;
    private ByteInput pending;
    /** For a one-shot source: frames delivered when its stream ended, or -1 before. */
    private volatile long endedAt = -1;

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
        this(source, format, dataOffset, frames, declaredFrames, metadata, copyOf(warnings), pending, trailing);
    }

    /**
     * As above, with warnings that may grow (chunks after the audio of a one-shot stream).
     */
    public OpenedAudioFile(AudioSource source, AudioFormat format, long dataOffset, long frames,
                           long declaredFrames, Supplier<Metadata> metadata, Supplier<List<String>> warnings,
                           ByteInput pending, TrailingChunks trailing) {
        this.source = Objects.requireNonNull(source, "source must not be null");
        this.format = Objects.requireNonNull(format, "format must not be null");
        this.dataOffset = dataOffset;
        this.frames = frames;
        this.declaredFrames = declaredFrames;
        this.metadata = Objects.requireNonNull(metadata, "metadata must not be null");
        this.warnings = Objects.requireNonNull(warnings, "warnings must not be null");
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

    private static Supplier<List<String>> copyOf(List<String> warnings) {
        List<String> copy = List.copyOf(warnings);
        return () -> copy;
    }

    /**
     * The frames the stream delivers. For a one-shot source this is what the header promises
     * (limited by nothing, since the size is unknown) until its stream has ended; then it is what
     * was actually delivered.
     */
    @Override
    public long frames() {
        long ended = endedAt;
        return ended >= 0 ? ended : frames;
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
        List<String> all = new ArrayList<>(warnings.get());
        long ended = endedAt;
        if (ended >= 0 && ended < frames) {
            all.add(String.format(Locale.ROOT,
                    "the stream ended after %d of the %d frames the header declares", ended, declaredFrames));
        }
        return List.copyOf(all);
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
        return new PcmSampleStream(in, format, frames, (delivered, complete) -> {
            endedAt = delivered;
            if (complete && trailing != null) {
                trailing.parse(in);
            }
        }, true);
    }

    @Override
    public String toString() {
        return name() + " " + format + " " + frames + " frames";
    }
}
