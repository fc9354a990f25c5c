package org.stemcheck.core.nulltest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.stemcheck.io.testing.Instruments.RATE;
import static org.stemcheck.io.testing.Instruments.bassLine;
import static org.stemcheck.io.testing.Instruments.pad;
import static org.stemcheck.io.testing.Instruments.stereo;
import static org.stemcheck.io.testing.Instruments.vowel;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stemcheck.core.Finding;
import org.stemcheck.core.Report;
import org.stemcheck.core.Severity;
import org.stemcheck.core.StemSet;
import org.stemcheck.core.testing.Findings;
import org.stemcheck.core.testing.Signals;
import org.stemcheck.io.WavWriter;

/**
 * A delivery of one stem and its mix is compared like any other: LMMS Greshz-CoolSnip (two tracks)
 * with its bass drum left out kept one stem beside the mix, the null test needed two, and the report
 * passed without having compared anything.
 */
class SingleStemDeliveryTest {

    private static final double SECONDS = 8;

    @TempDir
    Path dir;

    private static double[] keys() {
        double[] a = vowel(SECONDS, 330, 0.2);
        double[] b = pad(SECONDS, 165, 0.15);
        double[] x = new double[a.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = a[i] + b[i];
        }
        return Signals.faded(x);
    }

    private Report run(double[] stem, double[] mix) throws IOException {
        WavWriter.pcm(24).write(dir.resolve("Song_Keys_120bpm.wav"), RATE, stereo(stem));
        WavWriter.pcm(24).write(dir.resolve("Song_Mixdown_120bpm.wav"), RATE, stereo(mix));
        return StemSet.from(dir).run();
    }

    @Test
    void theOneStemOfAMixWithABassLineNoStemCarriesLeavesTheBassMissing() throws IOException {
        double[] keys = keys();
        double[] bass = bassLine(SECONDS, 0.3);
        double[] mix = new double[keys.length];
        for (int i = 0; i < mix.length; i++) {
            mix[i] = keys[i] + bass[i];
        }
        Report r = run(keys, mix);

        List<Finding> missing = Findings.of(r, "set.missing-stem");
        assertThat(missing).as("%s", r.findings()).hasSize(1);
        assertThat(missing.get(0).message()).contains("low-frequency");
        assertThat(missing.get(0).files()).containsExactly("Song_Mixdown_120bpm.wav");
        assertThat(r.findings()).as("nothing blames the keys")
                .noneMatch(f -> f.severity() != Severity.INFO && f.files().contains("Song_Keys_120bpm.wav"));
        assertThat(r.passed()).isFalse();
    }

    @Test
    void oneStemThatIsTheWholeMixBehindAMasterFaderIsComparedAndPasses() throws IOException {
        double[] keys = keys();
        Report r = run(keys, Signals.gain(keys, 0.5));

        List<Finding> ref = Findings.of(r, "mix.reference");
        assertThat(ref).as("the stem was compared with the mix: %s", r.findings()).hasSize(1);
        assertThat(ref.get(0).measurements().get("null_after_gains_db")).isLessThan(-100.0);
        // one stem 6 dB louder than the mix: as much the mix's master fader as the stem, so the
        // level is said of the mix and no stem is named
        assertThat(ref.get(0).measurements().get("common_gain_db")).isCloseTo(6.02, within(0.01));
        assertThat(ref.get(0).message()).contains("about 6.0 dB louder than in it");
        assertThat(r.passed()).as("%s", r.findings()).isTrue();
    }

    @Test
    void theOneStemThatSoundsBesideSilentOnesIsJudgedAsIfAlone() throws IOException {
        // A 7 s excerpt of LMMS ZeroSumGame with its master 6 dB up and 220 samples late, the sub
        // bass the one stem playing: "Sub is 6.0 dB quieter" and "Sub is 220 samples early", both
        // said of the stem alone though the mix is as likely the one off.
        double[] keys = keys();
        double[] mix = new double[keys.length];
        for (int i = 220; i < mix.length; i++) {
            mix[i] = 2 * keys[i - 220];
        }
        WavWriter.pcm(24).write(dir.resolve("Song_Drums_120bpm.wav"), RATE, stereo(new double[keys.length]));
        Report r = run(keys, mix);

        assertThat(r.findings()).as("%s", r.findings()).noneMatch(f -> f.code().equals("mix.gain"));
        assertThat(Findings.of(r, "mix.reference").get(0).measurements().get("common_gain_db"))
                .isCloseTo(-6.02, within(0.05));
        Finding offset = Findings.of(r, "mix.offset").get(0);
        assertThat(offset.files()).containsExactly("Song_Keys_120bpm.wav", "Song_Mixdown_120bpm.wav");
        assertThat(offset.message()).contains("220 samples").contains("cannot be told apart");
    }
}
