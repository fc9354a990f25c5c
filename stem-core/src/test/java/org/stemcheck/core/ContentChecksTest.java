package org.stemcheck.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;
import static org.stemcheck.core.testing.Findings.of;
import static org.stemcheck.core.testing.Findings.problems;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stemcheck.core.testing.Delivery;
import org.stemcheck.core.testing.Signals;
import org.stemcheck.core.spec.DeliverySpec;

/** Each content and duplicate check finds its fault, injected into a generated delivery, on the right files. */
class ContentChecksTest {

    private static final double SECONDS = 2.0;

    @TempDir
    Path dir;

    /** A delivery of 2 s stems: full-band noise (each its own), faded out, at {@code rate}. */
    private static Delivery noiseDelivery(int rate, boolean mix) {
        Delivery d = mix ? Delivery.clean() : Delivery.withoutMix();
        long seed = 1;
        for (String l : mix ? withMix() : Delivery.LABELS) {
            Delivery.Spec s = d.file(l);
            s.rate = rate;
            s.timeReference = 3600L * rate;
            s.seconds = SECONDS;
            if (l.equals("mix")) {
                continue; // the mix is written as the sum of the stems
            }
            int n = frames(rate);
            s.samples = Signals.stereo(Signals.faded(Signals.noise(n, 0.2, seed++)),
                    Signals.faded(Signals.noise(n, 0.2, seed++)));
        }
        return d;
    }

    private static List<String> withMix() {
        List<String> all = new java.util.ArrayList<>(Delivery.LABELS);
        all.add("mix");
        return all;
    }

    private static int frames(int rate) {
        return (int) (SECONDS * rate);
    }

    private Report run(Delivery d) throws IOException {
        d.write(dir);
        return StemSet.from(dir).run();
    }

    private static Finding onlyProblem(Report r, String code, String... files) {
        List<Finding> p = problems(r);
        assertThat(p).as("problems in %s", r.findings()).hasSize(1);
        assertThat(p.get(0).code()).isEqualTo(code);
        assertThat(p.get(0).files()).containsExactlyInAnyOrder(files);
        return p.get(0);
    }

    @Test
    void fullBandNoiseDeliveryHasNoProblem() throws IOException {
        Report r = run(noiseDelivery(48_000, true));
        assertThat(problems(r)).isEmpty();
        assertThat(r.measured("Song_Drums_120bpm.wav").get("bandwidth_hz")).isGreaterThan(23_000);
    }

    @Test
    void stemLowPassedByABrickWallAt16kAmongFullBandOnesIsALossyTranscode() throws IOException {
        Delivery d = noiseDelivery(48_000, true);
        int n = frames(48_000);
        double[] l = Signals.faded(Signals.lowPass(Signals.noise(n, 0.3, 91), 16_000, 48_000, 255));
        double[] r = Signals.faded(Signals.lowPass(Signals.noise(n, 0.3, 92), 16_000, 48_000, 255));
        d.file("Guitars").samples = Signals.stereo(l, r);
        // A naturally dull stem (a bass: nothing above a few hundred Hz) is no transcode.
        double[] bass = Signals.faded(Signals.sine(n, 55, 48_000, 0.4));
        d.file("Bass").samples = Signals.stereo(bass, Signals.gain(bass, 0.9));
        Report rep = run(d);

        Finding f = onlyProblem(rep, "content.lossy-transcode", "Song_Guitars_120bpm.wav");
        assertThat(f.severity()).isEqualTo(Severity.WARNING);
        assertThat(f.measurements().get("cutoff_hz")).isBetween(15_500.0, 16_500.0);
        assertThat(f.measurements().get("drop_db")).isGreaterThan(40);
        assertThat(f.message()).contains("Guitars looks transcoded", "16.");
        assertThat(rep.measured("Song_Guitars_120bpm.wav").get("bandwidth_hz")).isBetween(15_000.0, 17_000.0);
    }

    @Test
    void aWholeDeliveryBandLimitedAlikeIsNoTranscode() throws IOException {
        Delivery d = noiseDelivery(48_000, false);
        int n = frames(48_000);
        long seed = 200;
        for (String label : Delivery.LABELS) {
            d.file(label).samples = Signals.stereo(
                    Signals.faded(Signals.lowPass(Signals.noise(n, 0.3, seed++), 16_000, 48_000, 255)),
                    Signals.faded(Signals.lowPass(Signals.noise(n, 0.3, seed++), 16_000, 48_000, 255)));
        }
        Report r = run(d);

        assertThat(of(r, "content.lossy-transcode")).isEmpty();
    }

    /**
     * A delivery whose every file went through one lossy codec (dev101 through ffmpeg's AAC at 128
     * kbit/s): each file's wall lies where its own content sinks under the codec's noise
     * threshold, the mix (here the sum of the stems) at the drums' 18.4 kHz, the other stems from
     * 16.9 kHz, and the bass, with no high end, has no wall at all: its faint noise stands 20 dB and
     * more over the walled stems' floor above their walls. With {@code poorer} one stem went through
     * a poorer codec besides (a wall at 15.5 kHz, 2.9 kHz under the mix's).
     */
    private Report everyFileThroughOneCodec(Double poorer) throws IOException {
        Delivery d = noiseDelivery(48_000, true);
        int n = frames(48_000);
        double[] walls = {18_400, 0, 17_700, poorer == null ? 17_700 : poorer, 17_800, 16_900, 16_900};
        long seed = 300;
        for (int k = 0; k < Delivery.LABELS.size(); k++) {
            String label = Delivery.LABELS.get(k);
            if (walls[k] == 0) {
                double[] bass = Signals.sine(n, 55, 48_000, 0.4);
                double[] l = Signals.faded(plus(bass, Signals.noise(n, 4e-4, seed++)));
                double[] r = Signals.faded(plus(bass, Signals.noise(n, 4e-4, seed++)));
                d.file(label).samples = Signals.stereo(l, r);
            } else {
                d.file(label).samples = Signals.stereo(
                        Signals.faded(Signals.lowPass(Signals.noise(n, 0.3, seed++), walls[k], 48_000, 255)),
                        Signals.faded(Signals.lowPass(Signals.noise(n, 0.3, seed++), walls[k], 48_000, 255)));
            }
        }
        return run(d);
    }

    private static double[] plus(double[] a, double[] b) {
        double[] y = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            y[i] = a[i] + b[i];
        }
        return y;
    }

    @Test
    void aDeliveryWhoseEveryFileWentThroughOneCodecHasNoTranscodedStem() throws IOException {
        assertThat(of(everyFileThroughOneCodec(null), "content.lossy-transcode")).isEmpty();
    }

    @Test
    void aStemThroughAPoorerCodecThanTheRestIsStillATranscode() throws IOException {
        List<Finding> f = of(everyFileThroughOneCodec(15_500.0), "content.lossy-transcode");

        assertThat(f).singleElement().satisfies(x -> {
            assertThat(x.files()).containsExactly("Song_Guitars_120bpm.wav");
            assertThat(x.measurements().get("cutoff_hz")).isBetween(15_000.0, 16_000.0);
        });
    }

    @Test
    void stemAt96kWithNothingAbove22kIsFakeHires() throws IOException {
        Delivery d = noiseDelivery(96_000, false);
        int n = frames(96_000);
        d.file("Keys").samples = Signals.stereo(
                Signals.faded(Signals.lowPass(Signals.noise(n, 0.3, 71), 22_000, 96_000, 511)),
                Signals.faded(Signals.lowPass(Signals.noise(n, 0.3, 72), 22_000, 96_000, 511)));
        double[] pad = Signals.faded(Signals.sine(n, 220, 96_000, 0.3));
        d.file("Pads").samples = Signals.stereo(pad, Signals.gain(pad, 0.8));
        Report r = run(d);

        Finding f = onlyProblem(r, "content.fake-hires", "Song_Keys_120bpm.wav");
        assertThat(f.severity()).isEqualTo(Severity.WARNING);
        assertThat(f.message()).contains("Keys is 96 kHz", "upsampled");
        assertThat(f.measurements().get("cutoff_hz")).isBetween(21_000.0, 23_000.0);
    }

    @Test
    void sixteenBitAudioInA24BitFileIsPaddedBits() throws IOException {
        Delivery d = noiseDelivery(48_000, false);
        double[][] x = d.file("Vocals").samples;
        for (double[] ch : x) {
            for (int i = 0; i < ch.length; i++) {
                ch[i] = Math.round(ch[i] * 32768) / 32768.0;
            }
        }
        d.write(dir);
        Report r = StemSet.from(dir).run();

        Finding f = onlyProblem(r, "content.padded-bits", "Song_Vocals_120bpm.wav");
        assertThat(f.severity()).isEqualTo(Severity.ERROR);
        assertThat(f.message()).contains("Vocals is a 24-bit file but holds 16-bit audio", "asks for 24 bits");
        assertThat(f.measurements()).containsEntry("effective_bits", 16.0).containsEntry("container_bits", 24.0);
        assertThat(r.measured("Song_Vocals_120bpm.wav")).containsEntry("effective_bits", 16.0);

        Report lenient = StemSet.from(dir).expect(DeliverySpec.music().toBuilder().bitDepth(16, true).build()).run();
        assertThat(of(lenient, "content.padded-bits")).singleElement()
                .extracting(Finding::severity).isEqualTo(Severity.WARNING);
    }

    @Test
    void sixteenBitAudioInAFloatFileIsPaddedBitsButTwentyFourBitAudioIsNot() throws IOException {
        Delivery d = noiseDelivery(48_000, false);
        Delivery.LABELS.forEach(label -> d.file(label).floating = true);
        for (String label : List.of("Drums", "Bass")) {
            int step = label.equals("Drums") ? 32768 : 8388608; // 16-bit and 24-bit grids
            for (double[] ch : d.file(label).samples) {
                for (int i = 0; i < ch.length; i++) {
                    ch[i] = Math.round(ch[i] * step) / (double) step;
                }
            }
        }
        Report r = run(d);

        Finding f = onlyProblem(r, "content.padded-bits", "Song_Drums_120bpm.wav");
        assertThat(f.message()).contains("Drums is a 32-bit float file but holds 16-bit audio");
        assertThat(r.measured("Song_Bass_120bpm.wav")).containsEntry("effective_bits", 24.0);
    }

    @Test
    void stemWithOneChannelInvertedIsOutOfPhaseError() throws IOException {
        Delivery d = noiseDelivery(48_000, false);
        double[] l = d.file("Pads").samples[0];
        d.file("Pads").samples = Signals.stereo(l, Signals.gain(l, -1));
        Report r = run(d);

        Finding f = onlyProblem(r, "content.out-of-phase", "Song_Pads_120bpm.wav");
        assertThat(f.severity()).isEqualTo(Severity.ERROR);
        assertThat(f.message()).contains("Pads is out of phase", "polarity is inverted");
        assertThat(f.measurements().get("correlation")).isLessThan(-0.99);
        assertThat(f.where()).isNotEmpty();
        assertThat(f.where().get(0).startSeconds()).isZero();
    }

    @Test
    void stemWithPartlyAntiCorrelatedChannelsIsOutOfPhaseWarning() throws IOException {
        Delivery d = noiseDelivery(48_000, false);
        double[] l = d.file("FX").samples[0];
        double[] other = Signals.faded(Signals.noise(l.length, 0.2, 999));
        double[] r = new double[l.length];
        for (int i = 0; i < l.length; i++) {
            r[i] = -0.5 * l[i] + 0.5 * other[i]; // correlation about -0.7
        }
        d.file("FX").samples = Signals.stereo(l, r);
        Report rep = run(d);

        Finding f = onlyProblem(rep, "content.out-of-phase", "Song_FX_120bpm.wav");
        assertThat(f.severity()).isEqualTo(Severity.WARNING);
        assertThat(f.measurements().get("correlation")).isBetween(-0.8, -0.6);
    }

    @Test
    void stemWithIdenticalChannelsIsDualMonoInfo() throws IOException {
        Delivery d = noiseDelivery(48_000, false);
        double[] l = d.file("Bass").samples[0];
        d.file("Bass").samples = Signals.stereo(l, l.clone());
        Report r = run(d);

        assertThat(problems(r)).isEmpty();
        assertThat(of(r, "content.dual-mono")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.INFO);
            assertThat(f.files()).containsExactly("Song_Bass_120bpm.wav");
            assertThat(f.message()).contains("Bass is dual mono");
        });
    }

    @Test
    void twoStemsWithTheSameSamplesAreDuplicates() throws IOException {
        Delivery d = noiseDelivery(48_000, false);
        d.file("Guitars").samples = d.file("Keys").samples;
        Report r = run(d);

        Finding f = onlyProblem(r, "set.duplicate", "Song_Keys_120bpm.wav", "Song_Guitars_120bpm.wav");
        assertThat(f.severity()).isEqualTo(Severity.ERROR);
        assertThat(f.message()).contains("Guitars and Keys hold the same audio");
    }

    @Test
    void theSameSamplesAs24BitPcmAndAsFloatAreDuplicates() throws IOException {
        Delivery d = noiseDelivery(48_000, false);
        double[][] keys = on24BitGrid(d.file("Keys").samples);
        d.file("Keys").samples = keys;
        d.file("Guitars").samples = keys;
        d.file("Guitars").floating = true;
        Report r = run(d);

        // The float stem among 24-bit ones is also a format.bit-depth warning; this test is about set.duplicate.
        List<Finding> p = problems(r).stream().filter(x -> !x.code().equals("format.bit-depth")).toList();
        assertThat(p).as("problems in %s", r.findings()).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo("set.duplicate");
            assertThat(f.files()).containsExactlyInAnyOrder("Song_Keys_120bpm.wav", "Song_Guitars_120bpm.wav");
            assertThat(f.message()).contains("hold the same audio (bit-identical samples)");
        });
    }

    @Test
    void aCopyOneLsbAwayIsNoBitIdenticalDuplicateButStillACopy() throws IOException {
        Delivery d = noiseDelivery(48_000, false);
        double[][] keys = on24BitGrid(d.file("Keys").samples);
        double[][] guitars = {keys[0].clone(), keys[1].clone()};
        guitars[1][frames(48_000) / 3] += 0x1p-23;
        d.file("Keys").samples = keys;
        d.file("Guitars").samples = guitars;
        Report r = run(d);

        Finding f = onlyProblem(r, "set.duplicate", "Song_Keys_120bpm.wav", "Song_Guitars_120bpm.wav");
        assertThat(f.message()).doesNotContain("bit-identical").contains("is a copy of", "at the same level");
    }

    /** The samples rounded to the 24-bit grid, so that a 24-bit and a float file hold the same values. */
    private static double[][] on24BitGrid(double[][] x) {
        double[][] y = new double[x.length][];
        for (int c = 0; c < x.length; c++) {
            y[c] = java.util.Arrays.stream(x[c]).map(v -> Math.rint(v * 0x1p23) / 0x1p23).toArray();
        }
        return y;
    }

    @Test
    void anInvertedCopy6dBDownIsADuplicateWithItsGain() throws IOException {
        Delivery d = noiseDelivery(48_000, false);
        double[][] keys = d.file("Keys").samples;
        d.file("Vocals").samples = Signals.stereo(Signals.gain(keys[0], -0.5), Signals.gain(keys[1], -0.5));
        Report r = run(d);

        Finding f = onlyProblem(r, "set.duplicate", "Song_Keys_120bpm.wav", "Song_Vocals_120bpm.wav");
        assertThat(f.message()).contains("Vocals is a copy of Keys", "-6.0 dB", "polarity inverted");
        assertThat(f.measurements().get("gain_db")).isCloseTo(-6.02, offset(0.05));
        assertThat(f.measurements()).containsEntry("inverted", 1.0);
    }

    @Test
    void aStemHoldingTheMixIsADuplicateOfTheMix() throws IOException {
        // The mix exported in place of the drums: the delivery as written, then the Drums file
        // replaced by a copy of the mixdown (the mix stays the sum of the stems as first written).
        noiseDelivery(48_000, true).write(dir);
        java.nio.file.Files.copy(dir.resolve("mixdown.wav"), dir.resolve("Song_Drums_120bpm.wav"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Report r = StemSet.from(dir).run();

        // The stems no longer sum to the mix (the mix.* findings say so); this test is about set.duplicate.
        List<Finding> p = problems(r).stream().filter(x -> !x.code().startsWith("mix.")).toList();
        assertThat(p).as("problems in %s", r.findings()).hasSize(1);
        Finding f = p.get(0);
        assertThat(f.code()).isEqualTo("set.duplicate");
        assertThat(f.files()).containsExactlyInAnyOrder("Song_Drums_120bpm.wav", "mixdown.wav");
        assertThat(f.message()).contains("the mix was exported as a stem");
    }
}
