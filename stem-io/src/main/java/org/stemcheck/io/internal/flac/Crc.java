package org.stemcheck.io.internal.flac;

/**
 * The two checksums of a FLAC frame: CRC-8 over the frame header (RFC 9639 section 9.1.8:
 * polynomial x^8 + x^2 + x + 1, initial value 0) and CRC-16 over the whole frame (section 9.3:
 * polynomial x^16 + x^15 + x^2 + 1, initial value 0), both most significant bit first, without
 * reflection or final XOR.
 */
final class Crc {

    /** x^8 + x^2 + x + 1 without its x^8 term. */
    private static final int POLY8 = 0x07;
    /** x^16 + x^15 + x^2 + 1 without its x^16 term. */
    private static final int POLY16 = 0x8005;

    private static final int[] TABLE8 = new int[256];
    private static final int[] TABLE16 = new int[256];

    static {
        for (int i = 0; i < 256; i++) {
            int c8 = i;
            int c16 = i << 8;
            for (int b = 0; b < 8; b++) {
                c8 = (c8 & 0x80) != 0 ? (c8 << 1) ^ POLY8 : c8 << 1;
                c16 = (c16 & 0x8000) != 0 ? (c16 << 1) ^ POLY16 : c16 << 1;
            }
            TABLE8[i] = c8 & 0xFF;
            TABLE16[i] = c16 & 0xFFFF;
        }
    }

    private Crc() {
    }

    /** The CRC-8 of {@code b[from .. to)}, continuing from {@code crc}. */
    static int crc8(int crc, byte[] b, int from, int to) {
        int c = crc;
        for (int i = from; i < to; i++) {
            c = TABLE8[(c ^ b[i]) & 0xFF];
        }
        return c;
    }

    /** The CRC-16 of {@code b[from .. to)}, continuing from {@code crc}. */
    static int crc16(int crc, byte[] b, int from, int to) {
        int c = crc;
        for (int i = from; i < to; i++) {
            c = ((c << 8) ^ TABLE16[((c >>> 8) ^ b[i]) & 0xFF]) & 0xFFFF;
        }
        return c;
    }
}
