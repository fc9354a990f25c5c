package org.stemcheck.core.internal.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stemcheck.core.Checks;
import org.stemcheck.core.Finding;
import org.stemcheck.core.Report;
import org.stemcheck.core.ReportFormat;
import org.stemcheck.core.file.Role;
import org.stemcheck.core.file.StemFile;
import org.stemcheck.core.StemSet;
import org.stemcheck.core.internal.delivery.Source;
import org.stemcheck.core.internal.delivery.Sources;
import org.stemcheck.core.internal.setpass.SetAnalysis;
import org.stemcheck.core.internal.setpass.SetPass;
import org.stemcheck.core.spec.DeliverySpec;
import org.stemcheck.io.WavWriter;

/**
 * The set pass diagnoses only what fails: a delivery whose stems null cleanly against the mix is
 * screened and left there, and its report is the one the full diagnosis gives; a faulty one is
 * diagnosed, with the findings the diagnosis always gave.
 */
class CleanNullTest {

    private static final int RATE = 48_000;
    private static final int FRAMES = 3 * RATE;
    private static final String[] LABELS = {"Drums", "Bass", "Keys", "FX"};

    /** What a run gave, and the set analysis behind it. */
    private record Run(Report report, SetAnalysis analysis) {

        String json() {
            return ReportFormat.json().toString(report);
        }
    }

    /** The set pass as the engine runs it, or diagnosing every delivery (as before the screen). */
    private static Run run(Path dir, boolean diagnoseAlways) {
        AtomicReference<SetAnalysis> seen = new AtomicReference<>();
        Reading.SetRunner runner = (sel, pool) -> {
            Optional<SetAnalysis> a = SetPass.run(sel, pool, diagnoseAlways);
            a.ifPresent(seen::set);
            return a;
        };
        StemSet set = StemSet.from(dir);
        List<StemFile> files = set.files();
        List<Source> sources = Sources.discover(dir);
        List<Map.Entry<StemFile, Source>> inputs = new ArrayList<>();
        for (int i = 0; i < sources.size(); i++) {
            inputs.add(Map.entry(files.get(i), sources.get(i)));
        }
        Optional<StemFile> reference = files.stream().filter(f -> f.role() == Role.MIXDOWN).findFirst();
        Report r = new Engine(Measurements.standard(), 2, runner).run(new Engine.Run(dir.toString(),
                DeliverySpec.music(), inputs, reference, false, Checks.standard(), Set.of(), null));
        return new Run(r, seen.get());
    }

    /**
     * Four stereo stems (a tone, noise bursts, chords, a diffuse tail) and their exact sum as the
     * mix, at {@code bits}; {@code bassGain} applied to the delivered bass only; without the FX
     * stem's file when {@code dropFx}.
     */
    private static Path write(Path dir, int bits, double level, double bassGain, boolean dropFx) throws IOException {
        return write(dir, bits, level, bassGain, dropFx, null, null);
    }

    /** As above, with one more stem: {@code delivered} as its file, {@code inMix} as the mix has it. */
    private static Path write(Path dir, int bits, double level, double bassGain, boolean dropFx,
                              double[][] delivered, double[][] inMix) throws IOException {
        Random rnd = new Random(7);
        double[][][] stems = new double[LABELS.length][2][FRAMES];
        for (int t = 0; t < FRAMES; t++) {
            double s = (double) t / RATE;
            double burst = (t / (RATE / 4)) % 2 == 0 ? 1 : 0;
            double[] v = {burst * rnd.nextGaussian() * 0.3, Math.sin(2 * Math.PI * 55 * s),
                    0.5 * (Math.sin(2 * Math.PI * 261.6 * s) + Math.sin(2 * Math.PI * 329.6 * s)),
                    0.2 * rnd.nextGaussian()};
            for (int i = 0; i < LABELS.length; i++) {
                stems[i][0][t] = level * v[i];
                stems[i][1][t] = level * (i == 3 ? 0.2 * rnd.nextGaussian() : 0.9 * v[i]);
            }
        }
        double[][] mix = new double[2][FRAMES];
        if (inMix != null) {
            mix = new double[][] {inMix[0].clone(), inMix[1].clone()};
        }
        for (double[][] stem : stems) {
            for (int c = 0; c < 2; c++) {
                for (int t = 0; t < FRAMES; t++) {
                    mix[c][t] += stem[c][t];
                }
            }
        }
        WavWriter w = WavWriter.pcm(bits);
        for (int i = 0; i < LABELS.length; i++) {
            if (dropFx && LABELS[i].equals("FX")) {
                continue;
            }
            double g = LABELS[i].equals("Bass") ? bassGain : 1.0;
            double[][] out = {scale(stems[i][0], g), scale(stems[i][1], g)};
            w.write(dir.resolve("Song_" + LABELS[i] + "_120bpm.wav"), RATE, out);
        }
        if (delivered != null) {
            w.write(dir.resolve("Song_Chime_120bpm.wav"), RATE, delivered);
        }
        w.write(dir.resolve("mixdown.wav"), RATE, mix);
        return dir;
    }

    private static double[] scale(double[] x, double g) {
        double[] out = x.clone();
        for (int t = 0; t < out.length; t++) {
            out[t] *= g;
        }
        return out;
    }

    @Test
    void aCleanDeliveryIsScreenedOnlyAndReportsWhatTheDiagnosisWould(@TempDir Path tmp) throws IOException {
        Path dir = write(tmp, 24, 0.05, 1.0, false);

        Run screened = run(dir, false);
        Run diagnosed = run(dir, true);

        assertThat(screened.analysis().diagnosed()).as("the diagnosis was left out").isFalse();
        assertThat(screened.analysis().plainNullDb()).isLessThan(-100);
        assertThat(diagnosed.analysis().diagnosed()).isTrue();
        assertThat(screened.report().reference()).isPresent();
        assertThat(screened.report().findings()).extracting(Finding::code).noneMatch(c -> c.startsWith("mix.")
                && !c.equals("mix.reference"));
        assertThat(screened.json()).isEqualTo(diagnosed.json());
        assertThat(screened.report().plots()).isEqualTo(diagnosed.report().plots());
    }

    @Test
    void aFaultyDeliveryIsDiagnosedWithTheFindingsOfTheFullDiagnosis(@TempDir Path tmp) throws IOException {
        // the bass 3 dB hot and the FX stem missing: both in the mix, neither as delivered
        Path dir = write(tmp, 24, 0.05, Math.pow(10, 3 / 20.0), true);

        Run run = run(dir, false);
        Run always = run(dir, true);

        assertThat(run.analysis().diagnosed()).isTrue();
        assertThat(run.analysis().passes().first().offsets()).as("offsets searched").hasSize(3);
        assertThat(run.report().findings()).extracting(Finding::code).contains("mix.gain");
        assertThat(run.report().findings()).filteredOn(f -> f.code().equals("mix.gain"))
                .allSatisfy(f -> assertThat(f.files()).containsExactly("Song_Bass_120bpm.wav"));
        assertThat(run.json()).isEqualTo(always.json());
    }

    @Test
    void a16BitDeliveryRoundsAboveTheCleanNullAndIsDiagnosed(@TempDir Path tmp) throws IOException {
        // 16-bit rounding of five files, about -94 dBFS, under a mix at about -30 dBFS: -64 dB
        Path dir = write(tmp, 16, 0.01, 1.0, false);

        Run run = run(dir, false);

        assertThat(run.analysis().plainNullDb()).isBetween(-80.0, -50.0);
        assertThat(run.analysis().diagnosed()).isTrue();
        assertThat(run.json()).isEqualTo(run(dir, true).json());
    }

    @Test
    void aFaintStemOutOfPlaceUnderADeepNullIsStillDiagnosed(@TempDir Path tmp) throws IOException {
        // a chime 85 dB under the mix, 100 samples late: the null stays about 90 dB under the mix,
        // far enough for the mix's findings, but not 70 dB under that stem
        double[][] late = new double[2][FRAMES];
        double[][] inMix = new double[2][FRAMES];
        for (int t = 0; t < FRAMES; t++) {
            inMix[0][t] = 3e-6 * Math.sin(2 * Math.PI * 1000.0 * t / RATE);
            inMix[1][t] = inMix[0][t];
            if (t >= 100) {
                late[0][t] = inMix[0][t - 100];
                late[1][t] = inMix[1][t - 100];
            }
        }
        Path dir = write(tmp, 24, 0.05, 1.0, false, late, inMix);

        Run run = run(dir, false);

        assertThat(run.analysis().passes().first().residual().totalDb()).isLessThan(-80.0);
        assertThat(run.analysis().diagnosed()).isTrue();
        assertThat(run.json()).isEqualTo(run(dir, true).json());
    }
}
