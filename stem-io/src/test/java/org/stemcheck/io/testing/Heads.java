package org.stemcheck.io.testing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Crafted first bytes of each kind of file the sniffer tells apart. */
public final class Heads {

    /** MPEG-1 layer III, 128 kbit/s, 44.1 kHz, no padding, no CRC (ISO/IEC 11172-3 2.4.1.3). */
    public static final byte[] MP3_HEADER = {(byte) 0xFF, (byte) 0xFB, (byte) 0x90, 0x64};
    /** Its frame length: 144 * 128000 / 44100 = 417 bytes (integer division). */
    public static final int MP3_FRAME = 417;
    /** MPEG-2 layer III, 64 kbit/s, 22.05 kHz: 72 * 64000 / 22050 = 208 bytes. */
    public static final byte[] MP3_LSF_HEADER = {(byte) 0xFF, (byte) 0xF3, (byte) 0x80, (byte) 0xC4};
    public static final int MP3_LSF_FRAME = 208;
    /** AAC-LC ADTS frame length used by {@link #adts(int)}. */
    public static final int ADTS_FRAME = 100;

    private Heads() {
    }

    public static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    public static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            b.writeBytes(p);
        }
        return b.toByteArray();
    }

    /** {@code frames} MPEG audio frames of {@code length} bytes, each starting with {@code header}, payload 0x55. */
    public static byte[] mpegFrames(byte[] header, int length, int frames) {
        byte[] out = new byte[length * frames];
        java.util.Arrays.fill(out, (byte) 0x55);
        for (int f = 0; f < frames; f++) {
            System.arraycopy(header, 0, out, f * length, header.length);
        }
        return out;
    }

    /** {@code frames} AAC-LC ADTS frames, 44.1 kHz stereo, no CRC, {@link #ADTS_FRAME} bytes each. */
    public static byte[] adts(int frames) {
        int len = ADTS_FRAME;
        byte[] header = {
            (byte) 0xFF, (byte) 0xF1,
            (byte) (1 << 6 | 4 << 2),               // profile LC (1), 44.1 kHz (index 4)
            (byte) (2 << 6 | (len >> 11) & 0x3),     // 2 channels, frame length bits 12-11
            (byte) (len >> 3),                       // frame length bits 10-3
            (byte) ((len & 0x7) << 5 | 0x1F),        // frame length bits 2-0, buffer fullness
            (byte) 0xFC,
        };
        return mpegFrames(header, len, frames);
    }

    /** An ID3v2.4 header announcing a tag of {@code size} bytes, followed by that many zero bytes. */
    public static byte[] id3(int size) {
        byte[] h = {'I', 'D', '3', 4, 0, 0,
            (byte) (size >> 21 & 0x7F), (byte) (size >> 14 & 0x7F), (byte) (size >> 7 & 0x7F), (byte) (size & 0x7F)};
        return concat(h, new byte[size]);
    }

    /** "fLaC" and a STREAMINFO block header (last-block flag set, 34 bytes) and body. */
    public static byte[] flac() {
        return concat(ascii("fLaC"), new byte[] {(byte) 0x80, 0, 0, 34}, new byte[34]);
    }

    /** An Ogg page header (beginning of stream) with one segment. */
    public static byte[] ogg() {
        byte[] page = new byte[27 + 1 + 30];
        System.arraycopy(ascii("OggS"), 0, page, 0, 4);
        page[5] = 0x02;
        page[26] = 1;
        page[27] = 30;
        System.arraycopy(ascii("\u0001vorbis"), 0, page, 28, 7);
        return page;
    }

    /** A first box "ftyp" of an ISO base media file with this major brand. */
    public static byte[] ftyp(String brand) {
        return concat(new byte[] {0, 0, 0, 0x18}, ascii("ftyp" + brand), new byte[] {0, 0, 0, 0},
                ascii(brand + "isom"));
    }

    /** A RIFF, RIFX, RF64 or BW64 header with the form type WAVE (or another), and a few more bytes. */
    public static byte[] riff(String id, String form) {
        return concat(ascii(id), new byte[] {0x24, 0, 0, 0}, ascii(form + "fmt "), new byte[20]);
    }

    /** A FORM header of type AIFF or AIFC and the start of a COMM chunk. */
    public static byte[] form(String type) {
        return concat(ascii("FORM"), new byte[] {0, 0, 0, 0x40}, ascii(type + "COMM"), new byte[22]);
    }
}
