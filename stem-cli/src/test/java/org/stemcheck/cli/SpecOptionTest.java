package org.stemcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stemcheck.io.WavWriter;

/** {@code --spec NAME|FILE} and {@code stemcheck specs}: presets by name, spec files by path, spec errors as usage errors. */
class SpecOptionTest {

    @TempDir
    static Path tmp;

    static Path delivery;

    record Run(int status, String out, String err) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            status = Main.run(o, e, false, args);
        }
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Five 1 s stereo stems at -30 dBFS, each its own pitch, and their sum as the mixdown (about -24 LUFS). */
    @BeforeAll
    static void writeDelivery() throws IOException {
        delivery = Files.createDirectory(tmp.resolve("delivery"));
        int n = 48_000;
        double[] mix = new double[n];
        int k = 0;
        for (String label : List.of("Drums", "Bass", "Keys", "Vocals", "Pads")) {
            double hz = 110.0 * ++k;
            double[] x = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = 0.03 * Math.sin(2 * Math.PI * hz * i / 48_000) * Math.min(1, (n - i) / 4800.0);
                mix[i] += x[i];
            }
            WavWriter.pcm(24).write(delivery.resolve("Song_" + label + "_120bpm.wav"), 48_000, x, x);
        }
        WavWriter.pcm(24).write(delivery.resolve("mixdown.wav"), 48_000, mix, mix);
    }

    private static Path specFile(String name, String json) throws IOException {
        Path p = tmp.resolve(name);
        Files.writeString(p, json, StandardCharsets.UTF_8);
        return p;
    }

    @Test
    void specsListsEveryPresetWithItsStandard() {
        Run r = run("specs");
        assertThat(r.status()).isZero();
        for (String name : List.of("music", "film", "ebu-r128", "atsc-a85", "netflix", "spotify", "apple-music", "aes-streaming")) {
            assertThat(r.out()).containsPattern("(?m)^" + name + " +\\S");
        }
        assertThat(r.out()).contains("follows: EBU R 128 v4.0 (2020)").contains("follows: ATSC A/85:2013");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void aPresetByName() {
        Run r = run("check", delivery.toString(), "--spec", "spotify", "--format", "json");
        assertThat(r.out()).contains("\"spec\":\"spotify\"");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void theIssuesSpecFileFindsTheMixdownOutsideItsTarget() throws IOException {
        Path label = specFile("label.json", "{\"extends\": \"music\", \"loudness\": {\"target_lufs\": -14.0, \"tolerance_lu\": 1.0}}");
        Run quiet = run("check", delivery.toString(), "--spec", label.toString(), "--format", "json");
        assertThat(quiet.status()).as(quiet.err()).isEqualTo(1);
        assertThat(quiet.out()).contains("\"spec\":\"label\"").contains("\"code\":\"level.loudness\"")
                .containsPattern("mixdown\\.wav is -\\d+\\.\\d LUFS; the spec label asks -14\\.0 \\+-1\\.0 LUFS: \\d+\\.\\d LU too quiet");

        Run music = run("check", delivery.toString(), "--format", "json");
        assertThat(music.out()).doesNotContain("level.loudness");
    }

    @Test
    void aSpecFileWithExpectedStemsDrivesTheCheck() throws IOException {
        Path p = specFile("strings.json", "{\"stems\": {\"expected\": [\"Drums\", {\"name\": \"Strings\"},"
                + " {\"name\": \"Choir\", \"required\": false}]}}");
        Run r = run("check", delivery.toString(), "--spec", p.toString());
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.out()).contains("set.missing-stem").contains("no Strings stem in the delivery")
                .doesNotContain("no Choir stem").doesNotContain("no Drums stem");
    }

    @Test
    void aWrongKeyIsAUsageErrorOnOneLineWithTheKeysPath() throws IOException {
        Path bad = specFile("bad.json", "{\"stems\": {\"expected\": [\"Drums\", \"Bass\", {\"name\": \"Vox\", \"required\": \"yes\"}]}}");
        Run r = run("check", delivery.toString(), "--spec", bad.toString());
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().lines().toList()).singleElement().satisfies(line -> assertThat(line)
                .startsWith("stemcheck: --spec " + bad + ": " + bad + ":1:70: ")
                .endsWith("stems.expected[2].required: expected true or false, got \"yes\""));

        Path unknown = specFile("unknown.json", "{\"levels\": {\"true_peak_dbtp\": -2}}");
        Run u = run("check", delivery.toString(), "--spec", unknown.toString());
        assertThat(u.status()).isEqualTo(2);
        assertThat(u.err()).contains("levels.true_peak_dbtp: unknown key; did you mean true_peak_ceiling_dbtp?");
    }

    @Test
    void anUnknownPresetOrAMissingFileIsAUsageError() {
        Run preset = run("check", delivery.toString(), "--spec", "ebu128");
        assertThat(preset.status()).isEqualTo(2);
        assertThat(preset.err().strip()).isEqualTo("stemcheck: --spec ebu128: no preset spec named ebu128; the presets are"
                + " music, film, ebu-r128, atsc-a85, netflix, spotify, apple-music, aes-streaming");
        Run file = run("check", delivery.toString(), "--spec", tmp.resolve("gone.json").toString());
        assertThat(file.status()).isEqualTo(2);
        assertThat(file.err()).contains("no such spec file");
        Run broken = run("check", delivery.toString(), "--spec", "film", "--spec", "x");
        assertThat(broken.status()).isEqualTo(2);
    }

    @Test
    void theHelpSaysWhatSpecTakes() {
        Run r = run("check", "--help");
        assertThat(r.out()).contains("--spec=NAME|FILE").contains("a preset (stemcheck");
    }
}
