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
import org.stemcheck.core.spec.DeliverySpec;

/** Each format check finds its fault, injected into one stem of a generated delivery, on that stem only. */
class FormatChecksTest {

    @TempDir
    Path dir;

    private Report run(Delivery d) throws IOException {
        d.write(dir);
        return StemSet.from(dir).run();
    }

    private static Finding only(Report r, String code) {
        List<Finding> found = of(r, code);
        assertThat(found).as("findings %s in %s", code, r.findings()).hasSize(1);
        return found.get(0);
    }

    @Test
    void generatedCleanDeliveryHasNoProblem() throws IOException {
        Report r = run(Delivery.clean());
        assertThat(problems(r)).isEmpty();
        assertThat(r.passed()).isTrue();
    }

    @Test
    void stemAt44kAmong48kIsASampleRateErrorOnThatStem() throws IOException {
        Delivery d = Delivery.clean();
        d.file("Bass").rate = 44_100;
        d.file("Bass").timeReference = 3600L * 44_100;
        Report r = run(d);

        Finding f = only(r, "format.sample-rate");
        assertThat(f.severity()).isEqualTo(Severity.ERROR);
        assertThat(f.files()).containsExactly("Song_Bass_120bpm.wav");
        assertThat(f.message()).contains("Bass is 44.1 kHz", "the other 6 stems are 48 kHz");
        assertThat(f.fix()).contains("48 kHz").contains("do not resample");
        assertThat(f.measurements()).containsEntry("sample_rate_hz", 44_100.0);
        // Its TimeReference, counted at 44.1 kHz, is the same second: not a timecode finding.
        assertThat(of(r, "format.timecode")).isEmpty();
        assertThat(of(r, "format.length")).isEmpty();
    }

    @Test
    void allStemsAtARateTheFilmSpecRefusesIsOneError() throws IOException {
        Delivery d = Delivery.withoutMix();
        for (String l : Delivery.LABELS) {
            d.file(l).rate = 44_100;
            d.file(l).timeReference = 3600L * 44_100;
        }
        d.write(dir);
        Report r = StemSet.from(dir).expect(DeliverySpec.film()).run();

        Finding f = only(r, "format.sample-rate");
        assertThat(f.severity()).isEqualTo(Severity.ERROR);
        assertThat(f.files()).hasSize(7);
        assertThat(f.message()).contains("44.1 kHz", "film", "48 kHz");
    }

    @Test
    void sixteenBitStemIsABitDepthErrorOnThatStem() throws IOException {
        Delivery d = Delivery.clean();
        d.file("Vocals").bits = 16;
        Report r = run(d);

        Finding f = only(r, "format.bit-depth");
        assertThat(f.severity()).isEqualTo(Severity.ERROR);
        assertThat(f.files()).containsExactly("Song_Vocals_120bpm.wav");
        assertThat(f.message()).contains("Vocals is 16-bit", "24-bit");
        assertThat(problems(r)).containsExactly(f);
    }

    @Test
    void floatStemAmongTwentyFourBitIsAWarningUnderMusicAndAnErrorUnderFilm() throws IOException {
        Delivery d = Delivery.clean();
        d.file("Keys").floating = true;
        d.write(dir);

        Finding music = only(StemSet.from(dir).run(), "format.bit-depth");
        assertThat(music.severity()).isEqualTo(Severity.WARNING);
        assertThat(music.files()).containsExactly("Song_Keys_120bpm.wav");
        assertThat(music.message()).contains("32-bit float", "24-bit");

        Finding film = only(StemSet.from(dir).expect(DeliverySpec.film()).run(), "format.bit-depth");
        assertThat(film.severity()).isEqualTo(Severity.ERROR);
    }

    @Test
    void monoStemAmongStereoIsAChannelsWarningOnThatStem() throws IOException {
        Delivery d = Delivery.clean();
        d.file("Bass").channels = 1;
        Report r = run(d);

        Finding f = only(r, "format.channels");
        assertThat(f.severity()).isEqualTo(Severity.WARNING);
        assertThat(f.files()).containsExactly("Song_Bass_120bpm.wav");
        assertThat(f.message()).contains("Bass is mono", "stereo");
        assertThat(problems(r)).containsExactly(f);
    }

    @Test
    void shorterStemIsALengthWarningWithTheDifferenceInSeconds() throws IOException {
        Delivery d = Delivery.clean();
        d.file("Pads").seconds = 0.4;
        Report r = run(d);

        Finding f = only(r, "format.length");
        assertThat(f.severity()).isEqualTo(Severity.WARNING);
        assertThat(f.files()).containsExactly("Song_Pads_120bpm.wav");
        assertThat(f.message()).contains("0.400 s", "0.500 s", "0.100 s shorter");
        assertThat(f.measurements().get("difference_s")).isCloseTo(-0.1, org.assertj.core.data.Offset.offset(1e-9));
    }

    /** Every stem but Pads and FX ends at 0.3 s; those two run the delivery's 0.5 s. */
    private static Delivery fiveStemsEndEarly(Delivery d) {
        for (String l : List.of("Drums", "Bass", "Keys", "Guitars", "Vocals")) {
            d.file(l).seconds = 0.3;
        }
        return d;
    }

    @Test
    void stemsCutAtTheirLastNoteAreShorterThanTheMixNotTheFullLengthOnes() throws IOException {
        // A DAW that stops each track at its last note (LMMS's rendertracks): most stems end
        // early, two run as long as the mix; the short ones are named, against the mix.
        Delivery d = fiveStemsEndEarly(Delivery.clean());
        Report r = run(d);

        List<Finding> found = of(r, "format.length");
        assertThat(found).extracting(f -> f.files().get(0)).containsExactlyInAnyOrder("Song_Drums_120bpm.wav",
                "Song_Bass_120bpm.wav", "Song_Keys_120bpm.wav", "Song_Guitars_120bpm.wav", "Song_Vocals_120bpm.wav");
        assertThat(found).allSatisfy(f -> {
            assertThat(f.message()).contains("lasts 0.300 s, the mix 0.500 s (0.200 s shorter)");
            assertThat(f.measurements().get("expected_s")).isCloseTo(0.5, org.assertj.core.data.Offset.offset(1e-9));
        });
    }

    @Test
    void withoutAMixTheLengthMostStemsShareIsTheYardstick() throws IOException {
        Delivery d = fiveStemsEndEarly(Delivery.withoutMix());
        Report r = run(d);

        List<Finding> found = of(r, "format.length");
        assertThat(found).extracting(f -> f.files().get(0)).containsExactlyInAnyOrder("Song_Pads_120bpm.wav",
                "Song_FX_120bpm.wav");
        assertThat(found.get(0).message()).contains("the other 5 stems 0.300 s (0.200 s longer)");
    }

    @Test
    void lengthsAreComparedInSecondsAcrossRates() throws IOException {
        Delivery d = Delivery.clean();
        d.file("Bass").rate = 96_000; // same 0.5 s, twice the frames
        d.file("Bass").timeReference = 3600L * 96_000;
        Report r = run(d);

        assertThat(of(r, "format.length")).isEmpty();
        assertThat(of(r, "format.timecode")).isEmpty();
        assertThat(only(r, "format.sample-rate").files()).containsExactly("Song_Bass_120bpm.wav");
    }

    @Test
    void stemStampedAtAnotherStartIsATimecodeError() throws IOException {
        Delivery d = Delivery.clean();
        d.file("Guitars").timeReference = Delivery.ONE_HOUR_AT_48K + 2 * Delivery.RATE;
        Report r = run(d);

        Finding f = only(r, "format.timecode");
        assertThat(f.severity()).isEqualTo(Severity.ERROR);
        assertThat(f.files()).containsExactly("Song_Guitars_120bpm.wav");
        assertThat(f.message()).contains("01:00:02.000", "01:00:00.000", "2.000 s later");
        assertThat(f.measurements().get("offset_s")).isEqualTo(2.0);
    }

    @Test
    void stemWithoutTimeReferenceAmongStampedOnesIsAWarningUnderMusicAndAnErrorUnderFilm() throws IOException {
        Delivery d = Delivery.clean();
        d.file("Drums").timeReference = null;
        d.write(dir);

        Finding music = only(StemSet.from(dir).run(), "format.timecode");
        assertThat(music.severity()).isEqualTo(Severity.WARNING);
        assertThat(music.files()).containsExactly("Song_Drums_120bpm.wav");
        assertThat(music.message()).contains("no BWF TimeReference");

        Finding film = only(StemSet.from(dir).expect(DeliverySpec.film()).run(), "format.timecode");
        assertThat(film.severity()).isEqualTo(Severity.ERROR);
    }

    @Test
    void noTimeReferenceAnywhereIsFineForMusicButAnErrorForFilm() throws IOException {
        Delivery d = Delivery.withoutMix();
        Delivery.LABELS.forEach(l -> d.file(l).timeReference = null);
        d.write(dir);

        assertThat(of(StemSet.from(dir).run(), "format.timecode")).isEmpty();
        Finding film = only(StemSet.from(dir).expect(DeliverySpec.film()).run(), "format.timecode");
        assertThat(film.severity()).isEqualTo(Severity.ERROR);
        assertThat(film.files()).hasSize(7);
    }

    @Test
    void toleranceOverridesMoveTheThreshold() throws IOException {
        Delivery d = Delivery.clean();
        d.file("Pads").seconds = 0.49;
        d.write(dir);

        assertThat(of(StemSet.from(dir).run(), "format.length")).hasSize(1);
        DeliverySpec lenient = DeliverySpec.music().toBuilder().lengthTolerance(0.02).build();
        assertThat(of(StemSet.from(dir).expect(lenient).run(), "format.length")).isEmpty();
    }
}
