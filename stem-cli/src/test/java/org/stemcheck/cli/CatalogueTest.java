package org.stemcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stemcheck.io.WavWriter;

/** Many folders in one run: thread split, input order of JSON Lines, keeping going past a bad folder. */
class CatalogueTest {

    @TempDir
    Path tmp;

    private static final int RATE = 48_000;

    /** A small delivery: three 0.2 s stereo stems, the bass at 16 bit when {@code bad} (an error). */
    private Path delivery(int i, boolean bad) throws IOException {
        Path dir = Files.createDirectory(tmp.resolve(String.format(java.util.Locale.ROOT, "delivery-%02d", i)));
        // Each stem its own pitch (identical stems are a set.duplicate), faded out (a stem that stops
        // at full level is a level.cut-tail): a clean delivery but for the bad bass.
        List<String> labels = List.of("Drums", "Keys", "Vocals");
        for (int j = 0; j < labels.size(); j++) {
            double[] s = tone(110 + 10 * i + 97 * (j + 1));
            try (WavWriter.Output o = WavWriter.pcm(24).open(dir.resolve("Song_" + labels.get(j) + "_120bpm.wav"), RATE, 2)) {
                o.write(new double[][] {s, s}, 0, s.length);
            }
        }
        double[] bass = tone(110 + 10 * i);
        WavWriter.pcm(bad ? 16 : 24).write(dir.resolve("Song_Bass_120bpm.wav"), RATE, bass, bass);
        return dir;
    }

    /** 0.2 s of a sine at 0.1, faded out over its second half. */
    private static double[] tone(double hz) {
        double[] s = new double[RATE / 5];
        for (int n = 0; n < s.length; n++) {
            double fade = Math.min(1, 2.0 * (s.length - 1 - n) / s.length);
            s[n] = 0.1 * fade * Math.sin(2 * Math.PI * hz * n / RATE);
        }
        return s;
    }

    private static String jsonPath(Path p) {
        return p.toString().replace("\\", "\\\\");
    }

    private record Run(int status, List<String> lines, String err) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            status = Main.run(o, e, false, args);
        }
        return new Run(status, out.toString(StandardCharsets.UTF_8).lines().toList(), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void thirtyFoldersOnTwoThreadsGiveThirtyJsonLinesInInputOrder() throws IOException {
        List<Path> dirs = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            dirs.add(delivery(i, i == 17));
        }
        List<String> args = new ArrayList<>(List.of("check", "--format", "json", "--threads", "2"));
        // Reverse order: the output must follow the arguments, not the names or completion order.
        for (int i = dirs.size() - 1; i >= 0; i--) {
            args.add(dirs.get(i).toString());
        }

        Run r = run(args.toArray(String[]::new));

        assertThat(r.err()).isEmpty();
        assertThat(r.lines()).hasSize(30);
        for (int k = 0; k < 30; k++) {
            Path expected = dirs.get(29 - k);
            assertThat(r.lines().get(k)).as("line %d", k)
                    .startsWith("{\"schema\":\"stemcheck-report/1\",")
                    .contains("\"delivery\":\"" + jsonPath(expected) + "\"")
                    .contains(expected.endsWith("delivery-17") ? "\"passed\":false" : "\"passed\":true");
        }
        assertThat(r.status()).isEqualTo(1); // delivery-17 has a 16-bit stem
    }

    @Test
    void aMissingFolderInTheMiddleIsReportedAndTheOthersStillRun() throws IOException {
        Path a = delivery(1, false);
        Path missing = tmp.resolve("not-here");
        Path b = delivery(2, true);

        Run r = run("check", "--format", "json", "--threads", "2", a.toString(), missing.toString(), b.toString());

        assertThat(r.lines()).hasSize(2);
        assertThat(r.lines().get(0)).contains(jsonPath(a));
        assertThat(r.lines().get(1)).contains(jsonPath(b));
        assertThat(r.err().lines()).singleElement().asString()
                .startsWith("stemcheck: no such folder or file: ").contains(missing.toString());
        assertThat(r.status()).as("the worst: a missing folder (2) outranks a failed check (1)").isEqualTo(2);
    }

    @Test
    void threadsAreSplitWithoutOversubscription() {
        assertThat(Catalogue.Plan.of(2, 100)).isEqualTo(new Catalogue.Plan(2, 1));
        assertThat(Catalogue.Plan.of(8, 1)).isEqualTo(new Catalogue.Plan(1, 8));
        assertThat(Catalogue.Plan.of(8, 3)).isEqualTo(new Catalogue.Plan(3, 2));
        assertThat(Catalogue.Plan.of(1, 5)).isEqualTo(new Catalogue.Plan(1, 1));
        for (int t = 1; t <= 16; t++) {
            for (int f = 1; f <= 40; f++) {
                Catalogue.Plan p = Catalogue.Plan.of(t, f);
                assertThat(p.parallelFolders() * p.threadsPerFolder()).as("%d threads, %d folders", t, f)
                        .isLessThanOrEqualTo(t);
            }
        }
    }
}
