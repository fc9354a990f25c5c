package org.stemcheck.core.internal.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stemcheck.core.ReportFormat;
import org.stemcheck.core.Checks;
import org.stemcheck.core.spec.DeliverySpec;
import org.stemcheck.core.Finding;
import org.stemcheck.core.Report;
import org.stemcheck.core.file.Role;
import org.stemcheck.core.Severity;
import org.stemcheck.core.file.StemFile;
import org.stemcheck.core.StemSet;
import org.stemcheck.core.internal.delivery.Source;
import org.stemcheck.core.internal.delivery.Sources;
import org.stemcheck.core.internal.setpass.FileSink;
import org.stemcheck.core.internal.setpass.MemoryBudget;
import org.stemcheck.core.internal.setpass.PassFile;
import org.stemcheck.core.internal.setpass.Selection;
import org.stemcheck.core.internal.setpass.SetAnalysis;
import org.stemcheck.core.internal.setpass.SetPass;
import org.stemcheck.core.testing.Delivery;
import org.stemcheck.core.testing.LogCapture;
import org.stemcheck.dsp.WelchSpectrum;
import org.stemcheck.io.AudioFormat;
import org.stemcheck.io.SampleStream;

/**
 * The set pass is the only reader of the files it streams: each is opened once by its screen, which
 * feeds the file's measurements (the stems and the chosen mix again when it diagnoses them), and
 * the report is the one the engine gave when the per-file pass read every file again.
 */
class EngineOnePassTest {

    /** A file as the set pass sees it, with another sink (or none). */
    private record Rewired(StemFile info, Source source, FileSink sink) implements PassFile {
    }

    /** The selection with each file's sink replaced by {@code sink.apply(file)} (null: none). */
    private static Selection rewire(Selection s, java.util.function.Function<PassFile, FileSink> sink) {
        Map<PassFile, PassFile> to = new java.util.IdentityHashMap<>();
        for (PassFile p : s.files()) {
            to.put(p, new Rewired(p.info(), p.source(), sink.apply(p)));
        }
        Set<PassFile> spectra = new java.util.HashSet<>();
        s.spectra().forEach(p -> spectra.add(to.get(p)));
        return new Selection(s.stems().stream().map(to::get).toList(), s.mixes().stream().map(to::get).toList(),
                s.rate(), s.channels(), s.given(), spectra);
    }

    /** The set pass as it was: it reads the files for itself, the per-file pass reads them again. */
    private static final Reading.SetRunner TWO_READS = (sel, pool) -> SetPass.run(rewire(sel, p -> null), pool);

    /** What a run gave, with the times each file's stream was opened and the set pass's analysis (or null). */
    private record Run(Report report, Map<String, Integer> opened, SetAnalysis analysis) {

        /**
         * How often the set pass itself reads a file: once (the screen, which feeds the file's
         * measurements), once more for the stems and the chosen mix when it diagnoses, and once
         * more again when it aligns displaced stems.
         */
        int setReads(String name) {
            boolean again = analysis.stems().stream().anyMatch(f -> f.name().equals(name))
                    || analysis.reference().name().equals(name);
            int extra = analysis.passes().reads();
            return 1 + (again ? extra : 0);
        }
    }

    /** A stream that fails on its {@code failAt}-th read, as a file cut short on a bad disk. */
    private static final class FailingStream implements SampleStream {
        private final SampleStream in;
        private final int failAt;
        private int reads;

        FailingStream(SampleStream in, int failAt) {
            this.in = in;
            this.failAt = failAt;
        }

        @Override
        public AudioFormat format() {
            return in.format();
        }

        @Override
        public int read(double[][] dst, int offset, int maxFrames) throws IOException {
            if (++reads == failAt) {
                throw new IOException("unexpected end of data chunk");
            }
            return in.read(dst, offset, maxFrames);
        }

        @Override
        public long position() {
            return in.position();
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    /**
     * A delivery that exercises every path of the set pass's reading: a stem longer than the mix
     * (read past the mix's end for its own measurements), a stem at 44.1 kHz (resampled for the
     * null test, measured at its own rate) and a mono stem.
     */
    private static Path delivery(Path dir) throws IOException {
        Delivery d = Delivery.clean();
        d.file("Bass").seconds = 0.8;
        d.file("Keys").rate = 44_100;
        d.file("Vocals").channels = 1;
        d.write(dir);
        return dir;
    }

    private static Run run(Path dir, int threads, Reading.SetRunner runner, String failing) {
        return run(dir, threads, runner, failing, Measurements.standard());
    }

    private static Run run(Path dir, int threads, Reading.SetRunner runner, String failing, Measurements registry) {
        StemSet set = StemSet.from(dir);
        List<StemFile> files = set.files();
        Map<String, Integer> opened = new ConcurrentHashMap<>();
        List<Map.Entry<StemFile, Source>> inputs = new ArrayList<>();
        List<Source> sources = Sources.discover(dir);
        for (int i = 0; i < sources.size(); i++) {
            Source in = sources.get(i);
            inputs.add(Map.entry(files.get(i), new Source(in.name(), in.audioByExtension(), in.container(), in.format(),
                    in.frames(), in.metadata(), in.truncation(), in.error(), () -> {
                        opened.merge(in.name(), 1, Integer::sum);
                        SampleStream s = in.opener().open();
                        return in.name().equals(failing) ? new FailingStream(s, 3) : s;
                    })));
        }
        Optional<StemFile> reference = files.stream().filter(f -> f.role() == Role.MIXDOWN).findFirst();
        java.util.concurrent.atomic.AtomicReference<SetAnalysis> seen = new java.util.concurrent.atomic.AtomicReference<>();
        Reading.SetRunner watched = (sel, pool) -> {
            Optional<SetAnalysis> a = runner.run(sel, pool);
            a.ifPresent(seen::set);
            return a;
        };
        Report r = new Engine(registry, threads, watched).run(new Engine.Run(dir.toString(),
                DeliverySpec.music(), inputs, reference, false, Checks.standard(), Set.of(), null));
        return new Run(r, opened, seen.get());
    }

    private static Run run(Path dir, int threads) {
        return run(dir, threads, SetPass::run, null);
    }

    @Test
    void eachFileOfTheSetPassIsReadOnlyByTheSetPass(@TempDir Path tmp) throws IOException {
        Path dir = Delivery.clean().write(tmp).get(0).getParent();

        Run one = run(dir, 2);

        assertThat(one.report().reference()).as("the set pass ran").isPresent();
        assertThat(one.report().files()).hasSize(Delivery.LABELS.size() + 1);
        for (StemFile f : one.report().files()) {
            assertThat(one.opened()).as(f.name()).containsEntry(f.name(), one.setReads(f.name()));
            assertThat(one.report().measured(f.name())).as(f.name()).isNotEmpty();
        }
        Run twice = run(dir, 2, TWO_READS, null);
        for (StemFile f : one.report().files()) {
            assertThat(twice.opened()).as("before: every file read once more, " + f.name())
                    .containsEntry(f.name(), twice.setReads(f.name()) + 1);
        }
    }

    @Test
    void theReportIsTheOneTheTwoReadsGave(@TempDir Path tmp) throws IOException {
        Path dir = delivery(tmp);

        Run before = run(dir, 2, TWO_READS, null);
        Run after = run(dir, 2);
        Run single = run(dir, 1);

        assertThat(after.report().reference()).isPresent();
        for (StemFile f : before.report().files()) {
            assertThat(before.report().measured(f.name())).as(f.name()).isNotEmpty();
            assertThat(after.report().measured(f.name())).as(f.name()).isEqualTo(before.report().measured(f.name()));
            assertThat(after.opened()).as(f.name()).containsEntry(f.name(), after.setReads(f.name()));
        }
        assertThat(ReportFormat.json().toString(after.report())).isEqualTo(ReportFormat.json().toString(before.report()));
        assertThat(ReportFormat.json().toString(single.report())).isEqualTo(ReportFormat.json().toString(before.report()));
        assertThat(after.report().plots().spectra()).isNotEmpty().isEqualTo(before.report().plots().spectra());
    }

    /** A sink that hands everything on to another; a test overrides what it watches. */
    private static class Forwarding implements FileSink {
        private final FileSink real;

        Forwarding(FileSink real) {
            this.real = real;
        }

        @Override
        public void accept(double[][] block, int n) {
            real.accept(block, n);
        }

        @Override
        public void end() {
            real.end();
        }

        @Override
        public void fail(String why) {
            real.fail(why);
        }

        @Override
        public boolean wantsSpectrum() {
            return real.wantsSpectrum();
        }

        @Override
        public void spectrum(WelchSpectrum.Result spectrum) {
            real.spectrum(spectrum);
        }
    }

    /**
     * A runner that tells which files the set pass gave a spectrum, and drops those spectra when
     * {@code drop} (as a pass that could not measure them).
     */
    private static Reading.SetRunner spectra(Set<String> given, boolean drop) {
        return (sel, pool) -> SetPass.run(rewire(sel, p -> p.sink() == null ? null : new Forwarding(p.sink()) {
            @Override
            public void spectrum(WelchSpectrum.Result spectrum) {
                given.add(p.info().name());
                if (!drop) {
                    super.spectrum(spectrum);
                }
            }
        }), pool);
    }

    @Test
    void theSetPassMeasuresTheSpectrumOfEveryFileAsLongAsTheMixAtItsRate(@TempDir Path tmp) throws IOException {
        Path dir = delivery(tmp);
        Set<String> given = ConcurrentHashMap.newKeySet();

        Run before = run(dir, 2, TWO_READS, null);
        Run after = run(dir, 2, spectra(given, false), null);

        // not the short bass, the 44.1 kHz keys or the mono vocals: the pass does not compare their own frames
        assertThat(given).containsExactlyInAnyOrder("Song_Drums_120bpm.wav", "Song_Guitars_120bpm.wav",
                "Song_Pads_120bpm.wav", "Song_FX_120bpm.wav", "mixdown.wav");
        assertThat(after.report().plots().spectra()).isEqualTo(before.report().plots().spectra());
        after.opened().forEach((name, n) -> assertThat(n).as(name).isEqualTo(after.setReads(name)));
        assertThat(ReportFormat.json().toString(after.report())).isEqualTo(ReportFormat.json().toString(before.report()));
    }

    @Test
    void aSpectrumThePassDoesNotGiveIsMeasuredByAReadOfItsOwn(@TempDir Path tmp) throws IOException {
        Path dir = delivery(tmp);
        Set<String> dropped = ConcurrentHashMap.newKeySet();

        Run before = run(dir, 2, TWO_READS, null);
        Run after = run(dir, 2, spectra(dropped, true), null);

        assertThat(dropped).hasSize(5);
        for (StemFile f : after.report().files()) {
            assertThat(after.opened().get(f.name())).as(f.name())
                    .isEqualTo(after.setReads(f.name()) + (dropped.contains(f.name()) ? 1 : 0));
        }
        assertThat(after.report().plots().spectra()).isEqualTo(before.report().plots().spectra());
        assertThat(ReportFormat.json().toString(after.report())).isEqualTo(ReportFormat.json().toString(before.report()));
    }

    @Test
    void aFileThatFailsMidStreamGivesTheFindingItGaveOnItsOwn(@TempDir Path tmp) throws IOException {
        Path dir = delivery(tmp);
        String bass = "Song_Bass_120bpm.wav";

        Run before = run(dir, 2, TWO_READS, bass);
        Run after = run(dir, 2, SetPass::run, bass);

        // The cut stem reads as displaced, so the aligned second pass reads the files again; the
        // per-file pass no longer does.
        for (StemFile f : before.report().files()) {
            assertThat(after.opened().get(f.name())).as(f.name()).isEqualTo(before.opened().get(f.name()) - 1);
        }
        assertThat(after.report().findings()).filteredOn(f -> f.code().equals("format.unreadable"))
                .extracting(Finding::message)
                .containsExactly(bass + " could not be read to its end: unexpected end of data chunk");
        assertThat(after.report().measured(bass)).isNotEmpty().isEqualTo(before.report().measured(bass));
        assertThat(ReportFormat.json().toString(after.report())).isEqualTo(ReportFormat.json().toString(before.report()));
    }

    @Test
    void aSetPassThatThrowsLeavesEveryFilesOwnMeasurements(@TempDir Path tmp) throws Exception {
        Path dir = delivery(tmp);
        Reading.SetRunner throwsHalfWay = (sel, pool) -> {
            for (PassFile p : sel.files()) {
                if (p.sink() != null) {
                    int channels = p.info().format().orElseThrow().channels();
                    p.sink().accept(new double[channels][FileAnalysis.BLOCK_FRAMES], 1000); // not the file's samples
                }
            }
            throw new IllegalStateException("a bug in the set pass");
        };
        AtomicInteger failingSinkCalls = new AtomicInteger();
        Reading.SetRunner sinkThrows = (sel, pool) -> {
            PassFile victim = sel.stems().get(2);
            return SetPass.run(rewire(sel, p -> p != victim ? p.sink() : new Forwarding(p.sink()) {
                @Override
                public void accept(double[][] block, int n) {
                    if (failingSinkCalls.incrementAndGet() == 2) {
                        throw new IllegalStateException("a bug while handing a block over");
                    }
                    super.accept(block, n);
                }
            }), pool);
        };

        Run clean = run(dir, 2);
        for (Reading.SetRunner broken : List.of(throwsHalfWay, sinkThrows)) {
            LogCapture.Logged<Run> logged = LogCapture.of(() -> run(dir, 2, broken, null));
            assertThat(logged.log()).contains("the set pass failed; the mix checks are left out", "IllegalStateException: a bug");
            Run r = logged.value();
            assertThat(r.report().reference()).as("no null test").isEmpty();
            for (StemFile f : clean.report().files()) {
                assertThat(r.report().measured(f.name())).as(f.name()).isEqualTo(clean.report().measured(f.name()));
            }
            assertThat(r.report().findings()).extracting(Finding::code).doesNotContain("format.unreadable");
            // fail closed: the mix checks did not run, so the delivery was not fully checked
            assertThat(r.report().findings()).filteredOn(f -> f.code().equals(Engine.CHECK_FAILED))
                    .singleElement().satisfies(f -> {
                        assertThat(f.severity()).isEqualTo(Severity.ERROR);
                        assertThat(f.message()).contains("the null test could not run", "a bug");
                    });
            assertThat(r.report().passed()).isFalse();
        }
        assertThat(failingSinkCalls.get()).isEqualTo(2);
    }

    @Test
    void aHeapTooSmallForTheNullTestIsAnErrorNamingTheHeapToUseWithoutAStackTrace(@TempDir Path tmp)
            throws Exception {
        Path dir = delivery(tmp);
        MemoryBudget.Plan tiny = new MemoryBudget(16L << 20).plan(48_000, 4, 2, 1, 48_000);
        Reading.SetRunner outOfHeap = (sel, pool) -> {
            throw new SetPass.HeapTooSmall(tiny, tiny.describe(), new OutOfMemoryError("Java heap space"));
        };

        LogCapture.Logged<Run> logged = LogCapture.of(() -> run(dir, 2, outOfHeap, null));

        assertThat(logged.log()).doesNotContain("OutOfMemoryError").doesNotContain("\tat ");
        Run clean = run(dir, 2);
        Report r = logged.value().report();
        assertThat(r.findings()).filteredOn(f -> f.code().equals(Engine.MEMORY)).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.message()).contains("did not run", "16 MiB");
            assertThat(f.fix()).contains(tiny.xmx());
        });
        assertThat(r.passed()).isFalse();
        for (StemFile f : clean.report().files()) {
            assertThat(r.measured(f.name())).as(f.name()).isEqualTo(clean.report().measured(f.name()));
        }
    }

    @Test
    void aHeapTooSmallForTheFilesAnalysesBesideTheSetPassMeasuresThemAfterIt(@TempDir Path tmp) throws Exception {
        Path dir = delivery(tmp);
        // The first accumulator made for a file the set pass feeds finds no heap (as the 20-stem
        // 96 kHz delivery does at -Xmx24m); every later one fits.
        java.util.concurrent.atomic.AtomicBoolean first = new java.util.concurrent.atomic.AtomicBoolean(true);
        Measurements short1 = Measurements.standard().with(org.stemcheck.core.Measurement.NON_FINITE, f -> {
            // only where the engine makes the set pass's sinks (its own thread), not in a pool's read
            if (!Thread.currentThread().getName().startsWith("stemcheck-analysis") && first.getAndSet(false)) {
                throw new OutOfMemoryError("Java heap space");
            }
            return org.stemcheck.dsp.NonFiniteSamples.forFormat(f);
        }, null);

        Run r = run(dir, 2, SetPass::run, null, short1);

        Run clean = run(dir, 2);
        assertThat(first.get()).as("the failure was injected").isFalse();
        assertThat(r.report().findings()).extracting(Finding::code)
                .doesNotContain(Engine.MEMORY, Engine.CHECK_FAILED, "format.unreadable");
        assertThat(r.report().findings()).isEqualTo(clean.report().findings());
        for (StemFile f : clean.report().files()) {
            assertThat(r.report().measured(f.name())).as(f.name()).isEqualTo(clean.report().measured(f.name()));
        }
        assertThat(r.report().reference()).isEqualTo(clean.report().reference());
    }

    @Test
    void aSetPassThatRunsOutOfHeapOutsideItsOwnPlanIsAMemoryErrorAndTheFilesAreStillMeasured(@TempDir Path tmp)
            throws Exception {
        Path dir = delivery(tmp);
        Reading.SetRunner outOfHeap = (sel, pool) -> {
            throw new OutOfMemoryError("Java heap space");
        };

        Report r = LogCapture.of(() -> run(dir, 2, outOfHeap, null)).value().report();

        Run clean = run(dir, 2);
        assertThat(r.findings()).filteredOn(f -> f.code().equals(Engine.MEMORY)).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.message()).contains("ran out during the null test", "mix checks were left out");
            assertThat(f.fix()).contains("-Xmx");
        });
        assertThat(r.passed()).isFalse();
        for (StemFile f : clean.report().files()) {
            assertThat(r.measured(f.name())).as(f.name()).isEqualTo(clean.report().measured(f.name()));
        }
    }
}
