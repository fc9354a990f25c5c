package org.stemcheck.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stemcheck.core.testing.Findings.of;
import static org.stemcheck.core.testing.Findings.problems;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.stemcheck.core.testing.Delivery;
import org.stemcheck.core.testing.DenyingFileSystem;
import org.stemcheck.core.testing.Json;
import org.stemcheck.core.file.StemFile;
import org.stemcheck.core.file.Role;

/**
 * A report passes only if every file was read and every check ran: the layouts and entries that
 * were once skipped without a word (or made a check throw) are findings now.
 */
class FailClosedTest {

    @TempDir
    Path tmp;

    @Test
    void anEmptyFolderIsAnErrorNotAPass() {
        Report r = StemSet.from(tmp).run();

        assertThat(r.passed()).isFalse();
        assertThat(of(r, "set.empty")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("nothing was checked", "empty"));
    }

    @Test
    void aFolderOfDocumentsOnlyIsAnErrorNotAPass() throws IOException {
        Files.writeString(tmp.resolve("notes.txt"), "mix notes");
        Files.writeString(tmp.resolve("cover.jpg"), "not really");

        Report r = StemSet.from(tmp).run();

        assertThat(r.passed()).isFalse();
        assertThat(of(r, "set.empty")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("2 files, none of them audio"));
    }

    @Test
    void aMixTheStemsCannotBeComparedWithIsAnErrorNotAPass() throws IOException {
        // stereo stems and a mono mix of them: no stem fits the mix as it is, so the null test and
        // every mix check would be left out without a word (it was: PASSED)
        double[] bass = org.stemcheck.io.testing.Instruments.bassLine(4, 0.3);
        double[] keys = org.stemcheck.io.testing.Instruments.pad(4, 220, 0.2);
        double[] mono = new double[bass.length];
        for (int i = 0; i < mono.length; i++) {
            mono[i] = bass[i] + keys[i];
        }
        org.stemcheck.io.WavWriter w = org.stemcheck.io.WavWriter.pcm(24);
        int rate = org.stemcheck.io.testing.Instruments.RATE;
        w.write(tmp.resolve("Song_Bass_120bpm.wav"), rate, org.stemcheck.io.testing.Instruments.stereo(bass));
        w.write(tmp.resolve("Song_Keys_120bpm.wav"), rate, org.stemcheck.io.testing.Instruments.stereo(keys));
        w.write(tmp.resolve("Song_Mixdown_120bpm.wav"), rate, new double[][] {mono});

        Report r = StemSet.from(tmp).run();

        assertThat(r.passed()).isFalse();
        assertThat(r.reference()).isEmpty();
        assertThat(of(r, "internal.check-failed")).singleElement().satisfies(f -> assertThat(f.message())
                .contains("not compared with the mix", "Song_Mixdown_120bpm.wav (1 channel at 48000 Hz)", "mono mix",
                        "mix checks were left out"));

        // with a stereo mix beside the mono one, the stems are compared with the mix they fit
        double[][] stereo = {new double[mono.length], new double[mono.length]};
        for (double[][] x : List.of(org.stemcheck.io.testing.Instruments.stereo(bass),
                org.stemcheck.io.testing.Instruments.stereo(keys))) {
            for (int c = 0; c < 2; c++) {
                for (int i = 0; i < mono.length; i++) {
                    stereo[c][i] += x[c][i];
                }
            }
        }
        w.write(tmp.resolve("Song_StereoMix_120bpm.wav"), rate, stereo);
        Report both = StemSet.from(tmp).run();

        assertThat(both.reference()).hasValueSatisfying(ref -> assertThat(ref.file()).isEqualTo("Song_StereoMix_120bpm.wav"));
        assertThat(of(both, "internal.check-failed")).isEmpty();
    }

    @Test
    void aMixNotNamedAsOneIsPointedOutAndNothingIsSaidToHaveBeenCompared() throws IOException {
        // three stems and their sum, the mix, named as no mix is
        double[] bass = org.stemcheck.io.testing.Instruments.bassLine(4, 0.3);
        double[] keys = org.stemcheck.io.testing.Instruments.pad(4, 220, 0.2);
        double[] lead = org.stemcheck.io.testing.Instruments.vowel(4, 330, 0.2);
        double[] sum = new double[bass.length];
        for (int i = 0; i < sum.length; i++) {
            sum[i] = bass[i] + keys[i] + lead[i];
        }
        org.stemcheck.io.WavWriter w = org.stemcheck.io.WavWriter.pcm(24);
        int rate = org.stemcheck.io.testing.Instruments.RATE;
        w.write(tmp.resolve("Song_Bass_120bpm.wav"), rate, org.stemcheck.io.testing.Instruments.stereo(bass));
        w.write(tmp.resolve("Song_Keys_120bpm.wav"), rate, org.stemcheck.io.testing.Instruments.stereo(keys));
        w.write(tmp.resolve("Song_Lead_120bpm.wav"), rate, org.stemcheck.io.testing.Instruments.stereo(lead));
        w.write(tmp.resolve("Song FINAL v3.wav"), rate, org.stemcheck.io.testing.Instruments.stereo(sum));

        Report r = StemSet.from(tmp).run();

        assertThat(r.reference()).isEmpty();
        assertThat(of(r, "mix.reference")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.INFO);
            assertThat(f.message()).contains("no file of the delivery is named as a mix", "no mix.* check ran",
                    "Song FINAL v3.wav is as loud as all the other files together");
        });

        Files.delete(tmp.resolve("Song FINAL v3.wav"));
        Report stems = StemSet.from(tmp).run();
        assertThat(of(stems, "mix.reference")).singleElement().satisfies(f -> assertThat(f.message())
                .contains("named as a mix").doesNotContain("as loud as"));
    }

    @Test
    void stemsInASubfolderWithTheMixAtTheTopAreOneDelivery() throws IOException {
        Path stems = Files.createDirectories(tmp.resolve("Stems"));
        List<Path> written = Delivery.clean().write(stems);
        Path mix = written.get(written.size() - 1);
        Files.move(mix, tmp.resolve("mixdown.wav"));

        Report r = StemSet.from(tmp).run();

        assertThat(r.files()).extracting(StemFile::name).contains("Stems/Song_Bass_120bpm.wav", "mixdown.wav");
        assertThat(r.files()).filteredOn(f -> f.name().equals("Stems/Song_Bass_120bpm.wav")).singleElement()
                .satisfies(f -> {
                    assertThat(f.role()).isEqualTo(Role.STEM);
                    assertThat(f.label()).contains("Bass");
                    assertThat(f.title()).contains("Song");
                });
        assertThat(r.reference()).as("the null test ran against the mix at the top").isPresent();
        assertThat(problems(r)).isEmpty();
        assertThat(StemSet.from(tmp).mixdown("mixdown.wav").run().reference()).isPresent();
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void entriesThatAreNoFilesAreFindingsAndTheRestIsStillChecked() throws Exception {
        Delivery.clean().write(tmp);
        Files.createDirectory(tmp.resolve("folder.wav"));
        Files.createSymbolicLink(tmp.resolve("dangling.wav"), tmp.resolve("nothing-here.wav"));
        Files.createSymbolicLink(tmp.resolve("loop-a.wav"), tmp.resolve("loop-b.wav"));
        Files.createSymbolicLink(tmp.resolve("loop-b.wav"), tmp.resolve("loop-a.wav"));
        Path zero = Path.of("/dev/zero");
        boolean device = Files.exists(zero);
        if (device) {
            Files.createSymbolicLink(tmp.resolve("zero.wav"), zero);
        }
        boolean fifo = new ProcessBuilder("mkfifo", tmp.resolve("pipe.wav").toString()).start().waitFor() == 0;

        Report r = StemSet.from(tmp).run();

        assertThat(of(r, "format.unreadable")).extracting(f -> f.files().get(0))
                .contains("folder.wav", "dangling.wav", "loop-a.wav", "loop-b.wav");
        assertThat(of(r, "format.unreadable")).filteredOn(f -> f.files().contains("folder.wav")).singleElement()
                .satisfies(f -> assertThat(f.message()).isEqualTo("folder.wav is a folder, not an audio file"));
        assertThat(of(r, "format.unreadable")).filteredOn(f -> f.files().contains("dangling.wav")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("link to something that does not exist"));
        if (device) {
            assertThat(of(r, "format.unreadable")).filteredOn(f -> f.files().contains("zero.wav")).singleElement()
                    .satisfies(f -> assertThat(f.message()).contains("not a regular file", "device"));
        }
        if (fifo) {
            assertThat(of(r, "format.unreadable")).filteredOn(f -> f.files().contains("pipe.wav")).singleElement()
                    .satisfies(f -> assertThat(f.message()).contains("not a regular file", "named pipe"));
        }
        assertThat(r.reference()).as("the stems were still checked against the mix").isPresent();
        assertThat(r.passed()).isFalse();
        Files.deleteIfExists(tmp.resolve("zero.wav")); // JUnit warns when it must delete a link out of its folder
    }

    @Test
    void aFileGivenInsteadOfAFolderIsAOneFileDelivery() throws IOException {
        List<Path> written = Delivery.clean().write(tmp);

        Report r = StemSet.from(written.get(1)).run();

        assertThat(r.files()).extracting(StemFile::name).containsExactly("Song_Bass_120bpm.wav");
        assertThat(of(r, "set.empty")).isEmpty();
    }

    @Test
    void hostileNamesAreCheckedAndShownEscapedInEveryFormat() throws IOException {
        Delivery d = Delivery.clean();
        d.file("Keys").name = "Song_Bad\nName_120bpm.wav";
        d.file("Pads").name = "Song_\u001b[31mRed\u001b[0m_120bpm.wav";
        d.write(tmp);
        Files.copy(tmp.resolve("Song_Bass_120bpm.wav"), tmp.resolve("Song_Bass\u202eCopy_120bpm.wav"));
        Files.write(tmp.resolve("Song_Broken\r_120bpm.wav"), "RIFF\0\0\0\0WAVEjunk".getBytes(StandardCharsets.ISO_8859_1));

        Report r = StemSet.from(tmp).run();

        assertThat(of(r, "internal.check-failed")).as("no check threw").isEmpty();
        assertThat(of(r, "format.unreadable")).extracting(f -> f.files().get(0)).contains("Song_Broken\r_120bpm.wav");
        assertThat(of(r, "set.duplicate")).isNotEmpty();

        String text = ReportFormat.text().toString(r);
        assertThat(text).contains("Song_Bad\\nName_120bpm.wav", "Song_\\x1b[31mRed\\x1b[0m_120bpm.wav",
                "Song_Bass\\u202eCopy_120bpm.wav", "Song_Broken\\r_120bpm.wav");
        assertThat(text.chars().filter(c -> c == 0x1b || c == '\r' || c == 0x202e)).isEmpty();
        String html = ReportFormat.html().toString(r);
        assertThat(html.chars().filter(c -> c == 0x1b || c == '\r' || c == 0x202e)).isEmpty();
        assertThat(html).contains("Song_\\x1b[31mRed");
        Object json = Json.parse(ReportFormat.json().toString(r));
        assertThat(json.toString()).contains("Song_Bad\nName_120bpm.wav");
    }

    @Test
    void aFolderThatCannotBeEnteredIsAFinding() throws IOException {
        List<Path> stems = Delivery.clean().write(tmp);
        Path locked = Files.createDirectories(tmp.resolve("Locked"));
        Files.writeString(locked.resolve("Song_Hidden_120bpm.wav"), "x");
        // Root enters every folder whatever its mode bits (and CI runs as root): the listing is
        // refused by the file system the delivery is read through, as the disk refuses a user
        // without the permission (AccessDeniedException).
        Path delivery = DenyingFileSystem.denyingListing(tmp, locked);

        Report r = StemSet.from(delivery).run();

        assertThat(of(r, "format.unreadable")).singleElement().satisfies(f -> {
            assertThat(f.files()).containsExactly("Locked");
            assertThat(f.message()).contains("Locked is a folder that cannot be entered", "permission denied");
            assertThat(f.fix()).contains("let the folder be read");
        });
        assertThat(r.files()).extracting(StemFile::name).doesNotContain("Locked/Song_Hidden_120bpm.wav");
        assertThat(r.files()).filteredOn(StemFile::readable).hasSize(stems.size());
    }

    @Test
    void aValidFileAtARateAMeterDoesNotTakeIsCheckedWithoutAWarningOrAStackTrace() throws Exception {
        // issue 14, point 8: a valid 1234 Hz WAV printed two stack traces at WARN ("measurement
        // TRUE_PEAK cannot be made"): a meter's limit is an expected condition, not a failure
        double[] x = new double[1234];
        for (int i = 0; i < x.length; i++) {
            x[i] = 0.25 * Math.sin(2 * Math.PI * 100 * i / 1234.0);
        }
        org.stemcheck.io.WavWriter.pcm(24).write(tmp.resolve("Song_Odd_120bpm.wav"), 1234, x, x);

        org.stemcheck.core.testing.LogCapture.Logged<Report> logged =
                org.stemcheck.core.testing.LogCapture.of(() -> StemSet.from(tmp).run());

        assertThat(logged.log()).doesNotContain("WARN").doesNotContain("\tat ");
        assertThat(of(logged.value(), "internal.check-failed")).isEmpty();
        assertThat(logged.value().files()).singleElement().satisfies(f -> assertThat(f.readable()).isTrue());
    }
}
