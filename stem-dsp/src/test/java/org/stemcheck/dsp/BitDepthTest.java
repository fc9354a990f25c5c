package org.stemcheck.dsp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.stemcheck.io.AudioFile;
import org.stemcheck.io.AudioFiles;
import org.stemcheck.io.SampleStream;
import org.stemcheck.io.WavWriter;

class BitDepthTest {

    @TempDir
    Path dir;

    private BitDepth.Result measureFile(WavWriter writer, double[] signal) throws IOException {
        Path file = dir.resolve("signal.wav");
        writer.write(file, 48_000, signal, signal);
        AudioFile audio = AudioFiles.open(file);
        BitDepth depth = BitDepth.forFormat(audio.format());
        try (SampleStream s = audio.openStream()) {
            Accumulators.feed(s, 1000, depth);
        }
        return depth.result();
    }

    @Test
    void sixteenBitAudioPaddedIntoTwentyFourBitsReportsSixteen() throws IOException {
        double[] audio = Signals.quantise(Signals.noise(0.2, 48_000, 1), 16);
        BitDepth.Result r = measureFile(WavWriter.pcm(24), audio);
        assertThat(r.containerBits()).isEqualTo(24);
        assertThat(r.effectiveBits()).hasValue(16);
        assertThat(r.padded()).isTrue();
    }

    @Test
    void fullTwentyFourBitAudioReportsTwentyFourAndIsNotPadded() throws IOException {
        BitDepth.Result r = measureFile(WavWriter.pcm(24), Signals.noise(0.2, 48_000, 2));
        assertThat(r.effectiveBits()).hasValue(24);
        assertThat(r.padded()).isFalse();
    }

    @Test
    void floatFileHoldingTwentyFourBitValuesReportsTwentyFour() throws IOException {
        double[] audio = Signals.quantise(Signals.noise(0.2, 48_000, 3), 24);
        BitDepth.Result r = measureFile(WavWriter.float32(), audio);
        assertThat(r.floatingPoint()).isTrue();
        assertThat(r.onIntegerGrid()).isTrue();
        assertThat(r.effectiveBits()).hasValue(24);
        assertThat(r.padded()).isFalse();
    }

    @Test
    void trueFloatContentIsOnNoIntegerGrid() throws IOException {
        BitDepth.Result r = measureFile(WavWriter.float32(), Signals.noise(0.2, 48_000, 4));
        assertThat(r.determined()).isTrue();
        assertThat(r.onIntegerGrid()).isFalse();
        assertThat(r.effectiveBits()).isEmpty();
    }

    @Test
    void silenceIsUndeterminedNotZeroBits() throws IOException {
        BitDepth.Result r = measureFile(WavWriter.pcm(24), new double[48_000]);
        assertThat(r.nonZeroSamples()).isZero();
        assertThat(r.determined()).isFalse();
        assertThat(r.effectiveBits()).isEmpty();
        assertThat(r.padded()).isFalse();
    }

    @Test
    void aFewNonZeroSamplesInSilenceAreStillUndetermined() {
        double[] x = new double[48_000];
        x[100] = 0x1p-8;
        x[2000] = -0x1p-8;
        BitDepth depth = BitDepth.of(24, false, 1);
        Accumulators.feed(new double[][] {x}, 4096, depth);
        assertThat(depth.result().determined()).isFalse();
        assertThat(depth.result().padded()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 4096})
    void blockSizeAndCombineDoNotChangeTheResult(int block) {
        double[] x = Signals.quantise(Signals.noise(0.1, 9000, 5), 20);
        BitDepth whole = BitDepth.of(24, false, 1);
        Accumulators.feed(new double[][] {x}, 9000, whole);
        BitDepth split = BitDepth.of(24, false, 1);
        Accumulators.feed(new double[][] {x}, block, split);
        BitDepth a = BitDepth.of(24, false, 1);
        BitDepth b = BitDepth.of(24, false, 1);
        a.accept(new double[][] {x}, 0, 4000);
        b.accept(new double[][] {x}, 4000, 5000);
        a.combine(b);
        assertThat(split.result()).isEqualTo(whole.result());
        assertThat(a.result()).isEqualTo(whole.result());
        assertThat(whole.result().effectiveBits()).hasValue(20);
    }
}
