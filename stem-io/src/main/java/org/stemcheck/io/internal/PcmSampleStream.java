package org.stemcheck.io.internal;

import java.io.IOException;
import java.util.Objects;

import org.stemcheck.io.AudioFormat;
import org.stemcheck.io.SampleStream;
import org.stemcheck.io.spi.ByteInput;

/**
 * Decodes interleaved samples from a {@link ByteInput} positioned at the first frame, for every
 * {@link org.stemcheck.io.SampleEncoding} and byte order. Shared by the WAV and AIFF readers.
 *
 * <p>Integers are scaled by the container width: a full-scale n-bit sample maps to -1.0 (the
 * positive side reaches 1 - 2^(1-n)). Samples with fewer valid bits than the container are
 * left-justified in the file (WAVE_FORMAT_EXTENSIBLE, AIFF), so the same scale applies; the one
 * exception (a WAV PCM tag with padding bytes above the sample) is described at
 * {@code SampleDecoder.usedBytes}.
 *
 * <p>When the input ends before the declared frames, a lenient stream (one-shot sources, whose
 * size is not known in advance) ends there and reports how many frames it delivered; a strict
 * stream (files, whose available frames were computed at open) throws an {@link IOException}.
 */
public final class PcmSampleStream implements SampleStream {

    /** Bytes decoded per underlying read. */
    private static final int CHUNK_BYTES = 1 << 16;

    private final ByteInput in;
    private final AudioFormat format;
    private final long frames;
    private final SampleDecoder decoder;
    private final byte[] bytes;
    private final EndListener onEnd;
    private final boolean lenient;
    private long position;
    private boolean ended;

    /**
     * @param in     positioned at the first frame; closed with this stream
     * @param format the sample format
     * @param frames whole frames to deliver
     * @param onEnd  called once after the last frame was delivered, with {@code in} positioned just
     *               past the audio (readers use it to parse trailing chunks of one-shot streams)
     */
    public PcmSampleStream(ByteInput in, AudioFormat format, long frames, Runnable onEnd) {
        this(in, format, frames, onEnd == null ? null : (delivered, complete) -> onEnd.run(), false);
    }

    /** Told once when a stream ends. */
    @FunctionalInterface
    public interface EndListener {
        /**
         * @param delivered frames delivered in total
         * @param complete  true when all declared frames were delivered; false when the input
         *                  ended early (lenient streams only)
         */
        void ended(long delivered, boolean complete);
    }

    /**
     * @param in      positioned at the first frame; closed with this stream
     * @param format  the sample format
     * @param frames  whole frames the header declares
     * @param onEnd   told once when the stream ends, with {@code in} positioned just past the
     *                frames read; may be {@code null}
     * @param lenient true to end quietly when the input ends early, false to throw
     */
    public PcmSampleStream(ByteInput in, AudioFormat format, long frames, EndListener onEnd, boolean lenient) {
        this.in = Objects.requireNonNull(in, "in must not be null");
        this.format = Objects.requireNonNull(format, "format must not be null");
        if (frames < 0) {
            throw new IllegalArgumentException("frames must not be negative: " + frames);
        }
        this.frames = frames;
        this.decoder = SampleDecoder.of(format);
        int frameBytes = format.bytesPerFrame();
        this.bytes = new byte[Math.max(frameBytes, CHUNK_BYTES / frameBytes * frameBytes)];
        this.onEnd = onEnd;
        this.lenient = lenient;
    }

    @Override
    public AudioFormat format() {
        return format;
    }

    @Override
    public int read(double[][] dst, int offset, int maxFrames) throws IOException {
        if (maxFrames < 1) {
            throw new IllegalArgumentException("maxFrames must be at least 1: " + maxFrames);
        }
        if (dst.length < format.channels()) {
            throw new IllegalArgumentException(
                    "dst has " + dst.length + " channel arrays, the file has " + format.channels());
        }
        long left = frames - position;
        if (left <= 0) {
            end(true);
            return 0;
        }
        int frameBytes = format.bytesPerFrame();
        int want = (int) Math.min(Math.min(maxFrames, left), bytes.length / frameBytes);
        int got = in.readUpTo(bytes, 0, want * frameBytes) / frameBytes;
        if (got == 0) {
            if (lenient) {
                end(false);
                return 0;
            }
            throw new IOException(String.format(java.util.Locale.ROOT,
                    "audio ends at frame %d of %d (byte %d)", position, frames, in.position()));
        }
        decoder.decode(bytes, got, format.channels(), dst, offset);
        position += got;
        if (position == frames) {
            end(true);
        }
        return got;
    }

    private void end(boolean complete) {
        if (!ended) {
            ended = true;
            if (onEnd != null) {
                onEnd.ended(position, complete);
            }
        }
    }

    @Override
    public long position() {
        return position;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
