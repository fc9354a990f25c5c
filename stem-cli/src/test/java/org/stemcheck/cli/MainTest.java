package org.stemcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stemcheck.io.WavWriter;

/** The command line in-process: exit status, text and JSON Lines output, usage errors. */
class MainTest {

    @TempDir
    Path tmp;

    /** What one run printed and returned. */
    record Run(int status, String out, String err) {
        List<String> lines() {
            return out.lines().toList();
        }
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

    /**
     * Five 48 kHz / 24-bit stereo stems, each a note of its own pitch that swells and dies away
     * within 0.1 s; {@code bassBits} and {@code bassChannels} inject faults.
     */
    private Path delivery(String name, int bassBits, int bassChannels) throws IOException {
        Path dir = Files.createDirectory(tmp.resolve(name));
        int k = 0;
        for (String label : List.of("Drums", "Keys", "Vocals", "Pads")) {
            double[] n = note(220.0 * ++k);
            WavWriter.pcm(24).write(dir.resolve("Song_" + label + "_120bpm.wav"), 48_000, n, half(n));
        }
        double[] s = note(55);
        double[][] bass = bassChannels == 1 ? new double[][] {s} : new double[][] {s, half(s)};
        WavWriter.pcm(bassBits).write(dir.resolve("Song_Bass_120bpm.wav"), 48_000, bass);
        return dir;
    }

    /** 0.1 s of a sine at {@code hz} under a Hann envelope. */
    private static double[] note(double hz) {
        double[] x = new double[4800];
        for (int i = 0; i < x.length; i++) {
            double env = Math.sin(Math.PI * i / x.length);
            x[i] = 0.3 * env * env * Math.sin(2 * Math.PI * hz * i / 48_000);
        }
        return x;
    }

    private static double[] half(double[] x) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = 0.5 * x[i];
        }
        return y;
    }

    @Test
    void cleanFolderExitsZeroWithATextReport() throws IOException {
        Path clean = delivery("clean", 24, 2);
        Run r = run("check", clean.toString());

        assertThat(r.status()).isZero();
        assertThat(r.out()).contains("Song_Bass_120bpm.wav", "PASSED: 0 errors, 0 warnings");
        assertThat(r.out()).doesNotContain("\u001b[");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void errorExitsOneUnlessFailOnIsNever() throws IOException {
        Path bad = delivery("bad", 16, 2);

        Run r = run("check", bad.toString());
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.out()).contains("format.bit-depth", "Bass is 16-bit", "FAILED");
        assertThat(run("check", "--fail-on", "never", bad.toString()).status()).isZero();
        assertThat(run("check", "--without", "format.bit-depth", bad.toString()).status()).isZero();
    }

    @Test
    void warningExitsOneOnlyWithFailOnWarning() throws IOException {
        Path warn = delivery("warn", 24, 1);

        assertThat(run("check", warn.toString()).status()).isZero();
        Run strict = run("check", "--fail-on=warning", warn.toString());
        assertThat(strict.status()).isEqualTo(1);
        assertThat(strict.out()).contains("format.channels");
    }

    @Test
    void missingFolderAndBadUsageExitTwoWithOneClearLineAndNoStackTrace() throws IOException {
        Path clean = delivery("clean", 24, 2);
        Run missing = run("check", clean.toString(), tmp.resolve("nowhere").toString());
        assertThat(missing.status()).isEqualTo(2);
        assertThat(missing.err().lines()).singleElement().asString()
                .contains("no such folder or file", tmp.resolve("nowhere").toString());
        // The folders that exist are still checked: one missing folder does not sink a catalogue.
        assertThat(missing.out()).contains("PASSED: 0 errors, 0 warnings");

        for (String[] args : List.of(new String[] {"check"}, new String[] {"check", "--bogus", clean.toString()},
                new String[] {"check", "--spec", "podcast", clean.toString()},
                new String[] {"check", "--threads", "0", clean.toString()},
                new String[] {"check", "--mixdown", "no-such-mix.wav", clean.toString()})) {
            Run r = run(args);
            assertThat(r.status()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(r.err()).as(String.join(" ", args)).startsWith("stemcheck: ").doesNotContain("Exception", "\tat ");
        }
    }

    @Test
    void outputThatCannotBeWrittenOrWouldOverwriteAStemIsAUsageErrorAndNothingIsTouched() throws IOException {
        Path clean = delivery("clean", 24, 2);
        Path stem = clean.resolve("Song_Bass_120bpm.wav");
        byte[] before = Files.readAllBytes(stem);
        String[][] cases = {
            {"--output", tmp.resolve("missing/dir/r.txt").toString(), "does not exist"},
            {"--output", tmp.toString(), "is a folder"},
            {"--output", stem.toString(), "is an audio file"},
        };
        for (String[] c : cases) {
            Run r = run("check", clean.toString(), c[0], c[1]);
            assertThat(r.status()).as(c[1]).isEqualTo(2);
            assertThat(r.err().lines()).as(c[1]).singleElement().asString().startsWith("stemcheck: --output").contains(c[2]);
        }
        assertThat(Files.readAllBytes(stem)).as("the stem is untouched").isEqualTo(before);
    }

    @Test
    void anUnknownCodeInWithoutIsAUsageErrorThatSuggestsTheNearestOne() throws IOException {
        Path clean = delivery("clean", 24, 2);
        Run typo = run("check", clean.toString(), "--without", "naming.patern");
        assertThat(typo.status()).isEqualTo(2);
        assertThat(typo.err()).contains("--without naming.patern", "did you mean naming.pattern?");
        Run unknown = run("check", clean.toString(), "--without", "nosuch.code");
        assertThat(unknown.status()).isEqualTo(2);
        assertThat(unknown.err()).contains("no check makes this code");
        assertThat(run("check", clean.toString(), "--without", "naming.pattern").status()).isZero();
    }

    @Test
    void aFileArgumentIsCheckedAsAOneFileDelivery() throws IOException {
        Path clean = delivery("clean", 24, 2);
        Run r = run("check", clean.resolve("Song_Bass_120bpm.wav").toString());
        assertThat(r.out()).contains("Song_Bass_120bpm.wav").doesNotContain("Song_Drums");
        assertThat(r.err()).doesNotContain("no such folder");
    }

    @Test
    void noSubcommandIsAUsageError() {
        Run r = run();
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("stemcheck check DIR", "Usage:");
        assertThat(r.out()).isEmpty();
    }

    /** A run with stderr a terminal (stdout not): what it printed where. */
    private static Run runWithProgress(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            status = Main.run(o, e, false, true, args);
        }
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void progressGoesToATerminalStderrOnlyAndIsClearedBeforeTheReport() throws IOException {
        Path a = delivery("a", 24, 2);
        Path b = delivery("b", 24, 2);
        Run r = runWithProgress("check", "--format", "json", a.toString(), b.toString());

        assertThat(r.status()).isZero();
        assertThat(r.out()).doesNotContain("\r", "files,").hasLineCount(2);
        assertThat(r.err()).contains("\r", "done]", "files", "of audio", "checking");
        // every status line is wiped: the last thing on stderr is the clearing carriage return
        assertThat(r.err()).endsWith("\r");
        assertThat(run("check", a.toString()).err()).as("no progress when stderr is no terminal").isEmpty();
    }

    @Test
    void progressClockReadsLikeADaw() {
        assertThat(Progress.clock(65)).isEqualTo("1:05");
        assertThat(Progress.clock(3723)).isEqualTo("1:02:03");
    }

    @Test
    void noColorCountsOnlyWhenSetAndNotEmpty() {
        assertThat(CheckCommand.noColor(null)).isFalse();
        assertThat(CheckCommand.noColor("")).isFalse();
        assertThat(CheckCommand.noColor("1")).isTrue();
    }

    @Test
    void jsonWithTwoFoldersIsOneReportPerLine() throws IOException {
        Path clean = delivery("clean", 24, 2);
        Path bad = delivery("bad", 16, 2);
        Run r = run("check", "--format", "json", clean.toString(), bad.toString());

        assertThat(r.status()).isEqualTo(1);
        assertThat(r.lines()).hasSize(2);
        assertThat(r.lines().get(0)).startsWith("{\"schema\":\"stemcheck-report/1\",")
                .contains("\"delivery\":\"" + jsonPath(clean) + "\"", "\"passed\":true").endsWith("}");
        assertThat(r.lines().get(1)).startsWith("{\"schema\":\"stemcheck-report/1\",")
                .contains("\"delivery\":\"" + jsonPath(bad) + "\"", "\"code\":\"format.bit-depth\"",
                        "\"passed\":false").endsWith("}");
        assertThat(r.out()).doesNotContain("NaN", "Infinity");
    }

    @Test
    void outputOptionWritesTheReportToAFile() throws IOException {
        Path clean = delivery("clean", 24, 2);
        Path file = tmp.resolve("report.json");
        Run r = run("check", "--format=json", "--output", file.toString(), "--spec", "FILM", "--threads", "2",
                clean.toString());

        assertThat(r.out()).isEmpty();
        assertThat(Files.readString(file)).startsWith("{\"schema\":\"stemcheck-report/1\"").contains("\"spec\":\"film\"");
        assertThat(r.status()).isEqualTo(1); // film wants BWF TimeReferences; these stems have none
    }

    @Test
    void htmlFormatWritesOneSelfContainedPage() throws IOException {
        Path bad = delivery("bad", 16, 2);
        Path file = tmp.resolve("report.html");
        Run r = run("check", bad.toString(), "--format", "html", "--output", file.toString());

        assertThat(r.status()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        String html = Files.readString(file);
        assertThat(html).startsWith("<!DOCTYPE html>").contains(">FAILED<", "format.bit-depth", "Song_Bass_120bpm.wav")
                .endsWith("</html>\n").doesNotContain("<script", "http:", "https:");
    }

    @Test
    void htmlFormatRefusesSeveralFolders() throws IOException {
        Path a = delivery("a", 24, 2);
        Path b = delivery("b", 24, 2);
        Run r = run("check", "--format", "html", a.toString(), b.toString());

        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).startsWith("stemcheck: --format html takes one folder");
    }

    @Test
    void demoWritesItsDeliveryAndShowsItsFaultsAsFindings() {
        Path dir = tmp.resolve("demo");
        Run r = run("demo", "--dir", dir.toString());

        assertThat(r.status()).isZero();
        assertThat(r.out()).contains("Demo_Pads_100bpm.wav", "format.lossy", "MP3",
                "Demo_Vocals_100bpm.wav", "format.bit-depth", "FAILED");
        // Level findings too: the silent percussion stem, and the drums' inter-sample peaks.
        assertThat(r.out()).contains("Perc is digital silence", "level.silent", "level.true-peak")
                .doesNotContain("level.cut-tail");
        // The null test finds the bass fault made after mixing, and nothing of its own making.
        assertThat(r.out()).contains("Bass is 3.0 dB louder than in the mix", "Bass is 576 samples (12.0 ms")
                .doesNotContain("mix.null", "mix.bus-processing", "mix.drift");
        assertThat(Files.isRegularFile(dir.resolve("mixdown.wav"))).isTrue();
        assertThat(run("check", dir.toString()).status()).isEqualTo(1);
    }

    private static String jsonPath(Path p) {
        return p.toString().replace("\\", "\\\\");
    }
}
