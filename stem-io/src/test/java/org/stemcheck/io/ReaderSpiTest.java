package org.stemcheck.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stemcheck.io.plugin.ToneReader;
import org.stemcheck.io.spi.AudioReader;
import org.stemcheck.io.spi.AudioReaders;
import org.stemcheck.io.testing.Audio;
import org.stemcheck.io.testing.Heads;

/**
 * The {@link AudioReader} SPI: a reader registered in {@code META-INF/services} (the test-only
 * {@link ToneReader}) is found, opens its container through {@link AudioFiles}, and comes after
 * the built-in readers.
 */
class ReaderSpiTest {

    @TempDir
    Path dir;

    private static byte[] toneFile(long rate, int channels, long frames, long frequency) {
        return Heads.concat(ToneReader.MAGIC, be(rate, 4), be(channels, 2), be(frames, 4), be(frequency, 4));
    }

    private static byte[] be(long v, int bytes) {
        byte[] b = new byte[bytes];
        for (int i = 0; i < bytes; i++) {
            b[i] = (byte) (v >>> (8 * (bytes - 1 - i)));
        }
        return b;
    }

    @Test
    void findsThePlugInAfterTheBuiltInReaders() {
        assertThat(AudioReaders.installed()).extracting(AudioReader::name).startsWith("wav", "aiff", "flac").endsWith("test-tone");
    }

    @Test
    void opensTheMadeUpContainerThroughAudioFiles() throws IOException {
        Path p = dir.resolve("a.tone");
        Files.write(p, toneFile(8000, 2, 1000, 440));

        AudioFile f = AudioFiles.open(p);
        double[][] samples = Audio.readAll(f, 256);

        assertThat(f).isInstanceOf(ToneReader.ToneFile.class);
        assertThat(f.format().kind()).isEqualTo(FileKind.OTHER);
        assertThat(f.format().sampleRate()).isEqualTo(8000.0);
        assertThat(f.frames()).isEqualTo(1000);
        assertThat(samples[1]).hasSize(1000);
        for (int n : new int[] {0, 1, 7, 999}) {
            assertThat(samples[0][n]).isEqualTo(ToneReader.sample(8000, 440, n));
            assertThat(samples[1][n]).isEqualTo(samples[0][n]);
        }
    }

    @Test
    void opensTheMadeUpContainerFromAStream() throws IOException {
        AudioFile f = AudioFiles.open(new ByteArrayInputStream(toneFile(48000, 1, 10, 1000)), "upload.tone");
        assertThat(f.name()).isEqualTo("upload.tone");
        assertThat(Audio.readAll(f)[0]).hasSize(10);
    }

    @Test
    void builtInReadersComeFirstForFilesAPlugInAlsoClaims() throws IOException {
        Path wav = dir.resolve("b.wav");
        WavWriter.pcm(16).write(wav, 44100, new double[] {0.25, -0.25, 0.5});
        byte[] head = Files.readAllBytes(wav);
        assertThat(new ToneReader().probe(head, head.length)).as("the plug-in claims WAV too").isTrue();

        AudioFile f = AudioFiles.open(wav);

        assertThat(f).isNotInstanceOf(ToneReader.ToneFile.class);
        assertThat(f.format().kind()).isEqualTo(FileKind.WAV);
        assertThat(Audio.readAll(f)[0]).containsExactly(0.25, -0.25, 0.5);
    }
}
