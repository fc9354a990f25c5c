package org.stemcheck.io.internal.flac;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import org.stemcheck.io.AudioFile;
import org.stemcheck.io.AudioFormat;
import org.stemcheck.io.Checksum;
import org.stemcheck.io.Metadata;
import org.stemcheck.io.SampleStream;
import org.stemcheck.io.spi.AudioSource;
import org.stemcheck.io.spi.ByteInput;

/**
 * An opened FLAC file. From a path, {@link #frames()} is what the whole frames hold (found at open
 * by {@link TailScan}) and every {@link #openStream()} decodes from the first frame. From a
 * one-shot stream, {@link #frames()} is STREAMINFO's total (0 when unknown) until the stream has
 * ended, then what it delivered.
 *
 * <p>The checksum's state and a one-shot stream's end are the only things that change, each once,
 * from the stream that reaches them; both are volatile.
 */
final class FlacFile implements AudioFile {

    private final AudioSource source;
    private final AudioFormat format;
    private final StreamInfo info;
    private final long audioOffset;
    private final long frames;
    private final long declared;
    private final Metadata metadata;
    private final List<String> warnings;
    private FrameDecoder pending;
    private volatile Checksum checksum;
    /** For a one-shot source: frames delivered when its stream ended, or -1 before. */
    private volatile long endedAt = -1;
    private volatile String endWarning;

    /**
     * @param frames   whole frames present (a file), or STREAMINFO's total (a one-shot stream)
     * @param declared what STREAMINFO declares, or {@code frames} when it declares nothing
     * @param pending  for a one-shot source, the decoder positioned at the first frame; else null
     */
    FlacFile(AudioSource source, AudioFormat format, StreamInfo info, long audioOffset, long frames, long declared,
             Metadata metadata, List<String> warnings, FrameDecoder pending) {
        this.source = Objects.requireNonNull(source, "source");
        this.format = format;
        this.info = info;
        this.audioOffset = audioOffset;
        this.frames = frames;
        this.declared = declared;
        this.metadata = metadata;
        this.warnings = List.copyOf(warnings);
        this.pending = pending;
        this.checksum = info.hasMd5() ? new Checksum("MD5", info.md5Hex(), Optional.empty()) : null;
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
        long ended = endedAt;
        return ended >= 0 ? ended : frames;
    }

    @Override
    public long declaredFrames() {
        long ended = endedAt;
        return ended >= 0 && !info.totalKnown() ? ended : declared;
    }

    @Override
    public Metadata metadata() {
        return metadata;
    }

    @Override
    public List<String> warnings() {
        String end = endWarning;
        if (end == null) {
            return warnings;
        }
        List<String> all = new ArrayList<>(warnings);
        all.add(end);
        return List.copyOf(all);
    }

    @Override
    public Optional<Checksum> checksum() {
        return Optional.ofNullable(checksum);
    }

    @Override
    public synchronized SampleStream openStream() throws IOException {
        if (source.repeatable()) {
            ByteInput in = source.open();
            try {
                in.seek(audioOffset);
                return new FlacSampleStream(new FrameDecoder(new BitReader(in), info, name()), this, frames, true);
            } catch (IOException | RuntimeException e) {
                in.close();
                throw e;
            }
        }
        if (pending == null) {
            throw new IllegalStateException(name() + " was read from a stream and can be streamed only once");
        }
        FrameDecoder decoder = pending;
        pending = null;
        return new FlacSampleStream(decoder, this, info.totalKnown() ? info.totalSamples() : Long.MAX_VALUE, false);
    }

    /** STREAMINFO's total samples per channel (0 when unknown). */
    long streamTotal() {
        return info.totalSamples();
    }

    boolean totalKnown() {
        return info.totalKnown();
    }

    long md5Offset() {
        return info.md5Offset();
    }

    /** A stream decoded the whole audio and computed this digest. */
    void verified(String computed) {
        Checksum c = checksum;
        if (c != null) {
            checksum = new Checksum(c.algorithm(), c.stored(), Optional.of(computed));
        }
    }

    /** A one-shot stream ended after {@code decoded} samples per channel; {@code why} says why it ended early, or null. */
    void ended(long decoded, boolean complete, String why) {
        endedAt = decoded;
        if (why != null) {
            endWarning = complete || !info.totalKnown()
                    ? why + "; the audio ends there"
                    : String.format(Locale.ROOT, "%s: the stream ended after %d of the %d samples STREAMINFO declares",
                            why, decoded, info.totalSamples());
        }
    }

    @Override
    public String toString() {
        return name() + " " + format + " " + frames() + " frames";
    }
}
