package org.stemcheck.dsp.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Path;
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

class FingerprintTest {

    private static final int RATE = 48_000;
    private static final double MINUS_6_DB = Math.pow(10, -6 / 20.0);

    @TempDir
    Path dir;

    /** A stem-like signal: noise bursts under a decaying envelope, plus a tone. */
    private static double[] stem(long seed) {
        double[] x = Signals.noise(0.2, 3 * RATE, seed);
        double[] tone = Signals.sine(0.1, 110 + seed, RATE, x.length);
        for (int i = 0; i < x.length; i++) {
            x[i] = x[i] * Math.exp(-(i % 12_000) / 3000.0) + tone[i];
        }
        return x;
    }

    private static Fingerprint print(int block, double[]... channels) {
        Fingerprinter f = Fingerprinter.create(channels.length, RATE);
        Accumulators.feed(channels, block, f);
        return f.result();
    }

    private Fingerprint printOfFile(String name, double[]... channels) throws IOException {
        Path file = dir.resolve(name);
        WavWriter.pcm(24).write(file, RATE, channels);
        AudioFile audio = AudioFiles.open(file);
        Fingerprinter f = Fingerprinter.create(audio.format().channels(), audio.format().sampleRate());
        try (SampleStream s = audio.openStream()) {
            Accumulators.feed(s, 4096, f);
        }
        return f.result();
    }

    @Test
    void sixDbQuieterCopyMatchesWithItsGain() throws IOException {
        double[] l = stem(1);
        double[] r = stem(2);
        Fingerprint original = printOfFile("a.wav", l, r);
        Fingerprint quieter = printOfFile("b.wav", Signals.scale(l, MINUS_6_DB), Signals.scale(r, MINUS_6_DB));
        assertThat(original.points()).isEqualTo(30);
        FingerprintMatch m = original.match(quieter).orElseThrow();
        assertThat(m.gainDb()).isCloseTo(-6.0, within(0.01));
        assertThat(m.inverted()).isFalse();
        assertThat(m.correlation()).isGreaterThan(0.9999);
        assertThat(m.envelopeCorrelation()).isGreaterThan(0.9999);
    }

    @Test
    void polarityInvertedCopyMatchesAsInverted() {
        double[] l = stem(3);
        double[] r = stem(4);
        FingerprintMatch m = print(4096, l, r).match(print(4096, Signals.scale(l, -1), Signals.scale(r, -1)))
                .orElseThrow();
        assertThat(m.inverted()).isTrue();
        assertThat(m.gain()).isCloseTo(-1.0, within(1e-6));
        assertThat(m.correlation()).isCloseTo(-1.0, within(1e-9));
    }

    @Test
    void unrelatedSignalDoesNotMatch() {
        FingerprintMatch m = print(4096, stem(5), stem(6)).compare(print(4096, stem(7), stem(8)));
        assertThat(m.matches()).isFalse();
        assertThat(Math.abs(m.correlation())).isLessThan(0.5);
    }

    @Test
    void swappedChannelsDoNotMatch() {
        double[] l = stem(9);
        double[] r = stem(10);
        assertThat(print(4096, l, r).match(print(4096, r, l))).isEmpty();
    }

    @Test
    void silenceMatchesNothing() {
        double[] silence = new double[3 * RATE];
        assertThat(print(4096, silence).match(print(4096, silence))).isEmpty();
        assertThat(print(4096, silence).compare(print(4096, stem(1))).gain()).isNaN();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 4096})
    void blockSizeDoesNotChangeTheFingerprint(int block) {
        double[] x = stem(11);
        Fingerprint whole = print(x.length, x);
        Fingerprint split = print(block, x);
        assertThat(split.points()).isEqualTo(whole.points());
        for (int i = 0; i < whole.points(); i++) {
            assertThat(split.sketch()[i]).isCloseTo(whole.sketch()[i], within(1e-4f));
            assertThat(split.envelope()[i]).isCloseTo(whole.envelope()[i], within(1e-6f));
        }
        assertThat(split.compare(whole).gain()).isCloseTo(1.0, within(1e-6));
    }
}
