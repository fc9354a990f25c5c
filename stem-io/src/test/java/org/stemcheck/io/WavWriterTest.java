package org.stemcheck.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The streaming WAV writer: round trips through AudioFiles, declared-length streams, RF64. */
class WavWriterTest {

    @TempDir
    Path tmp;

    /** A stereo ramp with distinct channels, inside full scale. */
    private static double[][] signal(int frames) {
        double[][] x = new double[2][frames];
        for (int n = 0; n < frames; n++) {
            x[0][n] = Math.sin(2 * Math.PI * 440 * n / 48_000.0) * 0.5;
            x[1][n] = ((n % 200) - 100) / 128.0;
        }
        return x;
    }

    private static double[][] readAll(AudioFile f) throws IOException {
        int frames = (int) f.frames();
        double[][] out = new double[f.format().channels()][frames];
        try (SampleStream s = f.openStream()) {
            for (int done = 0, n; done < frames && (n = s.read(out, done, Math.min(1000, frames - done))) > 0; ) {
                done += n;
            }
        }
        return out;
    }

    private static WavWriter writer(String kind) {
        return kind.equals("float") ? WavWriter.float32() : WavWriter.pcm(Integer.parseInt(kind));
    }

    /** Writes in uneven blocks from an offset, so block boundaries and offsets are both exercised. */
    private static void writeInBlocks(WavWriter.Output o, double[][] x) throws IOException {
        int frames = x[0].length;
        for (int at = 0, k = 1; at < frames; k = k * 3 + 1) {
            int n = Math.min(k, frames - at);
            o.write(x, at, n);
            at += n;
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"16", "24", "32", "float"})
    void blocksWrittenToAPathReadBackWithinOneStep(String kind) throws IOException {
        double[][] x = signal(40_001); // odd frame count: odd data size for 24-bit mono would need a pad
        Path p = tmp.resolve(kind + ".wav");
        WavWriter w = writer(kind);
        try (WavWriter.Output o = w.open(p, 48_000, 2)) {
            writeInBlocks(o, x);
            assertThat(o.framesWritten()).isEqualTo(40_001);
        }

        AudioFile f = AudioFiles.open(p);
        assertThat(f.format().kind()).isEqualTo(FileKind.WAV);
        assertThat(f.format().sampleRate()).isEqualTo(48_000);
        assertThat(f.format().encoding()).isEqualTo(kind.equals("float") ? SampleEncoding.FLOAT : SampleEncoding.PCM_SIGNED);
        assertThat(f.frames()).isEqualTo(40_001);
        assertThat(f.truncation()).isEmpty();
        double step = kind.equals("float") ? 1e-7 : Math.scalb(1.0, -(Integer.parseInt(kind) - 1));
        double[][] y = readAll(f);
        for (int c = 0; c < 2; c++) {
            for (int n = 0; n < x[c].length; n += 97) {
                assertThat(y[c][n]).as("channel %d frame %d", c, n).isCloseTo(x[c][n], within(step));
            }
        }
    }

    @Test
    void oddSizedMonoDataGetsAPadByteAndReadsBackWhole() throws IOException {
        Path p = tmp.resolve("odd.wav");
        WavWriter.pcm(24).write(p, 44_100, new double[1001]);

        assertThat(Files.size(p) % 2).isZero();
        AudioFile f = AudioFiles.open(p);
        assertThat(f.frames()).isEqualTo(1001);
        assertThat(f.warnings()).isEmpty();
    }

    @Test
    void wholeSignalWriteKeepsTheCanonicalHeaderWithSamplesFromByte44() throws IOException {
        Path p = tmp.resolve("canonical.wav");
        WavWriter.pcm(16).write(p, 48_000, new double[10], new double[10]);

        byte[] b = Files.readAllBytes(p);
        assertThat(b).hasSize(44 + 40);
        assertThat(new String(b, 12, 4, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("fmt ");
        assertThat(new String(b, 36, 4, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("data");
    }

    @Test
    void timeReferenceIsKeptInBext() throws IOException {
        Path p = tmp.resolve("bext.wav");
        try (WavWriter.Output o = WavWriter.pcm(24).withTimeReference(172_800_000L).open(p, 48_000, 2)) {
            writeInBlocks(o, signal(5000));
        }

        AudioFile f = AudioFiles.open(p);
        assertThat(f.metadata().bext()).isPresent();
        assertThat(f.metadata().bext().get().timeReference()).isEqualTo(172_800_000L);
        assertThat(f.frames()).isEqualTo(5000);
    }

    @Test
    void declaredStreamReadsBackAsTheSameFile() throws IOException {
        double[][] x = signal(3000);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (WavWriter.Output o = WavWriter.pcm(16).open(bytes, 48_000, 2, 3000)) {
            writeInBlocks(o, x);
        }
        Path p = tmp.resolve("same.wav");
        WavWriter.pcm(16).write(p, 48_000, x);

        assertThat(bytes.toByteArray()).isEqualTo(Files.readAllBytes(p));
        AudioFile f = AudioFiles.open(new ByteArrayInputStream(bytes.toByteArray()), "stream.wav");
        assertThat(f.frames()).isEqualTo(3000);
    }

    @Test
    void declaredStreamThatGetsFewerFramesFailsOnClose() throws IOException {
        WavWriter.Output o = WavWriter.pcm(16).open(new ByteArrayOutputStream(), 48_000, 2, 1000);
        o.write(signal(600), 0, 600);

        assertThatThrownBy(o::close).isInstanceOf(IOException.class)
                .hasMessageContaining("declared with 1000 frames but only 600 were written");
    }

    @Test
    void declaredStreamRefusesMoreFramesThanDeclared() throws IOException {
        WavWriter.Output o = WavWriter.pcm(16).open(new ByteArrayOutputStream(), 48_000, 2, 100);

        assertThatThrownBy(() -> o.write(signal(101), 0, 101)).isInstanceOf(IOException.class)
                .hasMessageContaining("declared with 100 frames");
        assertThat(o.framesWritten()).isZero();
    }

    @Test
    void blockOfTheWrongShapeIsRejected() throws IOException {
        try (WavWriter.Output o = WavWriter.pcm(16).open(tmp.resolve("shape.wav"), 48_000, 2)) {
            assertThatThrownBy(() -> o.write(new double[1][10], 0, 10)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> o.write(new double[2][10], 5, 6)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> o.write(new double[2][10], -1, 1)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void pastTheRiffLimitAFileBecomesRf64WithDs64() throws IOException {
        // The limit is lowered to 10 000 bytes so that a small file takes the > 4 GiB path.
        WavWriter w = new WavWriter(24, false, 48_000L * 3600, 10_000);
        double[][] x = signal(4000); // 24 000 bytes of audio
        Path p = tmp.resolve("big.wav");
        try (WavWriter.Output o = w.open(p, 48_000, 2)) {
            writeInBlocks(o, x);
        }

        AudioFile f = AudioFiles.open(p);
        assertThat(f.format().kind()).isEqualTo(FileKind.RF64);
        assertThat(f.frames()).isEqualTo(4000);
        assertThat(f.truncation()).isEmpty();
        assertThat(f.metadata().chunks()).extracting(ChunkInfo::id).startsWith("ds64").doesNotContain("JUNK");
        assertThat(f.metadata().bext().get().timeReference()).isEqualTo(48_000L * 3600);
        assertThat(readAll(f)[1][150]).isCloseTo(x[1][150], within(1e-6));
    }

    @Test
    void belowTheRiffLimitTheReservedChunkStaysJunk() throws IOException {
        WavWriter w = new WavWriter(24, false, null, 100_000);
        Path p = tmp.resolve("small.wav");
        try (WavWriter.Output o = w.open(p, 48_000, 2)) {
            o.write(signal(4000), 0, 4000);
        }

        AudioFile f = AudioFiles.open(p);
        assertThat(f.format().kind()).isEqualTo(FileKind.WAV);
        assertThat(f.metadata().chunks()).extracting(ChunkInfo::id).startsWith("JUNK");
    }

    @Test
    void declaredStreamPastTheLimitIsWrittenAsRf64() throws IOException {
        WavWriter w = new WavWriter(16, false, null, 1000);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (WavWriter.Output o = w.open(bytes, 48_000, 2, 2000)) {
            o.write(signal(2000), 0, 2000);
        }

        AudioFile f = AudioFiles.open(new ByteArrayInputStream(bytes.toByteArray()), "rf64.wav");
        assertThat(f.format().kind()).isEqualTo(FileKind.RF64);
        assertThat(f.frames()).isEqualTo(2000);
    }
}
