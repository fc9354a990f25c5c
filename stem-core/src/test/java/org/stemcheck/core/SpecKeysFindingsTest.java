package org.stemcheck.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stemcheck.core.testing.Delivery;
import org.stemcheck.core.testing.Findings;
import org.stemcheck.core.spec.DeliverySpec;
import org.stemcheck.core.file.StemFile;
import org.stemcheck.core.file.Role;

/**
 * Each key of a spec file changes what is found, on small deliveries written here: the same folder
 * checked under {@code music} and under a spec file that sets one key.
 */
class SpecKeysFindingsTest {

    @TempDir
    Path tmp;

    private Path write(Delivery d) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("delivery"));
        d.write(dir);
        return dir;
    }

    private DeliverySpec spec(String json) throws IOException {
        Path p = tmp.resolve("label.json");
        Files.writeString(p, json);
        return DeliverySpec.load(p);
    }

    private Report run(Path dir, String json) throws IOException {
        return StemSet.from(dir).expect(spec(json)).run();
    }

    private static Report music(Path dir) {
        return StemSet.from(dir).run();
    }

    private static List<Finding> of(Report r, String code) {
        return Findings.of(r, code);
    }

    private static List<Finding> of(Report r, String code, Severity s) {
        return Findings.of(r, code).stream().filter(f -> f.severity() == s).toList();
    }

    /** A sine at {@code amplitude} in both channels of a 0.5 s stereo stem, plus {@code dc}. */
    private static double[][] sine(double hz, double amplitude, double dc) {
        int n = (int) (Delivery.SECONDS * Delivery.RATE);
        double[][] x = new double[2][n];
        for (int c = 0; c < 2; c++) {
            for (int i = 0; i < n; i++) {
                x[c][i] = dc + amplitude * Delivery.fade((double) i / n) * Math.sin(2 * Math.PI * hz * i / Delivery.RATE);
            }
        }
        return x;
    }

    @Test
    void sampleRates() throws IOException {
        Path dir = write(Delivery.withoutMix());
        assertThat(of(music(dir), "format.sample-rate")).isEmpty();
        assertThat(of(run(dir, "{\"format\": {\"sample_rates\": [44100]}}"), "format.sample-rate", Severity.ERROR))
                .singleElement().satisfies(f -> assertThat(f.message()).contains("the label spec accepts 44.1 kHz"));
    }

    @Test
    void bitDepthAndFloat() throws IOException {
        Delivery d = Delivery.withoutMix();
        d.file("Bass").bits = 16;
        d.file("Keys").floating = true;
        Path dir = write(d);
        assertThat(of(music(dir), "format.bit-depth", Severity.ERROR)).extracting(f -> f.files().get(0))
                .containsExactly("Song_Bass_120bpm.wav");
        Report r = run(dir, "{\"format\": {\"bit_depth\": 16, \"float_allowed\": false}}");
        assertThat(of(r, "format.bit-depth", Severity.ERROR)).extracting(f -> f.files().get(0))
                .containsExactly("Song_Keys_120bpm.wav");
    }

    @Test
    void channelsForEveryStemAndForOne() throws IOException {
        Delivery d = Delivery.withoutMix();
        d.file("Bass").channels = 1;
        Path dir = write(d);
        assertThat(of(music(dir), "format.channels", Severity.WARNING)).hasSize(1);
        assertThat(of(run(dir, "{\"format\": {\"stem_channels\": {\"bass\": 1}}}"), "format.channels"))
                .as("the spec asks a mono bass").isEmpty();
        assertThat(of(run(dir, "{\"format\": {\"channels\": 2}}"), "format.channels", Severity.ERROR))
                .singleElement().satisfies(f -> assertThat(f.message())
                        .isEqualTo("Bass is mono; the spec label asks stereo for every stem"));
        assertThat(of(run(dir, "{\"format\": {\"channels\": 1, \"stem_channels\": {\"Bass\": 2}}}"), "format.channels",
                Severity.ERROR)).hasSize(7);
    }

    @Test
    void namingTemplateAndPattern() throws IOException {
        Path dir = write(Delivery.withoutMix());
        assertThat(of(music(dir), "naming.pattern")).isEmpty();
        Report r = run(dir, "{\"naming\": {\"template\": \"<Title>-<Stem>\", \"pattern\": \"(?<title>[^-_]+)-(?<stem>.+)\"}}");
        assertThat(of(r, "naming.pattern")).hasSize(7)
                .allSatisfy(f -> assertThat(f.message()).endsWith("does not follow the naming pattern <Title>-<Stem>"));
    }

    @Test
    void expectedStemsByNameOrPatternRequiredOrNot() throws IOException {
        Path dir = write(Delivery.withoutMix());
        assertThat(of(music(dir), "set.missing-stem")).isEmpty();
        assertThat(of(run(dir, "{\"stems\": {\"expected\": [\"Drums\", \"Strings\"]}}"), "set.missing-stem"))
                .singleElement().satisfies(f -> assertThat(f.message())
                        .isEqualTo("no Strings stem in the delivery, which the spec label expects"));
        assertThat(of(run(dir, "{\"stems\": {\"expected\": [{\"name\": \"Strings\", \"required\": false}]}}"),
                "set.missing-stem")).isEmpty();
        assertThat(of(run(dir, "{\"stems\": {\"expected\": [{\"pattern\": \"drum(s|kit)?\"},"
                + " {\"name\": \"Vox\", \"pattern\": \"vox|vocals?\"}]}}"), "set.missing-stem")).isEmpty();
        assertThat(of(run(dir, "{\"stems\": {\"expected\": [{\"name\": \"Strings\", \"pattern\": \"str(ing)?s\"}]}}"),
                "set.missing-stem")).singleElement().satisfies(f -> assertThat(f.message())
                        .contains("no Strings stem in the delivery (nor a stem whose label matches str(ing)?s)"));
    }

    @Test
    void stemCountsJudgeRawMultitracks() throws IOException {
        Path dir = write(Delivery.withoutMix());
        assertThat(of(music(dir), "set.multitracks")).isEmpty();
        assertThat(of(run(dir, "{\"stems\": {\"min_count\": 1, \"max_count\": 3}}"), "set.multitracks"))
                .singleElement().satisfies(f -> assertThat(f.message()).contains("7 files where the label spec expects 1 to 3 stems"));
    }

    @Test
    void fxLabelsMakeEffectStems() throws IOException {
        Path dir = write(Delivery.withoutMix());
        assertThat(StemSet.from(dir).files()).filteredOn(f -> f.role() == Role.FX).extracting(StemFile::displayLabel)
                .containsExactly("FX");
        assertThat(StemSet.from(dir).expect(spec("{\"stems\": {\"fx_labels\": [\"Pads\"]}}")).files())
                .filteredOn(f -> f.role() == Role.FX).extracting(StemFile::displayLabel).containsExactly("Pads");
    }

    @Test
    void lengthTolerance() throws IOException {
        Delivery d = Delivery.withoutMix();
        d.file("Keys").seconds = 0.45;
        Path dir = write(d);
        assertThat(of(music(dir), "format.length")).hasSize(1);
        assertThat(of(run(dir, "{\"timing\": {\"length_tolerance_s\": 0.1}}"), "format.length")).isEmpty();
    }

    @Test
    void timecodeToleranceAndRequiredTimeReference() throws IOException {
        Delivery d = Delivery.withoutMix();
        d.file("Bass").timeReference = Delivery.ONE_HOUR_AT_48K + 48; // 1 ms late
        Path dir = write(d);
        assertThat(of(music(dir), "format.timecode", Severity.ERROR)).hasSize(1);
        assertThat(of(run(dir, "{\"timing\": {\"timecode_tolerance_s\": 0.002}}"), "format.timecode")).isEmpty();

        Delivery unstamped = Delivery.withoutMix();
        for (String l : Delivery.LABELS) {
            unstamped.file(l).timeReference = null;
        }
        Path plain = Files.createDirectories(tmp.resolve("plain"));
        unstamped.write(plain);
        assertThat(of(music(plain), "format.timecode")).isEmpty();
        assertThat(of(run(plain, "{\"timing\": {\"require_time_reference\": true}}"), "format.timecode", Severity.ERROR))
                .singleElement().satisfies(f -> assertThat(f.message()).contains("No stem carries a BWF TimeReference"));
    }

    @Test
    void truePeakAndSamplePeakCeilings() throws IOException {
        Path dir = write(Delivery.withoutMix()); // stems peak near -12 dBFS
        assertThat(of(music(dir), "level.true-peak")).isEmpty();
        assertThat(of(run(dir, "{\"levels\": {\"true_peak_ceiling_dbtp\": -20}}"), "level.true-peak", Severity.WARNING))
                .hasSize(7).allSatisfy(f -> assertThat(f.message()).contains("above the -20.0 dBTP ceiling"));
        assertThat(of(run(dir, "{\"levels\": {\"sample_peak_ceiling_dbfs\": -20}}"), "level.true-peak", Severity.WARNING))
                .hasSize(7).allSatisfy(f -> assertThat(f.message()).contains("-20.0 dBFS sample-peak ceiling"));
    }

    @Test
    void dcOffsetLimit() throws IOException {
        Delivery d = Delivery.withoutMix();
        d.file("Bass").samples = sine(440, 0.25, 0.002); // DC at -54 dBFS; the other stems' faded sines hold less
        Path dir = write(d);
        assertThat(of(music(dir), "level.dc-offset")).isEmpty();
        assertThat(of(run(dir, "{\"levels\": {\"dc_offset_limit_dbfs\": -58}}"), "level.dc-offset")).singleElement()
                .satisfies(f -> assertThat(f.files()).containsExactly("Song_Bass_120bpm.wav"));
    }

    @Test
    void silentPeak() throws IOException {
        Delivery d = Delivery.withoutMix();
        d.file("Pads").samples = sine(440, Math.pow(10, -65 / 20.0), 0); // peaks at -65 dBFS
        Path dir = write(d);
        assertThat(of(music(dir), "level.silent")).isEmpty();
        assertThat(of(run(dir, "{\"levels\": {\"silent_peak_dbfs\": -60}}"), "level.silent")).singleElement()
                .satisfies(f -> assertThat(f.files()).containsExactly("Song_Pads_120bpm.wav"));
    }

    @Test
    void clipRunSamples() throws IOException {
        Delivery d = Delivery.withoutMix();
        double[][] drums = sine(110, 0.25, 0);
        for (double[] ch : drums) {
            ch[1000] = 1.0;
            ch[1001] = 1.0; // a run of 2 at full scale
        }
        d.file("Drums").samples = drums;
        Path dir = write(d);
        assertThat(of(music(dir), "level.clipping")).as("2 samples are no over under music").isEmpty();
        assertThat(of(run(dir, "{\"levels\": {\"clip_run_samples\": 2}}"), "level.clipping", Severity.ERROR)).singleElement()
                .satisfies(f -> assertThat(f.files()).containsExactly("Song_Drums_120bpm.wav"));
    }

    @Test
    void theIssuesFileFindsAMixdownOutsideItsTarget() throws IOException {
        Path dir = write(Delivery.clean());
        assertThat(of(music(dir), "level.loudness")).isEmpty();
        Report r = run(dir, "{\"extends\": \"music\", \"loudness\": {\"target_lufs\": -14.0, \"tolerance_lu\": 1.0}}");
        Finding f = of(r, "level.loudness").get(0);
        assertThat(of(r, "level.loudness")).hasSize(1);
        double lufs = f.measurements().get("integrated_lufs");
        assertThat(f.severity()).isEqualTo(Severity.ERROR);
        assertThat(f.files()).containsExactly("mixdown.wav");
        assertThat(f.message()).isEqualTo(String.format(java.util.Locale.ROOT,
                "mixdown.wav is %.1f LUFS; the spec label asks -14.0 +-1.0 LUFS: %.1f LU too quiet", lufs, -14.0 - lufs));
        assertThat(f.measurements()).containsEntry("target_lufs", -14.0).containsEntry("tolerance_lu", 1.0);

        // the same mix within a target around its own loudness passes; just outside it does not
        String near = String.format(java.util.Locale.ROOT, "{\"loudness\": {\"target_lufs\": %.2f, \"tolerance_lu\": 0.5}}",
                lufs + 0.4);
        assertThat(of(run(dir, near), "level.loudness")).isEmpty();
        String off = String.format(java.util.Locale.ROOT, "{\"loudness\": {\"target_lufs\": %.2f, \"tolerance_lu\": 0.5}}",
                lufs - 0.7);
        assertThat(of(run(dir, off), "level.loudness")).singleElement()
                .satisfies(x -> assertThat(x.message()).endsWith("0.7 LU too loud"));
    }

    @Test
    void maxTruePeakTightensTheMixAndAppliesToStemsWhenAsked() throws IOException {
        Path dir = write(Delivery.clean());
        assertThat(of(music(dir), "level.true-peak")).isEmpty();
        Report r = run(dir, "{\"loudness\": {\"max_true_peak_dbtp\": -40}}");
        assertThat(of(r, "level.true-peak", Severity.ERROR)).singleElement().satisfies(f -> {
            assertThat(f.files()).containsExactly("mixdown.wav");
            assertThat(f.message()).contains("above the -40.0 dBTP maximum the spec label permits");
        });
        Report stems = run(dir, "{\"loudness\": {\"target_lufs\": -70, \"tolerance_lu\": 0, \"applies_to\": \"stems\","
                + " \"max_true_peak_dbtp\": -40}}");
        assertThat(of(stems, "level.loudness", Severity.ERROR)).hasSize(7);
        assertThat(of(stems, "level.true-peak", Severity.ERROR)).hasSize(7)
                .noneSatisfy(f -> assertThat(f.files()).containsExactly("mixdown.wav"));
    }

    @Test
    void withoutAMixTheTargetIsNotCheckedAndAnInfoSaysSo() throws IOException {
        Path dir = write(Delivery.withoutMix());
        assertThat(of(run(dir, "{\"extends\": \"spotify\"}"), "level.loudness")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.INFO);
            assertThat(f.message()).startsWith("The spec label asks the mix to be -14.0 +-1.0 LUFS, and the delivery"
                    + " holds no mix: the loudness target was not checked");
        });
    }

    @Test
    void theEbuPresetNamesItsNumbers() throws IOException {
        Delivery d = Delivery.clean();
        int k = 0;
        for (String l : Delivery.LABELS) {
            d.file(l).name = "Show_" + l + ".wav";
            d.file(l).samples = sine(110.0 * ++k, 0.9, 0); // the mix at about -13 LUFS: some 10 LU too loud
        }
        Path dir = write(d);
        Report r = StemSet.from(dir).expect(DeliverySpec.preset("ebu-r128")).run();
        assertThat(of(r, "level.loudness")).singleElement().satisfies(f -> assertThat(f.message())
                .matches("mixdown\\.wav is -\\d+\\.\\d LUFS; the spec ebu-r128 asks -23\\.0 \\+-1\\.0 LUFS: \\d+\\.\\d LU too"
                        + " (loud|quiet)"));
    }
}
