package org.stemcheck.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.stemcheck.core.testing.Findings.of;
import static org.stemcheck.io.testing.Instruments.RATE;
import static org.stemcheck.io.testing.Instruments.bassLine;
import static org.stemcheck.io.testing.Instruments.drums;
import static org.stemcheck.io.testing.Instruments.limit;
import static org.stemcheck.io.testing.Instruments.pad;
import static org.stemcheck.io.testing.Instruments.stereo;
import static org.stemcheck.io.testing.Instruments.vowel;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stemcheck.core.testing.Signals;
import org.stemcheck.io.WavWriter;

/** {@code level.mixbus-processing} on generated deliveries, some stems through a look-ahead limiter at -1 dBFS. */
class MixbusProcessingCheckTest {

    private static final String CODE = "level.mixbus-processing";
    private static final double SECONDS = 6;
    private static final double CEILING = Math.pow(10, -1.0 / 20);

    @TempDir
    Path dir;

    /** Five dry stems, peaks between -20 and -7 dBFS. */
    private static Map<String, double[]> dry() {
        Map<String, double[]> stems = new LinkedHashMap<>();
        stems.put("Drums", drums(SECONDS, 0.35, 1));
        stems.put("Bass", bassLine(SECONDS, 0.3));
        stems.put("Vocals", vowel(SECONDS, 220, 0.25));
        stems.put("Keys", vowel(SECONDS, 330, 0.1));
        stems.put("Pads", pad(SECONDS, 130, 0.1));
        return stems;
    }

    private List<Finding> run(Map<String, double[]> stems) throws IOException {
        for (Map.Entry<String, double[]> e : stems.entrySet()) {
            WavWriter.pcm(24).write(dir.resolve("Song_" + e.getKey() + "_120bpm.wav"), RATE, stereo(e.getValue()));
        }
        return of(StemSet.from(dir).run(), CODE);
    }

    @Test
    void threeStemsThroughOneLimiterShareItsCeiling() throws IOException {
        Map<String, double[]> stems = dry();
        for (String l : List.of("Drums", "Bass", "Vocals")) {
            stems.put(l, limit(stems.get(l), CEILING, 12));
        }
        List<Finding> found = run(stems);

        assertThat(found).as("%s", found).hasSize(1);
        Finding f = found.get(0);
        assertThat(f.severity()).isEqualTo(Severity.ERROR);
        assertThat(f.files()).containsExactlyInAnyOrder(
                "Song_Drums_120bpm.wav", "Song_Bass_120bpm.wav", "Song_Vocals_120bpm.wav");
        assertThat(f.message()).contains("peak at one ceiling, -1.0 dBFS", "mix-bus limiter");
        assertThat(f.measurements().get("ceiling_dbfs")).isCloseTo(-1.0, within(0.05));
        assertThat(f.measurements().get("windows_at_ceiling")).isGreaterThanOrEqualTo(5.0);
    }

    @Test
    void stemsLimitedAloneThatSumToTheMixCarryNoMixBusChain() throws IOException {
        // The same three stems through the limiter, and a mix that is their plain sum: the mix went
        // through no chain the stems lack, so what they share is a limiter per track.
        Map<String, double[]> stems = dry();
        for (String l : List.of("Drums", "Bass", "Vocals")) {
            stems.put(l, limit(stems.get(l), CEILING, 12));
        }
        double[] mix = new double[stems.get("Drums").length];
        for (double[] x : stems.values()) {
            for (int i = 0; i < mix.length; i++) {
                mix[i] += x[i] * 0.5;
            }
        }
        WavWriter.pcm(24).write(dir.resolve("Song_Mixdown_120bpm.wav"), RATE, stereo(mix));
        // at half the level: the stems are the mix's parts at a common gain of +6 dB, no processing
        List<Finding> found = run(stems);

        assertThat(found).as("%s", found).isEmpty();
    }

    @Test
    void twoPeaksThatMeetBesideAMixTurnedDownIntoItsOwnLimiterAreNoChainInTheStems() throws IOException {
        // LMMS Surrender-Main: Arp and KickI peak 0.05 dB apart, held nowhere, and the mix went
        // through its master fader (-5 dB) into a limiter: the stems sum 5 dB louder than the mix,
        // which is the mix's own chain, not makeup printed into the stems.
        Map<String, double[]> stems = dry();
        stems.put("Bass", normalise(stems.get("Bass"), CEILING));
        stems.put("Vocals", normalise(stems.get("Vocals"), CEILING * Math.pow(10, -0.05 / 20)));
        double[] sum = new double[stems.get("Bass").length];
        for (double[] x : stems.values()) {
            for (int i = 0; i < sum.length; i++) {
                sum[i] += x[i];
            }
        }
        WavWriter.pcm(24).write(dir.resolve("Song_Mixdown_120bpm.wav"), RATE,
                stereo(limit(normalise(sum, 0.5), 0.5 * CEILING, 3)));
        List<Finding> found = run(stems);

        assertThat(found).as("%s", found).isEmpty();
    }

    @Test
    void dryStemsHaveNoMixbusProcessing() throws IOException {
        assertThat(run(dry())).isEmpty();
    }

    @Test
    void oneLimitedStemIsItsOwnBusLimiterNotTheMixBus() throws IOException {
        Map<String, double[]> stems = dry();
        stems.put("Drums", limit(stems.get("Drums"), CEILING, 12));

        assertThat(run(stems)).isEmpty();
    }

    @Test
    void stemsNormalisedToOnePeakWithoutLimitingAreNotFlagged() throws IOException {
        Map<String, double[]> stems = dry();
        for (String l : List.of("Bass", "Vocals")) {
            stems.put(l, normalise(stems.get(l), CEILING));
        }
        assertThat(run(stems)).isEmpty();
    }

    @Test
    void aRepeatedDrumSampleBesideOneStemOfTheSamePeakIsNoMixBusLimiter() throws IOException {
        // One drum sample played again and again, bit for bit (a sampler's hits), peaks at the same
        // level in every window it sounds in, two or three hits to a window: "held" at its peak with
        // no limiter. The bass, normalised, happens to peak within 0.1 dB of it.
        Map<String, double[]> stems = dry();
        stems.put("Drums", normalise(repeatedSample(), CEILING));
        stems.put("Bass", normalise(stems.get("Bass"), CEILING * Math.pow(10, -0.05 / 20)));

        assertThat(run(stems)).isEmpty();
    }

    @Test
    void twoDrumSamplesReplayedAndNormalisedAlikeAreNoMixBusLimiter() throws IOException {
        // LMMS Skiessi-C64 rendered track by track: a kick and a snare, each one sample replayed bit
        // for bit and normalised to -0.7 dBFS, reach that peak in 32 and 37 of 322 windows at levels
        // far apart (windows of one hit and of several): "held" at one ceiling, but by no limiter.
        Map<String, double[]> stems = dry();
        stems.remove("Drums");
        stems.put("Kick", normalise(repeatedSample(7, 0.0, 0.02, 0.04, 0.25), CEILING));
        stems.put("Snare", normalise(repeatedSample(11, 0.125, 0.145, 0.375), CEILING * Math.pow(10, -0.03 / 20)));

        assertThat(run(stems)).isEmpty();
    }

    @Test
    void aDrumSampleReplayedThroughALossyCodecBesideAMixTurnedDownIntoItsLimiterIsNoChainInTheStems()
            throws IOException {
        // LMMS Surrender-Main with every file through AAC 256k and back (scripts/lmms/lossy.py): its
        // kick, one sample replayed, reached its peak in 31 windows, but each hit carries coding
        // noise of its own (the hits' peak shapes -35 to -65 dB apart): no longer bit for bit, it
        // was read as held at a ceiling, and with the mix 5 dB under the stems (its master fader
        // into its own limiter) as "every stem is 5.3 dB louder ... exported through the mix-bus
        // chain" (an error on every stem). Here the same, every file through a codec made in code.
        Map<String, double[]> stems = dry();
        // A dull hit (the burst under 5 kHz), as a kick is: the codec's low-pass leaves its peak.
        stems.put("Drums", normalise(Signals.lowPass(repeatedSample(7, 0.01, 0.03, 0.05, 0.26), 5_000, RATE, 127),
                CEILING));
        double[] sum = new double[stems.get("Drums").length];
        for (double[] x : stems.values()) {
            for (int i = 0; i < sum.length; i++) {
                sum[i] += x[i];
            }
        }
        long seed = 1;
        double cutoff = Signals.codecCutoffHz(seed);
        for (Map.Entry<String, double[]> e : stems.entrySet()) {
            WavWriter.float32().write(dir.resolve("Song_" + e.getKey() + "_120bpm.wav"), RATE,
                    Signals.lossy(stereo(e.getValue()), RATE, cutoff, ++seed));
        }
        WavWriter.float32().write(dir.resolve("Song_Mixdown_120bpm.wav"), RATE,
                Signals.lossy(stereo(limit(normalise(sum, 0.5), 0.5 * CEILING, 3)), RATE, cutoff, ++seed));
        Report r = StemSet.from(dir).run();

        assertThat(r.reference()).hasValueSatisfying(ref -> assertThat(ref.mixbusProcessing()).contains(true));
        assertThat(of(r, CODE)).as("%s", r.findings()).isEmpty();
    }

    @Test
    void drumSamplesReplayedThroughOneLimiterAreStillHeldAtItsCeiling() throws IOException {
        // The same hits under a pad and a bass through one limiter: what is held at the ceiling
        // is no longer one sample again and again.
        Map<String, double[]> stems = dry();
        stems.remove("Drums");
        stems.put("Kick", limit(plus(normalise(repeatedSample(7, 0.0, 0.02, 0.04, 0.25), 0.5), pad(SECONDS, 110, 0.3)),
                CEILING, 12));
        stems.put("Snare", limit(plus(normalise(repeatedSample(11, 0.125, 0.145, 0.375), 0.5), bassLine(SECONDS, 0.4)),
                CEILING, 12));
        List<Finding> found = run(stems);

        assertThat(found).as("%s", found).hasSize(1);
        assertThat(found.get(0).files()).containsExactlyInAnyOrder("Song_Kick_120bpm.wav", "Song_Snare_120bpm.wav");
    }

    private static double[] repeatedSample() {
        return repeatedSample(7, 0.0, 0.02, 0.04, 0.25);
    }

    /**
     * A 20 ms decaying noise burst (one seed: the same samples every time) at the given times of
     * every half second: with {@code 0, 0.02, 0.04, 0.25}, windows of one hit and of three, 4.8 dB
     * apart in level.
     */
    private static double[] repeatedSample(long seed, double... times) {
        java.util.Random rnd = new java.util.Random(seed);
        double[] hit = new double[RATE / 50];
        for (int i = 0; i < hit.length; i++) {
            hit[i] = rnd.nextGaussian() * Math.exp(-500.0 * i / RATE);
        }
        double[] x = new double[(int) (SECONDS * RATE)];
        for (int bar = 0; bar < SECONDS * 2; bar++) {
            for (double at : times) {
                int from = (int) Math.round((bar * 0.5 + at) * RATE);
                for (int i = 0; i < hit.length && from + i < x.length; i++) {
                    x[from + i] += hit[i];
                }
            }
        }
        return x;
    }

    private static double[] plus(double[] a, double[] b) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i] + b[i];
        }
        return out;
    }

    private static double[] normalise(double[] x, double peak) {
        double max = 0;
        for (double v : x) {
            max = Math.max(max, Math.abs(v));
        }
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = x[i] * peak / max;
        }
        return out;
    }
}
