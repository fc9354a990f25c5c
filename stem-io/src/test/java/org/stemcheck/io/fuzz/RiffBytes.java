package org.stemcheck.io.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Builds RIFF/RIFX/RF64/BW64 and FORM (AIFF) files byte by byte for seeds and fuzz harnesses:
 * chunks are appended in order, with or without pad bytes and with honest or lying sizes.
 * Test code only; the layouts follow the Microsoft RIFF spec (1991), EBU Tech 3306 (RF64) and
 * Apple's AIFF 1.3 / AIFF-C draft (1991).
 */
final class RiffBytes {

    private final String magic;
    private final String form;
    private final boolean bigEndian;
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();

    private RiffBytes(String magic, String form, boolean bigEndian) {
        this.magic = magic;
        this.form = form;
        this.bigEndian = bigEndian;
    }

    /** A little-endian RIFF/WAVE file. */
    static RiffBytes riff() {
        return new RiffBytes("RIFF", "WAVE", false);
    }

    /** A big-endian RIFX/WAVE file. */
    static RiffBytes rifx() {
        return new RiffBytes("RIFX", "WAVE", true);
    }

    /** An RF64 or BW64 file ({@code magic}); its header size is 0xFFFFFFFF, the real sizes go in ds64. */
    static RiffBytes rf64(String magic) {
        return new RiffBytes(magic, "WAVE", false);
    }

    /** A big-endian FORM file of type {@code AIFF} or {@code AIFC}. */
    static RiffBytes form(String type) {
        return new RiffBytes("FORM", type, true);
    }

    boolean bigEndian() {
        return bigEndian;
    }

    /** Appends a chunk with its true size and a pad byte after an odd-sized payload. */
    RiffBytes chunk(String id, byte[] payload) {
        return chunk(id, payload.length, payload, true);
    }

    /** Appends a chunk whose size field says {@code size} (may lie), optionally padded. */
    RiffBytes chunk(String id, long size, byte[] payload, boolean pad) {
        ascii(body, id);
        put(body, size, 4, bigEndian);
        body.writeBytes(payload);
        if (pad && (payload.length & 1) != 0) {
            body.write(0);
        }
        return this;
    }

    /** The whole file: magic, size, form type and the chunks. */
    byte[] build() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ascii(out, magic);
        long size = magic.equals("RF64") || magic.equals("BW64") ? 0xFFFFFFFFL : 4L + body.size();
        put(out, size, 4, bigEndian);
        ascii(out, form);
        out.writeBytes(body.toByteArray());
        return out.toByteArray();
    }

    /** Current length of the file as {@link #build()} would return it. */
    int length() {
        return 12 + body.size();
    }

    // ---- payload helpers ---------------------------------------------------------------------

    /** A 16-byte WAVEFORMAT payload. */
    static byte[] fmt(int tag, int channels, int rate, int bits, boolean be) {
        int blockAlign = channels * ((bits + 7) / 8);
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        put(b, tag, 2, be);
        put(b, channels, 2, be);
        put(b, rate, 4, be);
        put(b, (long) rate * blockAlign, 4, be);
        put(b, blockAlign, 2, be);
        put(b, bits, 2, be);
        return b.toByteArray();
    }

    /** A 40-byte WAVE_FORMAT_EXTENSIBLE payload with a tag-derived subformat GUID (mmreg.h). */
    static byte[] fmtExtensible(int subTag, int channels, int rate, int containerBits, int validBits, long mask) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(fmt(0xFFFE, channels, rate, containerBits, false));
        put(b, 22, 2, false);
        put(b, validBits, 2, false);
        put(b, mask, 4, false);
        put(b, subTag, 2, false);
        b.writeBytes(new byte[] {0x00, 0x00, 0x00, 0x00, 0x10, 0x00, (byte) 0x80, 0x00, 0x00, (byte) 0xAA, 0x00,
            0x38, (byte) 0x9B, 0x71});
        return b.toByteArray();
    }

    /** A 28-byte ds64 payload (EBU Tech 3306 section 3.2) plus one table entry per {@code ids}. */
    static byte[] ds64(long riffSize, long dataSize, long sampleCount, String[] ids, long[] sizes) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        put(b, riffSize, 8, false);
        put(b, dataSize, 8, false);
        put(b, sampleCount, 8, false);
        put(b, ids.length, 4, false);
        for (int i = 0; i < ids.length; i++) {
            ascii(b, ids[i]);
            put(b, sizes[i], 8, false);
        }
        return b.toByteArray();
    }

    /** A ramp of {@code frames * channels} samples of {@code bytesPerSample} bytes, each byte distinct-ish. */
    static byte[] samples(int frames, int channels, int bytesPerSample) {
        byte[] b = new byte[frames * channels * bytesPerSample];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) (i * 37 + 11);
        }
        return b;
    }

    /** An AIFF COMM payload (AIFF 1.3 section "Common Chunk"); AIFC adds compression type and name. */
    static byte[] comm(int channels, long frames, int sampleSize, double rate, String compression, String name) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        put(b, channels, 2, true);
        put(b, frames, 4, true);
        put(b, sampleSize, 2, true);
        b.writeBytes(extended(rate));
        if (compression != null) {
            ascii(b, compression);
            byte[] text = name.getBytes(StandardCharsets.US_ASCII);
            b.write(text.length);
            b.writeBytes(text);
            if ((text.length & 1) == 0) {
                b.write(0); // pstring: count byte + text padded to an even total
            }
        }
        return b.toByteArray();
    }

    /** An SSND payload: offset, block size, then the sample bytes (after {@code offset} filler bytes). */
    static byte[] ssnd(int offset, byte[] sampleBytes) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        put(b, offset, 4, true);
        put(b, 0, 4, true);
        b.write(new byte[offset], 0, offset);
        b.writeBytes(sampleBytes);
        return b.toByteArray();
    }

    /**
     * An 80-bit IEEE 754 extended-precision number (the AIFF sample rate): sign and 15-bit exponent
     * biased by 16383, then a 64-bit mantissa with an explicit integer bit. Positive values only.
     */
    static byte[] extended(double value) {
        byte[] b = new byte[10];
        if (value <= 0) {
            return b;
        }
        int exponent = Math.getExponent(value);
        // value * 2^(62 - e) lies in [2^62, 2^63): exact for a double's 53 bits; shifted up it sets the integer bit.
        long mantissa = (long) Math.scalb(value, 62 - exponent) << 1;
        int biased = exponent + 16383;
        b[0] = (byte) (biased >> 8);
        b[1] = (byte) biased;
        for (int i = 0; i < 8; i++) {
            b[2 + i] = (byte) (mantissa >>> (56 - 8 * i));
        }
        return b;
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    static void ascii(ByteArrayOutputStream out, String s) {
        out.writeBytes(ascii(s));
    }

    static void put(ByteArrayOutputStream out, long v, int bytes, boolean bigEndian) {
        for (int i = 0; i < bytes; i++) {
            int shift = bigEndian ? 8 * (bytes - 1 - i) : 8 * i;
            out.write((int) (v >>> shift) & 0xFF);
        }
    }
}
