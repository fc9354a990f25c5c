package org.stemcheck.bench.harness;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Writes a RIFF/WAVE file of integer PCM block by block, in memory bounded by one block: the
 * frame count is declared up front, so the header is final before the first sample.
 * A bext chunk carries TimeReference 01:00:00:00, as DAW session exports do.
 *
 * <p>Samples are rounded to the nearest step and clipped to full scale, as {@code WavWriter}
 * does; clipped samples are counted. A stand-in for the streaming API proposed for stem-io's
 * {@code WavWriter}.
 */
final class StreamingWavWriter implements Closeable {

    private static final int FMT_BYTES = 16;
    /** EBU Tech 3285 v1 bext chunk: 602 bytes without coding history. */
    private static final int BEXT_BYTES = 602;
    private static final int HEADER_BYTES = 12 + 8 + FMT_BYTES + 8 + BEXT_BYTES + 8;

    private final OutputStream out;
    private final int channels;
    private final int bytesPerSample;
    private final long frames;
    private final double scale;
    private final long max;
    private final long min;
    private byte[] buffer = new byte[0];
    private long written;
    private long clipped;

    private StreamingWavWriter(OutputStream out, int channels, int bits, long frames) {
        this.out = out;
        this.channels = channels;
        this.bytesPerSample = bits / 8;
        this.frames = frames;
        this.scale = Math.scalb(1.0, bits - 1);
        this.max = (1L << (bits - 1)) - 1;
        this.min = -(1L << (bits - 1));
    }

    /** Size of a file of this shape, header included. */
    static long fileBytes(long frames, int channels, int bits) {
        long data = frames * channels * (bits / 8);
        return HEADER_BYTES + data + (data & 1);
    }

    /** Creates (or replaces) {@code path} for {@code frames} frames. */
    static StreamingWavWriter create(Path path, int rate, int channels, int bits, long frames) throws IOException {
        if (bits != 16 && bits != 24 && bits != 32) {
            throw new IllegalArgumentException("bits must be 16, 24 or 32: " + bits);
        }
        long riff = fileBytes(frames, channels, bits) - 8;
        if (riff > 0xFFFFFFFFL) {
            throw new IllegalArgumentException("more than 4 GiB does not fit a RIFF file (RF64 not written): " + path);
        }
        OutputStream out = new BufferedOutputStream(Files.newOutputStream(path), 1 << 16);
        StreamingWavWriter w = new StreamingWavWriter(out, channels, bits, frames);
        try {
            w.header(rate, bits, riff);
        } catch (IOException e) {
            out.close();
            throw e;
        }
        return w;
    }

    private void header(int rate, int bits, long riff) throws IOException {
        int blockAlign = channels * bytesPerSample;
        ascii("RIFF");
        le(riff, 4);
        ascii("WAVEfmt ");
        le(FMT_BYTES, 4);
        le(1, 2); // WAVE_FORMAT_PCM
        le(channels, 2);
        le(rate, 4);
        le((long) rate * blockAlign, 4);
        le(blockAlign, 2);
        le(bits, 2);
        ascii("bext");
        le(BEXT_BYTES, 4);
        byte[] bext = new byte[BEXT_BYTES];
        byte[] originator = "stemcheck-bench".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(originator, 0, bext, 256, originator.length);
        long timeReference = 3600L * rate; // 01:00:00:00
        for (int i = 0; i < 8; i++) {
            bext[338 + i] = (byte) (timeReference >>> (8 * i));
        }
        bext[346] = 1; // bext version 1
        out.write(bext);
        ascii("data");
        le(frames * blockAlign, 4);
    }

    /** Appends {@code n} frames of {@code channels[c][0 .. n)}. */
    void write(double[][] samples, int n) throws IOException {
        if (written + n > frames) {
            throw new IllegalStateException("more frames than declared: " + (written + n) + " > " + frames);
        }
        int need = n * channels * bytesPerSample;
        if (buffer.length < need) {
            buffer = new byte[need];
        }
        int p = 0;
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < channels; c++) {
                long v = Math.round(samples[c][i] * scale);
                if (v > max || v < min) {
                    clipped++;
                    v = v > max ? max : min;
                }
                for (int b = 0; b < bytesPerSample; b++) {
                    buffer[p++] = (byte) (v >>> (8 * b));
                }
            }
        }
        out.write(buffer, 0, p);
        written += n;
    }

    /** Samples clipped to full scale so far. */
    long clipped() {
        return clipped;
    }

    /** Closes the file; fails when fewer frames were written than declared. */
    @Override
    public void close() throws IOException {
        try {
            if ((written * channels * bytesPerSample & 1) != 0) {
                out.write(0);
            }
        } finally {
            out.close();
        }
        if (written != frames) {
            throw new IllegalStateException(String.format(Locale.ROOT,
                    "%d frames written, %d declared: the file is incomplete", written, frames));
        }
    }

    private void ascii(String s) throws IOException {
        out.write(s.getBytes(StandardCharsets.US_ASCII));
    }

    private void le(long v, int bytes) throws IOException {
        for (int i = 0; i < bytes; i++) {
            out.write((int) (v >>> (8 * i)) & 0xFF);
        }
    }
}
