package org.stemcheck.io.internal.flac;

import static org.stemcheck.io.AudioFileException.Kind.CORRUPT;

import java.io.IOException;
import java.util.Locale;

import org.stemcheck.io.AudioFileException;
import org.stemcheck.io.AudioFormat;
import org.stemcheck.io.FileKind;
import org.stemcheck.io.SampleStream;

/**
 * Delivers a FLAC file's samples in the caller's blocks, decoding one frame at a time:
 * integers divided by 2^(bits-1), so in [-1, 1). Feeds the STREAMINFO MD5 and compares it once
 * the last frame is decoded; a mismatch makes the read after the last samples throw.
 *
 * <p>Where the audio ends before {@code limit}: a <em>strict</em> stream (a file, whose whole
 * frames were counted at open) throws an {@link AudioFileException}; a lenient one (a one-shot
 * stream) ends there and tells its file, which then reports the truncation. A damaged frame
 * (CRC-16, a broken subframe) throws in both. Memory: the decoder's frame buffers. Not
 * thread-safe.
 */
final class FlacSampleStream implements SampleStream {

    private final FrameDecoder decoder;
    private final FlacFile file;
    private final AudioFormat format;
    private final long limit;
    private final boolean strict;
    private final double scale;
    private final Md5Sink md5;
    private long[][] frame;
    private int frameLength;
    private int offsetInFrame;
    private long decoded;
    private long delivered;
    private boolean finished;
    private AudioFileException atEnd;

    /**
     * @param limit  samples per channel to deliver at most: the file's frames, or STREAMINFO's
     *               total for a one-shot stream ({@code Long.MAX_VALUE} when unknown)
     * @param strict true for a file: ending before {@code limit} is an error
     */
    FlacSampleStream(FrameDecoder decoder, FlacFile file, long limit, boolean strict) {
        this.decoder = decoder;
        this.file = file;
        this.format = file.format();
        this.limit = limit;
        this.strict = strict;
        this.scale = 1.0 / (1L << (format.validBits() - 1));
        this.md5 = file.checksum().isPresent() ? new Md5Sink(format.validBits()) : null;
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
        if (offsetInFrame == frameLength && !advance()) {
            if (atEnd != null) {
                throw atEnd;
            }
            return 0;
        }
        int n = Math.min(maxFrames, frameLength - offsetInFrame);
        double s = scale;
        for (int c = 0; c < format.channels(); c++) {
            long[] from = frame[c];
            double[] to = dst[c];
            for (int i = 0; i < n; i++) {
                to[offset + i] = from[offsetInFrame + i] * s;
            }
        }
        offsetInFrame += n;
        delivered += n;
        return n;
    }

    /** Decodes the next frame; false at the end of the audio. */
    private boolean advance() throws IOException {
        if (finished) {
            return false;
        }
        if (decoded >= limit) {
            finish(true, null);
            return false;
        }
        if (!strict && decoder.input().peekable(1) == 0) {
            // The input ends where a frame would start: the end of a stream of unknown length.
            if (limit == Long.MAX_VALUE) {
                finish(true, null);
                return false;
            }
            return stopShort(String.format(Locale.ROOT, "the file ends after FLAC frame %d", decoder.frameIndex() - 1));
        }
        FrameHeader h;
        try {
            h = decoder.next();
        } catch (InputEnded e) {
            return stopShort(String.format(Locale.ROOT, "the file ends inside FLAC frame %d (%s)",
                    decoder.frameIndex(), e.getMessage()));
        } catch (NotAFrame e) {
            return stopShort(e.getMessage());
        }
        frame = decoder.samples();
        frameLength = (int) Math.min(h.blockSize(), limit - decoded);
        offsetInFrame = 0;
        decoded += frameLength;
        if (md5 != null) {
            md5.add(frame, format.channels(), frameLength);
        }
        if (decoded == limit && limit != Long.MAX_VALUE) {
            finish(true, null);
        }
        return frameLength > 0;
    }

    /** The audio ends before {@code limit}: an error for a file, the end for a one-shot stream. */
    private boolean stopShort(String why) throws AudioFileException {
        if (strict) {
            throw AudioFileException.recognisedAt(CORRUPT, file.name(), decoder.input().position(), null, FileKind.FLAC,
                    String.format(Locale.ROOT, "%s, after %d of the %d samples it was opened with", why, decoded, limit));
        }
        finish(false, why);
        return false;
    }

    /**
     * The end: tells the file, and compares the MD5 when the whole stream was read ({@code complete},
     * and for a one-shot stream of unknown length, an end at a frame boundary).
     */
    private void finish(boolean complete, String why) {
        if (finished) {
            return;
        }
        finished = true;
        boolean whole = complete && (!strict || !file.totalKnown() || limit == file.streamTotal());
        if (md5 != null && whole) {
            String computed = md5.hex();
            file.verified(computed);
            String stored = file.checksum().orElseThrow().stored();
            if (!computed.equals(stored)) {
                atEnd = AudioFileException.recognisedAt(CORRUPT, file.name(), file.md5Offset(), "STREAMINFO", FileKind.FLAC,
                        String.format(Locale.ROOT, "FLAC audio damaged: the MD5 of the %d decoded samples per channel is %s, "
                                + "STREAMINFO says %s (RFC 9639 section 8.2)", decoded, computed, stored));
            }
        }
        if (!strict) {
            file.ended(decoded, complete, why);
        }
    }

    @Override
    public long position() {
        return delivered;
    }

    @Override
    public void close() throws IOException {
        decoder.input().input().close();
    }
}
