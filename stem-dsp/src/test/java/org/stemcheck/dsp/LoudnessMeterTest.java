package org.stemcheck.dsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.stemcheck.dsp.LoudnessTestSignals.silence;
import static org.stemcheck.dsp.LoudnessTestSignals.tone;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.stemcheck.dsp.LoudnessTestSignals.Segment;
import org.stemcheck.io.AudioFormat;
import org.stemcheck.io.FileKind;
import org.stemcheck.io.SampleEncoding;

class LoudnessMeterTest {

    /** A programme with steps, silence and a short burst: 8.05 s of stereo. */
    private static Segment[] programme() {
        return new Segment[] {
            tone(1.3, -18, 2), silence(0.47, 2), new Segment(2.2, 440, 30, -12, -30),
            new Segment(0.33, 3000, 0, -3, -3), tone(3.75, -40, 2)};
    }

    @ParameterizedTest(name = "{0} Hz")
    @ValueSource(doubles = {48000, 44100})
    void sine997HzAt0DbfsInOneFrontChannelReadsMinus3point01Lufs(double fs) {
        // BS.1770-4 Annex 1 section 2.8 note: a 0 dB FS 997 Hz sine in the left, centre or right
        // channel reads -3.01 LKFS.
        Segment mono = new Segment(10, 997, 0, 0.0);
        Segment leftOnly = new Segment(10, 997, 0, 0.0, Double.NEGATIVE_INFINITY);
        assertThat(LoudnessTestSignals.loudness(fs, 1, mono).integratedLufs())
                .isCloseTo(-3.01, within(0.005));
        assertThat(LoudnessTestSignals.loudness(fs, 2, leftOnly).integratedLufs())
                .isCloseTo(-3.01, within(0.005));
    }

    @ParameterizedTest(name = "{0} Hz within {1} LU")
    @CsvSource({"44100, 0.05", "96000, 0.05", "88200, 0.05", "192000, 0.05", "22050, 0.05", "32000, 0.05",
        "11025, 0.25", "8000, 0.25"})
    void theSameToneReadsTheSameAtEveryRate(double fs, double tolerance) {
        // 11025 Hz has 110.25-frame cells; 8 kHz and 11.025 kHz put the 1.68 kHz shelf corner close to
        // Nyquist, where the bilinear transform warps the curve (see KWeightingTest).
        Segment[] s = {tone(4, -20, 2), tone(4, -26, 2)};
        double at48 = LoudnessTestSignals.loudness(48000, 2, s).integratedLufs();
        double here = LoudnessTestSignals.loudness(fs, 2, s).integratedLufs();
        assertThat(here).isCloseTo(at48, within(tolerance));
    }

    @Test
    void resultsDoNotDependOnHowTheAudioIsCutIntoBlocks() {
        LoudnessMeter ones = LoudnessMeter.of(48000, 2);
        LoudnessMeter sevens = LoudnessMeter.of(48000, 2);
        LoudnessMeter large = LoudnessMeter.of(48000, 2);
        LoudnessTestSignals.feed(48000, 1, List.of(ones), programme());
        LoudnessTestSignals.feed(48000, 7, List.of(sevens), programme());
        LoudnessTestSignals.feed(48000, 4096, List.of(large), programme());
        LoudnessResult r = large.result();
        assertThat(r.integratedLufs()).isFinite();
        assertThat(r.timeline().size()).isEqualTo(80);
        assertThat(ones.result()).isEqualTo(r);
        assertThat(sevens.result()).isEqualTo(r);
    }

    @Test
    void resultCanBeTakenMidwayWithoutDisturbingTheMeasurement() {
        LoudnessMeter once = LoudnessMeter.of(48000, 2);
        LoudnessMeter twice = LoudnessMeter.of(48000, 2);
        Segment[] p = programme();
        LoudnessTestSignals.feed(48000, 4096, List.of(once), p);
        LoudnessTestSignals.feed(48000, 4096, List.of(twice), p[0], p[1]);
        LoudnessResult midway = twice.result();
        LoudnessTestSignals.feed(48000, 4096, List.of(twice), p[2], p[3], p[4]);
        assertThat(midway.frames()).isLessThan(twice.result().frames());
        assertThat(twice.result()).isEqualTo(once.result());
    }

    @Test
    void integratedIsExactAgainstADirectBlockByBlockComputation() {
        LoudnessMeter meter = LoudnessMeter.of(44100, 2);
        double[][] x = new double[2][(int) (44100 * 6.37)];
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < x[0].length; i++) {
            double envelope = (i / 22050) % 3 == 0 ? 0.001 : 0.3; // 0.5 s steps: some blocks gated out
            x[0][i] = envelope * random.nextGaussian();
            x[1][i] = 0.5 * x[0][i] + envelope * 0.2 * random.nextGaussian();
        }
        meter.accept(x, 0, x[0].length);
        assertThat(meter.result().integratedLufs())
                .isCloseTo(DirectLoudness.integrated(x, 44100, new double[] {1, 1}), within(1e-9));
    }

    @Test
    void silenceReadsMinusInfinityEverywhere() {
        LoudnessResult r = LoudnessTestSignals.loudness(48000, 2, silence(5, 2));
        assertThat(r.integratedLufs()).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(r.maxMomentaryLufs()).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(r.maxShortTermLufs()).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(r.relativeGateLufs()).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(r.loudnessRangeLu()).isZero();
        assertThat(r.timeline().momentaryLufs(10)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(r.gatingBlocks()).isEqualTo(47);
    }

    @Test
    void aToneBelowTheAbsoluteGateReadsMinusInfinityButKeepsItsMomentaryMaximum() {
        LoudnessResult r = LoudnessTestSignals.loudness(48000, 2, tone(5, -75, 2));
        assertThat(r.integratedLufs()).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(r.maxMomentaryLufs()).isCloseTo(-75.0, within(0.1));
    }

    @Test
    void audioShorterThanAWindowHasNoValueForThatWindow() {
        LoudnessResult tiny = LoudnessTestSignals.loudness(48000, 2, tone(0.39, -20, 2));
        assertThat(tiny.integratedLufs()).isNaN();
        assertThat(tiny.maxMomentaryLufs()).isNaN();
        assertThat(tiny.gatingBlocks()).isZero();
        LoudnessResult two = LoudnessTestSignals.loudness(48000, 2, tone(2, -20, 2));
        assertThat(two.integratedLufs()).isCloseTo(-20.0, within(0.1));
        assertThat(two.maxShortTermLufs()).isNaN();
        assertThat(two.loudnessRangeLu()).isNaN();
        assertThat(two.timeline().shortTermLufs(19)).isNaN();
        LoudnessResult none = LoudnessMeter.of(48000, 1).result();
        assertThat(none.frames()).isZero();
        assertThat(none.integratedLufs()).isNaN();
        assertThat(none.timeline().size()).isZero();
    }

    @Test
    void relativeGateDropsBlocksTenLuBelowTheGatedMean() {
        // 10 s at -20 and 10 s at -40: the -40 blocks fall under the relative gate (about -33 LUFS).
        LoudnessResult r = LoudnessTestSignals.loudness(48000, 2, tone(10, -20, 2),
                tone(10, -40, 2));
        assertThat(r.integratedLufs()).isCloseTo(-20.0, within(0.1));
        assertThat(r.relativeGateLufs()).isCloseTo(-20 - 3.0 - 10, within(0.1));
    }

    @Test
    void surroundChannelsWeighPlus1point5DbAndTheLfeNothing() {
        double front = LoudnessTestSignals.loudness(48000, 6,
                new Segment(5, 1000, 0, -20, NEG, NEG, NEG, NEG, NEG)).integratedLufs();
        double surround = LoudnessTestSignals.loudness(48000, 6,
                new Segment(5, 1000, 0, NEG, NEG, NEG, NEG, -20, NEG)).integratedLufs();
        double lfe = LoudnessTestSignals.loudness(48000, 6,
                new Segment(5, 1000, 0, NEG, NEG, NEG, 0, NEG, NEG)).integratedLufs();
        assertThat(surround - front).isCloseTo(10 * Math.log10(1.41), within(1e-6));
        assertThat(lfe).isEqualTo(Double.NEGATIVE_INFINITY);
    }

    private static final double NEG = Double.NEGATIVE_INFINITY;

    @Test
    void timelineHasAPointEvery100MsWithWindowsInsideTheAudio() {
        LoudnessResult r = LoudnessTestSignals.loudness(48000, 2, tone(4.05, -23, 2));
        LoudnessTimeline t = r.timeline();
        assertThat(t.size()).isEqualTo(40);
        assertThat(t.timeSeconds(0)).isCloseTo(0.1, within(1e-12));
        assertThat(t.momentaryLufs(2)).isNaN();
        assertThat(t.momentaryLufs(3)).isCloseTo(-23.0, within(0.1));
        assertThat(t.shortTermLufs(28)).isNaN();
        assertThat(t.shortTermLufs(29)).isCloseTo(-23.0, within(0.1));
        assertThat(t.shortTermLufs(39)).isCloseTo(-23.0, within(0.1));
    }

    @Test
    void nonFiniteSamplesAreMeasuredAsSilence() {
        LoudnessMeter clean = LoudnessMeter.of(48000, 1);
        LoudnessMeter dirty = LoudnessMeter.of(48000, 1);
        double[][] x = new double[1][48000];
        for (int i = 0; i < x[0].length; i++) {
            x[0][i] = 0.1 * Math.sin(i * 0.1);
        }
        x[0][100] = 0;
        clean.accept(x, 0, x[0].length);
        x[0][100] = Double.NaN;
        dirty.accept(x, 0, x[0].length);
        assertThat(dirty.result()).isEqualTo(clean.result());
    }

    @Test
    void forFormatTakesTheLayoutFromTheChannelMask() {
        // mask 0xC: centre and LFE, so the second channel (the LFE) weighs nothing, where two
        // channels without a mask are L and R
        AudioFormat f = new AudioFormat(FileKind.WAV, SampleEncoding.PCM_SIGNED, 48000, 2, 24, 24, 0xC, 0xFFFE, false);
        LoudnessMeter masked = LoudnessMeter.forFormat(f);
        LoudnessMeter plain = LoudnessMeter.of(48000, 2);
        double[][] secondOnly = new double[2][48000 * 2];
        for (int i = 0; i < secondOnly[1].length; i++) {
            secondOnly[1][i] = 0.1 * Math.sin(2 * Math.PI * 1000 * i / 48000.0);
        }
        masked.accept(secondOnly, 0, secondOnly[1].length);
        plain.accept(secondOnly, 0, secondOnly[1].length);
        assertThat(masked.result().integratedLufs()).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(plain.result().integratedLufs()).isCloseTo(-23.0, within(1.0));
    }

    @Test
    void rejectsMisuseWithMessagesThatNameTheArgument() {
        LoudnessMeter m = LoudnessMeter.of(48000, 2);
        assertThatThrownBy(() -> m.accept(new double[1][10], 0, 10)).hasMessageContaining("channels");
        assertThatThrownBy(() -> m.accept(new double[2][10], 5, 10)).hasMessageContaining("offset 5");
        assertThatThrownBy(() -> m.accept(new double[2][10], -1, 1)).hasMessageContaining("negative");
        assertThatThrownBy(() -> m.accept(null, 0, 1)).hasMessageContaining("block");
        assertThatThrownBy(() -> LoudnessMeter.of(Double.NaN, 2))
                .hasMessageContaining("sampleRate");
        assertThatThrownBy(() -> LoudnessMeter.of(1000, 2)).hasMessageContaining("sampleRate");
        assertThatThrownBy(() -> LoudnessMeter.of(48000, 0)).hasMessageContaining("channels");
    }
}
