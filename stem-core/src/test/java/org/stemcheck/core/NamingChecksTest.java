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
import org.stemcheck.io.WavWriter;
import org.stemcheck.core.spec.DeliverySpec;
import org.stemcheck.core.file.StemFile;
import org.stemcheck.core.file.Role;

/** Names: the pattern, title and tempo agreement, roles read from names, and multitrack folders. */
class NamingChecksTest {

    @TempDir
    Path dir;

    private StemFile file(Report r, String name) {
        return r.files().stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void badlyNamedStemIsANamingPatternWarningWithARenameSuggestion() throws IOException {
        Delivery d = Delivery.clean();
        d.file("Bass").name = "bass final v2.wav";
        d.write(dir);
        Report r = StemSet.from(dir).run();

        assertThat(problems(r)).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo("naming.pattern");
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.files()).containsExactly("bass final v2.wav");
            assertThat(f.message()).contains("<Title>_<Stem>_<bpm>bpm");
            assertThat(f.fix()).contains("Song_bassfinalv2_120bpm.wav");
        });
    }

    @Test
    void namesAreReadTolerantlyOfSpacesHyphensAndCase() throws IOException {
        Delivery d = Delivery.withoutMix();
        d.file("Drums").name = "Song - Drums - 120 BPM.wav";
        d.file("Bass").name = "song_bass_120BPM.WAV";
        d.file("Keys").name = "Song-Keys-120bpm.wav";
        d.file("Guitars").name = "Song_Lead Guitars_120bpm.wav";
        d.write(dir);
        Report r = StemSet.from(dir).run();

        assertThat(problems(r)).isEmpty();
        StemFile drums = file(r, "Song - Drums - 120 BPM.wav");
        assertThat(drums.title()).contains("Song");
        assertThat(drums.label()).contains("Drums");
        assertThat(drums.bpm()).hasValue(120.0);
        assertThat(file(r, "Song-Keys-120bpm.wav").label()).contains("Keys");
        assertThat(file(r, "Song_Lead Guitars_120bpm.wav").label()).contains("Lead Guitars");
        assertThat(file(r, "song_bass_120BPM.WAV").label()).contains("bass");
    }

    @Test
    void titleWithUnderscoresKeepsTheLastPartAsTheStem() throws IOException {
        Delivery d = Delivery.withoutMix();
        Delivery.LABELS.forEach(l -> d.file(l).name = "My_Song_" + l + "_96.5bpm.wav");
        d.write(dir);
        Report r = StemSet.from(dir).run();

        StemFile bass = file(r, "My_Song_Bass_96.5bpm.wav");
        assertThat(bass.title()).contains("My_Song");
        assertThat(bass.label()).contains("Bass");
        assertThat(bass.bpm()).hasValue(96.5);
        assertThat(problems(r)).isEmpty();
    }

    @Test
    void stemWithAnotherTempoOrTitleIsANamingInconsistentWarningOnThatStem() throws IOException {
        Delivery d = Delivery.clean();
        d.file("Bass").name = "Song_Bass_90bpm.wav";
        d.file("Keys").name = "OtherSong_Keys_120bpm.wav";
        d.file("Drums").name = "song_Drums_120bpm.wav"; // case alone is no inconsistency
        d.write(dir);
        Report r = StemSet.from(dir).run();

        List<Finding> found = of(r, "naming.inconsistent");
        assertThat(found).extracting(f -> f.files().get(0))
                .containsExactlyInAnyOrder("Song_Bass_90bpm.wav", "OtherSong_Keys_120bpm.wav");
        assertThat(found).allMatch(f -> f.severity() == Severity.WARNING);
        Finding bass = r.findingsFor("Song_Bass_90bpm.wav").get(0);
        assertThat(bass.message()).contains("90 bpm", "120 bpm");
        assertThat(bass.measurements()).containsEntry("bpm", 90.0);
        assertThat(r.findingsFor("OtherSong_Keys_120bpm.wav").get(0).message()).contains("'OtherSong'", "'Song'");
        assertThat(problems(r)).hasSize(2);
    }

    @Test
    void rolesComeFromNamesAndContent() throws IOException {
        Delivery d = Delivery.withoutMix();
        d.file("FX").name = "Song_Reverb Returns_120bpm.wav";
        d.file("Pads").name = "Song_2Mix_120bpm.wav";
        d.write(dir);
        WavWriter.pcm(24).write(dir.resolve("Printmaster.wav"), 48_000, new double[100], new double[100]);
        Report r = StemSet.from(dir).run();

        assertThat(file(r, "Song_Reverb Returns_120bpm.wav").role()).isEqualTo(Role.FX);
        assertThat(file(r, "Song_2Mix_120bpm.wav").role()).isEqualTo(Role.MIXDOWN);
        assertThat(file(r, "Printmaster.wav").role()).isEqualTo(Role.MIXDOWN);
        assertThat(file(r, "Song_Drums_120bpm.wav").role()).isEqualTo(Role.STEM);
        assertThat(file(r, "Printmaster.wav").label()).isEmpty();
    }

    @Test
    void filmSpecReadsFxAsTheEffectsStemNotAsReturns() throws IOException {
        Delivery d = Delivery.withoutMix();
        d.write(dir);
        StemSet set = StemSet.from(dir);

        assertThat(set.files()).filteredOn(f -> f.name().contains("_FX_")).singleElement()
                .extracting(StemFile::role).isEqualTo(Role.FX);
        assertThat(set.expect(DeliverySpec.film()).files()).filteredOn(f -> f.name().contains("_FX_")).singleElement()
                .extracting(StemFile::role).isEqualTo(Role.STEM);
    }

    @Test
    void folderOfRawMultitracksIsASetMultitracksWarning() throws IOException {
        String[] tracks = {"01 Kick In", "02 Kick Out", "03 Snare Top", "04 Snare Bottom", "05 HiHat", "06 Tom1",
            "07 FloorTom", "08 OH L", "09 OH R", "10 Bass DI", "11 Bass Amp", "12 Gtr", "13 Vox"};
        double[] s = new double[4800];
        for (String t : tracks) {
            WavWriter.pcm(24).write(dir.resolve(t + ".wav"), 48_000, s);
        }
        Report r = StemSet.from(dir).run();

        List<Finding> found = of(r, "set.multitracks");
        assertThat(found).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.files()).contains("01 Kick In.wav", "08 OH L.wav", "10 Bass DI.wav")
                    .doesNotContain("12 Gtr.wav", "13 Vox.wav");
            assertThat(f.message()).contains("raw multitracks", "13 of 13 files are mono");
            assertThat(f.measurements()).containsEntry("files", 13.0);
        });
    }

    @Test
    void manyFilesFarAboveTheSpecStemCountAreMultitracksWhateverTheirNames() throws IOException {
        double[] s = new double[480];
        for (int i = 1; i <= 25; i++) {
            WavWriter.pcm(24).write(dir.resolve(String.format(java.util.Locale.ROOT, "Song_Part%02d_120bpm.wav", i)),
                    48_000, s, s);
        }
        Report r = StemSet.from(dir).run();

        assertThat(of(r, "set.multitracks")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("25 files where the music spec expects 5 to 12 stems"));
    }

    @Test
    void aFewStemsNamedKickAndSnareAreNotMultitracks() throws IOException {
        Delivery d = Delivery.clean();
        d.file("Drums").name = "Song_Kick_120bpm.wav";
        d.file("Keys").name = "Song_Snare_120bpm.wav";
        d.write(dir);

        assertThat(of(StemSet.from(dir).run(), "set.multitracks")).isEmpty();
    }
}
