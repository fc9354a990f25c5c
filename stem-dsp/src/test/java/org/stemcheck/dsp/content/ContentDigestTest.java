package org.stemcheck.dsp.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.stemcheck.dsp.Accumulators;
import org.stemcheck.dsp.Signals;
import org.stemcheck.io.AudioFile;
import org.stemcheck.io.AudioFiles;
import org.stemcheck.io.SampleStream;
import org.stemcheck.io.WavWriter;
import org.stemcheck.io.testing.AiffBuilder;

class ContentDigestTest {

    private static final int FRAMES = 20_000;

    @TempDir
    Path dir;

    private static ContentDigest.Result digest(int block, double[]... channels) {
        ContentDigest d = ContentDigest.create(channels.length);
        Accumulators.feed(channels, block, d);
        return d.result();
    }

    private static ContentDigest.Result digestOf(Path file) throws IOException {
        AudioFile audio = AudioFiles.open(file);
        ContentDigest d = ContentDigest.create(audio.format().channels());
        try (SampleStream s = audio.openStream()) {
            Accumulators.feed(s, 4096, d);
        }
        return d.result();
    }

    private Path wav(String name, WavWriter writer, double[]... channels) throws IOException {
        Path file = dir.resolve(name);
        writer.write(file, 48_000, channels);
        return file;
    }

    /** The same 24-bit samples as big-endian AIFF (another container, another byte order). */
    private Path aiff24(String name, double[]... channels) throws IOException {
        long[][] codes = new long[channels.length][];
        for (int c = 0; c < channels.length; c++) {
            codes[c] = Arrays.stream(channels[c]).mapToLong(v -> Math.round(v * 0x1p23)).toArray();
        }
        byte[] bytes = AiffBuilder.aiff().comm(channels.length, channels[0].length, 24, 48_000.0)
                .ssnd(AiffBuilder.pcm(24, true, codes)).bytes();
        return Files.write(dir.resolve(name), bytes);
    }

    @Test
    void sameAudioInOtherContainersAndWordLengthsDigestsEqual() throws IOException {
        double[] l = Signals.quantise(Signals.noise(0.2, FRAMES, 1), 24);
        double[] r = Signals.quantise(Signals.noise(0.2, FRAMES, 2), 24);
        ContentDigest.Result pcm24 = digestOf(wav("a24.wav", WavWriter.pcm(24), l, r));

        assertThat(digestOf(wav("a32.wav", WavWriter.pcm(32), l, r))).isEqualTo(pcm24);
        assertThat(digestOf(wav("a32f.wav", WavWriter.float32(), l, r))).isEqualTo(pcm24);
        assertThat(digestOf(aiff24("a24.aif", l, r))).isEqualTo(pcm24);
        assertThat(digest(777, l, r)).isEqualTo(pcm24);
        assertThat(digestOf(wav("a16.wav", WavWriter.pcm(16), l, r))).isNotEqualTo(pcm24);
    }

    @Test
    void sixteenBitAudioAsTwentyFourBitDigestsEqual() throws IOException {
        double[] x = Signals.quantise(Signals.noise(0.3, FRAMES, 5), 16);
        assertThat(digestOf(wav("b24.wav", WavWriter.pcm(24), x)))
                .isEqualTo(digestOf(wav("b16.wav", WavWriter.pcm(16), x)));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void oneLsbAnywhereChangesBothLanes(int channels) {
        double[][] x = new double[channels][];
        for (int c = 0; c < channels; c++) {
            x[c] = Signals.quantise(Signals.noise(0.1, 3001, 10 + c), 24);
        }
        ContentDigest.Result base = digest(512, x);
        Set<ContentDigest.Result> seen = new HashSet<>(Set.of(base));
        for (int c = 0; c < channels; c++) {
            for (int i = 0; i < 3001; i += 97) {
                double[][] changed = copy(x);
                changed[c][i] += 0x1p-23;
                ContentDigest.Result d = digest(512, changed);
                assertThat(d.high()).isNotEqualTo(base.high());
                assertThat(d.low()).isNotEqualTo(base.low());
                assertThat(seen.add(d)).as("channel %d frame %d", c, i).isTrue();
            }
        }
    }

    /**
     * Two-frame differences in one chain (frames 8 and 12 go to the same chain of a stereo pair):
     * every pair of single-bit flips of the binary32 samples, including the sign bits whose
     * difference passes a multiply unchanged, gives a digest of its own in both lanes.
     */
    @Test
    void bitFlipsInTwoFramesOfOneChainAllDigestDifferently() {
        double[] l = Signals.quantise(Signals.noise(0.2, 64, 7), 24);
        double[] r = Signals.quantise(Signals.noise(0.2, 64, 8), 24);
        ContentDigest.Result base = digest(64, l, r);
        Set<Long> highs = new HashSet<>(Set.of(base.high()));
        Set<Long> lows = new HashSet<>(Set.of(base.low()));
        int made = 1;
        for (int first = 0; first < 64; first++) {
            for (int second = 0; second < 64; second++) {
                double[][] x = {l.clone(), r.clone()};
                flip(x, 8, first);
                flip(x, 12, second);
                ContentDigest.Result d = digest(64, x);
                highs.add(d.high());
                lows.add(d.low());
                made++;
            }
        }
        assertThat(highs).hasSize(made);
        assertThat(lows).hasSize(made);
    }

    /** Flips bit {@code bit} of the frame's word: 32 to 63 the left sample's binary32 bits, 0 to 31 the right's. */
    private static void flip(double[][] x, int frame, int bit) {
        double[] ch = bit >= 32 ? x[0] : x[1];
        int bits = Float.floatToRawIntBits((float) ch[frame]) ^ (1 << (bit % 32));
        assertThat(Float.isNaN(Float.intBitsToFloat(bits))).isFalse();
        ch[frame] = Float.intBitsToFloat(bits);
    }

    @Test
    void polarityInvertedAudioDigestsDifferently() {
        double[] l = Signals.quantise(Signals.noise(0.2, 5000, 1), 24);
        double[] r = Signals.quantise(Signals.noise(0.2, 5000, 2), 24);
        assertThat(digest(512, Signals.scale(l, -1), Signals.scale(r, -1))).isNotEqualTo(digest(512, l, r));
    }

    @Test
    void oneLsbInDigitalSilenceChangesTheDigest() {
        double[] silence = new double[10_000];
        ContentDigest.Result base = digest(4096, silence, silence);
        double[] tick = silence.clone();
        tick[9_999] = 0x1p-23;
        assertThat(digest(4096, silence, tick)).isNotEqualTo(base);
        assertThat(digest(4096, tick, silence)).isNotEqualTo(base).isNotEqualTo(digest(4096, silence, tick));
    }

    @Test
    void swappedChannelsShiftedAudioExtraSilenceAndChannelCountChangeTheDigest() {
        double[] l = Signals.quantise(Signals.noise(0.2, 5000, 1), 24);
        double[] r = Signals.quantise(Signals.noise(0.2, 5000, 2), 24);
        ContentDigest.Result base = digest(512, l, r);
        double[] shifted = new double[5000];
        System.arraycopy(l, 0, shifted, 1, 4999);
        assertThat(digest(512, r, l)).isNotEqualTo(base);
        assertThat(digest(512, shifted, r)).isNotEqualTo(base);
        assertThat(digest(512, Arrays.copyOf(l, 5001), Arrays.copyOf(r, 5001))).isNotEqualTo(base);
        assertThat(digest(512, new double[0], new double[0])).isNotEqualTo(digest(512, new double[0]));
        assertThat(digest(512, l)).isNotEqualTo(digest(512, l, new double[5000]));
    }

    @Test
    void negativeZeroAndNansDigestAsTheCanonicalValues() {
        assertThat(digest(4, new double[] {0.0, -0.0, 0.5})).isEqualTo(digest(4, new double[] {0.0, 0.0, 0.5}));
        double otherNan = Double.longBitsToDouble(0x7FF0_0000_0000_0001L);
        assertThat(digest(4, new double[] {otherNan, 1})).isEqualTo(digest(4, new double[] {Double.NaN, 1}));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 4096})
    void blockSizeDoesNotChangeTheDigestAndResultCanBeTakenTwice(int block) {
        double[] a = Signals.noise(0.2, 9000, 3);
        double[] b = Signals.noise(0.2, 9000, 4);
        double[] c = Signals.noise(0.2, 9000, 5);
        ContentDigest d = ContentDigest.create(3);
        Accumulators.feed(new double[][] {a, b, c}, block, d);
        assertThat(d.result()).isEqualTo(d.result()).isEqualTo(digest(9000, a, b, c));
        assertThat(d.result().hex()).hasSize(32).matches("[0-9a-f]{32}");
    }

    private static double[][] copy(double[][] x) {
        double[][] y = new double[x.length][];
        for (int c = 0; c < x.length; c++) {
            y[c] = x[c].clone();
        }
        return y;
    }
}
