package org.stemcheck.io.flac;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * Hand-made FLAC frames for hardening tests: any header field and any subframe bits, with correct
 * (or deliberately wrong) CRC-8 and CRC-16, so that each test breaks exactly one rule of RFC 9639.
 */
final class RawFrame {

    private byte[] buf = new byte[64];
    private long bits;

    /** A header (RFC 9639 section 9.1) with a 16-bit uncommon block size and the other fields as given. */
    static RawFrame header(boolean variable, int blockSize, int rateCode, int channelCode, int bitsCode, long number) {
        RawFrame f = new RawFrame();
        f.put(0xFFF8 | (variable ? 1 : 0), 16).put(7, 4).put(rateCode, 4).put(channelCode, 4).put(bitsCode, 3).put(0, 1);
        f.codedNumber(number);
        f.put(blockSize - 1, 16);
        f.put(crc8(f.bytes()), 8);
        return f;
    }

    RawFrame put(long v, int n) {
        for (int i = n - 1; i >= 0; i--) {
            int at = (int) (bits >>> 3);
            if (at == buf.length) {
                buf = Arrays.copyOf(buf, buf.length * 2);
            }
            if (((v >>> i) & 1) != 0) {
                buf[at] |= (byte) (0x80 >>> (bits & 7));
            }
            bits++;
        }
        return this;
    }

    RawFrame unary(long zeros) {
        for (long i = 0; i < zeros; i++) {
            put(0, 1);
        }
        return put(1, 1);
    }

    /** Byte-aligns and adds the CRC-16 (RFC 9639 section 9.3); {@code damage} flips it. */
    byte[] end(boolean damage) {
        while ((bits & 7) != 0) {
            put(0, 1);
        }
        byte[] body = bytes();
        int crc = crc16(body, 0, body.length) ^ (damage ? 1 : 0);
        byte[] frame = Arrays.copyOf(body, body.length + 2);
        frame[body.length] = (byte) (crc >> 8);
        frame[body.length + 1] = (byte) crc;
        return frame;
    }

    byte[] end() {
        return end(false);
    }

    private void codedNumber(long v) {
        if (v < 0x80) {
            put(v, 8);
            return;
        }
        int extra = 1;
        while (v >= 1L << (5 * extra + 6)) {
            extra++;
        }
        put((0xFF << (7 - extra)) & 0xFF | (v >>> (6 * extra)) & ((1 << Math.max(0, 6 - extra)) - 1), 8);
        for (int i = extra - 1; i >= 0; i--) {
            put(0x80 | (v >>> (6 * i)) & 0x3F, 8);
        }
    }

    byte[] bytes() {
        return Arrays.copyOf(buf, (int) ((bits + 7) >>> 3));
    }

    static int crc8(byte[] b) {
        int c = 0;
        for (byte x : b) {
            c ^= x & 0xFF;
            for (int k = 0; k < 8; k++) {
                c = ((c & 0x80) != 0 ? (c << 1) ^ 0x07 : c << 1) & 0xFF;
            }
        }
        return c;
    }

    static int crc16(byte[] b, int from, int to) {
        int c = 0;
        for (int i = from; i < to; i++) {
            c ^= (b[i] & 0xFF) << 8;
            for (int k = 0; k < 8; k++) {
                c = ((c & 0x8000) != 0 ? (c << 1) ^ 0x8005 : c << 1) & 0xFFFF;
            }
        }
        return c;
    }

    /** {@code fLaC} and a last STREAMINFO block (RFC 9639 section 8.2), for a stream of hand-made frames. */
    static byte[] head(int minBlock, int maxBlock, int rate, int channels, int bitsPerSample, long total) {
        RawFrame s = new RawFrame();
        s.put(minBlock, 16).put(maxBlock, 16).put(0, 24).put(0, 24).put(rate, 20).put(channels - 1, 3)
                .put(bitsPerSample - 1, 5).put(total, 36).put(0, 64).put(0, 64);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {'f', 'L', 'a', 'C', (byte) 0x80, 0, 0, 34});
        out.writeBytes(s.bytes());
        return out.toByteArray();
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            b.writeBytes(p);
        }
        return b.toByteArray();
    }
}
