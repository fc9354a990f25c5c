package org.stemcheck.io.internal.aiff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.stemcheck.io.testing.AiffBuilder.extended;
import static org.stemcheck.io.testing.AiffBuilder.pcm;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.stemcheck.io.AudioFile;
import org.stemcheck.io.AudioFileException;
import org.stemcheck.io.AudioFiles;
import org.stemcheck.io.FileKind;
import org.stemcheck.io.SampleEncoding;
import org.stemcheck.io.testing.AiffBuilder;
import org.stemcheck.io.testing.Audio;

/** The AIFF reader on small files built in code: sample layouts and codings. */
class AiffReaderTest {

    @TempDir
    Path dir;

    private AudioFile open(byte[] file) throws IOException {
        Path p = dir.resolve("built.aif");
        Files.write(p, file);
        return AudioFiles.open(p);
    }

    private AudioFileException openFails(byte[] file) {
        return catchThrowableOfType(AudioFileException.class, () -> open(file));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 4, 8, 12, 16, 20, 24, 27, 32})
    void readsEverySampleSizeLeftJustifiedAtItsOwnScale(int bits) throws IOException {
        long max = (1L << (bits - 1)) - 1;
        long min = -(1L << (bits - 1));
        long one = Math.min(1, max); // a 1-bit sample holds only 0 and -1
        long[][] samples = {{0, max, min, one, -1}, {min, 0, max, -1, one}};
        byte[] file = AiffBuilder.aiff().comm(2, 5, bits, 44100).ssnd(pcm(bits, true, samples)).bytes();

        AudioFile f = open(file);
        double[][] got = Audio.readAll(f);

        assertThat(f.format().kind()).isEqualTo(FileKind.AIFF);
        assertThat(f.format().encoding()).isEqualTo(SampleEncoding.PCM_SIGNED);
        assertThat(f.format().validBits()).isEqualTo(bits);
        assertThat(f.format().bitsPerSample()).isEqualTo((bits + 7) / 8 * 8);
        assertThat(f.format().bigEndian()).isTrue();
        assertThat(f.frames()).isEqualTo(5);
        assertThat(f.truncation()).isEmpty();
        double lsb = Math.scalb(1.0, 1 - bits);
        for (int c = 0; c < 2; c++) {
            for (int n = 0; n < 5; n++) {
                assertThat(got[c][n]).as("channel %d frame %d", c, n).isEqualTo(samples[c][n] * lsb);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {8, 16, 24, 32})
    void readsSowtAsLittleEndian(int bits) throws IOException {
        long[][] samples = {{3, -5, (1L << (bits - 1)) - 1, -(1L << (bits - 1))}};
        byte[] file = AiffBuilder.aifc().comm(1, 4, bits, 48000, "sowt", "")
                .ssnd(pcm(bits, false, samples)).bytes();

        AudioFile f = open(file);
        double[][] got = Audio.readAll(f);

        assertThat(f.format().kind()).isEqualTo(FileKind.AIFC);
        assertThat(f.format().bigEndian()).isFalse();
        for (int n = 0; n < 4; n++) {
            assertThat(got[0][n]).isEqualTo(samples[0][n] * Math.scalb(1.0, 1 - bits));
        }
    }

    @Test
    void readsTwosAsBigEndianLikeNone() throws IOException {
        long[][] samples = {{-300, 300}};
        byte[] file = AiffBuilder.aifc().comm(1, 2, 16, 44100, "twos", "").ssnd(pcm(16, true, samples)).bytes();

        AudioFile f = open(file);

        assertThat(f.format().bigEndian()).isTrue();
        assertThat(scaled(Audio.readAll(f)[0], 15)).containsExactly(-300, 300);
    }

    @ParameterizedTest
    @ValueSource(strings = {"fl32", "FL32", "fl64", "FL64"})
    void readsBigEndianFloat(String type) throws IOException {
        boolean doubles = type.endsWith("64");
        double[][] samples = {{0.5, -0.25, 1.5, -2.0}, {1e-3, 0.0, -1.0, 0.125}};
        byte[] file = AiffBuilder.aifc().comm(2, 4, doubles ? 64 : 32, 96000, type, "Float")
                .ssnd(AiffBuilder.floats(doubles, samples)).bytes();

        AudioFile f = open(file);
        double[][] got = Audio.readAll(f);

        assertThat(f.format().encoding()).isEqualTo(SampleEncoding.FLOAT);
        assertThat(f.format().bitsPerSample()).isEqualTo(doubles ? 64 : 32);
        assertThat(f.format().sampleRate()).isEqualTo(96000.0);
        for (int c = 0; c < 2; c++) {
            for (int n = 0; n < 4; n++) {
                double want = doubles ? samples[c][n] : (float) samples[c][n];
                assertThat(got[c][n]).isEqualTo(want);
            }
        }
    }

    @Test
    void decodesMuLawAsOneBytePerSampleWhateverSampleSizeSays() throws IOException {
        // G.711 mu-law: 0xFF is +0, 0x80 the largest positive (32124), 0x00 the largest negative.
        byte[] codes = {(byte) 0xFF, (byte) 0x80, 0x00, 0x7F};
        byte[] file = AiffBuilder.aifc().comm(1, 4, 16, 8000, "ulaw", "\u00b5Law 2:1").ssnd(codes).bytes();

        AudioFile f = open(file);
        double[][] got = Audio.readAll(f);

        assertThat(f.format().encoding()).isEqualTo(SampleEncoding.ULAW);
        assertThat(f.format().bytesPerFrame()).isEqualTo(1);
        assertThat(f.frames()).isEqualTo(4);
        assertThat(scaled(got[0], 15)).containsExactly(0, 32124, -32124, 0);
    }

    @Test
    void decodesALawInUpperOrLowerCase() throws IOException {
        // G.711 A-law: 0xD5 is +8, 0x55 is -8, 0xAA is +32256, 0x2A is -32256.
        byte[] codes = {(byte) 0xD5, 0x55, (byte) 0xAA, 0x2A};
        for (String type : new String[] {"alaw", "ALAW"}) {
            AudioFile f = open(AiffBuilder.aifc().comm(1, 4, 16, 8000, type, "").ssnd(codes).bytes());
            assertThat(f.format().encoding()).isEqualTo(SampleEncoding.ALAW);
            assertThat(scaled(Audio.readAll(f)[0], 15)).containsExactly(8, -8, 32256, -32256);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ima4", "able", "MAC3", "GSM "})
    void refusesOtherCompressionTypesNamingThem(String type) {
        byte[] file = AiffBuilder.aifc().comm(2, 4, 16, 44100, type, "Something").ssnd(new byte[16]).bytes();

        AudioFileException e = openFails(file);

        assertThat(e.kind()).isEqualTo(AudioFileException.Kind.UNSUPPORTED);
        assertThat(e.chunk()).contains("COMM");
        assertThat(e.offset()).hasValue(24); // FORM header 12 + FVER 12
        assertThat(e.getMessage()).contains("'" + type + "'").contains("built.aif");
    }

    @Test
    void takesASampleRateWithAFraction() throws IOException {
        double rate = 44100.0 / 1.001;
        AudioFile f = open(AiffBuilder.aiff().comm(1, 2, 16, rate).ssnd(new byte[4]).bytes());
        assertThat(f.format().sampleRate()).isEqualTo(rate);
        assertThat(f.format().sampleRateHz()).isEqualTo(44056L);
    }

    @Test
    void readsTheAudioAfterTheSsndOffset() throws IOException {
        long[][] samples = {{100, -200, 300}};
        byte[] file = AiffBuilder.aiff().comm(1, 3, 16, 44100).ssnd(6, 0, pcm(16, true, samples)).bytes();

        assertThat(scaled(Audio.readAll(open(file))[0], 15)).containsExactly(100, -200, 300);
    }

    @Test
    void readsAFileWithZeroFramesAndNoSsnd() throws IOException {
        AudioFile f = open(AiffBuilder.aiff().comm(2, 0, 16, 44100).bytes());
        assertThat(f.frames()).isZero();
        assertThat(Audio.readAll(f)[0]).isEmpty();
    }

    @Test
    void sameSamplesFromAPathAndFromAOneShotStream() throws IOException {
        long[][] samples = {{1, 2, 3, 4, 5, 6, 7}, {-1, -2, -3, -4, -5, -6, -7}};
        byte[] file = AiffBuilder.aiff().comm(2, 7, 24, 44100).ssnd(4, 0, pcm(24, true, samples)).bytes();

        double[][] fromPath = Audio.readAll(open(file), 3);
        AudioFile streamed = AudioFiles.open(new ByteArrayInputStream(file), "stream.aif");
        double[][] fromStream = Audio.readAll(streamed, 3);

        assertThat(fromStream).isDeepEqualTo(fromPath);
        assertThat(scaled(fromPath[1], 23)).containsExactly(-1, -2, -3, -4, -5, -6, -7);
    }

    private static long[] scaled(double[] v, int shift) {
        long[] out = new long[v.length];
        for (int i = 0; i < v.length; i++) {
            double s = Math.scalb(v[i], shift);
            assertThat(s).isEqualTo(Math.rint(s));
            out[i] = (long) s;
        }
        return out;
    }

    @Test
    void sampleRateBytesOfTheSpecExamplesDecode() throws IOException {
        // 44100 Hz as every AIFF writer stores it: 400E AC44 0000 0000 0000.
        byte[] rate = {0x40, 0x0E, (byte) 0xAC, 0x44, 0, 0, 0, 0, 0, 0};
        AudioFile f = open(AiffBuilder.aiff().comm(1, 1, 16, rate).ssnd(new byte[2]).bytes());
        assertThat(f.format().sampleRate()).isEqualTo(44100.0);
        assertThat(extended(44100.0)).isEqualTo(rate);
    }
}
