package org.stemcheck.io.internal.aiff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stemcheck.io.testing.AiffBuilder.pcm;
import static org.stemcheck.io.testing.AiffBuilder.text;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stemcheck.io.AudioFile;
import org.stemcheck.io.AudioFileException;
import org.stemcheck.io.AudioFiles;
import org.stemcheck.io.testing.AiffBuilder;
import org.stemcheck.io.testing.Audio;

/**
 * Seeded random corruptions of a small AIFF-C file: whatever the bytes, opening and reading end
 * with a file or a typed error, never a runtime exception (deterministic: the seed is fixed).
 */
class AiffMutationTest {

    private static final int MUTANTS = 1000;

    @TempDir
    Path dir;

    private static byte[] seed() {
        return AiffBuilder.aifc().comm(2, 6, 20, 48000, "NONE", "not compressed")
                .chunk("NAME", text("Drums"))
                .chunk("MARK", AiffBuilder.markers(new int[] {1}, new long[] {2}, new String[] {"hit"}))
                .ssnd(4, 0, pcm(20, true, new long[][] {{1, 2, 3, 4, 5, 6}, {-1, -2, -3, -4, -5, -6}}))
                .chunk("ANNO", text("odd"))
                .bytes();
    }

    @Test
    void corruptedFilesOpenOrFailWithATypedError() throws IOException {
        byte[] original = seed();
        Random random = new Random(7);
        Path p = dir.resolve("mutant.aifc");
        int opened = 0;
        int refused = 0;
        for (int i = 0; i < MUTANTS; i++) {
            byte[] b = mutate(original, random);
            Files.write(p, b);
            try {
                AudioFile f = AudioFiles.open(p);
                assertThat(Audio.readAll(f, 16)[0]).as("mutant %d", i).hasSize((int) f.frames());
                opened++;
            } catch (AudioFileException e) {
                assertThat(e.getMessage()).contains("mutant.aifc");
                refused++;
            }
            try {
                Audio.readAll(AudioFiles.open(new ByteArrayInputStream(b), "stream"), 16);
            } catch (IOException e) {
                // A typed error, or a stream that ends before the audio its header announces.
                assertThat(e.getMessage()).isNotBlank();
            }
        }
        assertThat(opened).as("some mutants still open").isPositive();
        assertThat(refused).as("some mutants are refused").isPositive();
    }

    /** One to four changes: a random byte, a size-field-like 32-bit value, or a cut. */
    private static byte[] mutate(byte[] original, Random random) {
        byte[] b = original.clone();
        int changes = 1 + random.nextInt(4);
        for (int k = 0; k < changes; k++) {
            int at = random.nextInt(b.length);
            switch (random.nextInt(3)) {
                case 0:
                    b[at] = (byte) random.nextInt(256);
                    break;
                case 1:
                    int v = random.nextBoolean() ? random.nextInt() : random.nextInt(64) - 32;
                    for (int j = 0; j < 4 && at + j < b.length; j++) {
                        b[at + j] = (byte) (v >>> (24 - 8 * j));
                    }
                    break;
                default:
                    b = java.util.Arrays.copyOf(b, Math.max(1, at));
                    break;
            }
        }
        return b;
    }
}
