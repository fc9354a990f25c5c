package org.stemcheck.io.flac;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.stemcheck.io.AudioFile;
import org.stemcheck.io.AudioFiles;
import org.stemcheck.io.SampleStream;

/** A FLAC's samples as integers, read back through the public API. */
final class Decoded {

    private Decoded() {
    }

    /** Opens the bytes from a file in {@code dir}. */
    static AudioFile fromPath(Path dir, String name, byte[] bytes) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, bytes);
        return AudioFiles.open(p);
    }

    /** Opens the bytes as a one-shot stream. */
    static AudioFile fromStream(byte[] bytes) throws IOException {
        return AudioFiles.open(new ByteArrayInputStream(bytes), "stream.flac");
    }

    /** Fails at the first sample that differs, naming it (a whole-array message would be megabytes). */
    static void assertSame(int[][] actual, int[][] expected, String label) {
        if (actual.length != expected.length) {
            throw new AssertionError(label + ": " + actual.length + " channels, expected " + expected.length);
        }
        for (int c = 0; c < expected.length; c++) {
            if (actual[c].length != expected[c].length) {
                throw new AssertionError(label + ": channel " + c + " has " + actual[c].length + " frames, expected "
                        + expected[c].length);
            }
            for (int i = 0; i < expected[c].length; i++) {
                if (actual[c][i] != expected[c][i]) {
                    throw new AssertionError(label + ": channel " + c + " frame " + i + " is " + actual[c][i]
                            + ", expected " + expected[c][i]);
                }
            }
        }
    }

    /** Every sample, {@code [channel][frame]}, times 2^(bits-1), in reads of {@code block} frames. */
    static int[][] samples(AudioFile f, int block) throws IOException {
        int channels = f.format().channels();
        double scale = Math.scalb(1.0, f.format().validBits() - 1);
        int[][] out = new int[channels][0];
        double[][] buf = new double[channels][block];
        int n = 0;
        try (SampleStream s = f.openStream()) {
            for (int got; (got = s.read(buf, 0, block)) > 0; n += got) {
                for (int c = 0; c < channels; c++) {
                    if (out[c].length < n + got) {
                        out[c] = java.util.Arrays.copyOf(out[c], Math.max(2 * out[c].length, n + got));
                    }
                    for (int i = 0; i < got; i++) {
                        double v = buf[c][i] * scale;
                        if (v != Math.rint(v)) {
                            throw new AssertionError("not an integer sample: " + v);
                        }
                        out[c][n + i] = (int) v;
                    }
                }
            }
        }
        for (int c = 0; c < channels; c++) {
            out[c] = java.util.Arrays.copyOf(out[c], n);
        }
        return out;
    }
}
