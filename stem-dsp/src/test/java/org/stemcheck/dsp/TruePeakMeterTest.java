package org.stemcheck.dsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TruePeakMeterTest {

    /** Feeds {@code x} in blocks of {@code block} frames. */
    private static TruePeakResult measure(double fs, double[][] x, int block) {
        TruePeakMeter m = TruePeakMeter.of(fs, x.length);
        for (int start = 0; start < x[0].length; start += block) {
            m.accept(x, start, Math.min(block, x[0].length - start));
        }
        return m.result();
    }

    private static double[][] sine(double fs, double frequency, double phaseDeg, double amplitude, int frames) {
        double[][] x = new double[1][frames];
        for (int i = 0; i < frames; i++) {
            x[0][i] = amplitude * Math.sin(2 * Math.PI * frequency * i / fs + Math.toRadians(phaseDeg));
        }
        return x;
    }

    /** The same, faded in and out over 10 ms: no Gibbs overshoot of a hard start or end. */
    private static double[][] fadedSine(double fs, double frequency, double phaseDeg, double amplitude, int frames) {
        double[][] x = sine(fs, frequency, phaseDeg, amplitude, frames);
        int fade = (int) (0.01 * fs);
        for (int i = 0; i < frames; i++) {
            double edge = Math.min(1, Math.min(i, frames - 1 - i) / (double) fade);
            x[0][i] *= 0.5 - 0.5 * Math.cos(Math.PI * edge);
        }
        return x;
    }

    @Test
    void quarterRateSineAt45DegreesReadsItsAmplitudeNotItsSamples() {
        // Samples fall at +/-0.5 sin(45 deg) = 0.354 (-9.03 dBFS); the wave peaks at 0.5 (-6.02 dBTP),
        // exactly halfway between samples, where the 4x interpolator has a phase.
        TruePeakResult r = measure(48000, fadedSine(48000, 12000, 45, 0.5, 48000), 4096);
        assertThat(r.maxSamplePeakDbfs()).isCloseTo(20 * Math.log10(0.5 * Math.sqrt(0.5)), within(1e-9));
        assertThat(r.maxTruePeakDbtp()).isCloseTo(20 * Math.log10(0.5), within(0.001));
        assertThat(r.oversampling()).isEqualTo(4);
    }

    @Test
    void resultsDoNotDependOnHowTheAudioIsCutIntoBlocks() {
        double[][] x = new double[2][20011];
        Random random = new Random(3);
        for (int i = 0; i < x[0].length; i++) {
            x[0][i] = 0.6 * Math.sin(i * 1.9) + 0.1 * random.nextGaussian();
            x[1][i] = 0.8 * Math.sin(i * 2.7);
        }
        TruePeakResult large = measure(44100, x, 4096);
        assertThat(measure(44100, x, 1)).isEqualTo(large);
        assertThat(measure(44100, x, 7)).isEqualTo(large);
        assertThat(large.truePeakDbtp()).hasSize(2);
        assertThat(large.truePeakDbtp().get(1)).isGreaterThan(large.samplePeakDbfs().get(1));
    }

    @ParameterizedTest(name = "{0} Hz: {1}x")
    @CsvSource({"48000, 4", "44100, 5", "88200, 3", "96000, 2", "176400, 2", "192000, 2", "384000, 2",
        "22050, 9", "8000, 24", "4000, 32"})
    void oversamplesToAtLeast192kHzAndAtLeastTwice(double fs, int factor) {
        assertThat(TruePeakMeter.oversamplingFor(fs)).isEqualTo(factor);
        assertThat(TruePeakMeter.of(fs, 1).result().oversampling()).isEqualTo(factor);
    }

    @Test
    void truePeakIsNeverBelowSamplePeak() {
        double[][] x = new double[3][5000];
        Random random = new Random(11);
        for (double[] channel : x) {
            for (int i = 0; i < channel.length; i++) {
                channel[i] = random.nextDouble() * 2 - 1;
            }
        }
        TruePeakResult r = measure(48000, x, 512);
        for (int c = 0; c < 3; c++) {
            assertThat(r.truePeakDbtp().get(c)).isGreaterThanOrEqualTo(r.samplePeakDbfs().get(c));
        }
        assertThat(r.maxTruePeakDbtp()).isEqualTo(r.truePeakDbtp().stream().mapToDouble(d -> d).max().orElseThrow());
    }

    @Test
    void theEndOfTheAudioIsReadAsIfSilenceFollowed() {
        // A tone cut hard at its end overshoots between its last sample and the silence after it.
        double[][] cut = sine(48000, 9000, 10, 0.9, 1001);
        double[][] padded = new double[1][1001 + 100];
        System.arraycopy(cut[0], 0, padded[0], 0, 1001);
        assertThat(measure(48000, cut, 4096)).isEqualTo(measure(48000, padded, 4096));
    }

    @Test
    void resultCanBeTakenMidwayWithoutDisturbingTheMeasurement() {
        double[][] x = sine(48000, 5000, 0, 0.7, 3000);
        TruePeakMeter m = TruePeakMeter.of(48000, 1);
        m.accept(x, 0, 1000);
        TruePeakResult midway = m.result();
        m.accept(x, 1000, 2000);
        // Midway, the audio is read as if it ended there (hard cut: its overshoot counts).
        assertThat(midway).isEqualTo(measure(48000, new double[][] {java.util.Arrays.copyOf(x[0], 1000)}, 1000));
        assertThat(m.result()).isEqualTo(measure(48000, x, 3000));
    }

    @Test
    void silenceAndNoAudioReadMinusInfinity() {
        TruePeakResult silent = measure(48000, new double[2][1000], 100);
        assertThat(silent.maxTruePeakDbtp()).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(silent.maxSamplePeakDbfs()).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(TruePeakMeter.of(48000, 2).result().truePeakDbtp())
                .containsExactly(Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY);
    }

    @Test
    void nonFiniteSamplesAreMeasuredAsSilence() {
        double[][] x = sine(48000, 1000, 0, 0.25, 2000);
        TruePeakResult clean = measure(48000, x, 4096);
        x[0][500] = Double.POSITIVE_INFINITY;
        x[0][501] = Double.NaN;
        TruePeakResult dirty = measure(48000, x, 4096);
        assertThat(dirty.maxTruePeakDbtp()).isCloseTo(clean.maxTruePeakDbtp(), within(0.5));
        assertThat(dirty.maxTruePeakDbtp()).isFinite();
    }

    @Test
    void rejectsMisuse() {
        assertThatThrownBy(() -> TruePeakMeter.of(48000, 0)).hasMessageContaining("channels");
        assertThatThrownBy(() -> TruePeakMeter.of(0, 2)).hasMessageContaining("sampleRate");
        TruePeakMeter m = TruePeakMeter.of(48000, 2);
        assertThatThrownBy(() -> m.accept(new double[2][3], 0, 4)).hasMessageContaining("frames 4");
    }
}
