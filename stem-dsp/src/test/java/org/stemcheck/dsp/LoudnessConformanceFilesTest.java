package org.stemcheck.dsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.stemcheck.io.AudioFile;
import org.stemcheck.io.AudioFiles;
import org.stemcheck.io.SampleStream;
import org.stemcheck.io.testing.TestData;
import org.stemcheck.io.testing.Verbose;

/**
 * Every file of {@code conformance/expected.json} (EBU Tech 3341 cases 1, 2, 9, 10, 12, 13, 15-23;
 * the ITU BS.2217 gate files; pyloudnorm's {@code sine_1000.wav}) meets each target present in its
 * entry at the published tolerance: integrated, momentary / short-term (held after the stated time),
 * maximum momentary / short-term (evaluated every 10 ms), true peak (+0.2 / -0.4 dB).
 */
class LoudnessConformanceFilesTest {

    /**
     * Tolerance for pyloudnorm's {@code sine_1000.wav} regression value (-3.0523438 LUFS), in LU.
     * pyloudnorm approximates the K-curve with RBJ-cookbook sections (shelf 1500 Hz / +4 dB / Q
     * 0.7071, high-pass 38 Hz / Q 0.5, no pre-warping), which at 1 kHz and 44.1 kHz weigh 0.041 dB
     * less than BS.1770's curve; its 3.1e-5 tolerance (numpy isclose) fits only its own filters.
     * {@code PyloudnormConventionTest} reproduces the value to 3.1e-5 with those filters through our
     * gating, and checks that the whole difference is the filters'. Here: the filter difference plus
     * a 0.009 LU margin.
     */
    static final double PYLOUDNORM_FILTER_TOLERANCE = 0.05;

    /** Agreement with libebur128's exact integrated values, LU (same filters, exact gating: rounding only). */
    static final double LIBEBUR128_AGREEMENT = 1e-4;

    /** True-peak tolerance below the target, dB (EBU Tech 3341 Table 1: +0.2/-0.4 dB). */
    static final double TRUE_PEAK_MINUS = 0.4;
    /** True-peak tolerance above the target, dB (idem). */
    static final double TRUE_PEAK_PLUS = 0.2;

    @TestFactory
    Stream<DynamicTest> everyFileMeetsEveryPublishedTargetInItsEntry() throws IOException {
        Path root = TestData.require("conformance");
        String json = Files.readString(root.resolve("expected.json"), StandardCharsets.UTF_8);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> entries = (List<Map<String, Object>>) ConformanceJson.parse(json);
        assertThat(entries).hasSizeGreaterThanOrEqualTo(23);
        return entries.stream().map(e -> dynamicTest(e.get("file") + " (" + e.get("test_case") + ")",
                () -> check(root, e)));
    }

    private static void check(Path root, Map<String, Object> entry) throws IOException {
        Path file = root.resolve((String) entry.get("file"));
        Measured m = measure(file);
        SoftAssertions soft = new SoftAssertions();
        int targets = 0;
        double tolerance = number(entry, "tolerance", 0.1);
        if (String.valueOf(entry.get("test_case")).startsWith("pyloudnorm regression")) {
            tolerance = PYLOUDNORM_FILTER_TOLERANCE;
        }
        if (entry.containsKey("integrated_lufs")) {
            targets++;
            expectWithin(soft, entry, "integrated_lufs", m.loudness.integratedLufs(), tolerance);
        }
        if (entry.containsKey("libebur128_exact_integrated_lufs")) {
            // Cross-check, not a target: at 48 kHz our K-weighting equals libebur128's and both
            // gate exactly, so the two must agree far inside the conformance tolerance.
            expectWithin(soft, entry, "libebur128_exact_integrated_lufs", m.loudness.integratedLufs(),
                    LIBEBUR128_AGREEMENT);
        }
        if (entry.containsKey("max_momentary_lufs")) {
            targets++;
            expectWithin(soft, entry, "max_momentary_lufs", m.loudness.maxMomentaryLufs(), tolerance);
        }
        if (entry.containsKey("max_short_term_lufs")) {
            targets++;
            expectWithin(soft, entry, "max_short_term_lufs", m.loudness.maxShortTermLufs(), tolerance);
        }
        if (entry.containsKey("momentary_lufs")) {
            targets++;
            double after = Math.max(number(entry, "momentary_constant_after_s", 0), 0.4);
            expectHeld(soft, entry, "momentary_lufs", m.loudness.timeline(), true, after, tolerance);
        }
        if (entry.containsKey("short_term_lufs")) {
            targets++;
            double after = Math.max(number(entry, "short_term_constant_after_s", 0), 3.0);
            expectHeld(soft, entry, "short_term_lufs", m.loudness.timeline(), false, after, tolerance);
        }
        if (entry.containsKey("true_peak_dbtp")) {
            targets++;
            @SuppressWarnings("unchecked")
            Map<String, Object> tp = (Map<String, Object>) entry.get("true_peak_tolerance_db");
            double minus = tp == null ? TRUE_PEAK_MINUS : number(tp, "minus", TRUE_PEAK_MINUS);
            double plus = tp == null ? TRUE_PEAK_PLUS : number(tp, "plus", TRUE_PEAK_PLUS);
            double target = number(entry, "true_peak_dbtp", 0);
            double measured = m.truePeak.maxTruePeakDbtp();
            report(entry, "true_peak_dbtp", target, measured, String.format(Locale.ROOT, "+%.1f/-%.1f", plus, minus),
                    measured >= target - minus && measured <= target + plus);
            soft.assertThat(measured).as("%s true peak", entry.get("file")).isBetween(target - minus, target + plus);
        }
        soft.assertThat(targets).as("targets found in the entry of %s", entry.get("file")).isPositive();
        soft.assertAll();
    }

    private static void expectWithin(SoftAssertions soft, Map<String, Object> entry, String key, double measured,
            double tolerance) {
        double target = number(entry, key, Double.NaN);
        report(entry, key, target, measured, String.format(Locale.ROOT, "±%s", tolerance),
                Math.abs(measured - target) <= tolerance);
        soft.assertThat(measured).as("%s %s", entry.get("file"), key).isCloseTo(target,
                org.assertj.core.data.Offset.offset(tolerance));
    }

    /** Every timeline value from {@code after} seconds on is within the tolerance of the target. */
    private static void expectHeld(SoftAssertions soft, Map<String, Object> entry, String key, LoudnessTimeline t,
            boolean momentary, double after, double tolerance) {
        double target = number(entry, key, Double.NaN);
        double worst = target;
        int points = 0;
        for (int i = 0; i < t.size(); i++) {
            if (t.timeSeconds(i) >= after - 1e-9) {
                double v = momentary ? t.momentaryLufs(i) : t.shortTermLufs(i);
                points++;
                if (!(Math.abs(v - target) <= Math.abs(worst - target))) {
                    worst = v;
                }
            }
        }
        report(entry, key + String.format(Locale.ROOT, " (worst of %d points from %.1f s)", points, after),
                target, worst, String.format(Locale.ROOT, "±%s", tolerance), Math.abs(worst - target) <= tolerance);
        soft.assertThat(points).as("%s %s points", entry.get("file"), key).isPositive();
        soft.assertThat(worst).as("%s %s, the value furthest from the target from %.1f s on", entry.get("file"),
                key, after).isCloseTo(target, org.assertj.core.data.Offset.offset(tolerance));
    }

    private static void report(Map<String, Object> entry, String key, double target, double measured, String tol,
            boolean pass) {
        Verbose.printf("CONFORMANCE | %s | %s | %.4f | %.6f | %s | %s%n",
                entry.get("file"), key, target, measured, tol, pass ? "pass" : "FAIL");
    }

    private static double number(Map<String, Object> entry, String key, double fallback) {
        Object v = entry.get(key);
        return v instanceof Double ? (Double) v : fallback;
    }

    private record Measured(LoudnessResult loudness, TruePeakResult truePeak) {
    }

    private static Measured measure(Path file) throws IOException {
        AudioFile audio = AudioFiles.open(file);
        LoudnessMeter loudness = LoudnessMeter.forFormat(audio.format());
        TruePeakMeter truePeak = TruePeakMeter.forFormat(audio.format());
        double[][] block = new double[audio.format().channels()][4096];
        try (SampleStream s = audio.openStream()) {
            for (int n; (n = s.read(block, 0, 4096)) > 0; ) {
                loudness.accept(block, 0, n);
                truePeak.accept(block, 0, n);
            }
        }
        assertThat(loudness.result().frames()).isEqualTo(audio.frames());
        return new Measured(loudness.result(), truePeak.result());
    }
}
