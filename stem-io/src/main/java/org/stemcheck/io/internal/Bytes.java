package org.stemcheck.io.internal;

import java.nio.charset.StandardCharsets;

/** Little helpers to read fixed-width fields from header bytes. */
public final class Bytes {

    private Bytes() {
    }

    public static int u16le(byte[] b, int i) {
        return (b[i] & 0xFF) | (b[i + 1] & 0xFF) << 8;
    }

    public static int u16be(byte[] b, int i) {
        return (b[i] & 0xFF) << 8 | (b[i + 1] & 0xFF);
    }

    public static long u32le(byte[] b, int i) {
        return (u16le(b, i) | (long) u16le(b, i + 2) << 16) & 0xFFFFFFFFL;
    }

    public static long u32be(byte[] b, int i) {
        return ((long) u16be(b, i) << 16 | u16be(b, i + 2)) & 0xFFFFFFFFL;
    }

    public static long u64le(byte[] b, int i) {
        return u32le(b, i) | u32le(b, i + 4) << 32;
    }

    public static int u16(byte[] b, int i, boolean bigEndian) {
        return bigEndian ? u16be(b, i) : u16le(b, i);
    }

    public static long u32(byte[] b, int i, boolean bigEndian) {
        return bigEndian ? u32be(b, i) : u32le(b, i);
    }

    /** A four-character chunk id, with non-printable bytes shown as {@code \xNN}. */
    public static String fourCc(byte[] b, int i) {
        StringBuilder sb = new StringBuilder(4);
        for (int k = 0; k < 4; k++) {
            int c = b[i + k] & 0xFF;
            if (c >= 0x20 && c < 0x7F) {
                sb.append((char) c);
            } else {
                sb.append(String.format("\\x%02X", c));
            }
        }
        return sb.toString();
    }

    /** A NUL-terminated (or full-width) text field, trimmed, decoded as ISO-8859-1 unless valid UTF-8. */
    public static String text(byte[] b, int from, int len) {
        int end = from;
        int max = Math.min(b.length, from + len);
        while (end < max && b[end] != 0) {
            end++;
        }
        String utf8 = new String(b, from, end - from, StandardCharsets.UTF_8);
        String s = utf8.indexOf('\uFFFD') >= 0 ? new String(b, from, end - from, StandardCharsets.ISO_8859_1) : utf8;
        return s.strip();
    }
}
