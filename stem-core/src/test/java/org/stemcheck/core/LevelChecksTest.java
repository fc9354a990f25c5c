package org.stemcheck.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stemcheck.core.testing.Findings.of;
import static org.stemcheck.core.testing.Findings.problems;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stemcheck.core.testing.Delivery;
import org.stemcheck.core.testing.Signals;
import org.stemcheck.core.spec.DeliverySpec;
import org.stemcheck.core.file.StemFile;

/** Each level check finds its fault, injected into one stem of a generated delivery, on that stem only. */
class LevelChecksTest {

    private static final int FRAMES = (int) (Delivery.SECONDS * Delivery.RATE);

    @TempDir
    Path dir;

    private Report run(Delivery d) throws IOException {
        return run(d, DeliverySpec.music());
    }

    private Report run(Delivery d, DeliverySpec spec) throws IOException {
        d.write(dir);
        return StemSet.from(dir).expect(spec).run();
    }

    /**
     * The one problem of the whole report, null test included, which must have this code, on this
     * file. (The generated mix holds every injected stem as it is, so the stems still null: a
     * fault of the stem's own level must not show against the mix.)
     */
    private static Finding onlyProblem(Report r, String code, String file) {
        List<Finding> p = problems(r);
        assertThat(p).as("problems in %s", r.findings()).hasSize(1);
        Finding f = p.get(0);
        assertThat(f.code()).isEqualTo(code);
        assertThat(f.files()).containsExactly(file);
        return f;
    }

    @Test
    void generatedCleanDeliveryHasFactsForEveryStem() throws IOException {
        Report r = run(Delivery.clean());

        assertThat(problems(r)).isEmpty();
        assertThat(r.measured("Song_Bass_120bpm.wav"))
                .containsKeys("peak_dbfs", "rms_dbfs", "dc_dbfs", "effective_bits", "bandwidth_hz");
        assertThat(r.measured("Song_Bass_120bpm.wav").get("peak_dbfs")).isCloseTo(-12.04, org.assertj.core.data.Offset.offset(0.1));
        assertThat(r.measured("Song_Bass_120bpm.wav").get("effective_bits")).isEqualTo(24.0);
    }

    @Test
    void stemDrivenIntoFullScaleIsAClippingErrorSayingWhere() throws IOException {
        Delivery d = Delivery.clean();
        double[] hot = Signals.faded(Signals.sine(FRAMES, 1000, Delivery.RATE, 1.6));
        for (int i = 0; i < hot.length; i++) {
            hot[i] = Math.max(-1, Math.min(1, hot[i]));
        }
        d.file("Drums").samples = Signals.stereo(hot, Signals.gain(hot, 0.5));
        Report r = run(d);

        Finding f = onlyProblem(r, "level.clipping", "Song_Drums_120bpm.wav");
        assertThat(f.severity()).isEqualTo(Severity.ERROR);
        assertThat(f.message()).contains("Drums is clipped", "runs at full scale", "the longest");
        assertThat(f.measurements().get("runs")).isGreaterThan(10);
        assertThat(f.measurements().get("longest_run_samples")).isGreaterThanOrEqualTo(3);
        assertThat(f.where()).isNotEmpty().hasSizeLessThanOrEqualTo(Finding.MAX_SPANS);
        Finding.Span worst = f.where().get(0);
        assertThat(worst.endSeconds() - worst.startSeconds())
                .isCloseTo(f.measurements().get("longest_run_samples") / Delivery.RATE,
                        org.assertj.core.data.Offset.offset(1e-9));
        assertThat(f.fix()).contains("headroom");
    }

    @Test
    void floatStemOverFullScaleIsARecoverableWarning() throws IOException {
        Delivery d = Delivery.clean();
        d.file("Keys").floating = true;
        double[] over = Signals.faded(Signals.sine(FRAMES, 200, Delivery.RATE, 1.25));
        d.file("Keys").samples = Signals.stereo(over, Signals.gain(over, 0.7));
        Report r = run(d);

        List<Finding> clip = of(r, "level.clipping");
        assertThat(clip).hasSize(1);
        assertThat(clip.get(0).severity()).isEqualTo(Severity.WARNING);
        assertThat(clip.get(0).files()).containsExactly("Song_Keys_120bpm.wav");
        assertThat(clip.get(0).message()).contains("over 0 dBFS");
        assertThat(clip.get(0).fix()).contains("recoverable: lower the gain", "do not clip");
    }

    @Test
    void floatMixPeakingOverFullScaleIsAClippingWarningOnTheMix() throws IOException {
        // A float render of the master with no limiter: it peaks at +6 dBFS, which the first
        // fixed-point copy of it clips.
        Delivery.withoutMix().write(dir);
        double[] hot = Signals.faded(Signals.sine(FRAMES, 220, Delivery.RATE, 2.0));
        org.stemcheck.io.WavWriter.float32().write(dir.resolve("Song_Mix_120bpm.wav"), Delivery.RATE,
                Signals.stereo(hot, hot));
        Report r = StemSet.from(dir).mixdown("Song_Mix_120bpm.wav").run();

        List<Finding> clip = of(r, "level.clipping").stream()
                .filter(f -> f.files().contains("Song_Mix_120bpm.wav")).toList();
        assertThat(clip).as("%s", r.findings()).hasSize(1);
        assertThat(clip.get(0).severity()).isEqualTo(Severity.WARNING);
        assertThat(clip.get(0).message()).startsWith("Song_Mix_120bpm.wav goes over 0 dBFS");
    }

    @Test
    void stemWithDcIsADcOffsetWarningUnlessTheSpecAllowsThatMuch() throws IOException {
        Delivery d = Delivery.clean();
        double[] sine = Signals.faded(Signals.sine(FRAMES, 220, Delivery.RATE, 0.25));
        double[] withDc = sine.clone();
        for (int i = 0; i < withDc.length; i++) {
            withDc[i] += 0.01; // -40 dBFS
        }
        d.file("Bass").samples = Signals.stereo(sine, withDc);
        Report r = run(d);

        Finding f = onlyProblem(r, "level.dc-offset", "Song_Bass_120bpm.wav");
        assertThat(f.severity()).isEqualTo(Severity.WARNING);
        assertThat(f.message()).contains("DC offset of -39.", "channel 2", "-50.0 dBFS limit");
        assertThat(f.measurements().get("dc_dbfs")).isCloseTo(-40.0, org.assertj.core.data.Offset.offset(0.5));

        Report lenient = StemSet.from(dir).expect(DeliverySpec.music().toBuilder().maxDcOffset(-30).build()).run();
        assertThat(of(lenient, "level.dc-offset")).isEmpty();
    }

    @Test
    void digitalSilenceIsASilentWarning() throws IOException {
        Delivery d = Delivery.clean();
        d.file("Pads").samples = new double[2][FRAMES];
        Report r = run(d);

        Finding f = onlyProblem(r, "level.silent", "Song_Pads_120bpm.wav");
        assertThat(f.severity()).isEqualTo(Severity.WARNING);
        assertThat(f.message()).contains("Pads is digital silence", "missing elements?");
    }

    @Test
    void onlyNoiseFloorIsASilentWarningWithItsPeak() throws IOException {
        Delivery d = Delivery.clean();
        double[] hiss = Signals.noise(FRAMES, 1e-4, 7); // -80 dBFS
        d.file("Vocals").samples = Signals.stereo(hiss, Signals.noise(FRAMES, 1e-4, 8));
        Report r = run(d);

        Finding f = onlyProblem(r, "level.silent", "Song_Vocals_120bpm.wav");
        assertThat(f.message()).contains("only noise floor", "peak -80");
        assertThat(f.measurements().get("peak_dbfs")).isLessThan(-70);
    }

    @Test
    void stemThatStopsAtFullLevelIsACutTailWarningOnItsLast100ms() throws IOException {
        Delivery d = Delivery.clean();
        double[] unfaded = Signals.sine(FRAMES, 330, Delivery.RATE, 0.25);
        d.file("Guitars").samples = Signals.stereo(unfaded, Signals.gain(unfaded, 0.8));
        Report r = run(d);

        Finding f = onlyProblem(r, "level.cut-tail", "Song_Guitars_120bpm.wav");
        assertThat(f.severity()).isEqualTo(Severity.WARNING);
        assertThat(f.message()).contains("Guitars ends while still sounding");
        assertThat(f.where()).containsExactly(new Finding.Span(0.4, 0.5));
    }

    /** A sine whose tail decays exponentially (60 dB in 0.3 s) right up to the end, a natural ending, plus {@code dc}. */
    private static double[] fadedSine(double dc) {
        double[] tail = Signals.sine(FRAMES, 330, Delivery.RATE, 0.25);
        for (int i = 0; i < FRAMES; i++) {
            double t = (double) i / Delivery.RATE;
            tail[i] = tail[i] * (t < 0.2 ? 1 : Math.pow(10, -3 * (t - 0.2) / 0.3)) + dc;
        }
        return tail;
    }

    @Test
    void stemFadingOutBeforeItsEndIsNoCutTail() throws IOException {
        Delivery d = Delivery.clean();
        double[] tail = fadedSine(0.0);
        d.file("Guitars").samples = Signals.stereo(tail, Signals.gain(tail, 0.9));
        Report r = run(d);

        assertThat(of(r, "level.cut-tail")).isEmpty();
    }

    @Test
    void aDcOffsetUnderAFadedTailIsNoCutTail() throws IOException {
        Delivery d = Delivery.clean();
        // The same natural ending, on a DC offset of 0.02 (-34 dBFS): the last 100 ms hold the DC,
        // which level.dc-offset names; the music has ended.
        double[] tail = fadedSine(0.02);
        d.file("Guitars").samples = Signals.stereo(tail, tail);
        Report r = run(d);

        assertThat(of(r, "level.cut-tail")).isEmpty();
        assertThat(of(r, "level.dc-offset")).singleElement().satisfies(f ->
                assertThat(f.files()).containsExactly("Song_Guitars_120bpm.wav"));
    }

    @Test
    void aStemCutAtFullLevelOnADcOffsetIsStillACutTail() throws IOException {
        Delivery d = Delivery.clean();
        double[] unfaded = Signals.sine(FRAMES, 330, Delivery.RATE, 0.25);
        for (int i = 0; i < FRAMES; i++) {
            unfaded[i] += 0.02;
        }
        d.file("Guitars").samples = Signals.stereo(unfaded, unfaded);
        Report r = run(d);

        assertThat(of(r, "level.cut-tail")).singleElement().satisfies(f ->
                assertThat(f.files()).containsExactly("Song_Guitars_120bpm.wav"));
    }

    /** A 12 kHz sine sampled 45 degrees off its crests: samples reach 0.707 of its amplitude, the true peak all of it. */
    private static double[][] interSamplePeaks(double amplitude) {
        double[] x = new double[FRAMES];
        for (int i = 0; i < FRAMES; i++) {
            x[i] = amplitude * Delivery.fade((double) i / FRAMES) * Math.sin(Math.PI / 2 * i + Math.PI / 4);
        }
        return Signals.stereo(x, Signals.gain(x, 0.5));
    }

    @Test
    void interSamplePeaksAboveTheCeilingAreATruePeakWarning() throws IOException {
        Delivery d = Delivery.clean();
        d.file("Vocals").samples = interSamplePeaks(0.95); // sample peak -3.5 dBFS, true peak -0.4 dBTP
        Report r = run(d);

        Finding f = onlyProblem(r, "level.true-peak", "Song_Vocals_120bpm.wav");
        assertThat(f.severity()).isEqualTo(Severity.WARNING);
        assertThat(f.measurements().get("true_peak_dbtp")).isCloseTo(-0.45, org.assertj.core.data.Offset.offset(0.1));
        assertThat(f.message()).contains("Vocals peaks at -0.4 dBTP", "sample peak -3.", "-1.0 dBTP ceiling");
        assertThat(r.measured("Song_Vocals_120bpm.wav").get("true_peak_dbtp")).isGreaterThan(-1.0);

        Report lenient = StemSet.from(dir).expect(DeliverySpec.music().toBuilder().truePeakCeiling(0.0).build()).run();
        assertThat(of(lenient, "level.true-peak")).isEmpty();
    }

    @Test
    void truePeakAboveFullScaleIsAnErrorEvenWithoutClippedSamples() throws IOException {
        Delivery d = Delivery.clean();
        d.file("Drums").samples = interSamplePeaks(1.3); // sample peak -0.7 dBFS, true peak +2.3 dBTP
        Report r = run(d);

        Finding f = onlyProblem(r, "level.true-peak", "Song_Drums_120bpm.wav");
        assertThat(f.severity()).isEqualTo(Severity.ERROR);
        assertThat(f.message()).contains("+2.", "above 0 dBTP it clips");
        assertThat(f.fix()).contains("true-peak limiter");
    }

    @Test
    void everyReportFieldIsFilledForAMeasuredStem() throws IOException {
        Report r = run(Delivery.clean());

        assertThat(r.measured("Song_Drums_120bpm.wav")).containsKeys(
                org.stemcheck.core.internal.report.ReportJson.MEASURED_FIELDS.toArray(String[]::new));
        assertThat(r.measured("Song_Drums_120bpm.wav").get("integrated_lufs")).isBetween(-25.0, -10.0);
    }

    @Test
    void theEngineHandsItsCurvesToTheHtmlReport() throws IOException {
        Report r = run(Delivery.clean());

        List<String> audio = r.files().stream().filter(StemFile::readable).map(StemFile::name).toList();
        assertThat(r.plots().levels()).containsOnlyKeys(audio);
        assertThat(r.plots().spectra()).containsOnlyKeys(audio);
        assertThat(r.plots().loudness()).containsOnlyKeys(audio);
        Plots.Series level = r.plots().levels().get("Song_Bass_120bpm.wav");
        assertThat(level.size()).isEqualTo(5); // 0.5 s in 100 ms points
        assertThat(level.y(0)).isCloseTo(-15.05, org.assertj.core.data.Offset.offset(0.2)); // a 0.25 sine: -15.1 dBFS RMS
        assertThat(r.plots().spectra().get("Song_Bass_120bpm.wav").x(0)).isGreaterThan(0);
        // Level, spectrum, loudness and (the delivery has a mix) the null residual are all drawn.
        assertThat(r.plots().residual()).isPresent();
        String html = ReportFormat.html().toString(r);
        assertThat(html).doesNotContain("class=\"missing\">Not measured");
    }
}
