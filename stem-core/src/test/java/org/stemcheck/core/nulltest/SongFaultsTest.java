package org.stemcheck.core.nulltest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stemcheck.core.testing.Findings.problems;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.stemcheck.core.Finding;
import org.stemcheck.core.Report;
import org.stemcheck.core.StemSet;
import org.stemcheck.core.testing.BusChain;
import org.stemcheck.core.testing.Dev101;
import org.stemcheck.core.testing.SongDelivery;
import org.stemcheck.core.testing.Songs;
import org.stemcheck.core.testing.Songs.Song;
import org.stemcheck.io.testing.Verbose;

/**
 * Every fault of the finding catalogue that a null test or a file check can see, made in code on
 * three songs that are not dev101 (other tempos, rates, formats, arrangements and effects: see
 * {@link Songs}). For each song and fault: the expected finding on the right file with the right
 * number, and no error or warning on any innocent stem. The clean delivery of each song, and the
 * same with its effects printed into the other stems, pass.
 */
class SongFaultsTest {

    /** The parts of each song a fault is made on: a different kind of stem for each kind of fault. */
    private record Parts(String bass, String lead, String drums, String keys, String wide, String fx) {
    }

    private static final Map<String, Parts> PARTS = Map.of(
            "Ballad", new Parts("Bass", "Vocal", "Drums", "Piano", "Strings", "Reverb"),
            "Electro", new Parts("Sub", "Lead", "Kick", "Arp", "Lead", "Delay"),
            "Rock", new Parts("Bass", "Vocals", "Drums", "GtrL", "Organ", "FX"));

    /** The codes that name a stem as the culprit of a null-test residual. */
    private static final Set<String> BLAME = Set.of("mix.gain", "mix.offset", "mix.polarity", "mix.drift",
            "mix.bus-processing");

    @TempDir
    static Path tmp;

    /** A regular expression over the fault names to run only some (development): {@code -Dsongfaults.only=.*left out}. */
    private static final String ONLY = System.getProperty("songfaults.only", ".*");

    /**
     * Every file of every delivery through a lossy codec made in code (development, issue 18):
     * {@code -Dsongfaults.lossy=true}. The known failures do not hold then.
     */
    private static final boolean LOSSY = Boolean.getBoolean("songfaults.lossy");

    /** One fault: its name, how to make it, and what the report must say. */
    private record Fault(String name, Function<Ctx, SongDelivery> make, Consumer<Ctx> expect) {
    }

    /** A song, its parts, and (once checked) the report. */
    private static final class Ctx {
        final Song song;
        final Parts p;
        Report report;

        Ctx(Song song) {
            this.song = song;
            this.p = PARTS.get(song.title());
        }

        String f(String label) {
            return song.file(label);
        }

        String mix() {
            return song.mixFile();
        }

        SongDelivery clean() {
            return SongDelivery.clean(song);
        }

        /** The one finding of {@code code}, on {@code file} first. */
        Finding only(String code, String file) {
            List<Finding> fs = report.findings().stream().filter(x -> x.code().equals(code)).toList();
            assertThat(fs).as("findings of %s in %s", code, report.findings()).singleElement()
                    .satisfies(x -> assertThat(x.files()).first().isEqualTo(file));
            return fs.get(0);
        }

        /** No error or warning names a stem other than the {@code guilty} ones (the mix may be named). */
        void nothingElse(String... guilty) {
            Set<String> ok = new HashSet<>();
            for (String g : guilty) {
                ok.add(f(g));
            }
            ok.add(mix());
            assertThat(problems(report)).as("errors and warnings").allSatisfy(x -> assertThat(x.files()).isSubsetOf(ok));
        }

        void noBlame() {
            assertThat(report.findings()).as("findings").noneMatch(x -> BLAME.contains(x.code()));
        }
    }

    private static List<Fault> faults() {
        return List.of(
                new Fault("clean", Ctx::clean, c -> {
                    assertThat(problems(c.report)).isEmpty();
                    assertThat(c.report.reference()).hasValueSatisfying(ref ->
                            assertThat(ref.nullDb().getAsDouble()).isLessThan(-80));
                }),
                new Fault("effects printed into the other stems", c -> {
                    SongDelivery d = c.clean().drop(c.p.fx());
                    List<String> others = c.song.labels().stream().filter(l -> !l.equals(c.p.fx())).toList();
                    double[][] fx = c.song.stems().get(c.p.fx());
                    for (String l : others) {
                        d.stem(l, x -> add(x, fx, 1.0 / others.size()));
                    }
                    return d;
                }, c -> assertThat(problems(c.report)).isEmpty()),
                new Fault("bass 3 dB hot", c -> c.clean().stem(c.p.bass(), Dev101.gainDb(3.0)), c -> {
                    Finding x = c.only("mix.gain", c.f(c.p.bass()));
                    assertThat(x.measurements().get("gain_db")).isCloseTo(3.0, Offset.offset(0.1));
                    c.nothingElse(c.p.bass());
                }),
                new Fault("keys 4.5 dB low", c -> c.clean().stem(c.p.keys(), Dev101.gainDb(-4.5)), c -> {
                    Finding x = c.only("mix.gain", c.f(c.p.keys()));
                    assertThat(x.measurements().get("gain_db")).isCloseTo(-4.5, Offset.offset(0.1));
                    c.nothingElse(c.p.keys());
                }),
                new Fault("lead inverted", c -> c.clean().stem(c.p.lead(), Dev101::invert), c -> {
                    c.only("mix.polarity", c.f(c.p.lead()));
                    c.nothingElse(c.p.lead());
                }),
                new Fault("lead 12 ms late", c -> c.clean().stem(c.p.lead(), Dev101.shift(ms(c, 12))), c -> {
                    Finding x = c.only("mix.offset", c.f(c.p.lead()));
                    assertThat(Math.round(x.measurements().get("offset_samples"))).isEqualTo(ms(c, 12));
                    c.nothingElse(c.p.lead());
                }),
                new Fault("drums 7 samples early", c -> c.clean().stem(c.p.drums(), Dev101.shift(-7)), c -> {
                    Finding x = c.only("mix.offset", c.f(c.p.drums()));
                    assertThat(x.measurements().get("offset_samples")).isCloseTo(-7.0, Offset.offset(0.1));
                    c.nothingElse(c.p.drums());
                }),
                new Fault("keys on a clock 60 ppm fast", c -> c.clean().stem(c.p.keys(), Dev101.drift(60.0)), c -> {
                    Finding x = c.only("mix.drift", c.f(c.p.keys()));
                    assertThat(x.measurements().get("drift_ppm")).isCloseTo(60.0, Offset.offset(12.0));
                    // Its whole-song offset and gain are the drift's, not faults of their own.
                    assertThat(c.report.findings()).as("findings").noneMatch(y -> Set.of("mix.offset", "mix.gain")
                            .contains(y.code()) && y.files().contains(c.f(c.p.keys())));
                    c.nothingElse(c.p.keys());
                }),
                new Fault("lead stem left out", c -> c.clean().drop(c.p.lead()), c -> {
                    Finding x = c.only("set.missing-stem", c.mix());
                    assertThat(x.measurements().get("band_hz")).isBetween(200.0, 5000.0);
                    c.noBlame();
                    c.nothingElse();
                }),
                new Fault("bass stem left out", c -> c.clean().drop(c.p.bass()), c -> {
                    Finding x = c.only("set.missing-stem", c.mix());
                    assertThat(x.message()).contains("low-frequency");
                    c.noBlame();
                    c.nothingElse();
                }),
                new Fault("effects return left out", c -> c.clean().drop(c.p.fx()), c -> {
                    c.only("mix.missing-fx", c.mix());
                    assertThat(c.report.findings()).noneMatch(x -> x.code().equals("set.missing-stem"));
                    c.noBlame();
                    c.nothingElse();
                }),
                new Fault("drums without their bus EQ and compressor", c -> c.clean().inMix(c.p.drums(),
                        x -> bus(c, x)), c -> {
                    c.only("mix.bus-processing", c.f(c.p.drums()));
                    c.nothingElse(c.p.drums());
                }),
                new Fault("mix-bus limiter printed into every stem", c -> c.clean().everyStem(
                        x -> BusChain.limit(x, c.song.rate(), 12.0, -1.0, 2.0, 60, null)), c -> {
                    // Named on the stems the chain holds at its ceiling (the loud ones), an error.
                    List<Finding> xs = org.stemcheck.core.testing.Findings.of(c.report, "level.mixbus-processing");
                    assertThat(xs).singleElement().satisfies(x -> {
                        assertThat(x.severity()).isEqualTo(org.stemcheck.core.Severity.ERROR);
                        assertThat(x.files()).hasSizeGreaterThanOrEqualTo(2);
                    });
                    // The limiter turns the loudest stems down most: that is the chain's, no fader.
                    assertThat(c.report.findings()).noneMatch(y -> y.code().equals("mix.gain"));
                }),
                new Fault("mix through a master limiter", c -> c.clean().mixBus(
                        x -> BusChain.limit(x, c.song.rate(), 8.0, -1.0, 2.0, 60, null)), c -> {
                    assertThat(problems(c.report)).isEmpty();
                    assertThat(c.only("mix.reference", c.mix()).message()).contains("limiter");
                }),
                new Fault("mix late by 3 ms of plug-in latency", c -> c.clean().mix(Dev101.shift(ms(c, 3))), c -> {
                    Finding x = c.only("mix.offset", c.mix());
                    assertThat(Math.round(x.measurements().get("offset_samples"))).isEqualTo(ms(c, 3));
                    c.nothingElse();
                }),
                new Fault("wide stem panned left in the mix", c -> c.clean().inMix(c.p.wide(), x -> channelGains(x, 0, -6)), c -> {
                    Finding x = c.only("mix.gain", c.f(c.p.wide()));
                    assertThat(x.measurements().get("channel_2_gain_db")).isCloseTo(6.0, Offset.offset(0.1));
                    c.nothingElse(c.p.wide());
                }),
                new Fault("keys exported mono", c -> c.clean().stem(c.p.keys(), SongFaultsTest::mono), c -> {
                    c.only("format.channels", c.f(c.p.keys()));
                    c.noBlame();
                    c.nothingElse(c.p.keys());
                }),
                new Fault("wide stem cut at 70 %", c -> c.clean().stem(c.p.wide(), x -> cut(x, 0.7)), c -> {
                    assertThat(problems(c.report)).anySatisfy(x -> assertThat(x.files()).contains(c.f(c.p.wide())));
                    assertThat(c.report.findings()).noneMatch(x -> x.code().equals("set.missing-stem"));
                    c.noBlame();
                    c.nothingElse(c.p.wide());
                }),
                new Fault("lead file truncated", c -> c.clean().truncated(c.p.lead(), 0.6), c -> {
                    c.only("format.truncated", c.f(c.p.lead()));
                    c.noBlame();
                    c.nothingElse(c.p.lead());
                }),
                new Fault("bass with a DC offset", c -> c.clean().stem(c.p.bass(), Dev101.dc(0.02)), c -> {
                    c.only("level.dc-offset", c.f(c.p.bass()));
                    // The DC holds its last 100 ms at -34 dBFS: no tail is cut.
                    assertThat(c.report.findings()).noneMatch(y -> y.code().equals("level.cut-tail"));
                    c.noBlame();
                    c.nothingElse(c.p.bass());
                }),
                new Fault("drums 6 dB over full scale into a 24-bit export", c -> {
                    double db = OVER_DB - peakDbfs(c.song.stems().get(c.p.drums()));
                    return c.clean().floatMix().bits(c.p.drums(), 24)
                            .inMix(c.p.drums(), Dev101.gainDb(db)).stem(c.p.drums(), x -> clip(x, db));
                }, c -> {
                    assertThat(problems(c.report)).anySatisfy(x -> {
                        assertThat(x.code()).isEqualTo("level.clipping");
                        assertThat(x.files()).contains(c.f(c.p.drums()));
                    });
                    c.nothingElse(c.p.drums());
                }),
                new Fault("keys at 16 bits", c -> c.clean().bits(c.p.keys(), 16), c -> {
                    c.only("format.bit-depth", c.f(c.p.keys()));
                    c.nothingElse(c.p.keys());
                }),
                new Fault("another take of the lead", c -> c.clean().stem(c.p.lead(), SongFaultsTest::reversed), c -> {
                    Finding x = c.only("mix.null", c.mix());
                    assertThat(x.message()).contains(c.p.lead());
                    c.noBlame();
                    c.nothingElse(c.p.lead());
                }));
    }

    @TestFactory
    Stream<DynamicNode> everyFaultOnEverySong() {
        return Songs.all().stream().map(song -> DynamicContainer.dynamicContainer(song.title(),
                faults().stream().filter(f -> f.name().matches(ONLY)).map(fault -> DynamicTest.dynamicTest(fault.name(), () -> run(song, fault)))));
    }

    /**
     * The song and fault pairs the diagnosis does not yet get right, each with the reason
     * ({@code songfaults-known-failures.txt}): their test asserts that they still fail, so that a
     * fix is noticed and the pair taken off the list.
     */
    private static final Map<String, String> KNOWN = knownFailures();

    private static Map<String, String> knownFailures() {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        try (java.io.InputStream in = SongFaultsTest.class.getResourceAsStream("songfaults-known-failures.txt")) {
            for (String line : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
                String l = line.strip();
                if (!l.isEmpty() && !l.startsWith("#")) {
                    String[] kv = l.split("\\s*\\|\\s*", 2);
                    out.put(kv[0], kv.length > 1 ? kv[1] : "");
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out;
    }

    private static void run(Song song, Fault fault) throws IOException {
        String key = song.title() + ": " + fault.name();
        if (!KNOWN.containsKey(key)) {
            check(song, fault);
            return;
        }
        try {
            check(song, fault);
        } catch (AssertionError expected) {
            Verbose.println("  known failure (" + KNOWN.get(key) + "): " + expected.getMessage());
            return;
        }
        throw new AssertionError(key + " is listed as a known failure but now passes: take it off"
                + " songfaults-known-failures.txt and docs/accuracy.md");
    }

    private static void check(Song song, Fault fault) throws IOException {
        Ctx c = new Ctx(song);
        Path dir = tmp.resolve(song.title() + "-" + fault.name().replaceAll("[^A-Za-z0-9]+", "_"));
        SongDelivery d = fault.make().apply(c);
        if (LOSSY) {
            d.lossy(1);
        }
        d.write(dir);
        try {
            Verbose.println("== " + song.title() + ": " + fault.name());
            c.report = StemSet.from(dir).check(org.stemcheck.core.Checks.standard()).check(PROBE).run();
            c.report.findings().forEach(f -> Verbose.println("  " + f + " " + f.measurements()));
            fault.expect().accept(c);
        } finally {
            deleteTree(dir);
        }
    }

    /** Prints, when verbose, what the null test read per stem: the numbers a diagnosis is held to. */
    private static final org.stemcheck.core.Check PROBE = new org.stemcheck.core.Check() {
        @Override
        public String id() {
            return "test.probe";
        }

        @Override
        public String description() {
            return "prints the null test's per-stem evidence";
        }

        @Override
        public List<Finding> run(org.stemcheck.core.CheckContext ctx) {
            ctx.nullTest().ifPresent(r -> {
                Verbose.printf("  null %.1f dB, explanations %s%n", r.nullDb(), r.explanations());
                if (Verbose.ON) {
                    double sx = 0, sy = 0, sxx = 0, sxy = 0;
                    int n = 0;
                    for (Segment g : r.residual().segments()) {
                        if (g.mixRms() > 1e-4 && g.residualRms() > 0) {
                            double x = 20 * Math.log10(g.mixRms());
                            double y = 20 * Math.log10(g.residualRms());
                            sx += x; sy += y; sxx += x * x; sxy += x * y; n++;
                        }
                    }
                    Verbose.printf("  residual-vs-mix slope %.2f over %d segments, correlation %.2f%n",
                            (n * sxy - sx * sy) / (n * sxx - sx * sx), n, r.residual().channelCorrelation());
                }
                for (StemComparison s : r.stems()) {
                    Verbose.printf("  %-28s gain %+6.2f dB  inMix %.2f  own %.2f  level %.1f dB  offset %.2f"
                                    + " (coherence %.2f, peak ratio %.2f)%n",
                            s.file().name(), s.gain().levelErrorDb(), s.inMix(), s.ownCoherence(), s.levelDb(),
                            s.offset().samples(), s.offset().coherence(), s.offset().peakRatio());
                }
            });
            return List.of();
        }
    };

    // ---- faults in code ---------------------------------------------------------------------

    private static int ms(Ctx c, double ms) {
        return (int) Math.round(ms * c.song.rate() / 1000);
    }

    /** A drum bus: +1.5 dB low shelf at 80 Hz, +2 dB high shelf at 8 kHz, a 3:1 compressor 6 dB into the hits. */
    private static double[][] bus(Ctx c, double[][] x) {
        double rate = c.song.rate();
        double[][] eq = BusChain.highShelf(BusChain.lowShelf(x, rate, 80, 1.5), rate, 8000, 2.0);
        return BusChain.compress(eq, rate, peakRmsDbfs(eq, rate) - 6, 3.0, 10, 120, 1.0, null);
    }

    /** The loudest 10 ms RMS level, dBFS. */
    private static double peakRmsDbfs(double[][] x, double rate) {
        int w = (int) (0.01 * rate);
        double most = 0;
        for (int s = 0; s + w <= x[0].length; s += w) {
            double e = 0;
            for (double[] ch : x) {
                for (int i = s; i < s + w; i++) {
                    e += ch[i] * ch[i];
                }
            }
            most = Math.max(most, e / (w * x.length));
        }
        return 10 * Math.log10(most + 1e-30);
    }

    private static double[][] add(double[][] x, double[][] y, double g) {
        double[][] out = new double[x.length][];
        for (int c = 0; c < x.length; c++) {
            out[c] = x[c].clone();
            for (int i = 0; i < out[c].length; i++) {
                out[c][i] += g * y[c][i];
            }
        }
        return out;
    }

    private static double[][] channelGains(double[][] x, double leftDb, double rightDb) {
        double[][] out = {x[0].clone(), x[1].clone()};
        double gl = Math.pow(10, leftDb / 20);
        double gr = Math.pow(10, rightDb / 20);
        for (int i = 0; i < out[0].length; i++) {
            out[0][i] *= gl;
            out[1][i] *= gr;
        }
        return out;
    }

    private static double[][] mono(double[][] x) {
        double[] m = new double[x[0].length];
        for (int i = 0; i < m.length; i++) {
            m[i] = 0.5 * (x[0][i] + x[1][i]);
        }
        return new double[][] {m};
    }

    private static double[][] cut(double[][] x, double fraction) {
        int n = (int) (x[0].length * fraction);
        return new double[][] {java.util.Arrays.copyOf(x[0], n), java.util.Arrays.copyOf(x[1], n)};
    }

    /** How far over full scale the clipped export drives its loudest peak, dB. */
    private static final double OVER_DB = 6.0;

    private static double peakDbfs(double[][] x) {
        double p = 0;
        for (double[] ch : x) {
            for (double v : ch) {
                p = Math.max(p, Math.abs(v));
            }
        }
        return 20 * Math.log10(p);
    }

    /** {@code db} of gain into full scale, the rest clipped (an export with the fader up). */
    private static double[][] clip(double[][] x, double db) {
        double g = Math.pow(10, db / 20);
        double[][] out = new double[x.length][];
        for (int c = 0; c < x.length; c++) {
            out[c] = new double[x[c].length];
            for (int i = 0; i < out[c].length; i++) {
                out[c][i] = Math.max(-1, Math.min(1, g * x[c][i]));
            }
        }
        return out;
    }

    private static double[][] reversed(double[][] x) {
        double[][] y = new double[x.length][x[0].length];
        for (int c = 0; c < x.length; c++) {
            for (int t = 0; t < x[c].length; t++) {
                y[c][t] = x[c][x[c].length - 1 - t];
            }
        }
        return y;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
