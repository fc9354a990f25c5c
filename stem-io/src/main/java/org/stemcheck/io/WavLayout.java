package org.stemcheck.io;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The byte layout {@link WavWriter} writes: header chunks, their sizes, and samples encoded to
 * little-endian bytes. A {@link Header#RESERVED} header (RIFF with a {@code JUNK} placeholder) and
 * an {@link Header#RF64} header (a {@code ds64} chunk in its place) have the same length, so one
 * can be rewritten over the other; a {@link Header#PLAIN} header is the canonical 44-byte RIFF
 * header (plus bext), for when the size is known before the first sample.
 */
record WavLayout(int bits, boolean floatingPoint, int sampleRate, int channels, Long timeReference, long channelMask,
                 List<WavWriter.Chunk> extraChunks) {

    /** Which header to write. */
    enum Header {
        /** RIFF, fmt, [bext], data: sizes known up front and within 4 GiB. */
        PLAIN,
        /** RIFF with a 28-byte JUNK chunk after the RIFF header, to become ds64 if need be. */
        RESERVED,
        /** RF64 with a ds64 chunk, 32-bit sizes set to 0xFFFFFFFF (EBU Tech 3306). */
        RF64
    }

    /** The ds64 payload without a table: RIFF, data and sample-count sizes plus a table length (EBU Tech 3306 section 3). */
    static final int DS64_BYTES = 28;
    /** The bext payload of version 1 without coding history (EBU Tech 3285, 602 bytes). */
    static final int BEXT_BYTES = 602;
    /** bext offsets (EBU Tech 3285): Originator, TimeReference (low, high) and Version. */
    private static final int BEXT_ORIGINATOR = 256;
    private static final int BEXT_TIME_REFERENCE = 338;
    private static final int BEXT_VERSION = 346;
    /** The fmt payload of WAVE_FORMAT_EXTENSIBLE: 16 bytes plus cbSize 22 (Microsoft WAVEFORMATEXTENSIBLE). */
    static final int FMT_EXTENSIBLE_BYTES = 40;
    /** The format tag of WAVE_FORMAT_EXTENSIBLE. */
    private static final int EXTENSIBLE_TAG = 0xFFFE;
    /** The tail of the KSDATAFORMAT_SUBTYPE GUIDs: {@code xxxxxxxx-0000-0010-8000-00aa00389b71}, after the 4-byte tag. */
    private static final byte[] GUID_TAIL = {0x00, 0x00, 0x10, 0x00, (byte) 0x80, 0x00, 0x00, (byte) 0xAA, 0x00, 0x38,
            (byte) 0x9B, 0x71};
    /** The size field value that means "see ds64" (EBU Tech 3306 section 3). */
    private static final long SEE_DS64 = 0xFFFFFFFFL;

    WavLayout {
        if (sampleRate <= 0) {
            throw new IllegalArgumentException("sampleRate must be positive: " + sampleRate);
        }
        if (channels < 1 || channels > 0xFFFF) {
            throw new IllegalArgumentException("channels must be in 1..65535: " + channels);
        }
        extraChunks = List.copyOf(extraChunks);
    }

    private int fmtBytes() {
        return channelMask == 0 ? 16 : FMT_EXTENSIBLE_BYTES;
    }

    private int extraBytes() {
        int n = 0;
        for (WavWriter.Chunk c : extraChunks) {
            n += 8 + c.payload().length + (c.payload().length & 1);
        }
        return n;
    }

    int blockAlign() {
        return bits / 8 * channels;
    }

    /** Bytes before the first sample. */
    int headerBytes(Header kind) {
        int reserve = kind == Header.PLAIN ? 0 : 8 + DS64_BYTES;
        return 12 + reserve + (8 + fmtBytes()) + (timeReference == null ? 0 : 8 + BEXT_BYTES) + extraBytes() + 8;
    }

    /** The RIFF size field's value for this much audio (file length minus 8, pad byte included). */
    long riffSize(Header kind, long dataBytes) {
        return headerBytes(kind) - 8 + dataBytes + (dataBytes & 1);
    }

    /** The most frames any file of this layout can hold (sizes are signed 64-bit in Java). */
    long maxFrames() {
        return (Long.MAX_VALUE - headerBytes(Header.RF64) - 1) / blockAlign();
    }

    /** The header of this kind for {@code dataBytes} of audio. */
    byte[] header(Header kind, long dataBytes) {
        boolean rf64 = kind == Header.RF64;
        byte[] h = new byte[headerBytes(kind)];
        int p = ascii(h, 0, rf64 ? "RF64" : "RIFF");
        p = le(h, p, rf64 ? SEE_DS64 : riffSize(kind, dataBytes), 4);
        p = ascii(h, p, "WAVE");
        if (kind != Header.PLAIN) {
            p = ascii(h, p, rf64 ? "ds64" : "JUNK");
            p = le(h, p, DS64_BYTES, 4);
            if (rf64) {
                le(h, p, riffSize(kind, dataBytes), 8);
                le(h, p + 8, dataBytes, 8);
                le(h, p + 16, dataBytes / blockAlign(), 8);
                // table length stays 0: no other chunk needs a 64-bit size
            }
            p += DS64_BYTES;
        }
        p = ascii(h, p, "fmt ");
        p = le(h, p, fmtBytes(), 4);
        int tag = floatingPoint ? 3 : 1;
        p = le(h, p, channelMask == 0 ? tag : EXTENSIBLE_TAG, 2);
        p = le(h, p, channels, 2);
        p = le(h, p, sampleRate, 4);
        p = le(h, p, (long) sampleRate * blockAlign(), 4);
        p = le(h, p, blockAlign(), 2);
        p = le(h, p, bits, 2);
        if (channelMask != 0) {
            p = le(h, p, FMT_EXTENSIBLE_BYTES - 18, 2);
            p = le(h, p, bits, 2);
            p = le(h, p, channelMask, 4);
            p = le(h, p, tag, 4);
            System.arraycopy(GUID_TAIL, 0, h, p, GUID_TAIL.length);
            p += GUID_TAIL.length;
        }
        if (timeReference != null) {
            p = ascii(h, p, "bext");
            p = le(h, p, BEXT_BYTES, 4);
            ascii(h, p + BEXT_ORIGINATOR, "stemcheck");
            le(h, p + BEXT_TIME_REFERENCE, timeReference, 8);
            h[p + BEXT_VERSION] = 1;
            p += BEXT_BYTES;
        }
        for (WavWriter.Chunk c : extraChunks) {
            p = ascii(h, p, c.id());
            p = le(h, p, c.payload().length, 4);
            System.arraycopy(c.payload(), 0, h, p, c.payload().length);
            p += c.payload().length + (c.payload().length & 1);
        }
        p = ascii(h, p, "data");
        le(h, p, rf64 ? SEE_DS64 : dataBytes, 4);
        return h;
    }

    /** Encodes {@code block[c][from .. from + frames)} into {@code dst} from 0; returns the bytes written. */
    int encode(double[][] block, int from, int frames, byte[] dst) {
        int bytes = bits / 8;
        int align = blockAlign();
        double scale = Math.scalb(1.0, bits - 1);
        long max = (1L << (bits - 1)) - 1;
        long min = -(1L << (bits - 1));
        for (int c = 0; c < channels; c++) {
            double[] x = block[c];
            int p = c * bytes;
            for (int n = from; n < from + frames; n++, p += align) {
                long v = floatingPoint
                        ? Float.floatToIntBits((float) x[n])
                        : Math.max(min, Math.min(max, Math.round(x[n] * scale)));
                for (int i = 0; i < bytes; i++) {
                    dst[p + i] = (byte) (v >>> (8 * i));
                }
            }
        }
        return frames * align;
    }

    private static int ascii(byte[] b, int at, String s) {
        byte[] a = s.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(a, 0, b, at, a.length);
        return at + a.length;
    }

    private static int le(byte[] b, int at, long v, int bytes) {
        for (int i = 0; i < bytes; i++) {
            b[at + i] = (byte) (v >>> (8 * i));
        }
        return at + bytes;
    }
}
