package org.stemcheck.io.internal.flac;

import java.io.IOException;
import java.util.Locale;

/**
 * A frame header (RFC 9639 section 9.1), as coded: checked for the sync code, reserved and
 * invalid values and its CRC-8, but not yet against STREAMINFO (see {@link FrameDecoder}).
 *
 * @param offset     byte offset of the header in the file
 * @param variable   the blocking strategy bit: true when {@code number} is a sample number
 * @param blockSize  samples per channel, 1 to 65536
 * @param sampleRate the rate in Hz, or 0 for "see STREAMINFO"
 * @param channelCode the channel bits (section 9.1.3): 0-7 independent channels, 8 left/side,
 *                   9 side/right, 10 mid/side
 * @param bits       bits per sample, or 0 for "see STREAMINFO"
 * @param number     the coded number (section 9.1.5): frame number or first sample number
 * @param length     the header's length in bytes, CRC-8 included
 */
record FrameHeader(long offset, boolean variable, int blockSize, int sampleRate, int channelCode, int bits,
                   long number, int length) {

    /** Channel bits for left/side, side/right and mid/side stereo (RFC 9639 section 9.1.3). */
    static final int LEFT_SIDE = 8;
    static final int SIDE_RIGHT = 9;
    static final int MID_SIDE = 10;

    /** The longest header: 2 sync bytes, 2 code bytes, a 7-byte number, 2 + 2 uncommon bytes, CRC-8 (section 9.1). */
    static final int MAX_LENGTH = 16;

    /** Sample rates of codes 1-11 in Hz (RFC 9639 section 9.1.2); code 0 means STREAMINFO. */
    private static final int[] RATES = {0, 88_200, 176_400, 192_000, 8_000, 16_000, 22_050, 24_000, 32_000,
        44_100, 48_000, 96_000};
    /** Bit depths of codes 0-7 (RFC 9639 section 9.1.4); 0 means STREAMINFO, -1 reserved. */
    private static final int[] DEPTHS = {0, 8, 12, -1, 16, 20, 24, 32};

    /** Channels in the frame. */
    int channels() {
        return channelCode < LEFT_SIDE ? channelCode + 1 : 2;
    }

    /**
     * Reads a frame header at the reader's (byte-aligned) position and, unless {@code peekOnly},
     * moves past it.
     *
     * @throws NotAFrame  when the bytes are not a valid frame header; the reader has not moved
     * @throws InputEnded when the input ends inside the header; the reader has not moved
     */
    static FrameHeader read(BitReader r, boolean peekOnly) throws IOException {
        long at = r.position();
        int have = r.peekable(MAX_LENGTH);
        if (have == 0) {
            throw new InputEnded(at);
        }
        // Sync code 0b111111111111100 and the blocking strategy bit (section 9.1).
        need(have, 2, at);
        if (r.peek(0) != 0xFF || (r.peek(1) & 0xFE) != 0xF8) {
            throw new NotAFrame(at, String.format(Locale.ROOT, "0x%02X%02X is not the sync code 0xFFF8/0xFFF9",
                    r.peek(0), r.peek(1)));
        }
        boolean variable = (r.peek(1) & 1) == 1;
        need(have, 4, at);
        int sizeCode = r.peek(2) >>> 4;
        int rateCode = r.peek(2) & 0xF;
        int channelCode = r.peek(3) >>> 4;
        int depthCode = (r.peek(3) >>> 1) & 0x7;
        if (sizeCode == 0) {
            throw new NotAFrame(at, "block size code 0 is reserved (RFC 9639 section 9.1.1)");
        }
        if (rateCode == 0xF) {
            throw new NotAFrame(at, "sample rate code 15 is invalid (RFC 9639 section 9.1.2)");
        }
        if (channelCode > MID_SIDE) {
            throw new NotAFrame(at, "channel code " + channelCode + " is reserved (RFC 9639 section 9.1.3)");
        }
        if (DEPTHS[depthCode] < 0) {
            throw new NotAFrame(at, "bit depth code 3 is reserved (RFC 9639 section 9.1.4)");
        }
        if ((r.peek(3) & 1) != 0) {
            throw new NotAFrame(at, "the reserved bit after the bit depth is set (RFC 9639 section 9.1)");
        }
        // Coded number (section 9.1.5): UTF-8-like, 1 to 7 bytes.
        need(have, 5, at);
        int first = r.peek(4);
        int extra = extraBytes(first);
        if (extra < 0 || (!variable && extra > 5)) {
            throw new NotAFrame(at, String.format(Locale.ROOT, "0x%02X does not start a coded %s number (RFC 9639 section 9.1.5)",
                    first, variable ? "sample" : "frame"));
        }
        need(have, 5 + extra, at);
        long number = extra == 0 ? first : first & (0x3F >>> extra);
        for (int i = 0; i < extra; i++) {
            int c = r.peek(5 + i);
            if ((c & 0xC0) != 0x80) {
                throw new NotAFrame(at, "a continuation byte of the coded number is not 10xxxxxx (RFC 9639 section 9.1.5)");
            }
            number = number << 6 | (c & 0x3F);
        }
        int p = 5 + extra;
        int blockSize;
        if (sizeCode == 6) {
            need(have, p + 1, at);
            blockSize = r.peek(p) + 1;
            p += 1;
        } else if (sizeCode == 7) {
            need(have, p + 2, at);
            blockSize = (r.peek(p) << 8 | r.peek(p + 1)) + 1;
            p += 2;
        } else {
            blockSize = blockSize(sizeCode);
        }
        int rate;
        if (rateCode == 12) {
            need(have, p + 1, at);
            rate = r.peek(p) * 1000;
            p += 1;
        } else if (rateCode == 13 || rateCode == 14) {
            need(have, p + 2, at);
            rate = (r.peek(p) << 8 | r.peek(p + 1)) * (rateCode == 14 ? 10 : 1);
            p += 2;
        } else {
            rate = RATES[rateCode];
        }
        need(have, p + 1, at);
        int crc = r.peekCrc8(p);
        if (crc != r.peek(p)) {
            throw new NotAFrame(at, String.format(Locale.ROOT, "header CRC-8 0x%02X, computed 0x%02X (RFC 9639 section 9.1.8)",
                    r.peek(p), crc));
        }
        if ((rateCode >= 12) && rate == 0) {
            throw new NotAFrame(at, "an uncommon sample rate of 0 Hz (RFC 9639 section 9.1.7)");
        }
        if (!peekOnly) {
            r.skipPeeked(p + 1);
        }
        return new FrameHeader(at, variable, blockSize, rate, channelCode, DEPTHS[depthCode], number, p + 1);
    }

    /** Continuation bytes after a coded number's first byte (RFC 9639 section 9.1.5), or -1 for an invalid first byte. */
    private static int extraBytes(int first) {
        if ((first & 0x80) == 0) {
            return 0;
        }
        for (int extra = 1; extra <= 6; extra++) {
            // A first byte of n+1 one bits then a zero bit announces n continuation bytes; 0xFE announces 6.
            int ones = extra + 1;
            int mask = 0xFF << (7 - ones) & 0xFF;
            int pattern = 0xFF << (8 - ones) & 0xFF;
            if ((first & mask) == pattern) {
                return extra;
            }
        }
        return -1;
    }

    /** Block sizes of codes 1-5 and 8-15 (RFC 9639 section 9.1.1). */
    private static int blockSize(int code) {
        if (code == 1) {
            return 192;
        }
        if (code <= 5) {
            return 144 << code;
        }
        return 1 << code;
    }

    /** Fails as "cut" when fewer than {@code n} header bytes are left in the input. */
    private static void need(int have, int n, long at) throws InputEnded {
        if (have < n) {
            throw new InputEnded(at + have);
        }
    }
}
