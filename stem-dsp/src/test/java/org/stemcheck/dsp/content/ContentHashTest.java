package org.stemcheck.dsp.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
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

class ContentHashTest {

    @TempDir
    Path dir;

    private String hashOfFile(String name, WavWriter writer, double[]... channels) throws IOException {
        Path file = dir.resolve(name);
        writer.write(file, 48_000, channels);
        AudioFile audio = AudioFiles.open(file);
        ContentHash hash = ContentHash.create(audio.format().channels());
        try (SampleStream s = audio.openStream()) {
            Accumulators.feed(s, 4096, hash);
        }
        return hash.result();
    }

    private static String hash(int block, double[]... channels) {
        ContentHash hash = ContentHash.create(channels.length);
        Accumulators.feed(channels, block, hash);
        return hash.result();
    }

    @Test
    void sameAudioAs24BitAndFloat32HashesEqual() throws IOException {
        double[] l = Signals.quantise(Signals.noise(0.2, 20_000, 1), 24);
        double[] r = Signals.quantise(Signals.noise(0.2, 20_000, 2), 24);
        String pcm = hashOfFile("a24.wav", WavWriter.pcm(24), l, r);
        String flt = hashOfFile("a32f.wav", WavWriter.float32(), l, r);
        assertThat(pcm).hasSize(64).isEqualTo(flt);
        assertThat(hashOfFile("a16.wav", WavWriter.pcm(16), l, r)).isNotEqualTo(pcm);
    }

    @Test
    void oneChangedSampleSwappedChannelsOrExtraSilenceChangeTheHash() {
        double[] l = Signals.quantise(Signals.noise(0.2, 5000, 1), 24);
        double[] r = Signals.quantise(Signals.noise(0.2, 5000, 2), 24);
        String base = hash(512, l, r);
        double[] changed = r.clone();
        changed[4321] += 0x1p-23;
        assertThat(hash(512, l, changed)).isNotEqualTo(base);
        assertThat(hash(512, r, l)).isNotEqualTo(base);
        assertThat(hash(512, Arrays.copyOf(l, 5001), Arrays.copyOf(r, 5001)))
                .isNotEqualTo(base);
    }

    @Test
    void negativeZeroHashesAsZero() {
        assertThat(hash(4, new double[] {0.0, -0.0, 0.5})).isEqualTo(hash(4, new double[] {0.0, 0.0, 0.5}));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 4096})
    void blockSizeDoesNotChangeTheHashAndResultCanBeTakenTwice(int block) {
        double[] x = Signals.noise(0.2, 9000, 3);
        ContentHash h = ContentHash.create(1);
        Accumulators.feed(new double[][] {x}, block, h);
        assertThat(h.result()).isEqualTo(h.result()).isEqualTo(hash(9000, x));
    }
}
