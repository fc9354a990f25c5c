package org.stemcheck.io.internal.flac;

import static org.stemcheck.io.AudioFileException.Kind.CORRUPT;
import static org.stemcheck.io.AudioFileException.Kind.UNSUPPORTED;

import java.io.IOException;
import java.util.Locale;

import org.stemcheck.io.AudioFileException;
import org.stemcheck.io.FileKind;

/**
 * Decodes a FLAC stream frame by frame (RFC 9639 section 9): header, one subframe per channel,
 * stereo decorrelation, footer CRC-16. Checks each header against STREAMINFO and against the
 * frames before it, so that the samples delivered are exactly those of one consistent stream.
 *
 * <p>What a frame can end in: {@link InputEnded} (the input stops inside it: a cut file),
 * {@link NotAFrame} (the bytes where it should start are no frame header), or an
 * {@link AudioFileException} (a damaged frame, or one this reader refuses). Memory: one
 * {@code long} array per channel of STREAMINFO's maximum block size. Not thread-safe.
 */
final class FrameDecoder {

    private final BitReader in;
    private final StreamInfo info;
    private final String file;
    private final long[][] samples;
    private final long[] coefficients = new long[32];

    /** The blocking strategy of the first frame, which every frame must share (RFC 9639 section 9.1); null before it. */
    private Boolean variable;
    /** Frames decoded so far: the number the next fixed-strategy frame must carry. */
    private long frameIndex;
    /** Samples per channel decoded so far: the number the next variable-strategy frame must carry. */
    private long position;
    /** The block size of a frame that only the last frame may have, when one was decoded, else 0. */
    private int shortBlock;
    private FrameHeader header;

    FrameDecoder(BitReader in, StreamInfo info, String file) {
        this.in = in;
        this.info = info;
        this.file = file;
        this.samples = new long[info.channels()][info.maxBlockSize()];
    }

    /** Where the next frame is expected to start its numbering: used when decoding from a frame in the middle. */
    void startAt(boolean variableStrategy, long frame, long sample) {
        this.variable = variableStrategy;
        this.frameIndex = frame;
        this.position = sample;
        this.shortBlock = 0;
    }

    BitReader input() {
        return in;
    }

    /** Samples per channel decoded so far (or from {@link #startAt}). */
    long position() {
        return position;
    }

    /** Frames decoded so far (or from {@link #startAt}). */
    long frameIndex() {
        return frameIndex;
    }

    /** The header of the last frame decoded. */
    FrameHeader header() {
        return header;
    }

    /** The decoded samples of the last frame, {@code [channel][0 .. header().blockSize())}. */
    long[][] samples() {
        return samples;
    }

    /**
     * Reads the next frame's header without moving on, and checks it against STREAMINFO and the
     * frames before it.
     */
    FrameHeader peekHeader() throws IOException {
        FrameHeader h = FrameHeader.read(in, true);
        check(h);
        return h;
    }

    /**
     * Decodes the next frame into {@link #samples()}.
     *
     * @return its header
     * @throws InputEnded         when the input ends inside the frame (or its header)
     * @throws NotAFrame          when the bytes at the current position are no frame header
     * @throws AudioFileException when the frame is damaged or refused
     */
    FrameHeader next() throws IOException {
        in.startCrc();
        FrameHeader h = FrameHeader.read(in, false);
        check(h);
        int bits = h.bits() != 0 ? h.bits() : info.bits();
        int n = h.blockSize();
        try {
            for (int ch = 0; ch < h.channels(); ch++) {
                Subframes.read(in, samples[ch], n, bits + (isSide(h.channelCode(), ch) ? 1 : 0), coefficients);
            }
            in.alignToByte();
            int computed = in.endCrc();
            int stored = (int) in.bits(16);
            if (computed != stored) {
                throw new BadFrame(String.format(Locale.ROOT,
                        "frame CRC-16 0x%04X, computed 0x%04X: the frame is damaged (RFC 9639 section 9.3)", stored, computed));
            }
        } catch (BadFrame e) {
            throw refuse(CORRUPT, h, e.getMessage());
        }
        decorrelate(h.channelCode(), n);
        checkRange(h, bits, n);
        header = h;
        variable = h.variable();
        shortBlock = isShort(h) ? n : 0;
        frameIndex++;
        position += n;
        return h;
    }

    /** Whether channel {@code ch} of a frame with these channel bits is a side channel, one bit wider (RFC 9639 section 9.1.3). */
    private static boolean isSide(int code, int ch) {
        return (code == FrameHeader.LEFT_SIDE && ch == 1) || (code == FrameHeader.SIDE_RIGHT && ch == 0)
                || (code == FrameHeader.MID_SIDE && ch == 1);
    }

    /** Left/side, side/right and mid/side back to left and right (RFC 9639 sections 4.2 and 9.1.3). */
    private void decorrelate(int code, int n) {
        long[] a = samples[0];
        long[] b = n > 0 && samples.length > 1 ? samples[1] : null;
        switch (code) {
            case FrameHeader.LEFT_SIDE:
                for (int i = 0; i < n; i++) {
                    b[i] = a[i] - b[i];
                }
                break;
            case FrameHeader.SIDE_RIGHT:
                for (int i = 0; i < n; i++) {
                    a[i] += b[i];
                }
                break;
            case FrameHeader.MID_SIDE:
                for (int i = 0; i < n; i++) {
                    long side = b[i];
                    long mid = a[i] << 1 | (side & 1);
                    a[i] = (mid + side) >> 1;
                    b[i] = (mid - side) >> 1;
                }
                break;
            default:
                break;
        }
    }

    /** Decorrelated samples must fit the stream's bit depth (RFC 9639 section 9.1.3: left and right are the coded channels). */
    private void checkRange(FrameHeader h, int bits, int n) throws AudioFileException {
        if (h.channelCode() < FrameHeader.LEFT_SIDE) {
            return; // each subframe was checked against its own depth
        }
        long min = -(1L << (bits - 1));
        long max = (1L << (bits - 1)) - 1;
        for (int ch = 0; ch < 2; ch++) {
            long[] s = samples[ch];
            for (int i = 0; i < n; i++) {
                if (s[i] < min || s[i] > max) {
                    throw refuse(CORRUPT, h, String.format(Locale.ROOT,
                            "stereo decorrelation gives %d in channel %d, outside the %d-bit range", s[i], ch, bits));
                }
            }
        }
    }

    /** A block that only the last frame may have: under 16 samples, or, in a fixed-block-size stream, under its block size. */
    private boolean isShort(FrameHeader h) {
        return h.blockSize() < StreamInfo.MIN_BLOCK_SIZE
                || (!h.variable() && info.fixedBlockSize() && h.blockSize() != info.maxBlockSize());
    }

    /** The header against STREAMINFO (RFC 9639 section 8.2) and the frames before it. */
    private void check(FrameHeader h) throws AudioFileException {
        boolean first = frameIndex == 0 && position == 0;
        if (h.blockSize() > info.maxBlockSize()) {
            throw refuse(CORRUPT, h, String.format(Locale.ROOT,
                    "a block of %d samples, more than STREAMINFO's maximum of %d (RFC 9639 section 8.2)",
                    h.blockSize(), info.maxBlockSize()));
        }
        if (h.channels() != info.channels()) {
            throw changed(h, first, "channels", info.channels(), h.channels());
        }
        if (h.bits() != 0 && h.bits() != info.bits()) {
            throw changed(h, first, "bits per sample", info.bits(), h.bits());
        }
        if (h.sampleRate() != 0 && h.sampleRate() != info.sampleRate()) {
            throw changed(h, first, "Hz", info.sampleRate(), h.sampleRate());
        }
        if (variable != null && h.variable() != variable) {
            throw refuse(CORRUPT, h, "the blocking strategy changes within the stream (RFC 9639 section 9.1)");
        }
        if (shortBlock > 0) {
            throw refuse(CORRUPT, h, String.format(Locale.ROOT,
                    "it follows a frame of %d samples, a size only the last frame may have (RFC 9639 section 8.2)",
                    shortBlock));
        }
        long expected = h.variable() ? position : frameIndex;
        // Streams from before the blocking strategy bit (FLAC 1.2.0) vary their block size with the
        // bit at 0 and number frames by their first sample; STREAMINFO's unequal block sizes tell them.
        boolean oldVariable = !h.variable() && !info.fixedBlockSize() && h.number() == position;
        if (h.number() != expected && !oldVariable) {
            throw refuse(CORRUPT, h, String.format(Locale.ROOT,
                    "it carries %s %d where %d was expected: frames are missing or out of order (RFC 9639 section 9.1.5)",
                    h.variable() ? "sample number" : "frame number", h.number(), expected));
        }
    }

    private AudioFileException changed(FrameHeader h, boolean first, String what, int stream, int frame) {
        if (first) {
            return refuse(CORRUPT, h, String.format(Locale.ROOT,
                    "STREAMINFO says %d %s, the first frame %d", stream, what, frame));
        }
        return refuse(UNSUPPORTED, h, String.format(Locale.ROOT,
                "the stream changes from %d to %d %s; a stream whose format changes midway is not read",
                stream, frame, what));
    }

    /** An error about the frame with this header, naming its number, samples and byte offset. */
    AudioFileException refuse(AudioFileException.Kind kind, FrameHeader h, String detail) {
        return AudioFileException.recognisedAt(kind, file, h.offset(), null, FileKind.FLAC, String.format(Locale.ROOT,
                "FLAC frame %d (from sample %d): %s", frameIndex, position, detail));
    }
}
