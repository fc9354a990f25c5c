package org.stemcheck.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Writes planar samples as a RIFF/WAVE file: integer PCM (16, 24, 32 bit) or IEEE float (32
 * bit), optionally with a Broadcast WAV {@code bext} chunk carrying a TimeReference.
 *
 * <p>Two ways in: {@link #write(Path, int, double[]...)} when the whole signal is in memory, or
 * {@link #open(Path, int, int)} / {@link #open(OutputStream, int, int, long)} to write block by
 * block with bounded memory (one encoding buffer of {@value WavOutputs#BUFFER_BYTES} bytes,
 * whatever the length of the file).
 *
 * <p>The whole-signal {@code write} methods and declared-length streams write the canonical
 * header (RIFF, fmt, [bext], data: samples from byte 44 without bext), or RF64 with a ds64 chunk
 * when the file is past 4 GiB. A file opened by path, whose length is not known in advance,
 * reserves a 28-byte {@code JUNK} chunk after the RIFF header instead. On close
 * the sizes are patched; when the file has grown past 4 GiB the header becomes RF64 and the
 * {@code JUNK} chunk becomes the {@code ds64} chunk that holds the 64-bit sizes (EBU Tech 3306,
 * section 3; the same placeholder scheme is what Tech 3306 recommends for recorders).
 *
 * <p>Integer samples are rounded to the nearest step and clipped to full scale, without dither.
 * A writer is immutable and thread-safe; an {@link Output} is used by one thread.
 */
public final class WavWriter {

    /** The largest RIFF size a 32-bit size field holds (EBU Tech 3306 section 2): past it, RF64. */
    static final long RIFF_LIMIT = 0xFFFFFFFFL;

    private final int bits;
    private final boolean floatingPoint;
    private final Long timeReference;
    private final long rf64Above;
    private final long channelMask;
    private final List<Chunk> chunks;

    /**
     * A chunk written as it is, after {@code fmt } (and {@code bext}) and before {@code data}.
     *
     * @param id      four ASCII characters, e.g. {@code "chna"}
     * @param payload the chunk's bytes, without the 8-byte header; a pad byte is added when odd
     */
    public record Chunk(String id, byte[] payload) {
        /**
         * Validates and copies.
         *
         * @param id      four printable ASCII characters, not {@code fmt }, {@code data},
         *                {@code bext}, {@code ds64} or {@code JUNK} (the writer writes those itself)
         * @param payload copied; at most 64 MiB
         * @throws IllegalArgumentException when the id is not four printable ASCII characters or
         *                                  names a chunk the writer writes itself, or the payload is too large
         */
        public Chunk {
            Objects.requireNonNull(id, "id must not be null");
            Objects.requireNonNull(payload, "payload must not be null");
            if (id.length() != 4 || !id.chars().allMatch(ch -> ch >= 0x20 && ch < 0x7F)) {
                throw new IllegalArgumentException("a chunk id is four printable ASCII characters: '" + id + "'");
            }
            if (List.of("fmt ", "data", "bext", "ds64", "JUNK").contains(id)) {
                throw new IllegalArgumentException("the writer writes the '" + id + "' chunk itself");
            }
            if (payload.length > MAX_CHUNK_BYTES) {
                throw new IllegalArgumentException("a chunk of at most " + MAX_CHUNK_BYTES + " bytes: " + payload.length);
            }
            payload = payload.clone();
        }

        /**
         * The payload.
         *
         * @return a copy of the bytes
         */
        @Override
        public byte[] payload() {
            return payload.clone();
        }
    }

    /** The largest extra chunk {@link #withChunk} takes: 64 MiB, far above any metadata chunk (a header is built in memory). */
    static final int MAX_CHUNK_BYTES = 64 << 20;

    WavWriter(int bits, boolean floatingPoint, Long timeReference, long rf64Above) {
        this(bits, floatingPoint, timeReference, rf64Above, 0, List.of());
    }

    /**
     * @param rf64Above the RIFF size (file length minus 8) past which the file is written as RF64;
     *                  {@link #RIFF_LIMIT} except in tests that force RF64 on a small file
     */
    private WavWriter(int bits, boolean floatingPoint, Long timeReference, long rf64Above, long channelMask,
                      List<Chunk> chunks) {
        this.bits = bits;
        this.floatingPoint = floatingPoint;
        this.timeReference = timeReference;
        this.rf64Above = rf64Above;
        this.channelMask = channelMask;
        this.chunks = List.copyOf(chunks);
    }

    /**
     * A writer of integer PCM, with no bext chunk.
     *
     * @param bits the word length: 16, 24 or 32
     * @return a new writer
     * @throws IllegalArgumentException for any other word length
     */
    public static WavWriter pcm(int bits) {
        if (bits != 16 && bits != 24 && bits != 32) {
            throw new IllegalArgumentException("bits must be 16, 24 or 32: " + bits);
        }
        return new WavWriter(bits, false, null, RIFF_LIMIT);
    }

    /**
     * A writer of 32-bit IEEE float ({@code WAVE_FORMAT_IEEE_FLOAT}), with no bext chunk. Samples
     * above full scale are kept, not clipped.
     *
     * @return a new writer
     */
    public static WavWriter float32() {
        return new WavWriter(32, true, null, RIFF_LIMIT);
    }

    /**
     * The same writer, adding a Broadcast WAV bext chunk (EBU Tech 3285) whose TimeReference
     * places the file on a session timeline.
     *
     * @param samplesSinceMidnight the first sample's position, in samples at the rate the file is
     *                             written at, {@code >= 0}
     * @return a new writer; this one is unchanged
     * @throws IllegalArgumentException when the position is negative
     */
    public WavWriter withTimeReference(long samplesSinceMidnight) {
        if (samplesSinceMidnight < 0) {
            throw new IllegalArgumentException("timeReference must not be negative: " + samplesSinceMidnight);
        }
        return new WavWriter(bits, floatingPoint, samplesSinceMidnight, rf64Above, channelMask, chunks);
    }

    /**
     * The same writer, writing WAVE_FORMAT_EXTENSIBLE with this speaker mask ({@code dwChannelMask}:
     * 0x3F for 5.1 L R C LFE Ls Rs, 0x63F for 7.1), so that readers know which channel feeds which
     * speaker. The mask is written as given; it should have as many bits set as the file has channels.
     *
     * @param mask the speaker bits, 1 to 0xFFFFFFFF; 0 writes a plain PCM/float header again
     * @return a new writer; this one is unchanged
     * @throws IllegalArgumentException when the mask does not fit 32 bits or is negative
     */
    public WavWriter withChannelMask(long mask) {
        if (mask < 0 || mask > 0xFFFFFFFFL) {
            throw new IllegalArgumentException("a channel mask is 32 bits: " + mask);
        }
        return new WavWriter(bits, floatingPoint, timeReference, rf64Above, mask, chunks);
    }

    /**
     * The same writer, adding one chunk before the audio (ADM {@code chna}/{@code axml}, iXML ...).
     *
     * @param chunk the chunk to write as it is
     * @return a new writer; this one is unchanged
     */
    public WavWriter withChunk(Chunk chunk) {
        Objects.requireNonNull(chunk, "chunk must not be null");
        List<Chunk> more = new java.util.ArrayList<>(chunks);
        more.add(chunk);
        return new WavWriter(bits, floatingPoint, timeReference, rf64Above, channelMask, more);
    }

    /**
     * A file being written block by block. {@link #close()} patches the sizes (path) or checks that
     * the declared frames were all written (stream).
     *
     * <p>Not thread-safe: one thread writes one output.
     */
    public interface Output extends java.io.Closeable {

        /**
         * Appends {@code block[c][offset .. offset + frames)} for every channel {@code c}.
         *
         * @param block  one array per channel, samples at full scale 1.0
         * @param offset the first frame of each array to write
         * @param frames how many frames to write, {@code >= 0}
         * @throws IllegalArgumentException when the block does not have one array per channel or
         *                                  an array is shorter than {@code offset + frames}
         * @throws IOException              when writing fails, or a stream would get more frames
         *                                  than it declared
         */
        void write(double[][] block, int offset, int frames) throws IOException;

        /**
         * Frames written so far.
         *
         * @return the frames appended since the output was opened
         */
        long framesWritten();
    }

    /**
     * Opens a file for writing block by block (the file is created or truncated). Sizes are
     * patched on close; past 4 GiB the file becomes RF64.
     *
     * @param path       the file to write
     * @param sampleRate the rate in Hz, {@code > 0}
     * @param channels   channels per frame, 1 to 65535
     * @return an output to write blocks to and close
     * @throws IllegalArgumentException when the rate or channel count is out of range
     * @throws IOException              when the file cannot be created
     */
    public Output open(Path path, int sampleRate, int channels) throws IOException {
        Objects.requireNonNull(path, "path must not be null");
        return WavOutputs.toFile(path, layout(sampleRate, channels), rf64Above);
    }

    /**
     * Writes to a stream that cannot seek back: the header is written at once for exactly
     * {@code frames} frames (RF64 with a ds64 chunk when that is past 4 GiB). Closing the output
     * flushes the stream but does not close it.
     *
     * @param out        where the file's bytes go
     * @param sampleRate the rate in Hz, {@code > 0}
     * @param channels   channels per frame, 1 to 65535
     * @param frames     exactly how many frames will be written
     * @return an output to write blocks to and close
     * @throws IllegalArgumentException when {@code frames} is negative or too large for any file,
     *                                  or the rate or channel count is out of range
     * @throws IOException              when the header cannot be written; on
     *                                  {@link Output#close()} when fewer frames than declared
     *                                  were written
     */
    public Output open(OutputStream out, int sampleRate, int channels, long frames) throws IOException {
        Objects.requireNonNull(out, "out must not be null");
        return WavOutputs.toStream(out, layout(sampleRate, channels), frames, rf64Above);
    }

    /**
     * Writes {@code channels[c][0 .. frames)} at {@code sampleRate} to {@code path}, replacing
     * the file if it exists.
     *
     * @param path       the file to write
     * @param sampleRate the rate in Hz, {@code > 0}
     * @param channels   one array per channel, all of one length, samples at full scale 1.0
     * @throws IllegalArgumentException when the channel arrays differ in length or there are none
     * @throws IOException              when the file cannot be written
     */
    public void write(Path path, int sampleRate, double[]... channels) throws IOException {
        Objects.requireNonNull(path, "path must not be null");
        sameLength(channels);
        // The length is known: the canonical header without a JUNK reserve, as files were always written.
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(path), WavOutputs.BUFFER_BYTES)) {
            write(out, sampleRate, channels);
        }
    }

    /**
     * Writes the whole file to a stream, which is flushed but not closed.
     *
     * @param out        where the file's bytes go
     * @param sampleRate the rate in Hz, {@code > 0}
     * @param channels   one array per channel, all of one length, samples at full scale 1.0
     * @throws IllegalArgumentException when the channel arrays differ in length or there are none
     * @throws IOException              when the stream cannot be written
     */
    public void write(OutputStream out, int sampleRate, double[]... channels) throws IOException {
        int frames = sameLength(channels);
        try (Output o = open(out, sampleRate, channels.length, frames)) {
            o.write(channels, 0, frames);
        }
    }

    private WavLayout layout(int sampleRate, int channels) {
        return new WavLayout(bits, floatingPoint, sampleRate, channels, timeReference, channelMask, chunks);
    }

    private static int sameLength(double[]... channels) {
        Objects.requireNonNull(channels, "channels must not be null");
        if (channels.length == 0) {
            throw new IllegalArgumentException("at least one channel is needed");
        }
        int frames = channels[0].length;
        for (double[] c : channels) {
            if (c.length != frames) {
                throw new IllegalArgumentException("channels differ in length: " + c.length + " vs " + frames);
            }
        }
        return frames;
    }
}
