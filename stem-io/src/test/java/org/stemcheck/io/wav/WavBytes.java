package org.stemcheck.io.wav;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.stemcheck.io.AudioFile;
import org.stemcheck.io.AudioFiles;

/**
 * Builds small WAV byte arrays for tests, chunk by chunk, in either byte order. Sizes are written
 * as given, so a test can make them lie.
 */
final class WavBytes {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final boolean bigEndian;

    private WavBytes(String magic, boolean bigEndian) {
        this.bigEndian = bigEndian;
        ascii(magic);
        u32(0xFFFFFFFFL); // RIFF size: readers must not trust it
        ascii("WAVE");
    }

    static WavBytes riff() {
        return new WavBytes("RIFF", false);
    }

    static WavBytes rifx() {
        return new WavBytes("RIFX", true);
    }

    static WavBytes rf64() {
        return new WavBytes("RF64", false);
    }

    static WavBytes bw64() {
        return new WavBytes("BW64", false);
    }

    /** A 16-byte PCMWAVEFORMAT with a consistent block align and byte rate. */
    WavBytes fmt(int tag, int channels, long rate, int bits) {
        int blockAlign = channels * ((bits + 7) / 8);
        return fmt(tag, channels, rate, rate * blockAlign, blockAlign, bits);
    }

    WavBytes fmt(int tag, int channels, long rate, long byteRate, int blockAlign, int bits) {
        return chunk("fmt ", fmtBody(tag, channels, rate, byteRate, blockAlign, bits));
    }

    byte[] fmtBody(int tag, int channels, long rate, long byteRate, int blockAlign, int bits) {
        WavBytes b = body();
        b.u16(tag);
        b.u16(channels);
        b.u32(rate);
        b.u32(byteRate);
        b.u16(blockAlign);
        b.u16(bits);
        return b.out.toByteArray();
    }

    /** A 40-byte WAVEFORMATEXTENSIBLE with a KSDATAFORMAT_SUBTYPE GUID for {@code subTag}. */
    WavBytes extensible(int channels, long rate, int containerBits, int validBits, long mask, int subTag) {
        int blockAlign = channels * containerBits / 8;
        WavBytes b = body();
        b.out.writeBytes(fmtBody(0xFFFE, channels, rate, rate * blockAlign, blockAlign, containerBits));
        b.u16(22);
        b.u16(validBits);
        b.u32(mask);
        b.u32(subTag);
        b.u16(0x0000);
        b.u16(0x0010);
        b.out.writeBytes(new byte[] {(byte) 0x80, 0x00, 0x00, (byte) 0xAA, 0x00, 0x38, (byte) 0x9B, 0x71});
        return chunk("fmt ", b.out.toByteArray());
    }

    /** A chunk with a correct size and, for odd sizes, its pad byte. */
    WavBytes chunk(String id, byte[] payload) {
        header(id, payload.length);
        out.writeBytes(payload);
        if ((payload.length & 1) != 0) {
            out.write(0);
        }
        return this;
    }

    /** A chunk header only, with any size. */
    WavBytes header(String id, long size) {
        ascii(id);
        u32(size);
        return this;
    }

    /** Bytes as they are, with no header. */
    WavBytes raw(byte[] bytes) {
        out.writeBytes(bytes);
        return this;
    }

    /** A chunk body in this file's byte order. */
    WavBytes body() {
        return new WavBytes(bigEndian);
    }

    private WavBytes(boolean bigEndian) {
        this.bigEndian = bigEndian;
    }

    WavBytes u16(int v) {
        return put(v, 2);
    }

    WavBytes u32(long v) {
        return put(v, 4);
    }

    WavBytes u64(long v) {
        return put(v, 8);
    }

    WavBytes ascii(String s) {
        out.writeBytes(s.getBytes(StandardCharsets.ISO_8859_1));
        return this;
    }

    /** A NUL-padded text field of {@code width} bytes. */
    WavBytes text(String s, int width) {
        byte[] b = new byte[width];
        byte[] t = s.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(t, 0, b, 0, Math.min(width, t.length));
        out.writeBytes(b);
        return this;
    }

    WavBytes put(long v, int bytes) {
        for (int i = 0; i < bytes; i++) {
            int shift = bigEndian ? 8 * (bytes - 1 - i) : 8 * i;
            out.write((int) (v >>> shift) & 0xFF);
        }
        return this;
    }

    byte[] bytes() {
        return out.toByteArray();
    }

    /** Writes the file into {@code dir} and opens it by path. */
    AudioFile open(Path dir) throws IOException {
        return AudioFiles.open(write(dir));
    }

    Path write(Path dir) throws IOException {
        Path p = Files.createTempFile(dir, "crafted", ".wav");
        Files.write(p, bytes());
        return p;
    }

    /** Opens the bytes as a one-shot stream. */
    AudioFile openStream(String name) throws IOException {
        return AudioFiles.open(new ByteArrayInputStream(bytes()), name);
    }
}
