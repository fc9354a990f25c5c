package org.stemcheck.core.nulltest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stemcheck.core.testing.Findings.problems;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.stemcheck.core.Finding;
import org.stemcheck.core.Report;
import org.stemcheck.core.StemSet;
import org.stemcheck.core.testing.Dev101;
import org.stemcheck.core.testing.SongDelivery;
import org.stemcheck.core.testing.Songs;
import org.stemcheck.core.testing.Songs.Song;
import org.stemcheck.core.testing.Signals;
import org.stemcheck.io.WavWriter;
import org.stemcheck.io.testing.Verbose;

/**
 * Deliveries whose every file, the stems and the mix, went through a lossy codec, made in code
 * ({@link Signals#lossy}: the codec's low-pass, one for all files, and noise 30-40 dB under each
 * file's own signal, drawn per file), as MUSDB18 ships its stems and users decode them (issue 18;
 * the real codec is {@link LossyCodecTest}). The null test never nulls deeper than the codec's
 * noise there, so every reading of the diagnosis is open; none may blame an innocent stem.
 */
class LossyDeliveryTest {

    /** The codes that name a stem as the culprit of a null-test residual. */
    private static final Set<String> BLAME = Set.of("mix.gain", "mix.offset", "mix.polarity", "mix.drift",
            "mix.bus-processing");

    private static final Map<String, String[]> PARTS = Map.of(
            // bass, lead, drums
            "Ballad", new String[] {"Bass", "Vocal", "Drums"},
            "Electro", new String[] {"Sub", "Lead", "Kick"},
            "Rock", new String[] {"Bass", "Vocals", "Drums"});

    private static Song song(String title) {
        return Songs.all().stream().filter(s -> s.title().equals(title)).findFirst().orElseThrow();
    }

    private static Report check(SongDelivery d, Path dir) throws IOException {
        Report r = StemSet.from(d.lossy(1).write(dir)).run();
        r.findings().forEach(f -> Verbose.println("  " + f + " " + f.measurements()));
        return r;
    }

    /** No error or warning names a file other than the mix or the {@code guilty} ones. */
    private static void nothingElse(Report r, Song s, String... guilty) {
        Set<String> ok = new HashSet<>();
        for (String g : guilty) {
            ok.add(s.file(g));
        }
        ok.add(s.mixFile());
        assertThat(problems(r)).as("errors and warnings").allSatisfy(x -> assertThat(x.files()).isSubsetOf(ok));
    }

    private static Finding only(Report r, String code) {
        List<Finding> fs = r.findings().stream().filter(x -> x.code().equals(code)).toList();
        assertThat(fs).as("findings of %s in %s", code, r.findings()).hasSize(1);
        return fs.get(0);
    }

    @Test
    void aBassThreeDbHotDoesNotReadAsBusProcessingOnTheDrums(@TempDir Path tmp) throws IOException {
        // The ballad's bass 3 dB hot: the drums' own part of the mix (the mix less the other stems as
        // delivered) holds the bass's excess, a quarter of the drums' power; kick and bass play
        // together, and without the codec the gains null to -120 dB and nothing is judged. Through
        // it, "Drums lacks bus processing: about -1.5 dB low shelf" was said.
        Song s = song("Ballad");
        Report r = check(SongDelivery.clean(s).stem("Bass", Dev101.gainDb(3.0)), tmp);

        assertThat(only(r, "mix.gain").files()).containsExactly(s.file("Bass"));
        assertThat(only(r, "mix.gain").measurements().get("gain_db")).isCloseTo(3.0, Offset.offset(0.1));
        assertThat(r.findings()).noneMatch(f -> f.code().equals("mix.bus-processing"));
        nothingElse(r, s, "Bass");
    }

    @Test
    void aBassWithADcOffsetDoesNotReadAsCompressionOnTheDrums(@TempDir Path tmp) throws IOException {
        // The rock song's bass with a DC offset of 0.02: the offset is most of the drums' own part in
        // their quiet passages; "Drums lacks bus processing: 4.5 dB less compression" was said.
        Song s = song("Rock");
        Report r = check(SongDelivery.clean(s).stem("Bass", Dev101.dc(0.02)), tmp);

        assertThat(only(r, "level.dc-offset").files()).containsExactly(s.file("Bass"));
        assertThat(r.findings()).noneMatch(f -> BLAME.contains(f.code()));
        nothingElse(r, s, "Bass");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Ballad", "Electro", "Rock"})
    void aStemLeftOutIsMissingAndAStemSevenSamplesEarlyIsPlaced(String title, @TempDir Path tmp) throws IOException {
        Song s = song(title);
        String[] p = PARTS.get(title);
        for (String gone : List.of(p[0], p[1])) {
            Report r = check(SongDelivery.clean(s).drop(gone), tmp.resolve("without-" + gone));
            assertThat(only(r, "set.missing-stem").files()).containsExactly(s.mixFile());
            assertThat(r.findings()).noneMatch(f -> BLAME.contains(f.code()));
            nothingElse(r, s);
        }
        Report r = check(SongDelivery.clean(s).stem(p[2], Dev101.shift(-7)), tmp.resolve("early"));
        Finding f = only(r, "mix.offset");
        assertThat(f.files()).containsExactly(s.file(p[2]));
        assertThat(f.measurements().get("offset_samples")).isCloseTo(-7.0, Offset.offset(0.1));
        nothingElse(r, s, p[2]);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Ballad", "Electro", "Rock"})
    void aBassPannedInTheMixIsAPanNotAMissingReturn(String title, @TempDir Path tmp) throws IOException {
        // LMMS ReggaetonTry with its bass's left channel 6 dB down in the mix, every file through AAC
        // 256k: one gain per stem nulls to -15.7 dB, gains per channel to the codec's own floor
        // (-21.2 dB), 5.5 dB deeper, and "the mix holds a diffuse, reverberant part no stem carries"
        // was said (an error): what the pan leaves is opposite in the two channels. Made in code: a
        // codec whose noise lies 25 dB under every file, the bass's left channel 4 dB down.
        Song s = song(title);
        String bass = PARTS.get(title)[0];
        double left = Math.pow(10, -4.0 / 20);
        Path dir = SongDelivery.clean(s).inMix(bass, x -> {
            double[][] y = {x[0].clone(), x[1].clone()};
            for (int i = 0; i < y[0].length; i++) {
                y[0][i] *= left;
            }
            return y;
        }).write(tmp);
        long seed = 11;
        try (var files = Files.list(dir)) {
            for (Path f : files.filter(x -> x.toString().endsWith(".wav")).sorted().toList()) {
                double[][] x = Dev101.read(f);
                Files.delete(f);
                WavWriter.pcm(24).write(f, s.rate(), Signals.lossy(x, s.rate(), 18_000, -25, seed++));
            }
        }
        Report r = StemSet.from(dir).run();
        r.findings().forEach(f -> Verbose.println("  " + f + " " + f.measurements()));

        Finding f = only(r, "mix.gain");
        assertThat(f.files()).containsExactly(s.file(bass));
        assertThat(f.measurements().get("channel_1_gain_db")).isCloseTo(4.0, Offset.offset(0.5));
        assertThat(r.findings()).noneMatch(x -> x.code().equals("mix.missing-fx") || x.code().startsWith("set."));
        nothingElse(r, s, bass);
    }

    @Test
    void aMixWhoseCodecLostPartOfItsTopOctavesIsNoBusEqOfAStem(@TempDir Path tmp) throws IOException {
        // dev101 with every file through ffmpeg's AAC at 128 kbit/s read "Drums lacks bus processing:
        // about -0.9 dB high shelf" (through LAME at 128 kbit/s, "-1.4 dB"): a codec short of bits
        // codes a dense mix's top octaves coarsest, in part as noise (AAC's PNS), and the stems'
        // transfer to it falls there. Made in code: every file through one codec (18 kHz), the mix's
        // 10-18 kHz a fifth noise substituted.
        Path dir = Dev101.cleanWithMixBus(tmp, x -> x);
        long seed = 7;
        try (var files = Files.list(dir)) {
            for (Path f : files.filter(x -> x.toString().endsWith(".wav")).sorted().toList()) {
                long k = seed++;
                UnaryOperator<double[][]> codec = x -> Signals.lossy(x, Dev101.RATE, 18_000, -35, k);
                UnaryOperator<double[][]> change = f.getFileName().toString().startsWith("mixdown")
                        ? x -> Signals.noiseSubstituted(codec.apply(x), Dev101.RATE, 10_000, 18_000, 0.2, k + 100)
                        : codec;
                double[][] x = Dev101.read(f);
                Files.delete(f);
                Dev101.write(f, change.apply(x));
            }
        }
        Report r = StemSet.from(dir).run();
        r.findings().forEach(f -> Verbose.println("  " + f + " " + f.measurements()));

        assertThat(r.findings()).noneMatch(f -> BLAME.contains(f.code()) || f.code().startsWith("set.")
                || f.code().equals("content.lossy-transcode"));
        assertThat(problems(r)).allSatisfy(f -> assertThat(f.files()).containsExactly("mixdown.wav"));
    }
}
