package org.stemcheck.dsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stemcheck.dsp.content.ContentHash;
import org.stemcheck.io.AudioFile;
import org.stemcheck.io.AudioFiles;
import org.stemcheck.io.SampleStream;
import org.stemcheck.io.WavWriter;

class AccumulatorsTest {

    @TempDir
    Path dir;

    @Test
    void oneStreamPassFeedsEveryAccumulatorLikeTheInMemorySignal() throws IOException {
        double[] l = Signals.quantise(Signals.noise(0.2, 30_001, 1), 24);
        double[] r = Signals.quantise(Signals.sine(0.5, 440, 48_000, 30_001), 24);
        Path file = dir.resolve("stereo.wav");
        WavWriter.pcm(24).write(file, 48_000, l, r);
        AudioFile audio = AudioFiles.open(file);

        SampleStats stats = SampleStats.create(2);
        ContentHash hash = ContentHash.create(2);
        WelchSpectrum spectrum = WelchSpectrum.create(2, 48_000, 1024);
        ClipRuns clips = ClipRuns.forFormat(audio.format());
        long frames;
        try (SampleStream s = audio.openStream()) {
            frames = Accumulators.feed(s, 1000, stats, hash, spectrum, clips);
        }

        SampleStats memStats = SampleStats.create(2);
        ContentHash memHash = ContentHash.create(2);
        WelchSpectrum memSpectrum = WelchSpectrum.create(2, 48_000, 1024);
        assertThat(Accumulators.feed(new double[][] {l, r}, 777, memStats, memHash, memSpectrum)).isEqualTo(30_001);

        assertThat(frames).isEqualTo(30_001);
        assertThat(stats.result().frames()).isEqualTo(30_001);
        assertThat(stats.result().channels().get(1).peak()).isEqualTo(memStats.result().channels().get(1).peak());
        assertThat(hash.result()).isEqualTo(memHash.result());
        assertThat(spectrum.result().mono().powerDb()).containsExactly(memSpectrum.result().mono().powerDb());
        assertThat(clips.result().runs()).isZero();
    }

    @Test
    void rejectsBadArguments() {
        SampleStats stats = SampleStats.create(1);
        double[][] x = {new double[10]};
        assertThatThrownBy(() -> Accumulators.feed(x, 0, stats)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("blockFrames");
        assertThatThrownBy(() -> Accumulators.feed(x, 10, stats, null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> Accumulators.feed(new double[][] {new double[3], new double[4]}, 10, stats))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
