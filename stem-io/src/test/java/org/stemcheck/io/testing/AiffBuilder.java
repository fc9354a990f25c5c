package org.stemcheck.io.testing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds AIFF and AIFF-C files byte by byte for tests, including broken ones: chunks in any
 * order, odd chunks with or without their pad byte, any FORM size, raw 80-bit sample rates.
 *
 * <p>Layouts follow Apple's "Audio Interchange File Format" 1.3 and the AIFF-C draft of 1991.
 */
public final class AiffBuilder {

    private final String formType;
    private final List<byte[]> parts = new ArrayList<>();
    private Long formSize;

    private AiffBuilder(String formType) {
        this.formType = formType;
    }

    /** A FORM/AIFF file. */
    public static AiffBuilder aiff() {
        return new AiffBuilder("AIFF");
    }

    /** A FORM/AIFC file (starts with the FVER chunk of the 1990-05-23 version, as writers do). */
    public static AiffBuilder aifc() {
        AiffBuilder b = new AiffBuilder("AIFC");
        b.chunk("FVER", be(0xA2805140L, 4));
        return b;
    }

    /** An AIFF COMM chunk. */
    public AiffBuilder comm(int channels, long frames, int sampleSize, double rate) {
        return comm(channels, frames, sampleSize, extended(rate));
    }

    /** An AIFF COMM chunk with the sample rate given as its 10 raw bytes. */
    public AiffBuilder comm(int channels, long frames, int sampleSize, byte[] rate80) {
        return chunk("COMM", commBody(channels, frames, sampleSize, rate80));
    }

    /** An AIFF-C COMM chunk with a compression type and name. */
    public AiffBuilder comm(int channels, long frames, int sampleSize, double rate, String compression, String name) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(commBody(channels, frames, sampleSize, extended(rate)));
        b.writeBytes(ascii(compression));
        b.writeBytes(pascal(name));
        return chunk("COMM", b.toByteArray());
    }

    private static byte[] commBody(int channels, long frames, int sampleSize, byte[] rate80) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(be(channels, 2));
        b.writeBytes(be(frames, 4));
        b.writeBytes(be(sampleSize, 2));
        b.writeBytes(rate80);
        return b.toByteArray();
    }

    /** An SSND chunk: offset, blockSize, {@code offset} zero bytes, then the samples. */
    public AiffBuilder ssnd(long offset, long blockSize, byte[] samples) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(be(offset, 4));
        b.writeBytes(be(blockSize, 4));
        b.writeBytes(new byte[(int) offset]);
        b.writeBytes(samples);
        return chunk("SSND", b.toByteArray());
    }

    /** An SSND chunk at offset 0. */
    public AiffBuilder ssnd(byte[] samples) {
        return ssnd(0, 0, samples);
    }

    /** A chunk with its pad byte when the payload is odd. */
    public AiffBuilder chunk(String id, byte[] payload) {
        return chunk(id, payload.length, payload, true);
    }

    /** A chunk whose size field says {@code declaredSize}, followed by {@code payload} (and a pad when asked). */
    public AiffBuilder chunk(String id, long declaredSize, byte[] payload, boolean pad) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(ascii(id));
        b.writeBytes(be(declaredSize, 4));
        b.writeBytes(payload);
        if (pad && (payload.length & 1) != 0) {
            b.write(0);
        }
        parts.add(b.toByteArray());
        return this;
    }

    /** Bytes appended as they are. */
    public AiffBuilder raw(byte[] bytes) {
        parts.add(bytes.clone());
        return this;
    }

    /** Writes this FORM size instead of the true one. */
    public AiffBuilder formSize(long size) {
        this.formSize = size;
        return this;
    }

    /** The file. */
    public byte[] bytes() {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(ascii(formType));
        parts.forEach(body::writeBytes);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(ascii("FORM"));
        out.writeBytes(be(formSize != null ? formSize : body.size(), 4));
        out.writeBytes(body.toByteArray());
        return out.toByteArray();
    }

    /** A text chunk payload (NAME, AUTH, ANNO, (c) ). */
    public static byte[] text(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** A MARK chunk payload: ids, positions and names. */
    public static byte[] markers(int[] ids, long[] positions, String[] names) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(be(ids.length, 2));
        for (int i = 0; i < ids.length; i++) {
            b.writeBytes(be(ids[i], 2));
            b.writeBytes(be(positions[i], 4));
            b.writeBytes(pascal(names[i]));
        }
        return b.toByteArray();
    }

    /**
     * Interleaves integer samples, each left-justified in ceil(sampleSize / 8) bytes (the low
     * bits zero), big- or little-endian.
     *
     * @param samples samples[channel][frame], each within the signed range of sampleSize bits
     */
    public static byte[] pcm(int sampleSize, boolean bigEndian, long[][] samples) {
        int bytes = (sampleSize + 7) / 8;
        int shift = 8 * bytes - sampleSize;
        int frames = samples[0].length;
        byte[] out = new byte[frames * samples.length * bytes];
        int p = 0;
        for (int n = 0; n < frames; n++) {
            for (long[] channel : samples) {
                long v = channel[n] << shift;
                for (int k = 0; k < bytes; k++) {
                    int byteIndex = bigEndian ? bytes - 1 - k : k;
                    out[p + k] = (byte) (v >>> (8 * byteIndex));
                }
                p += bytes;
            }
        }
        return out;
    }

    /** Interleaved big-endian float32 ({@code fl32}) or float64 ({@code fl64}) samples. */
    public static byte[] floats(boolean doubles, double[][] samples) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (int n = 0; n < samples[0].length; n++) {
            for (double[] channel : samples) {
                b.writeBytes(doubles
                        ? be(Double.doubleToRawLongBits(channel[n]), 8)
                        : be(Float.floatToRawIntBits((float) channel[n]) & 0xFFFFFFFFL, 4));
            }
        }
        return b.toByteArray();
    }

    /**
     * The 80-bit IEEE extended encoding of a double, exact for every normal double, zero,
     * infinities and NaN.
     */
    public static byte[] extended(double v) {
        long bits = Double.doubleToRawLongBits(v);
        int sign = (int) (bits >>> 63) << 15;
        if (Double.isNaN(v)) {
            return extended(sign | 0x7FFF, 0xC000000000000000L);
        }
        if (Double.isInfinite(v)) {
            return extended(sign | 0x7FFF, 0x8000000000000000L);
        }
        if (v == 0) {
            return extended(sign, 0);
        }
        int exponent = Math.getExponent(v) + 16383;
        long significand = (1L << 63) | ((bits & 0x000FFFFFFFFFFFFFL) << 11);
        return extended(sign | exponent, significand);
    }

    /** 80-bit extended bytes from the raw sign-and-exponent and significand fields. */
    public static byte[] extended(int signAndExponent, long significand) {
        byte[] b = new byte[10];
        System.arraycopy(be(signAndExponent, 2), 0, b, 0, 2);
        System.arraycopy(be(significand, 8), 0, b, 2, 8);
        return b;
    }

    /** {@code v} as {@code bytes} big-endian bytes. */
    public static byte[] be(long v, int bytes) {
        byte[] b = new byte[bytes];
        for (int i = 0; i < bytes; i++) {
            b[i] = (byte) (v >>> (8 * (bytes - 1 - i)));
        }
        return b;
    }

    private static byte[] pascal(String s) {
        byte[] text = s.getBytes(StandardCharsets.ISO_8859_1);
        int stored = 1 + text.length;
        byte[] b = new byte[stored + (stored & 1)];
        b[0] = (byte) text.length;
        System.arraycopy(text, 0, b, 1, text.length);
        return b;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
