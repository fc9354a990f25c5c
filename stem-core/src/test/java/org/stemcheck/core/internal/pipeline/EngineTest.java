package org.stemcheck.core.internal.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.stemcheck.core.Check;
import org.stemcheck.core.CheckContext;
import org.stemcheck.core.Checks;
import org.stemcheck.core.spec.DeliverySpec;
import org.stemcheck.core.Finding;
import org.stemcheck.core.Measurement;
import org.stemcheck.core.Report;
import org.stemcheck.core.Severity;
import org.stemcheck.core.Stem;
import org.stemcheck.core.file.StemFile;
import org.stemcheck.core.StemSet;
import org.stemcheck.core.internal.delivery.Source;
import org.stemcheck.core.internal.delivery.Sources;
import org.stemcheck.core.testing.LogCapture;
import org.stemcheck.dsp.Accumulator;
import org.stemcheck.dsp.TruePeakMeter;
import org.stemcheck.dsp.content.ContentDigest;
import org.stemcheck.dsp.content.ContentHash;
import org.stemcheck.dsp.SampleStats;

/** The engine computes the union of the checks' needs in one pass per file and skips what it cannot measure. */
class EngineTest {

    /** A check that needs some measurements and keeps what it saw. */
    static final class Needs implements Check {
        final String id;
        final Set<Measurement<?>> needs;
        final Map<String, Object> seen = new ConcurrentHashMap<>();

        Needs(String id, Measurement<?>... needs) {
            this.id = id;
            this.needs = new LinkedHashSet<>(List.of(needs));
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public String description() {
            return "test";
        }

        @Override
        public Set<Measurement<?>> needs() {
            return needs;
        }

        @Override
        public List<Finding> run(CheckContext ctx) {
            List<Finding> out = new ArrayList<>();
            for (StemFile f : ctx.readableStems()) {
                for (Measurement<?> m : needs) {
                    ctx.measurement(f, m).ifPresent(r -> seen.put(f.name() + "/" + m, r));
                }
                out.add(Finding.info(id, "saw " + f.name()).withFiles(f.name()));
            }
            return out;
        }
    }

    static List<Stem> stems() {
        List<Stem> out = new ArrayList<>();
        for (int k = 1; k <= 5; k++) {
            double[] s = new double[20_000 + k]; // not a multiple of the block size
            s[100 * k] = 0.1 * k;
            out.add(Stem.ofSamples("Song_Part" + k + "_120bpm", 48_000, new double[][] {s, s}));
        }
        return out;
    }

    private static final AtomicInteger CREATED = new AtomicInteger();

    /** Sample statistics and true peak, counting the accumulators made. */
    private static Measurements registry() {
        return Measurements.empty()
                .with(Measurement.SAMPLE_STATS, f -> {
                    CREATED.incrementAndGet();
                    return SampleStats.create(f.channels());
                }, (r, facts) -> facts.put("peak_dbfs", r.peakDbfs()))
                .with(Measurement.TRUE_PEAK, f -> {
                    CREATED.incrementAndGet();
                    return TruePeakMeter.forFormat(f);
                }, null);
    }

    /** Runs the engine over memory stems whose stream openings are counted. */
    private static Report run(List<Check> checks, Measurements reg, AtomicInteger opened, int threads) {
        return run(checks, reg, opened, threads, stems());
    }

    private static Report run(List<Check> checks, Measurements reg, AtomicInteger opened, int threads,
                              List<Stem> stems) {
        List<StemFile> files = StemSet.of(stems).files();
        List<Map.Entry<StemFile, Source>> inputs = new ArrayList<>();
        for (int i = 0; i < stems.size(); i++) {
            Source in = Sources.ofStem(stems.get(i));
            inputs.add(Map.entry(files.get(i), new Source(in.name(), in.audioByExtension(), in.container(), in.format(),
                    in.frames(), in.metadata(), in.truncation(), in.error(), () -> {
                        opened.incrementAndGet();
                        return in.opener().open();
                    })));
        }
        return new Engine(reg, threads).run(new Engine.Run("mem", DeliverySpec.music(), inputs, Optional.empty(),
                false, checks, Set.of(), null));
    }

    private static double peak(Object stats) {
        return ((SampleStats.Result) stats).channels().get(0).peak();
    }

    @Test
    void unionOfNeedsIsComputedInOnePassPerFile() {
        Needs a = new Needs("test.a", Measurement.SAMPLE_STATS);
        Needs b = new Needs("test.b", Measurement.SAMPLE_STATS, Measurement.TRUE_PEAK);
        AtomicInteger opened = new AtomicInteger();
        CREATED.set(0);

        Report r = run(List.of(a, b), registry(), opened, 3);

        assertThat(opened.get()).isEqualTo(5);
        assertThat(CREATED.get()).isEqualTo(10); // two accumulators per file, shared by both checks
        for (int k = 1; k <= 5; k++) {
            String name = "Song_Part" + k + "_120bpm";
            assertThat(peak(a.seen.get(name + "/SAMPLE_STATS"))).isCloseTo(0.1 * k, within(1e-12));
            assertThat(((SampleStats.Result) a.seen.get(name + "/SAMPLE_STATS")).frames()).isEqualTo(20_000 + k);
            assertThat(b.seen.get(name + "/TRUE_PEAK")).isNotNull();
            assertThat(r.measured(name).get("peak_dbfs")).isCloseTo(20 * Math.log10(0.1 * k), within(1e-9));
        }
        assertThat(r.findings()).hasSize(10);
    }

    @Test
    void checkNeedingAnUnregisteredMeasurementIsSkippedAndNothingIsDecodedForIt() {
        Needs loud = new Needs("test.loudness", Measurement.LOUDNESS);
        Needs header = new Needs("test.header");
        AtomicInteger opened = new AtomicInteger();

        Report r = run(List.of(loud, header), registry(), opened, 2);

        assertThat(opened.get()).isZero();
        assertThat(r.findings()).extracting(Finding::code).containsOnly("test.header");
        assertThat(loud.seen).isEmpty();
    }

    @Test
    void aCheckThatThrowsIsAnErrorFindingSoTheReportCannotPass() throws Exception {
        Check broken = throwing("test.broken", "throws", () -> new IllegalStateException("bug"));
        LogCapture.Logged<Report> logged = LogCapture.of(
                () -> run(List.of(broken, new Needs("test.header")), Measurements.empty(), new AtomicInteger(), 1));
        Report r = logged.value();

        assertThat(logged.log()).contains("WARN org.stemcheck.core.internal.pipeline.Engine - check test.broken failed",
                "java.lang.IllegalStateException: bug");
        assertThat(r.findings()).filteredOn(f -> f.code().equals("test.header")).hasSize(5);
        assertThat(r.findings(Severity.ERROR)).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo("internal.check-failed");
            assertThat(f.message()).contains("test.broken", "IllegalStateException: bug", "not checked");
        });
        assertThat(r.passed()).isFalse();
    }

    @Test
    void aFileWhoseAnalysisRunsOutOfHeapIsAMemoryErrorNotAnUnreadableFile() throws Exception {
        Measurements reg = Measurements.empty().with(Measurement.SAMPLE_STATS, f -> new Accumulator<SampleStats.Result>() {
            @Override
            public void accept(double[][] block, int offset, int frames) {
                throw new OutOfMemoryError("Java heap space");
            }

            @Override
            public SampleStats.Result result() {
                throw new AssertionError("not reached");
            }
        }, null);

        Report r = LogCapture.of(() -> run(List.of(new Needs("test.a", Measurement.SAMPLE_STATS)), reg,
                new AtomicInteger(), 2)).value();

        assertThat(r.findings()).extracting(Finding::code).doesNotContain("format.unreadable");
        assertThat(r.findings(Severity.ERROR)).hasSize(5).allSatisfy(f -> {
            assertThat(f.code()).isEqualTo(Engine.MEMORY);
            assertThat(f.message()).contains("measurements were left out", "heap");
            assertThat(f.fix()).contains("-Xmx");
        });
        assertThat(r.passed()).isFalse();
    }

    @Test
    void resultsDoNotDependOnTheNumberOfThreads() {
        Needs one = new Needs("test.a", Measurement.SAMPLE_STATS);
        Needs many = new Needs("test.a", Measurement.SAMPLE_STATS);
        run(List.of(one), registry(), new AtomicInteger(), 1);
        run(List.of(many), registry(), new AtomicInteger(), 8);

        assertThat(many.seen).hasSameSizeAs(one.seen);
        one.seen.forEach((k, v) -> assertThat(many.seen.get(k)).isEqualTo(v));
    }

    @Test
    void anAccumulatorThatRefusesAFormatLeavesOutItsMeasurementNotTheFile() {
        Measurements reg = registry().with(Measurement.LOUDNESS, f -> {
            throw new IllegalArgumentException("no loudness for " + f.channels() + " channels");
        }, null);
        Needs both = new Needs("test.both", Measurement.SAMPLE_STATS, Measurement.LOUDNESS);

        Report r = run(List.of(both), reg, new AtomicInteger(), 2);

        assertThat(r.findings()).extracting(Finding::code).containsOnly("test.both");
        assertThat(both.seen.keySet()).hasSize(5).allMatch(k -> k.endsWith("/SAMPLE_STATS"));
    }

    @Test
    void theSha256IsComputedOnlyForACheckThatNeedsItTheDuplicateCheckUsesTheDigest() {
        AtomicInteger sha = new AtomicInteger();
        AtomicInteger digests = new AtomicInteger();
        Measurements reg = Measurements.standard()
                .with(Measurement.CONTENT_HASH, f -> {
                    sha.incrementAndGet();
                    return ContentHash.create(f.channels());
                }, null)
                .with(Measurement.CONTENT_DIGEST, f -> {
                    digests.incrementAndGet();
                    return ContentDigest.create(f.channels());
                }, null);

        List<Stem> stems = new ArrayList<>(stems());
        double[] part1 = new double[20_001];
        part1[100] = 0.1; // Song_Part1's samples, under another name
        stems.add(Stem.ofSamples("Song_Copy_120bpm", 48_000, new double[][] {part1, part1}));
        Report standard = run(Checks.standard(), reg, new AtomicInteger(), 2, stems);
        assertThat(sha).hasValue(0);
        assertThat(digests).hasValue(6);
        assertThat(standard.findings()).filteredOn(f -> f.code().equals("set.duplicate"))
                .singleElement().satisfies(f -> assertThat(f.message()).contains("bit-identical"));

        Needs hash = new Needs("test.hash", Measurement.CONTENT_HASH);
        run(List.of(hash), reg, new AtomicInteger(), 2);
        assertThat(sha).hasValue(5);
        assertThat(hash.seen).hasSize(5);
    }

    @Test
    void theNullTestIsAlwaysAvailableAndPerFileKindsWhenRegistered() {
        assertThat(Measurements.standard().has(Measurement.NULL_TEST)).isTrue();
        assertThat(Measurements.empty().has(Measurement.LOUDNESS)).isFalse();
        assertThat(registry().has(Measurement.SAMPLE_STATS)).isTrue();
    }

    @Test
    void aCheckThatRunsOutOfHeapIsAMemoryErrorNamingItAndTheOtherChecksStillRun() throws Exception {
        Check greedy = throwing("test.greedy", "needs more heap than there is",
                () -> new OutOfMemoryError("Java heap space"));

        Report r = LogCapture.of(() -> run(List.of(greedy, new Needs("test.header")), Measurements.empty(),
                new AtomicInteger(), 1)).value();

        assertThat(r.findings()).filteredOn(f -> f.code().equals("test.header")).hasSize(5);
        assertThat(r.findings(Severity.ERROR)).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo(Engine.MEMORY);
            assertThat(f.message()).contains("test.greedy", "heap", "not checked");
            assertThat(f.fix()).containsPattern("-Xmx\\d+m");
        });
        assertThat(r.passed()).isFalse();
    }

    @Test
    void aHeapTooSmallForTheWholeAnalysisStillGivesAReportOfWhatTheHeadersShow() throws Exception {
        // the report fields are filled after every file was read: running out there loses the analysis
        Measurements reg = Measurements.empty().with(Measurement.SAMPLE_STATS, f -> SampleStats.create(f.channels()),
                (stats, facts) -> {
                    throw new OutOfMemoryError("Java heap space");
                });
        Needs header = new Needs("test.header");
        Needs measured = new Needs("test.measured", Measurement.SAMPLE_STATS);

        Report r = LogCapture.of(() -> run(List.of(header, measured), reg, new AtomicInteger(), 2)).value();

        assertThat(r.files()).hasSize(5);
        assertThat(r.findings()).filteredOn(f -> f.code().equals("test.header")).hasSize(5);
        assertThat(r.findings()).extracting(Finding::code).doesNotContain("test.measured");
        assertThat(r.findings(Severity.ERROR)).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo(Engine.MEMORY);
            assertThat(f.message()).contains("could not be analysed", "test.measured").doesNotContain("test.header");
            assertThat(f.fix()).containsPattern("-Xmx\\d+m");
        });
        assertThat(r.passed()).isFalse();
    }

    @Test
    void aClassThatCouldNotBeInitialisedForLackOfHeapIsAMemoryErrorNotAnUnreadableFile() throws Exception {
        // what the JVM throws for a class whose static initialiser once ran out of heap
        NoClassDefFoundError poisoned = new NoClassDefFoundError("Could not initialize class org.example.Tables");
        poisoned.initCause(new ExceptionInInitializerError(
                "Exception java.lang.OutOfMemoryError: Java heap space [in thread \"stemcheck-analysis-1\"]"));
        Measurements reg = Measurements.empty().with(Measurement.SAMPLE_STATS, f -> new Accumulator<SampleStats.Result>() {
            @Override
            public void accept(double[][] block, int offset, int frames) {
                throw poisoned;
            }

            @Override
            public SampleStats.Result result() {
                throw new AssertionError("not reached");
            }
        }, null);

        Report r = LogCapture.of(() -> run(List.of(new Needs("test.a", Measurement.SAMPLE_STATS)), reg,
                new AtomicInteger(), 2)).value();

        assertThat(r.findings()).extracting(Finding::code).doesNotContain("format.unreadable");
        assertThat(r.findings(Severity.ERROR)).hasSize(5).allSatisfy(f -> assertThat(f.code()).isEqualTo(Engine.MEMORY));
    }

    /** A check whose run throws what {@code thrown} makes (an exception, or an error such as running out of heap). */
    private static Check throwing(String id, String description, java.util.function.Supplier<? extends Throwable> thrown) {
        return new Check() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public String description() {
                return description;
            }

            @Override
            public List<Finding> run(CheckContext ctx) {
                Throwable t = thrown.get();
                if (t instanceof RuntimeException e) {
                    throw e;
                }
                throw (Error) t;
            }
        };
    }
}
