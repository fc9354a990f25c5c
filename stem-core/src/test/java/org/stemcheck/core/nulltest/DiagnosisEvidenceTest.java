package org.stemcheck.core.nulltest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stemcheck.core.testing.Findings.problems;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;
import org.stemcheck.core.Finding;
import org.stemcheck.core.Report;
import org.stemcheck.core.Severity;
import org.stemcheck.core.testing.Dev101;
import org.stemcheck.core.testing.Findings;
import org.stemcheck.core.testing.Signals;

/**
 * The diagnosis names a stem only with evidence about that stem. Each case is one fault made in
 * code on the clean dev101 stems, where the residual has a cause other than one linear change to
 * one stem: a deleted stem (with and without a compressor and limiter on the mix bus), another
 * take of a stem, a stem with a DC offset, exported mono, cut short or clipped, a limited mix.
 * For each: the expected finding on the right file, and no error or warning on an innocent stem.
 */
class DiagnosisEvidenceTest {

    private static final String MIX = "mixdown.wav";
    private static final String NOBUS = "mixdown_nobus.wav";
    private static final String BASS = Dev101.stem("Bass");
    private static final String DRUMS = Dev101.stem("Drums");
    private static final String PADS = Dev101.stem("Pads");
    private static final String VOCALS = Dev101.stem("Vocals");
    private static final String GTR = Dev101.stem("GtrKeys");

    /** The codes that name a stem as the culprit of a null-test residual. */
    private static final Set<String> BLAME = Set.of("mix.gain", "mix.offset", "mix.polarity", "mix.drift",
            "mix.bus-processing");

    /** Errors and warnings that name {@code file} or any of the mixes. */
    private static List<Finding> on(Report r, String... files) {
        Set<String> allowed = Set.of(files);
        return problems(r).stream().filter(f -> f.files().stream().anyMatch(allowed::contains)).toList();
    }

    private static Finding only(Report r, String code) {
        List<Finding> fs = r.findings().stream().filter(f -> f.code().equals(code)).toList();
        assertThat(fs).as("findings of %s in %s", code, r.findings()).hasSize(1);
        return fs.get(0);
    }

    /** Replaces stem {@code file} of {@code dir} with {@code change} of it. */
    private static void replace(Path dir, String file, java.util.function.UnaryOperator<double[][]> change)
            throws IOException {
        double[][] x = Dev101.read(dir.resolve(file));
        Files.delete(dir.resolve(file));
        Dev101.write(dir.resolve(file), change.apply(x));
    }

    /** No error or warning names a stem other than {@code guilty} (or none). */
    private static void nothingOnInnocentStems(Report r, String... guilty) {
        Findings.nothingOnInnocentStems(r, List.of(MIX, NOBUS), guilty);
    }

    @Test
    void deletedVocalStemIsAMissingStemAndNoInnocentStemLacksBusProcessing(@TempDir Path tmp) throws IOException {
        Report r = Dev101ProcessingFaultsTest.check(Dev101.cleanWith(tmp, VOCALS, null));

        // Against either mix (the one with bus processing may null as deep once a stem is gone).
        Finding f = only(r, "set.missing-stem");
        assertThat(f.files()).containsAnyOf(MIX, NOBUS);
        assertThat(f.message()).contains("a stem is missing");
        assertThat(f.measurements().get("band_hz")).isBetween(250.0, 4000.0);
        assertThat(r.findings()).noneMatch(x -> BLAME.contains(x.code()));
        nothingOnInnocentStems(r);
    }

    @Test
    void deletedBassUnderACompressorAndLimiterOnTheMixIsAMissingLowStem(@TempDir Path tmp) throws IOException {
        Path dir = Dev101.cleanWithMixBus(tmp, Dev101ProcessingFaultsTest::mixBus);
        Files.delete(dir.resolve(BASS));
        Report r = Dev101ProcessingFaultsTest.check(dir);

        Finding f = Dev101FaultsTest.only(r, "set.missing-stem", MIX);
        assertThat(f.message()).contains("low-frequency", "past the mix-bus processing");
        assertThat(f.measurements().get("band_hz")).isLessThanOrEqualTo(250.0);
        assertThat(r.findings()).noneMatch(x -> BLAME.contains(x.code()));
        nothingOnInnocentStems(r);
    }

    @Test
    void bassThreeDbHotUnderACompressedAndLimitedMixIsFoundAgainstTheCommonGain(@TempDir Path tmp)
            throws IOException {
        Path dir = Dev101.cleanWithMixBus(tmp, Dev101ProcessingFaultsTest::mixBus);
        double[][] bass = Dev101.read(dir.resolve(BASS));
        Files.delete(dir.resolve(BASS));
        Dev101.write(dir.resolve(BASS), Dev101.gainDb(3.0).apply(bass));
        Report r = Dev101ProcessingFaultsTest.check(dir);

        Finding f = Dev101FaultsTest.only(r, "mix.gain", BASS);
        assertThat(f.measurements().get("gain_db")).isCloseTo(3.0, Offset.offset(0.6));
        assertThat(r.findings()).noneMatch(x -> x.code().equals("mix.offset") || x.code().equals("set.missing-stem"));
        nothingOnInnocentStems(r, BASS);
    }

    @Test
    void cleanStemsAgainstALimitedMixSayLimiterAndNoStemIsOffset(@TempDir Path tmp) throws IOException {
        // The stems summed peak well over full scale; the mix is that sum through a limiter with
        // 6 dB of drive to a -1 dBFS ceiling (no fader, no EQ): what a master limiter does.
        Path dir = Dev101.cleanWithMixBus(tmp,
                x -> org.stemcheck.core.testing.BusChain.limit(x, Dev101.RATE, 9.0, -1.0, 2.0, 60, null));
        Report r = Dev101ProcessingFaultsTest.check(dir);

        assertThat(problems(r)).isEmpty();
        Finding ref = Dev101FaultsTest.only(r, "mix.reference", MIX);
        assertThat(ref.message()).contains("mix-bus processing, a limiter or clipper");
    }

    @Test
    void anotherTakeOfPadsIsNamedInMixNullAndBlamesNoFaderOffsetOrMissingStem(@TempDir Path tmp)
            throws IOException {
        // The Pads stem is another performance of the same part: same sound and level, other notes
        // in other places (here: the take played backwards). No gain or offset can make it null.
        Report r = Dev101ProcessingFaultsTest.check(Dev101.cleanWith(tmp, PADS, x -> {
            double[][] y = new double[x.length][x[0].length];
            for (int c = 0; c < x.length; c++) {
                for (int t = 0; t < x[c].length; t++) {
                    y[c][t] = x[c][x[c].length - 1 - t];
                }
            }
            return y;
        }));

        Finding f = Dev101FaultsTest.only(r, "mix.null", NOBUS);
        assertThat(f.severity()).isEqualTo(Severity.ERROR);
        assertThat(f.message()).contains("Pads carries content that does not reappear in the mix", "another take");
        assertThat(r.findings()).noneMatch(x -> BLAME.contains(x.code()) || x.code().startsWith("set.missing")
                || x.code().equals("mix.missing-fx"));
    }

    @Test
    void dcOffsetOnBassIsNoGainErrorAndNoMissingPart(@TempDir Path tmp) throws IOException {
        Report r = Dev101ProcessingFaultsTest.check(Dev101.cleanWith(tmp, BASS, Dev101.dc(0.05)));

        Dev101FaultsTest.only(r, "level.dc-offset", BASS);
        assertThat(r.findings()).noneMatch(x -> BLAME.contains(x.code()) || x.code().startsWith("set.missing")
                || x.code().equals("mix.missing-fx"));
        // The gains are fitted about each file's mean: the DC is no part of them or of what they leave.
        assertThat(Dev101FaultsTest.only(r, "mix.reference", NOBUS).measurements().get("null_after_gains_db"))
                .isLessThan(-100.0);
    }

    @Test
    void monoGuitarStemIsAChannelsFindingNotMissingReverb(@TempDir Path tmp) throws IOException {
        Report r = Dev101ProcessingFaultsTest.check(Dev101.cleanWith(tmp, GTR, x -> {
            double[] mono = new double[x[0].length];
            for (int t = 0; t < mono.length; t++) {
                mono[t] = 0.5 * (x[0][t] + x[1][t]);
            }
            return new double[][] {mono};
        }));

        assertThat(on(r, GTR)).extracting(Finding::code).contains("format.channels");
        assertThat(only(r, "mix.null").message()).contains("GtrKeys is mono: its stereo image is in the mix (format.channels)");
        assertThat(r.findings()).noneMatch(x -> x.code().equals("mix.missing-fx") || x.code().startsWith("set.missing")
                || BLAME.contains(x.code()));
        nothingOnInnocentStems(r, GTR);
    }

    @Test
    void padsCutShortIsALengthFindingNotAMissingStem(@TempDir Path tmp) throws IOException {
        Report r = Dev101ProcessingFaultsTest.check(Dev101.cleanWith(tmp, PADS, x -> {
            double[][] y = new double[x.length][];
            for (int c = 0; c < x.length; c++) {
                y[c] = java.util.Arrays.copyOf(x[c], x[c].length - (int) (1.5 * Dev101.RATE));
            }
            return y;
        }));

        assertThat(on(r, PADS)).extracting(Finding::code).contains("format.length");
        assertThat(only(r, "mix.null").message()).contains("Pads is 1.5 s shorter (format.length)");
        assertThat(r.findings()).noneMatch(x -> x.code().equals("mix.missing-fx") || x.code().startsWith("set.missing")
                || BLAME.contains(x.code()));
        nothingOnInnocentStems(r, PADS);
    }

    @Test
    void aStemThatEndsWithItsPartTakesNoBlameForADeletedStem(@TempDir Path tmp) throws IOException {
        // The Pads' part ends 3 s before the song does, in the mix as in its stem, whose file
        // stops there (a DAW that ends each track at its last note); the Bass stem is deleted.
        // The residual is the Bass's, all through: the short Pads file explains none of it.
        int cut = Dev101.read(Dev101.variant("clean", Files.createDirectories(tmp.resolve("probe"))).resolve(PADS))[0].length
                - 3 * Dev101.RATE;
        Path dir = Dev101.cleanWithMixProcessing(Files.createDirectories(tmp.resolve("d")), PADS, x -> {
            double[][] y = new double[x.length][];
            for (int c = 0; c < x.length; c++) {
                y[c] = x[c].clone();
                java.util.Arrays.fill(y[c], cut, y[c].length, 0.0);
            }
            return y;
        });
        double[][] pads = Dev101.read(dir.resolve(PADS));
        Files.delete(dir.resolve(PADS));
        Dev101.write(dir.resolve(PADS), new double[][] {java.util.Arrays.copyOf(pads[0], cut),
                java.util.Arrays.copyOf(pads[1], cut)});
        Files.delete(dir.resolve(BASS));
        Report r = Dev101ProcessingFaultsTest.check(dir);

        assertThat(on(r, PADS)).extracting(Finding::code).contains("format.length");
        Finding f = only(r, "set.missing-stem");
        assertThat(f.measurements().get("band_hz")).isLessThanOrEqualTo(250.0);
        assertThat(r.findings()).filteredOn(x -> x.code().equals("mix.null"))
                .allSatisfy(x -> assertThat(x.message()).doesNotContain("Pads is"));
        assertThat(r.findings()).noneMatch(x -> BLAME.contains(x.code()));
        nothingOnInnocentStems(r, PADS);
    }

    /** A stem's part in the mix as another render, for the stems named: their phases drawn anew (a synth's random phases). */
    private static java.util.function.BiFunction<String, double[][], double[][]> renderedAgain(String... files) {
        Set<String> again = Set.of(files);
        return (file, x) -> again.contains(file) ? Signals.renderedAgain(x, file.hashCode()) : x;
    }

    @Test
    void aMixOfOtherRendersIsNotMixBusProcessingNorAMissingStem(@TempDir Path tmp) throws IOException {
        // As LMMS's rendertracks gives it: six stems' parts in the mix are other renders of them
        // (same spectra, new phases), no processing on the mix. Their gains and dynamics scatter;
        // read as votes they made the plain mix "compressed".
        Report r = Dev101ProcessingFaultsTest.check(Dev101.cleanWithMix(tmp,
                renderedAgain(GTR, PADS, VOCALS, BASS, Dev101.stem("BackingVocals"), Dev101.stem("FX")), x -> x));

        Finding ref = only(r, "mix.reference");
        assertThat(ref.measurements().get("mixbus_processing")).isEqualTo(0.0);
        assertThat(ref.message()).contains("no mix-bus processing");
        assertThat(only(r, "mix.null").message()).contains("another take or render");
        assertThat(r.findings()).noneMatch(x -> x.code().startsWith("set.missing") || x.code().equals("mix.missing-fx")
                || BLAME.contains(x.code()));
        nothingOnInnocentStems(r);
    }

    @Test
    void otherRendersUnderACompressorAndLimiterAreNoMissingStem(@TempDir Path tmp) throws IOException {
        // Two stems' parts other renders, the mix through the bus compressor and limiter (the
        // other five stems vote its common gain): what no stem reproduces is the other renders'
        // (the stems' own incoherent power accounts for it), not a missing part.
        Report r = Dev101ProcessingFaultsTest.check(Dev101.cleanWithMix(tmp, renderedAgain(GTR, PADS),
                Dev101ProcessingFaultsTest::mixBus));

        assertThat(only(r, "mix.reference").measurements().get("mixbus_processing")).isEqualTo(1.0);
        assertThat(r.findings()).noneMatch(x -> x.code().startsWith("set.missing") || x.code().equals("mix.missing-fx")
                || BLAME.contains(x.code()));
        nothingOnInnocentStems(r);
    }

    @Test
    void aQuietStemOffByAFractionOfASampleDoesNotExcuseADeletedStem(@TempDir Path tmp) throws IOException {
        // The backing vocals mixed 12 dB lower (25 dB under the mix), their stem 2.5 samples late
        // (a fraction the whole-sample alignment leaves), and the Bass stem deleted: the fraction
        // of so quiet a stem leaves at most 19 dB under the mix, the rest is the missing bass.
        String bv = Dev101.stem("BackingVocals");
        Path dir = Dev101.cleanWithMix(tmp, (file, x) -> file.equals(bv) ? Dev101.gainDb(-12).apply(x) : x, x -> x);
        replace(dir, bv, x -> Dev101.fractionalDelay(2.5).apply(Dev101.gainDb(-12).apply(x)));
        Files.delete(dir.resolve(BASS));
        Report r = Dev101ProcessingFaultsTest.check(dir);

        Finding f = only(r, "set.missing-stem");
        assertThat(f.measurements().get("band_hz")).isLessThanOrEqualTo(250.0);
        nothingOnInnocentStems(r, Dev101.stem("BackingVocals"));
    }

    @Test
    void aLateBassAmidOtherRendersIsFoundByItsOwnFit(@TempDir Path tmp) throws IOException {
        // As the native LMMS renders give it (Socceroos' and PpTrip's bass lines, Onion's and
        // Thomasso's kicks, each moved 240 samples in code): a stem late amid other renders, whose
        // residual keeps the right move from taking the null 10 dB under the stem. Here GtrKeys and
        // Pads are other renders in the mix and the Bass is 240.4 samples late: its peak is not
        // clear (a line that repeats), and as delivered it fits at -0.23, read as "12.9 dB louder".
        // Moved back it fits at 1.00: an offset, and no gain.
        Path dir = Dev101.cleanWithMix(tmp, renderedAgain(GTR, PADS), x -> x);
        replace(dir, BASS, x -> Dev101.fractionalDelay(0.4).apply(Dev101.shift(240).apply(x)));
        Report r = Dev101ProcessingFaultsTest.check(dir);

        assertThat(only(r, "mix.offset").files()).containsExactly(BASS);
        // a bass line's correlation peak is about 100 samples wide: located to a sample or so
        assertThat(only(r, "mix.offset").measurements().get("offset_samples")).isCloseTo(240.4,
                Offset.offset(1.0));
        assertThat(r.findings()).noneMatch(x -> x.code().startsWith("set.missing") || x.code().equals("mix.missing-fx")
                || x.code().equals("mix.gain") || x.code().equals("mix.polarity"));
        nothingOnInnocentStems(r, BASS);
    }

    @Test
    void theFractionOfALateStemMakesNoFaderOfAPartRenderedAgain(@TempDir Path tmp) throws IOException {
        // LMMS Mauiwowi, a synth stem 240 samples late (found, 239.87): the fraction of a sample
        // it leaves excused the residual from being read, and with it the test that a gain is read
        // only off a stem that is its own part of the mix; three innocent stems whose parts are
        // other renders got "+11.2 dB", "1.4 dB quieter". Here the Vocals 240.4 samples late, Pads
        // another render in the mix, GtrKeys' part in the mix 0.8 of the stem and another render
        // of it (it fits at 0.8: "2.0 dB louder"), and a real fault beside: the Bass 3 dB hot.
        Path dir = Dev101.cleanWithMix(tmp, (file, x) -> {
            if (file.equals(PADS)) {
                return Signals.renderedAgain(x, 5);
            }
            return file.equals(GTR) ? Signals.blend(0.8, x, 0.35, Signals.renderedAgain(x, 7)) : x;
        }, x -> x);
        replace(dir, VOCALS, x -> Dev101.fractionalDelay(0.4).apply(Dev101.shift(240).apply(x)));
        replace(dir, BASS, Dev101.gainDb(3));
        Report r = Dev101ProcessingFaultsTest.check(dir);

        assertThat(only(r, "mix.offset").files()).containsExactly(VOCALS);
        assertThat(only(r, "mix.offset").measurements().get("offset_samples")).isCloseTo(240.4,
                Offset.offset(0.5));
        assertThat(only(r, "mix.gain").files()).containsExactly(BASS);
        assertThat(only(r, "mix.gain").measurements().get("gain_db")).isCloseTo(3.0, Offset.offset(0.3));
        nothingOnInnocentStems(r, VOCALS, BASS);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.2, 0.3, 0.45})
    void everyStemPartlyRenderedAgainIsNoMissingStem(double again, @TempDir Path tmp) throws IOException {
        // As LMMS renders give it where every track carries a little per-render noise (Skiessi-Onion
        // rendered with rendertracks: 23 stems, own coherence 0.6-0.93 for the loud ones): each
        // stem's part in the mix is the stem plus another render of it at {@code again} of its
        // amplitude, at the same power. Each stem nearly reappears in the mix (its transfer to its
        // part 0.98 at 0.2), so the product of the two readings of what does not (1 - 0.96 of
        // coherence times 1 - 0.96 of transfer) counted 0.04 of what the render adds: at 0.2 and
        // 0.3, 0.0038 and 0.0153 of the mix against 0.0163 and 0.0310 uncovered, "a stem is missing".
        Path dir = Dev101.cleanWithMix(tmp, (file, x) -> Signals.blend(Math.sqrt(1 - again * again), x, again,
                Signals.renderedAgain(x, file.hashCode())), x -> x);
        Report r = Dev101ProcessingFaultsTest.check(dir);

        Finding n = only(r, "mix.null");
        // (at 0.45 the stems fit at 0.89 alike, a common gain read as the mix's processing: mix.null is info)
        assertThat(n.severity() == Severity.INFO || n.message().contains("another take or render")
                || n.message().contains("no single stem explains it")).as(n.message()).isTrue();
        assertThat(r.findings()).noneMatch(x -> x.code().startsWith("set.missing") || x.code().equals("mix.missing-fx")
                || BLAME.contains(x.code()));
        nothingOnInnocentStems(r);
    }

    @Test
    void otherRendersSpreadOverEveryStemAreNoMissingStem(@TempDir Path tmp) throws IOException {
        // LMMS Skiessi-Onion rendered with rendertracks: 23 stems, most of them partly other renders
        // of their parts (per-render noise and random phases), none holding a quarter of what does
        // not reappear in the mix (so none is named as another render), and a little more in the
        // mix than the renders account for: 0.0405 of the mix the renders account for, 0.0183
        // (-17.4 dB) uncovered, read as "a stem or an effect return is missing". Here every dev101
        // stem's part in the mix holds another render of the same power for all (a fifth of the
        // quietest stem's power, a small share of the loudest's), and the Pads' part a second
        // render at 0.8 of its amplitude on top (-13.7 dB left after gains). Told apart from the
        // renders it could be a doubled pad; amid them it is not, and no part is named missing:
        // mix.null says what is left, and where.
        Path clean = Dev101.variant("clean", Files.createDirectories(tmp.resolve("powers")));
        java.util.Map<String, Double> power = new java.util.HashMap<>();
        for (String label : Dev101.LABELS) {
            double p = 0;
            for (double[] ch : Dev101.read(clean.resolve(Dev101.stem(label)))) {
                for (double v : ch) {
                    p += v * v;
                }
            }
            power.put(Dev101.stem(label), p);
        }
        double render = 0.2 * power.values().stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        Path dir = Dev101.cleanWithMix(Files.createDirectories(tmp.resolve("d")), (file, x) -> {
            double p = power.get(file);
            double again = Math.sqrt(render / p);
            double[][] y = Signals.blend(Math.sqrt(1 - again * again), x, again, Signals.renderedAgain(x, file.hashCode()));
            double extra = file.equals(PADS) ? 0.8 : 0.0;
            return Signals.blend(1.0, y, extra, Signals.renderedAgain(x, file.hashCode() + 1));
        }, x -> x);
        Report r = Dev101ProcessingFaultsTest.check(dir);

        if (Boolean.getBoolean("stemcheck.verbose")) {
            r.findings().forEach(System.out::println);
        }
        assertThat(only(r, "mix.null").message()).contains("no single stem explains it");
        assertThat(r.findings()).noneMatch(x -> x.code().startsWith("set.missing") || x.code().equals("mix.missing-fx")
                || BLAME.contains(x.code()));
        nothingOnInnocentStems(r);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bass", "GtrKeys", "Pads", "Vocals", "Drums"})
    void oneStemRenderedAgainIsAnotherRenderNotAMissingStem(String label, @TempDir Path tmp) throws IOException {
        // One stem's part in the mix is another render of it (same spectra, new phases), no bus.
        String file = Dev101.stem(label);
        Report r = Dev101ProcessingFaultsTest.check(Dev101.cleanWithMix(tmp, renderedAgain(file), x -> x));

        assertThat(only(r, "mix.null").message()).contains("another take or render");
        assertThat(r.findings()).noneMatch(x -> x.code().startsWith("set.missing") || x.code().equals("mix.missing-fx")
                || BLAME.contains(x.code()));
        nothingOnInnocentStems(r, file);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bass", "GtrKeys", "Vocals"})
    void aStemWhoseUpperPartIsRenderedAgainIsNoMissingStem(String label, @TempDir Path tmp) throws IOException {
        // Above 300 Hz the part in the mix is another render (a synth whose upper partials take
        // new phases each render); below, the stem is what the mix holds.
        String file = Dev101.stem(label);
        Report r = Dev101ProcessingFaultsTest.check(Dev101.cleanWithMix(tmp, (f, x) -> {
            if (!f.equals(file)) {
                return x;
            }
            double[][] low = new double[x.length][];
            double[][] high = new double[x.length][];
            for (int c = 0; c < x.length; c++) {
                low[c] = Signals.lowPass(x[c], 300, Dev101.RATE, 255);
                high[c] = new double[x[c].length];
                for (int t = 0; t < x[c].length; t++) {
                    high[c][t] = x[c][t] - low[c][t];
                }
            }
            double[][] again = Signals.renderedAgain(high, 11);
            for (int c = 0; c < x.length; c++) {
                for (int t = 0; t < x[c].length; t++) {
                    again[c][t] += low[c][t];
                }
            }
            return again;
        }, x -> x));

        assertThat(r.findings()).noneMatch(x -> x.code().startsWith("set.missing") || x.code().equals("mix.missing-fx")
                || BLAME.contains(x.code()));
        nothingOnInnocentStems(r, file);
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3})
    void aBassLineWithOneHarmonicRenderedAnewIsNoMissingStem(int harmonic, @TempDir Path tmp) throws IOException {
        // A two-beat bass line (root, then a fourth up) whose second or third harmonic starts each
        // note at a phase drawn anew at each render: the mix holds one render, the stem another,
        // note for note and in place; every other stem exact. Within a third octave the harmonic
        // drawn anew sits beside partials that are the same in both renders (the 160 Hz band: the
        // root's third harmonic, 165 Hz, beside the fill's second, 147 Hz), so the stem reproduces
        // most of its band: the share of it that does not reappear read 6 dB under what it leaves
        // in the residual, and the third harmonic's two renders (-19.0 dB of the mix) were called a
        // missing low stem, "89-355 Hz". The second harmonic's were named as another render.
        int frames = OffsetTrialsTest.frames(tmp);
        Path dir = OffsetTrialsTest.withBass(Files.createDirectories(tmp.resolve("d")),
                OffsetTrialsTest.figures(frames, "AB", harmonic, 1));
        Files.delete(dir.resolve(BASS));
        Dev101.write(dir.resolve(BASS), OffsetTrialsTest.figures(frames, "AB", harmonic, 2));
        java.util.concurrent.atomic.AtomicReference<NullTestResult> result = new java.util.concurrent.atomic.AtomicReference<>();
        Report r = org.stemcheck.core.testing.KeepNullTest.check(dir, result);

        // The fixture: a residual the line's renders leave, with the stem in place (no offset tried)
        assertThat(result.get().nullDb()).as("null after gains").isBetween(-25.0, -8.0);
        assertThat(result.get().passes()).as("passes").isEqualTo(1);
        assertThat(r.findings()).as("findings").anyMatch(x -> x.code().equals("mix.null") && x.severity() != Severity.INFO);
        assertThat(r.findings()).as("findings").noneMatch(x -> x.code().startsWith("set.missing")
                || x.code().equals("mix.missing-fx") || BLAME.contains(x.code()));
        assertThat(problems(r)).as("problems").allSatisfy(f -> assertThat(f.files()).isSubsetOf(Set.of(BASS, MIX)));
    }

    @Test
    void drumsClippedAtExportBlameNoOtherStem(@TempDir Path tmp) throws IOException {
        // The drums 9 dB hot into a fixed-point export: every hit clips; the mix was made before.
        Path dir = Dev101.variant("clean", tmp);
        double[][] drums = Dev101.read(dir.resolve(DRUMS));
        Files.delete(dir.resolve(DRUMS));
        double[][] hot = Dev101.gainDb(9.0).apply(drums);
        Dev101.write(dir.resolve(DRUMS), hot);
        List<double[][]> parts = new java.util.ArrayList<>();
        for (String label : Dev101.LABELS) {
            parts.add(label.equals("Drums") ? hot : Dev101.read(dir.resolve(Dev101.stem(label))));
        }
        Dev101.without(dir, Dev101.MIXES);
        double[][] mix = org.stemcheck.core.testing.BusChain.sum(parts);
        org.stemcheck.io.WavWriter.float32().write(dir.resolve(MIX), Dev101.RATE, mix);
        Report r = Dev101ProcessingFaultsTest.check(dir);

        assertThat(r.findings()).noneMatch(x -> x.code().equals("mix.missing-fx") || x.code().startsWith("set.missing")
                || x.code().equals("mix.bus-processing"));
        nothingOnInnocentStems(r, DRUMS);
    }

    @Test
    void aMixWithHalfASecondOfPreRollIsAnotherExportStartNotAPlugInsLatency(@TempDir Path tmp) throws IOException {
        // The mix bounced from a marker half a second before the stems' start: every stem is in
        // place against the others, the mix late against all of them by far more than any plug-in.
        Path dir = Dev101.cleanWithMixBus(tmp, Dev101.shift(24_000));
        Report r = Dev101ProcessingFaultsTest.check(dir);

        Finding f = Dev101FaultsTest.only(r, "mix.offset", MIX);
        assertThat(f.message()).contains("24000 samples (500.0 ms) late against every stem",
                "exported from different start points").doesNotContain("latency");
        assertThat(org.stemcheck.core.testing.Findings.of(r, "mix.reference")).singleElement().satisfies(ref -> assertThat(ref.message())
                .contains("it is 24000 samples late against every stem").doesNotContain("+0.0 dB"));
    }

    @Test
    void mixLateAgainstEveryStemIsOneLatencyOnTheMixNotAnOffsetPerStem(@TempDir Path tmp) throws IOException {
        // A look-ahead limiter on the master whose 220 samples of latency nobody compensated.
        Path dir = Dev101.cleanWithMixBus(tmp, x -> Dev101.shift(220).apply(
                org.stemcheck.core.testing.BusChain.limit(x, Dev101.RATE, 6.0, -1.0, 2.0, 60, null)));
        Report r = Dev101ProcessingFaultsTest.check(dir);

        Finding f = Dev101FaultsTest.only(r, "mix.offset", MIX);
        assertThat(f.message()).contains("220 samples", "late against every stem", "latency on the mix bus");
        assertThat(f.measurements().get("offset_samples")).isCloseTo(220.0, Offset.offset(0.5));
        nothingOnInnocentStems(r);
    }

    @Test
    void bassPannedElsewhereInTheMixIsAChannelGainOnBassAndNothingElse(@TempDir Path tmp) throws IOException {
        // The mix has the Bass with its left channel 6.02 dB down (LMMS's pan of 50 % right).
        Report r = Dev101ProcessingFaultsTest.check(Dev101.cleanWithMixProcessing(tmp, BASS, x -> {
            double[][] y = {x[0].clone(), x[1].clone()};
            for (int t = 0; t < y[0].length; t++) {
                y[0][t] *= 0.5;
            }
            return y;
        }));

        Finding f = Dev101FaultsTest.only(r, "mix.gain", BASS);
        assertThat(f.message()).contains("sits elsewhere in the stereo image", "left +6.0 dB", "right +0.0 dB");
        assertThat(f.measurements().get("channel_1_gain_db")).isCloseTo(6.02, Offset.offset(0.05));
        assertThat(Dev101FaultsTest.only(r, "mix.null", MIX).severity()).isEqualTo(Severity.INFO);
        nothingOnInnocentStems(r, BASS);
    }
}
