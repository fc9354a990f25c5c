package org.stemcheck.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stemcheck.core.testing.Findings.of;
import static org.stemcheck.io.testing.Instruments.RATE;
import static org.stemcheck.io.testing.Instruments.bassLine;
import static org.stemcheck.io.testing.Instruments.drums;
import static org.stemcheck.io.testing.Instruments.pad;
import static org.stemcheck.io.testing.Instruments.stereo;
import static org.stemcheck.io.testing.Instruments.vowel;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stemcheck.io.WavWriter;

/** {@code content.label-mismatch} on generated stems: a bass line, a sung vowel with vibrato, a drum pattern. */
class LabelMismatchCheckTest {

    private static final String CODE = "content.label-mismatch";
    private static final double SECONDS = 6;

    @TempDir
    Path dir;

    private void write(String label, double[] mono) throws IOException {
        WavWriter.pcm(24).write(dir.resolve("Song_" + label + "_120bpm.wav"), RATE, stereo(mono));
    }

    private List<Finding> run() {
        return of(StemSet.from(dir).run(), CODE);
    }

    @Test
    void stemsThatSoundLikeTheirLabelsAreNotFlagged() throws IOException {
        write("Bass", bassLine(SECONDS, 0.5));
        write("Vocals", vowel(SECONDS, 220, 0.3));
        write("BackingVocals", vowel(SECONDS, 330, 0.2));
        write("Drums", drums(SECONDS, 0.5, 1));
        write("Pads", pad(SECONDS, 130, 0.2));

        assertThat(run()).isEmpty();
    }

    @Test
    void vowelNamedBassSoundsLikeAVocal() throws IOException {
        write("Bass", vowel(SECONDS, 220, 0.3));
        write("Drums", drums(SECONDS, 0.5, 1));

        List<Finding> found = run();
        assertThat(found).hasSize(1);
        Finding f = found.get(0);
        assertThat(f.files()).containsExactly("Song_Bass_120bpm.wav");
        assertThat(f.severity()).isEqualTo(Severity.WARNING);
        assertThat(f.message()).startsWith("Bass sounds like a vocal (pitch ").endsWith("not a bass: check the file names");
        assertThat(f.measurements().get("pitch_median_hz")).isBetween(195.0, 250.0);
    }

    @Test
    void bassLineNamedVocalsSoundsLikeABass() throws IOException {
        write("Vocals", bassLine(SECONDS, 0.5));
        write("Drums", drums(SECONDS, 0.5, 1));

        List<Finding> found = run();
        assertThat(found).extracting(f -> f.files().get(0)).containsExactly("Song_Vocals_120bpm.wav");
        assertThat(found.get(0).message()).startsWith("Vocals sounds like a bass (pitch ").contains("not a vocal");
        assertThat(found.get(0).measurements().get("share_below_300hz")).isGreaterThan(0.9);
    }

    @Test
    void heldPadNamedDrumsHasNoHits() throws IOException {
        write("Drums", pad(SECONDS, 130, 0.2));

        List<Finding> found = run();
        assertThat(found).hasSize(1);
        assertThat(found.get(0).message()).startsWith("Drums sounds like sustained pitched material").contains("not drums");
        assertThat(found.get(0).measurements().get("onsets_per_s")).isLessThan(0.25);
    }

    @Test
    void drumPatternNamedVocalsIsNotJudgedAsABassOrAVoice() throws IOException {
        // Noise bursts are neither a bass line nor sung: no clear contradiction, no finding.
        write("Vocals", drums(SECONDS, 0.5, 2));

        assertThat(run()).isEmpty();
    }

    @Test
    void lowMaleVoiceNamedVocalsIsNotTakenForABass() throws IOException {
        // G2 (98 Hz) is below the bass-pitch bound, but the power sits in the formants, not below 300 Hz.
        write("Vocals", vowel(SECONDS, 98, 0.3));

        assertThat(run()).isEmpty();
    }

    @Test
    void stemTooShortToJudgeIsNotFlagged() throws IOException {
        write("Bass", vowel(2.0, 220, 0.3));

        assertThat(run()).isEmpty();
    }

    @Test
    void labelWithoutAClearClassIsNotJudged() throws IOException {
        write("BassDrum", vowel(SECONDS, 220, 0.3));
        write("Keys", bassLine(SECONDS, 0.5));

        assertThat(run()).isEmpty();
    }
}
