package org.stemcheck.core.film;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stemcheck.core.Finding;
import org.stemcheck.core.Report;
import org.stemcheck.core.Severity;
import org.stemcheck.core.StemSet;
import org.stemcheck.core.spec.DeliverySpec;
import org.stemcheck.core.spec.Loudness;
import org.stemcheck.core.testing.Findings;
import org.stemcheck.io.WavWriter;

/**
 * Dialogue-gated loudness of a printmaster, from a 5.1 DME delivery made of 997 Hz tones whose
 * loudness is known without a meter: a 997 Hz sine of amplitude {@code a} in one front channel
 * reads {@code -3.01 + 20 log10(a)} LUFS (ITU-R BS.1770-4's calibration), tones in different
 * channels add in power. Dialogue speaks for the first 4 s of 10 s; music and effects play
 * throughout. The expected value is the power mean over the 400 ms blocks (every 100 ms) that
 * overlap the dialogue, computed here from the tones' powers and each block's overlap.
 */
class DialogueGatedLoudnessTest {

    private static final int RATE = 48_000;
    private static final double SECONDS = 10.0;
    private static final double DIALOGUE_UNTIL_S = 4.0;
    private static final double DX = 0.1;   // dialogue amplitude, in C
    private static final double MX = 0.05;  // music, in L
    private static final double FX = 0.02;  // effects, in R
    /** BS.1770-4: a 0 dBFS 997 Hz sine in one front channel reads -3.01 LUFS. */
    private static final double SINE_FULL_SCALE_LUFS = -3.01;

    @TempDir
    Path dir;

    private static double[][] tone(int channel, double amplitude, double until) {
        int n = (int) (SECONDS * RATE);
        double[][] x = new double[6][n];
        int end = (int) Math.round(until * RATE);
        for (int i = 0; i < Math.min(n, end); i++) {
            x[channel][i] = amplitude * Math.sin(2 * Math.PI * 997 * i / RATE);
        }
        return x;
    }

    private void write(boolean withDialogue) throws IOException {
        WavWriter w = WavWriter.pcm(24).withTimeReference(3600L * RATE).withChannelMask(0x3F);
        double[][] dx = tone(2, DX, DIALOGUE_UNTIL_S);
        double[][] mx = tone(0, MX, SECONDS);
        double[][] fx = tone(1, FX, SECONDS);
        double[][] pm = new double[6][];
        for (int c = 0; c < 6; c++) {
            pm[c] = new double[dx[c].length];
            for (int i = 0; i < pm[c].length; i++) {
                pm[c][i] = dx[c][i] + mx[c][i] + fx[c][i];
            }
        }
        if (withDialogue) {
            w.write(dir.resolve("Show_Dialogue.wav"), RATE, dx);
        }
        w.write(dir.resolve("Show_Music.wav"), RATE, mx);
        w.write(dir.resolve("Show_Effects.wav"), RATE, fx);
        w.write(dir.resolve("Show_PM.wav"), RATE, pm);
    }

    /** The expected dialogue-gated loudness and share, from the tones' powers (no meter). */
    private static double[] expected() {
        double sum = 0;
        int active = 0;
        int blocks = 0;
        for (int j = 0; (j + 4) * 0.1 <= SECONDS + 1e-9; j++) {
            blocks++;
            double start = j * 0.1;
            double overlap = Math.max(0, Math.min(start + 0.4, DIALOGUE_UNTIL_S) - start) / 0.4;
            if (overlap > 0) { // every partial block here holds at least 25% of the dialogue: above its -10 LU gate
                active++;
                sum += overlap * DX * DX + MX * MX + FX * FX;
            }
        }
        return new double[] {SINE_FULL_SCALE_LUFS + 10 * Math.log10(sum / active), (double) active / blocks};
    }

    private static DeliverySpec gated(double target) {
        return DeliverySpec.film().toBuilder().name("dx-gated").loudnessTarget(target, 1.0)
                .loudnessGating(Loudness.Gating.DIALOGUE).build();
    }

    @Test
    void thePrintmasterIsMeasuredOverTheBlocksWithDialogue() throws IOException {
        write(true);
        double[] e = expected();
        assertThat(e[0]).isCloseTo(-22.03, within(0.01)); // the tones' numbers, for the reader
        assertThat(e[1]).isCloseTo(40.0 / 97, within(1e-9));

        Report r = StemSet.from(dir).expect(gated(-30.0)).run();
        List<Finding> l = Findings.of(r, "level.loudness");
        assertThat(l).hasSize(1);
        Finding f = l.get(0);
        assertThat(f.severity()).isEqualTo(Severity.ERROR);
        assertThat(f.files()).containsExactly("Show_PM.wav", "Show_Dialogue.wav");
        assertThat(f.measurements().get("dialogue_gated_lufs")).isCloseTo(e[0], within(0.05));
        assertThat(f.measurements().get("dialogue_share")).isCloseTo(e[1], within(0.011));
        assertThat(f.message()).contains("Show_PM.wav is " + String.format(java.util.Locale.ROOT, "%.1f", e[0])
                + " LUFS dialogue-gated (over the 41% of the programme in which Dialogue is active)", "LU too loud");
        // the programme loudness, over every block, is quieter: most of it has no dialogue
        double programme = f.measurements().get("integrated_lufs");
        assertThat(programme).isLessThan(e[0] - 2.0);
    }

    @Test
    void withinTheTargetItIsAnInfoWithTheShare() throws IOException {
        write(true);
        double[] e = expected();
        Report r = StemSet.from(dir).expect(gated(Math.round(e[0] * 10) / 10.0)).run();
        Finding f = Findings.of(r, "level.loudness").get(0);
        assertThat(f.severity()).isEqualTo(Severity.INFO);
        assertThat(f.message()).endsWith(": met");
        assertThat(Findings.problems(r)).noneMatch(x -> x.code().equals("level.loudness"));
    }

    @Test
    void withoutADialogueStemTheLoudnessCannotBeMeasuredAndSaysSo() throws IOException {
        write(false);
        Report r = StemSet.from(dir).expect(gated(-27.0)).run();
        Finding f = Findings.of(r, "level.loudness").get(0);
        assertThat(f.severity()).isEqualTo(Severity.WARNING);
        assertThat(f.files()).containsExactly("Show_PM.wav");
        assertThat(f.message()).contains("no dialogue stem", "cannot be measured", "programme loudness is");
        assertThat(f.measurements()).doesNotContainKey("dialogue_gated_lufs");
    }

    /** The netflix preset asks -27 +-2 LUFS dialogue-gated: the tones' printmaster is about 5 LU too loud. */
    @Test
    void theNetflixPresetMeasuresDialogueGated() throws IOException {
        write(true);
        Report r = StemSet.from(dir).expect(DeliverySpec.preset("netflix")).run();
        Finding f = Findings.of(r, "level.loudness").get(0);
        assertThat(f.severity()).isEqualTo(Severity.ERROR);
        assertThat(f.measurements().get("difference_lu")).isCloseTo(expected()[0] + 27.0, within(0.05));
        assertThat(f.message()).contains("the spec netflix asks -27.0 +-2.0 LUFS dialogue-gated");
    }
}
