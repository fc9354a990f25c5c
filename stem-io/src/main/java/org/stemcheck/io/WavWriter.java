package org.stemcheck.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Writes planar samples as a RIFF/WAVE file: integer PCM (16, 24, 32 bit) or IEEE float (32
 * bit), optionally with a Broadcast WAV {@code bext} chunk carrying a TimeReference. Made for
 * tests, demos and tools that print stems; the whole signal is passed in at once.
 *
 * <p>Integer samples are rounded to the nearest step and clipped to full scale, without dither.
 */
public final class WavWriter {

    private final int bits;
    private final boolean floatingPoint;
    private final Long timeReference;

    private WavWriter(int bits, boolean floatingPoint, Long timeReference) {
        this.bits = bits;
        this.floatingPoint = floatingPoint;
        this.timeReference = timeReference;
    }

    /** Integer PCM of 16, 24 or 32 bits. */
    public static WavWriter pcm(int bits) {
        if (bits != 16 && bits != 24 && bits != 32) {
            throw new IllegalArgumentException("bits must be 16, 24 or 32: " + bits);
        }
        return new WavWriter(bits, false, null);
    }

    /** 32-bit IEEE float. */
    public static WavWriter float32() {
        return new WavWriter(32, true, null);
    }

    /** The same writer, adding a bext chunk with this TimeReference (samples since midnight). */
    public WavWriter withTimeReference(long samplesSinceMidnight) {
        if (samplesSinceMidnight < 0) {
            throw new IllegalArgumentException("timeReference must not be negative: " + samplesSinceMidnight);
        }
        return new WavWriter(bits, floatingPoint, samplesSinceMidnight);
    }

    /**
     * Writes {@code channels[c][0 .. frames)} at {@code sampleRate} to {@code path}.
     *
     * @throws IllegalArgumentException when the channel arrays differ in length or there are none
     */
    public void write(Path path, int sampleRate, double[]... channels) throws IOException {
        Objects.requireNonNull(path, "path must not be null");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(path), 1 << 16)) {
            write(out, sampleRate, channels);
        }
    }

    /** Writes the file to a stream (not closed). */
    public void write(OutputStream out, int sampleRate, double[]... channels) throws IOException {
        if (channels.length == 0) {
            throw new IllegalArgumentException("at least one channel is needed");
        }
        if (sampleRate <= 0) {
            throw new IllegalArgumentException("sampleRate must be positive: " + sampleRate);
        }
        int frames = channels[0].length;
        for (double[] c : channels) {
            if (c.length != frames) {
                throw new IllegalArgumentException("channels differ in length: " + c.length + " vs " + frames);
            }
        }
        int bytes = bits / 8;
        int blockAlign = bytes * channels.length;
        long dataSize = (long) frames * blockAlign;
        int bextSize = timeReference == null ? 0 : 602;
        long riffSize = 4 + (8 + 16) + (bextSize == 0 ? 0 : 8 + bextSize) + 8 + dataSize + (dataSize & 1);
        if (riffSize > 0xFFFFFFFFL) {
            throw new IllegalArgumentException("more than 4 GiB of audio does not fit a RIFF file");
        }
        out.write("RIFF".getBytes(StandardCharsets.US_ASCII));
        le(out, riffSize, 4);
        out.write("WAVEfmt ".getBytes(StandardCharsets.US_ASCII));
        le(out, 16, 4);
        le(out, floatingPoint ? 3 : 1, 2);
        le(out, channels.length, 2);
        le(out, sampleRate, 4);
        le(out, (long) sampleRate * blockAlign, 4);
        le(out, blockAlign, 2);
        le(out, bits, 2);
        if (bextSize > 0) {
            out.write("bext".getBytes(StandardCharsets.US_ASCII));
            le(out, bextSize, 4);
            byte[] bext = new byte[bextSize];
            byte[] originator = "stemcheck".getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(originator, 0, bext, 256, originator.length);
            long t = timeReference;
            for (int i = 0; i < 8; i++) {
                bext[338 + i] = (byte) (t >>> (8 * i));
            }
            bext[346] = 1; // version 1
            out.write(bext);
        }
        out.write("data".getBytes(StandardCharsets.US_ASCII));
        le(out, dataSize, 4);
        byte[] frame = new byte[blockAlign];
        double scale = Math.scalb(1.0, bits - 1);
        long max = (1L << (bits - 1)) - 1;
        long min = -(1L << (bits - 1));
        for (int n = 0; n < frames; n++) {
            int p = 0;
            for (double[] c : channels) {
                long v;
                if (floatingPoint) {
                    v = Float.floatToIntBits((float) c[n]);
                } else {
                    v = Math.max(min, Math.min(max, Math.round(c[n] * scale)));
                }
                for (int i = 0; i < bytes; i++) {
                    frame[p++] = (byte) (v >>> (8 * i));
                }
            }
            out.write(frame);
        }
        if ((dataSize & 1) != 0) {
            out.write(0);
        }
    }

    private static void le(OutputStream out, long v, int bytes) throws IOException {
        for (int i = 0; i < bytes; i++) {
            out.write((int) (v >>> (8 * i)) & 0xFF);
        }
    }
}
