package org.stemcheck.io.testing;

import static org.stemcheck.io.testing.FlacHead.ascii;
import static org.stemcheck.io.testing.FlacHead.concat;
import static org.stemcheck.io.testing.FlacHead.le;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.stemcheck.io.AudioFile;
import org.stemcheck.io.AudioFiles;
import org.stemcheck.io.SampleEncoding;
import org.stemcheck.io.SampleStream;

/**
 * A small FLAC encoder (RFC 9639) for tests: our own code, so that the reader can be tested on
 * every feature the format has, not only on what one encoder writes. Immutable: each setting
 * returns a new writer.
 *
 * <pre>{@code
 * byte[] flac = FlacWriter.defaults().blockSize(1152).stereo(FlacWriter.Stereo.MID_SIDE)
 *         .encode(44100, 16, samples);           // samples[channel][frame], 16-bit integers
 * FlacWriter.convert(Path.of("Bass.wav"), Path.of("Bass.flac"));   // keeps the bext TimeReference
 * }</pre>
 *
 * <p>What it writes: STREAMINFO (block and frame sizes, total, the MD5 of RFC 9639 section 8.2),
 * then the blocks asked for (VORBIS_COMMENT, APPLICATION, PADDING), then frames of fixed or
 * variable block size with CONSTANT, VERBATIM, FIXED and LPC subframes, wasted bits, the four
 * channel assignments and Rice-coded residuals (4- or 5-bit parameters, escaped partitions).
 * 4 to 32 bits, 1 to 8 channels. Speed is not a goal.
 */
public final class FlacWriter {

    /** Which subframe types the encoder may use. */
    public enum Subframe {
        /** The smallest of CONSTANT, VERBATIM, FIXED (orders 0-4) and LPC (up to {@link #lpcOrder}). */
        AUTO,
        /** VERBATIM only. */
        VERBATIM,
        /** FIXED only (of {@link #fixedOrder}, or the best order); VERBATIM where a residual would exceed 32 bits. */
        FIXED,
        /** LPC of exactly {@link #lpcOrder}; VERBATIM where a residual would exceed 32 bits. */
        LPC
    }

    /** How a stereo frame is coded (RFC 9639 section 9.1.3). */
    public enum Stereo {
        /** Left and right. */
        INDEPENDENT,
        /** Left and side. */
        LEFT_SIDE,
        /** Side and right. */
        SIDE_RIGHT,
        /** Mid and side. */
        MID_SIDE,
        /** The smallest of the four, per frame. */
        AUTO
    }

    /** Every setting; copied by each "wither". */
    static final class Settings implements Cloneable {
        int blockSize = 4096;
        int[] variableBlockSizes;
        Subframe subframe = Subframe.AUTO;
        int fixedOrder = -1;
        int lpcOrder = 8;
        int lpcPrecision;
        Stereo stereo = Stereo.AUTO;
        int minPartitionOrder;
        int maxPartitionOrder = 6;
        boolean fiveBitRice;
        boolean escapeAll;
        boolean wastedBits = true;
        boolean md5 = true;
        boolean totalKnown = true;
        boolean headerCodes = true;
        int id3Bytes = -1;
        final List<byte[]> blocks = new ArrayList<>();
        final Map<String, String> comments = new LinkedHashMap<>();

        Settings copy() {
            Settings c = new Settings();
            c.blockSize = blockSize;
            c.variableBlockSizes = variableBlockSizes;
            c.subframe = subframe;
            c.fixedOrder = fixedOrder;
            c.lpcOrder = lpcOrder;
            c.lpcPrecision = lpcPrecision;
            c.stereo = stereo;
            c.minPartitionOrder = minPartitionOrder;
            c.maxPartitionOrder = maxPartitionOrder;
            c.fiveBitRice = fiveBitRice;
            c.escapeAll = escapeAll;
            c.wastedBits = wastedBits;
            c.md5 = md5;
            c.totalKnown = totalKnown;
            c.headerCodes = headerCodes;
            c.id3Bytes = id3Bytes;
            c.blocks.addAll(blocks);
            c.comments.putAll(comments);
            return c;
        }
    }

    /** Metadata block types (RFC 9639 section 8.1). */
    private static final int PADDING = 1;
    private static final int APPLICATION = 2;

    private final Settings s;

    private FlacWriter(Settings s) {
        this.s = s;
    }

    /** Block size 4096, any subframe type, LPC up to order 8, the best stereo mode, partition orders up to 6, MD5 and total written. */
    public static FlacWriter defaults() {
        return new FlacWriter(new Settings());
    }

    private FlacWriter with(java.util.function.Consumer<Settings> change) {
        Settings c = s.copy();
        change.accept(c);
        return new FlacWriter(c);
    }

    /** Fixed block size (1 to 65535; values outside the format's 16.. are allowed for tests of the reader). */
    public FlacWriter blockSize(int n) {
        return with(c -> { c.blockSize = n; c.variableBlockSizes = null; });
    }

    /** A variable-block-size stream: blocks take these sizes in turn (the last block holds the rest). */
    public FlacWriter variableBlockSizes(int... sizes) {
        return with(c -> c.variableBlockSizes = sizes.clone());
    }

    /** Which subframe types to use. */
    public FlacWriter subframe(Subframe type) {
        return with(c -> c.subframe = type);
    }

    /** The FIXED predictor order (0-4), or -1 for the best. */
    public FlacWriter fixedOrder(int order) {
        return with(c -> c.fixedOrder = order);
    }

    /** The LPC order: the exact one with {@link Subframe#LPC}, the highest tried with {@link Subframe#AUTO}; 0 for none. */
    public FlacWriter lpcOrder(int order) {
        return with(c -> c.lpcOrder = order);
    }

    /** LPC coefficient precision in bits (1-15); 0 for 15. */
    public FlacWriter lpcPrecision(int bits) {
        return with(c -> c.lpcPrecision = bits);
    }

    /** The stereo coding of two-channel frames. */
    public FlacWriter stereo(Stereo mode) {
        return with(c -> c.stereo = mode);
    }

    /** The highest Rice partition order tried (0-15). */
    public FlacWriter maxPartitionOrder(int order) {
        return with(c -> c.maxPartitionOrder = order);
    }

    /** Exactly this Rice partition order where the block and predictor allow it (else the highest that fits). */
    public FlacWriter partitionOrder(int order) {
        return with(c -> { c.minPartitionOrder = order; c.maxPartitionOrder = order; });
    }

    /** 5-bit Rice parameters (coding method 1) even where 4 bits would do. */
    public FlacWriter fiveBitRice(boolean on) {
        return with(c -> c.fiveBitRice = on);
    }

    /** Every partition escaped (residuals written unencoded at a fixed width). */
    public FlacWriter escapeAll(boolean on) {
        return with(c -> c.escapeAll = on);
    }

    /** Wasted bits where every sample of a subframe ends in zero bits. */
    public FlacWriter wastedBits(boolean on) {
        return with(c -> c.wastedBits = on);
    }

    /** The MD5 of the samples in STREAMINFO, or all zero (not computed). */
    public FlacWriter md5(boolean on) {
        return with(c -> c.md5 = on);
    }

    /** The total samples in STREAMINFO, or 0 (unknown). */
    public FlacWriter totalKnown(boolean on) {
        return with(c -> c.totalKnown = on);
    }

    /** Rate and bit depth coded in each frame header where a code exists; false writes "see STREAMINFO". */
    public FlacWriter headerCodes(boolean on) {
        return with(c -> c.headerCodes = on);
    }

    /** An ID3v2.4 tag of this many zero bytes in front of {@code fLaC}; negative for none. */
    public FlacWriter id3Tag(int bytes) {
        return with(c -> c.id3Bytes = bytes);
    }

    /** A Vorbis comment {@code NAME=value} (RFC 9639 section 8.6). */
    public FlacWriter comment(String name, String value) {
        return with(c -> c.comments.put(name, value));
    }

    /** An APPLICATION block (RFC 9639 section 8.4) with a 4-character id and data. */
    public FlacWriter application(String id, byte[] data) {
        byte[] b = new byte[4 + data.length];
        System.arraycopy(id.getBytes(StandardCharsets.ISO_8859_1), 0, b, 0, 4);
        System.arraycopy(data, 0, b, 4, data.length);
        return block(APPLICATION, b);
    }

    /** A PADDING block of {@code bytes} zero bytes. */
    public FlacWriter padding(int bytes) {
        return block(PADDING, new byte[bytes]);
    }

    /** Any metadata block, type 1-126, after STREAMINFO (and before the Vorbis comments). */
    public FlacWriter block(int type, byte[] payload) {
        byte[] b = new byte[payload.length + 1];
        b[0] = (byte) type;
        System.arraycopy(payload, 0, b, 1, payload.length);
        return with(c -> c.blocks.add(b));
    }

    /**
     * The chunks of a Broadcast Wave file as {@code flac --keep-foreign-metadata} keeps them, one
     * APPLICATION {@code riff} block each: the RIFF header, then {@code bext} and {@code fmt },
     * then the data chunk's header.
     */
    public FlacWriter riffBext(byte[] bext, int channels, int rate, int bits) {
        byte[] header = concat(ascii("RIFF"), le(4 + 8 + bext.length + 8 + 16 + 8, 4), ascii("WAVE"));
        int align = channels * ((bits + 7) / 8);
        byte[] fmt = concat(ascii("fmt "), le(16, 4), le(1, 2), le(channels, 2), le(rate, 4),
                le((long) rate * align, 4), le(align, 2), le(bits, 2));
        return application("riff", header).application("riff", concat(ascii("bext"), le(bext.length, 4), bext))
                .application("riff", fmt).application("riff", concat(ascii("data"), le(0, 4)));
    }

    /**
     * A file and what its frames hold: how many subframes of each kind ({@code "LPC32"},
     * {@code "FIXED0"}, {@code "VERBATIM"}, {@code "CONSTANT"}), Rice codings ({@code "RICE4"},
     * {@code "RICE5"}, {@code "ESCAPE"}, {@code "PARTITIONS8"}), {@code "WASTED"}, subframe depths
     * ({@code "BITS33"}) and frames per stereo mode ({@code "MID_SIDE"} ...): so that a test can
     * check the feature it means to test was written.
     *
     * @param bytes    the whole file
     * @param features counts by feature
     */
    public record Encoded(byte[] bytes, Map<String, Integer> features) {
    }

    /**
     * Encodes {@code samples[channel][frame]}, integers of {@code bits} bits.
     *
     * @return the whole file
     */
    public byte[] encode(int rate, int bits, int[][] samples) {
        return encodeCounting(rate, bits, samples).bytes();
    }

    /** {@link #encode}, with what the frames hold. */
    public Encoded encodeCounting(int rate, int bits, int[][] samples) {
        int channels = samples.length;
        int total = samples[0].length;
        if (channels < 1 || channels > 8 || bits < 1 || bits > 32) {
            throw new IllegalArgumentException(channels + " channels of " + bits + " bits");
        }
        ByteArrayOutputStream frames = new ByteArrayOutputStream();
        FlacFrameEncoder enc = new FlacFrameEncoder(s, rate, bits, channels);
        int minBlock = Integer.MAX_VALUE;
        int maxBlock = 0;
        int minFrame = Integer.MAX_VALUE;
        int maxFrame = 0;
        int index = 0;
        Map<String, Integer> features = new java.util.TreeMap<>();
        for (int at = 0; at < total; index++) {
            int want = s.variableBlockSizes == null ? s.blockSize : s.variableBlockSizes[index % s.variableBlockSizes.length];
            int n = Math.min(want, total - at);
            byte[] f = enc.frame(samples, at, n, s.variableBlockSizes != null ? at : index);
            frames.writeBytes(f);
            for (String t : enc.lastTags()) {
                features.merge(t, 1, Integer::sum);
            }
            if (at + n < total || index == 0) {
                minBlock = Math.min(minBlock, n);
            }
            maxBlock = Math.max(maxBlock, n);
            minFrame = Math.min(minFrame, f.length);
            maxFrame = Math.max(maxFrame, f.length);
            at += n;
        }
        if (s.variableBlockSizes == null) {
            minBlock = s.blockSize;
            maxBlock = s.blockSize;
        }
        if (total == 0) {
            minBlock = maxBlock = Math.max(16, s.blockSize);
            minFrame = maxFrame = 0;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (s.id3Bytes >= 0) {
            int n = s.id3Bytes;
            out.writeBytes(new byte[] {'I', 'D', '3', 4, 0, 0,
                (byte) (n >> 21 & 0x7F), (byte) (n >> 14 & 0x7F), (byte) (n >> 7 & 0x7F), (byte) (n & 0x7F)});
            out.writeBytes(new byte[n]);
        }
        out.writeBytes(ascii("fLaC"));
        List<byte[]> blocks = new ArrayList<>(s.blocks);
        if (!s.comments.isEmpty()) {
            blocks.add(FlacHead.vorbisComment(s.comments));
        }
        byte[] info = FlacHead.streamInfo(minBlock, maxBlock, minFrame, maxFrame, rate, channels, bits,
                s.totalKnown ? total : 0, s.md5 ? md5(samples, bits) : new byte[16]);
        FlacHead.writeBlock(out, 0, info, blocks.isEmpty());
        for (int i = 0; i < blocks.size(); i++) {
            byte[] b = blocks.get(i);
            FlacHead.writeBlock(out, b[0], java.util.Arrays.copyOfRange(b, 1, b.length), i == blocks.size() - 1);
        }
        out.writeBytes(frames.toByteArray());
        return new Encoded(out.toByteArray(), Map.copyOf(features));
    }

    /** {@link #encode} into a file. */
    public void write(Path file, int rate, int bits, int[][] samples) throws IOException {
        Files.write(file, encode(rate, bits, samples));
    }

    /**
     * Converts an integer PCM WAV (or AIFF) to FLAC with {@link #defaults()}: the same samples at
     * the file's valid bits, its BWF TimeReference as a {@code TIME_REFERENCE} Vorbis comment (as
     * ffmpeg writes it) and its speaker mask as {@code WAVEFORMATEXTENSIBLE_CHANNEL_MASK} (as flac
     * writes it).
     *
     * @throws IllegalArgumentException for float or G.711 files, which FLAC cannot hold
     */
    public static void convert(Path wav, Path flac) throws IOException {
        convert(wav, flac, defaults());
    }

    /**
     * As {@link #convert(Path, Path)}, with these settings (e.g. FIXED subframes only, much faster
     * to encode than the default's search over every subframe type).
     *
     * @throws IllegalArgumentException for float or G.711 files, which FLAC cannot hold
     */
    public static void convert(Path wav, Path flac, FlacWriter settings) throws IOException {
        AudioFile f = AudioFiles.open(wav);
        SampleEncoding e = f.format().encoding();
        if (e != SampleEncoding.PCM_SIGNED && e != SampleEncoding.PCM_UNSIGNED) {
            throw new IllegalArgumentException(wav + " holds " + e + " samples; FLAC holds integers only");
        }
        int bits = f.format().validBits();
        if (bits > 32) {
            throw new IllegalArgumentException(wav + " has " + bits + "-bit samples; FLAC holds up to 32");
        }
        int channels = f.format().channels();
        int[][] samples = new int[channels][Math.toIntExact(f.frames())];
        double scale = Math.scalb(1.0, f.format().bitsPerSample() - 1);
        int drop = f.format().bitsPerSample() - bits;
        double[][] block = new double[channels][8192];
        int at = 0;
        try (SampleStream in = f.openStream()) {
            for (int n; (n = in.read(block, 0, 8192)) > 0; at += n) {
                for (int c = 0; c < channels; c++) {
                    for (int i = 0; i < n; i++) {
                        samples[c][at + i] = (int) (Math.round(block[c][i] * scale) >> drop);
                    }
                }
            }
        }
        FlacWriter w = settings;
        if (f.metadata().timeReference().isPresent()) {
            w = w.comment("time_reference", Long.toUnsignedString(f.metadata().timeReference().get()));
        }
        if (f.format().channelMask() != 0) {
            w = w.comment("WAVEFORMATEXTENSIBLE_CHANNEL_MASK", String.format(Locale.ROOT, "0x%04X", f.format().channelMask()));
        }
        w.write(flac, (int) f.format().sampleRateHz(), bits, samples);
    }

    /** The MD5 of RFC 9639 section 8.2: interleaved samples, signed little-endian, ceil(bits / 8) bytes each. */
    public static byte[] md5(int[][] samples, int bits) {
        try {
            MessageDigest md = MessageDigest.getInstance("MD5");
            md.update(pcm(samples, bits));
            return md.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Interleaved samples as signed little-endian integers of ceil(bits / 8) bytes: what RFC 9639 section 8.2 digests. */
    public static byte[] pcm(int[][] samples, int bits) {
        int bytes = (bits + 7) / 8;
        int channels = samples.length;
        int n = samples[0].length;
        byte[] b = new byte[n * channels * bytes];
        int p = 0;
        for (int i = 0; i < n; i++) {
            for (int[] channel : samples) {
                int v = channel[i];
                for (int k = 0; k < bytes; k++) {
                    b[p++] = (byte) (v >> (8 * k));
                }
            }
        }
        return b;
    }
}
