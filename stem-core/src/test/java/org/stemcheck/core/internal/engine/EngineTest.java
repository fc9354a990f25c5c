package org.stemcheck.core.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
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
import org.stemcheck.core.DeliverySpec;
import org.stemcheck.core.Finding;
import org.stemcheck.core.Measurement;
import org.stemcheck.core.Report;
import org.stemcheck.core.Stem;
import org.stemcheck.core.StemFile;
import org.stemcheck.core.StemSet;
import org.stemcheck.core.internal.Input;
import org.stemcheck.core.internal.Inputs;
import org.stemcheck.dsp.Accumulator;
import org.stemcheck.dsp.content.ContentDigest;

/** The engine computes the union of the checks' needs in one pass per file and skips what it cannot measure. */
class EngineTest {

    /** A peak meter standing in for a stem-dsp accumulator: peak and frames seen. */
    static final class Peak implements Accumulator<double[]> {
        double peak;
        long frames;

        @Override
        public void accept(double[][] block, int offset, int n) {
            for (double[] ch : block) {
                for (int i = offset; i < offset + n; i++) {
                    peak = Math.max(peak, Math.abs(ch[i]));
                }
            }
            frames += n;
        }

        @Override
        public double[] result() {
            return new double[] {peak, frames};
        }
    }

    /** A check that needs some measurements and reports what it saw. */
    static final class Needs implements Check {
        final String id;
        final Set<Measurement> needs;
        final Map<String, double[]> seen = new ConcurrentHashMap<>();

        Needs(String id, Measurement... needs) {
            this.id = id;
            this.needs = EnumSet.of(Measurement.HEADER, needs);
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
        public Set<Measurement> needs() {
            return needs;
        }

        @Override
        public List<Finding> run(CheckContext ctx) {
            List<Finding> out = new ArrayList<>();
            for (StemFile f : ctx.readableStems()) {
                for (Measurement m : needs) {
                    ctx.measurement(f, m, double[].class).ifPresent(r -> seen.put(f.name() + "/" + m, r));
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

    private static MeasurementRegistry registry() {
        return MeasurementRegistry.empty()
                .with(Measurement.SAMPLE_STATS, f -> { CREATED.incrementAndGet(); return new Peak(); },
                        (r, facts) -> facts.put("peak_dbfs", 20 * Math.log10(((double[]) r)[0])))
                .with(Measurement.TRUE_PEAK, f -> { CREATED.incrementAndGet(); return new Peak(); }, (r, facts) -> { });
    }

    /** Runs the engine over memory stems whose stream openings are counted. */
    private static Report run(List<Check> checks, MeasurementRegistry reg, AtomicInteger opened, int threads) {
        return run(checks, reg, opened, threads, stems());
    }

    private static Report run(List<Check> checks, MeasurementRegistry reg, AtomicInteger opened, int threads,
                              List<Stem> stems) {
        List<StemFile> files = StemSet.of(stems).files();
        List<Input> inputs = new ArrayList<>();
        for (Stem s : stems) {
            Input in = Inputs.ofStem(s);
            inputs.add(new Input(in.name(), in.audioByExtension(), in.container(), in.format(), in.frames(),
                    in.metadata(), in.truncation(), in.error(), () -> {
                        opened.incrementAndGet();
                        return in.opener().open();
                    }));
        }
        return new Engine(reg, threads).run("mem", DeliverySpec.music(), files, inputs, Optional.empty(), checks, Set.of());
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
            assertThat(a.seen.get(name + "/SAMPLE_STATS")).containsExactly(0.1 * k, 20_000 + k);
            assertThat(b.seen.get(name + "/TRUE_PEAK")).containsExactly(0.1 * k, 20_000 + k);
            assertThat(r.measured(name)).containsEntry("peak_dbfs", 20 * Math.log10(0.1 * k));
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
    void aCheckThatThrowsLosesOnlyItsOwnFindings() {
        Check broken = new Check() {
            @Override
            public String id() {
                return "test.broken";
            }

            @Override
            public String description() {
                return "throws";
            }

            @Override
            public List<Finding> run(CheckContext ctx) {
                throw new IllegalStateException("bug");
            }
        };
        Report r = run(List.of(broken, new Needs("test.header")), MeasurementRegistry.empty(), new AtomicInteger(), 1);

        assertThat(r.findings()).extracting(Finding::code).containsOnly("test.header").hasSize(5);
    }

    @Test
    void resultsDoNotDependOnTheNumberOfThreads() {
        Needs one = new Needs("test.a", Measurement.SAMPLE_STATS);
        Needs many = new Needs("test.a", Measurement.SAMPLE_STATS);
        run(List.of(one), registry(), new AtomicInteger(), 1);
        run(List.of(many), registry(), new AtomicInteger(), 8);

        assertThat(many.seen).hasSameSizeAs(one.seen);
        one.seen.forEach((k, v) -> assertThat(many.seen.get(k)).containsExactly(v));
    }

    @Test
    void anAccumulatorThatRefusesAFormatLeavesOutItsMeasurementNotTheFile() {
        MeasurementRegistry reg = registry().with(Measurement.LOUDNESS, f -> {
            throw new IllegalArgumentException("no loudness for " + f.channels() + " channels");
        }, (r, facts) -> { });
        Needs both = new Needs("test.both", Measurement.SAMPLE_STATS, Measurement.LOUDNESS);

        Report r = run(List.of(both), reg, new AtomicInteger(), 2);

        assertThat(r.findings()).extracting(Finding::code).containsOnly("test.both");
        assertThat(both.seen.keySet()).hasSize(5).allMatch(k -> k.endsWith("/SAMPLE_STATS"));
    }

    @Test
    void theSha256IsComputedOnlyForACheckThatNeedsItTheDuplicateCheckUsesTheDigest() {
        AtomicInteger sha = new AtomicInteger();
        AtomicInteger digests = new AtomicInteger();
        MeasurementRegistry reg = MeasurementRegistry.standard()
                .with(Measurement.CONTENT_HASH, f -> { sha.incrementAndGet(); return new Peak(); },
                        MeasurementRegistry.NO_FACTS)
                .with(Measurement.CONTENT_DIGEST, f -> {
                    digests.incrementAndGet();
                    return ContentDigest.create(f.channels());
                }, MeasurementRegistry.NO_FACTS);

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
    void theStandardRegistryAlwaysHasTheHeader() {
        assertThat(MeasurementRegistry.standard().has(Measurement.HEADER)).isTrue();
        assertThat(MeasurementRegistry.empty().has(Measurement.LOUDNESS)).isFalse();
        assertThat(registry().has(Measurement.SAMPLE_STATS)).isTrue();
    }
}
