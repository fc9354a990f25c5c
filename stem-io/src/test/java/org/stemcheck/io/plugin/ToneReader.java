package org.stemcheck.io.plugin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.stemcheck.io.AudioFile;
import org.stemcheck.io.AudioFileException;
import org.stemcheck.io.AudioFormat;
import org.stemcheck.io.FileKind;
import org.stemcheck.io.Metadata;
import org.stemcheck.io.SampleEncoding;
import org.stemcheck.io.SampleStream;
import org.stemcheck.io.spi.AudioReader;
import org.stemcheck.io.spi.AudioSource;
import org.stemcheck.io.spi.ByteInput;

/**
 * A plug-in reader, registered in the test resources' {@code META-INF/services}, for a made-up
 * container: "STMTONE1", then big-endian sample rate (u32), channels (u16), frames (u32) and a
 * tone frequency in Hz (u32). Its audio is that sine at half scale, generated, not stored.
 *
 * <p>It uses only the public API (as a third-party jar would) and its probe also claims
 * RIFF/WAVE files, so that a test can show the built-in readers are asked first.
 */
public final class ToneReader implements AudioReader {

    /** The container's magic bytes. */
    public static final byte[] MAGIC = "STMTONE1".getBytes(StandardCharsets.US_ASCII);
    /** Bytes of the header: magic, rate, channels, frames, frequency. */
    public static final int HEADER = 8 + 4 + 2 + 4 + 4;
    /** Bounds of this made-up format, so a fuzzed header cannot ask for hours of audio. */
    static final long MAX_RATE = 384_000;
    static final int MAX_CHANNELS = 64;
    static final long MAX_FRAMES = 1 << 20;

    @Override
    public String name() {
        return "test-tone";
    }

    @Override
    public boolean probe(byte[] head, int length) {
        return startsWith(head, length, MAGIC) || isRiffWave(head, length);
    }

    private static boolean startsWith(byte[] head, int length, byte[] prefix) {
        return length >= prefix.length && Arrays.equals(head, 0, prefix.length, prefix, 0, prefix.length);
    }

    private static boolean isRiffWave(byte[] head, int length) {
        return length >= 12 && startsWith(head, length, "RIFF".getBytes(StandardCharsets.US_ASCII))
                && head[8] == 'W' && head[9] == 'A' && head[10] == 'V' && head[11] == 'E';
    }

    @Override
    public AudioFile open(AudioSource source) throws IOException {
        byte[] h = new byte[HEADER];
        try (ByteInput in = source.open()) {
            if (in.readUpTo(h, 0, HEADER) < HEADER || !startsWith(h, HEADER, MAGIC)) {
                throw AudioFileException.of(AudioFileException.Kind.CORRUPT, source.name(), 0, null,
                        "not a complete STMTONE1 header");
            }
        }
        long rate = u32(h, 8);
        int channels = (h[12] & 0xFF) << 8 | (h[13] & 0xFF);
        long frames = u32(h, 14);
        long frequency = u32(h, 18);
        if (rate < 1 || rate > MAX_RATE || channels < 1 || channels > MAX_CHANNELS || frames > MAX_FRAMES) {
            // Found by AiffFuzzTest: a fuzzed STMTONE1 header with 0 channels or 4 billion frames.
            throw AudioFileException.of(AudioFileException.Kind.CORRUPT, source.name(), 8, null,
                    "impossible tone header: " + rate + " Hz, " + channels + " channels, " + frames + " frames");
        }
        AudioFormat format = new AudioFormat(FileKind.OTHER, SampleEncoding.FLOAT, rate, channels, 64, 64, 0, 0, true);
        return new ToneFile(source.name(), format, frames, frequency);
    }

    private static long u32(byte[] b, int i) {
        return ((b[i] & 0xFFL) << 24) | ((b[i + 1] & 0xFFL) << 16) | ((b[i + 2] & 0xFFL) << 8) | (b[i + 3] & 0xFFL);
    }

    /** The value every channel of a tone file holds at frame {@code n}. */
    public static double sample(double rate, long frequency, long n) {
        return 0.5 * Math.sin(2 * Math.PI * frequency * n / rate);
    }

    /** An opened tone file. */
    public record ToneFile(String name, AudioFormat format, long frames, long frequency) implements AudioFile {

        @Override
        public long declaredFrames() {
            return frames;
        }

        @Override
        public Metadata metadata() {
            return Metadata.EMPTY;
        }

        @Override
        public List<String> warnings() {
            return List.of();
        }

        @Override
        public SampleStream openStream() {
            return new SampleStream() {
                private long position;

                @Override
                public AudioFormat format() {
                    return format;
                }

                @Override
                public int read(double[][] dst, int offset, int maxFrames) {
                    int n = (int) Math.min(maxFrames, frames - position);
                    for (int i = 0; i < n; i++) {
                        double v = sample(format.sampleRate(), frequency, position + i);
                        for (int c = 0; c < format.channels(); c++) {
                            dst[c][offset + i] = v;
                        }
                    }
                    position += n;
                    return n;
                }

                @Override
                public long position() {
                    return position;
                }

                @Override
                public void close() {
                }
            };
        }
    }
}
