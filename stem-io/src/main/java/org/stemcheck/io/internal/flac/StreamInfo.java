package org.stemcheck.io.internal.flac;

import static org.stemcheck.io.AudioFileException.Kind.CORRUPT;

import java.util.HexFormat;
import java.util.Locale;

import org.stemcheck.io.AudioFileException;
import org.stemcheck.io.FileKind;

/**
 * The STREAMINFO metadata block (RFC 9639 section 8.2), validated as it is parsed: what every
 * frame of the stream must agree with, and the buffers a decoder needs.
 *
 * @param minBlockSize minimum block size in samples (the last block may be smaller)
 * @param maxBlockSize maximum block size in samples, {@link #MIN_BLOCK_SIZE} to {@link #MAX_BLOCK_SIZE}
 * @param minFrameSize minimum frame size in bytes, 0 when unknown
 * @param maxFrameSize maximum frame size in bytes, 0 when unknown
 * @param sampleRate   samples per second, 1 to {@link #MAX_SAMPLE_RATE}
 * @param channels     1 to {@link #MAX_CHANNELS}
 * @param bits         bits per sample, {@link #MIN_BITS} to {@link #MAX_BITS}
 * @param totalSamples samples per channel in the stream, 0 when unknown
 * @param md5          the MD5 of the decoded samples (section 8.2), all zero when not computed
 * @param md5Offset    the byte offset of the MD5 field in the file, for messages
 */
record StreamInfo(int minBlockSize, int maxBlockSize, int minFrameSize, int maxFrameSize, int sampleRate,
                  int channels, int bits, long totalSamples, byte[] md5, long md5Offset) {

    /** STREAMINFO is 34 bytes (RFC 9639 section 8.2). */
    static final int LENGTH = 34;
    /** The smallest block size outside the last block (RFC 9639 section 8.2). */
    static final int MIN_BLOCK_SIZE = 16;
    /** The largest block size: the 16-bit STREAMINFO field (RFC 9639 section 8.2). */
    static final int MAX_BLOCK_SIZE = 65535;
    /**
     * The largest rate: the 20-bit STREAMINFO field (RFC 9639 section 8.2). Frame headers code up
     * to 655350 Hz (section 9.1.2); frames of higher rates (DXD's 705.6 kHz) refer to STREAMINFO.
     */
    static final int MAX_SAMPLE_RATE = (1 << 20) - 1;
    /** Channels: a 3-bit field holding the count less one (RFC 9639 section 8.2). */
    static final int MAX_CHANNELS = 8;
    /** Bit depths below 4 are reserved (RFC 9639 section 8.2). */
    static final int MIN_BITS = 4;
    /** Bits: a 5-bit field holding the depth less one (RFC 9639 section 8.2). */
    static final int MAX_BITS = 32;
    /** Bytes of the MD5 signature, the block's last field (RFC 9639 section 8.2). */
    static final int MD5_BYTES = 16;

    /**
     * Parses and validates the 34 bytes of a STREAMINFO block.
     *
     * @param b      the block's payload
     * @param at     the block header's offset, for messages
     * @param file   the file's name, for messages
     * @param warn   receives warnings (a minimum block size below 16)
     * @throws AudioFileException when a field is impossible
     */
    static StreamInfo parse(byte[] b, long at, String file, java.util.function.Consumer<String> warn)
            throws AudioFileException {
        int minBlock = u(b, 0, 2);
        int maxBlock = u(b, 2, 2);
        int minFrame = u(b, 4, 3);
        int maxFrame = u(b, 7, 3);
        int rate = (int) (bits(b, 80, 20));
        int channels = (int) bits(b, 100, 3) + 1;
        int depth = (int) bits(b, 103, 5) + 1;
        long total = bits(b, 108, 36);
        byte[] md5 = java.util.Arrays.copyOfRange(b, LENGTH - MD5_BYTES, LENGTH);
        if (maxBlock < MIN_BLOCK_SIZE) {
            throw corrupt(file, at, String.format(Locale.ROOT,
                    "maximum block size %d is below the %d samples a FLAC block has", maxBlock, MIN_BLOCK_SIZE));
        }
        if (minBlock > maxBlock) {
            throw corrupt(file, at, String.format(Locale.ROOT,
                    "minimum block size %d is above the maximum %d", minBlock, maxBlock));
        }
        if (minBlock < MIN_BLOCK_SIZE) {
            warn.accept(String.format(Locale.ROOT,
                    "STREAMINFO's minimum block size %d is below the %d samples a FLAC block has", minBlock, MIN_BLOCK_SIZE));
        }
        if (rate == 0) {
            throw corrupt(file, at, "sample rate 0 Hz: a FLAC stream holding audio needs a rate");
        }
        if (depth < MIN_BITS) {
            throw corrupt(file, at, String.format(Locale.ROOT,
                    "%d bits per sample: FLAC reserves depths below %d", depth, MIN_BITS));
        }
        if (minFrame != 0 && maxFrame != 0 && minFrame > maxFrame) {
            warn.accept(String.format(Locale.ROOT,
                    "STREAMINFO's minimum frame size %d is above its maximum %d; both are ignored", minFrame, maxFrame));
            minFrame = 0;
            maxFrame = 0;
        }
        return new StreamInfo(minBlock, maxBlock, minFrame, maxFrame, rate, channels, depth, total, md5,
                at + 4 + LENGTH - MD5_BYTES);
    }

    /** Whether the encoder stored an MD5 (RFC 9639 section 8.2: all zero means it did not). */
    boolean hasMd5() {
        for (byte x : md5) {
            if (x != 0) {
                return true;
            }
        }
        return false;
    }

    /** The stored MD5 as lower-case hex. */
    String md5Hex() {
        return HexFormat.of().formatHex(md5);
    }

    /** Whether the total is known (RFC 9639 section 8.2: 0 means unknown). */
    boolean totalKnown() {
        return totalSamples > 0;
    }

    /** Whether the minimum and maximum block sizes are equal: a fixed-block-size stream (RFC 9639 section 8.2). */
    boolean fixedBlockSize() {
        return minBlockSize == maxBlockSize;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StreamInfo s && s.minBlockSize == minBlockSize && s.maxBlockSize == maxBlockSize
                && s.minFrameSize == minFrameSize && s.maxFrameSize == maxFrameSize && s.sampleRate == sampleRate
                && s.channels == channels && s.bits == bits && s.totalSamples == totalSamples
                && java.util.Arrays.equals(s.md5, md5) && s.md5Offset == md5Offset;
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(minBlockSize, maxBlockSize, sampleRate, channels, bits, totalSamples)
                * 31 + java.util.Arrays.hashCode(md5);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "STREAMINFO[%d..%d samples, %d Hz, %d ch, %d bit, %d samples, md5 %s]",
                minBlockSize, maxBlockSize, sampleRate, channels, bits, totalSamples, md5Hex());
    }

    private static AudioFileException corrupt(String file, long at, String detail) {
        return AudioFileException.recognisedAt(CORRUPT, file, at, "STREAMINFO", FileKind.FLAC, "FLAC " + detail);
    }

    private static int u(byte[] b, int from, int bytes) {
        int v = 0;
        for (int i = 0; i < bytes; i++) {
            v = v << 8 | (b[from + i] & 0xFF);
        }
        return v;
    }

    /** {@code n} bits (at most 57) from bit offset {@code bit} of {@code b}, most significant first. */
    private static long bits(byte[] b, int bit, int n) {
        long v = 0;
        for (int i = 0; i < n; i++) {
            int at = bit + i;
            v = v << 1 | ((b[at >>> 3] >>> (7 - (at & 7))) & 1);
        }
        return v;
    }
}
