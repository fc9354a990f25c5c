package org.stemcheck.core.internal.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stemcheck.core.Check;
import org.stemcheck.core.DeliverySpec;
import org.stemcheck.core.Finding;
import org.stemcheck.core.Measurement;
import org.stemcheck.core.Plots;
import org.stemcheck.core.Report;
import org.stemcheck.core.StemFile;
import org.stemcheck.core.internal.Input;
import org.stemcheck.core.internal.nulltest.FileSink;
import org.stemcheck.core.internal.nulltest.SetAnalysis;
import org.stemcheck.dsp.set.NullResidual;
import org.stemcheck.core.internal.nulltest.SetPass;
import org.stemcheck.dsp.spectrum.WelchSpectrum;

/**
 * Runs checks over a delivery: picks the checks whose needs this build can meet, computes the
 * union of their measurements (and, once files are decoded anyway, every measurement that fills a
 * report field) with each file decoded once, runs every check against the shared results, and
 * builds the {@link Report}.
 *
 * <p>Reading: when a null-test check runs, the set pass (on the calling thread) is the only reader
 * of the files it streams; it hands each file's decoded blocks to a {@link FileActor} whose
 * accumulators run on a bounded pool of {@code threads} threads. The other files are analysed
 * whole on the same pool at the same time. A set pass that stops early costs the mix checks, never
 * a file's own measurements: the files it left unfinished are read again on their own.
 *
 * <p>Thread-safe: all state of a run is local to {@link #run}, which owns its pool and shuts it
 * down before returning.
 */
public final class Engine {

    private static final Logger LOG = LoggerFactory.getLogger(Engine.class);

    /** How the engine runs the set pass (tests put a failing one here). */
    @FunctionalInterface
    interface SetRunner {
        /**
         * @param files     the delivery's files
         * @param inputs    how to read them
         * @param selection the files the pass streams
         * @param sinks     by file index, where the pass hands each file's decoded blocks
         * @param executor  the run's pool, where the pass may run work beside its own thread
         * @return the analysis, empty when the pass could not be made
         */
        Optional<SetAnalysis> run(List<StemFile> files, List<Input> inputs, SetPass.Selection selection,
                                  Map<Integer, ? extends FileSink> sinks, Executor executor);
    }

    private final MeasurementRegistry registry;
    private final int threads;
    private final SetRunner setRunner;

    /**
     * @param registry the measurements this build can compute
     * @param threads  files analysed at once, at least 1
     */
    public Engine(MeasurementRegistry registry, int threads) {
        this(registry, threads, SetPass::run);
    }

    Engine(MeasurementRegistry registry, int threads, SetRunner setRunner) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1: " + threads);
        }
        this.registry = registry;
        this.threads = threads;
        this.setRunner = setRunner;
    }

    /**
     * One delivery's run.
     *
     * @param delivery  the delivery's name as given (a folder path)
     * @param files     the files as checks see them, in the same order as {@code inputs}
     * @param inputs    how to read each file
     * @param reference the reference mix, if any
     * @param without   codes to leave out (checks of that id are not run; findings of that code dropped)
     */
    public Report run(String delivery, DeliverySpec spec, List<StemFile> files, List<Input> inputs,
                      Optional<StemFile> reference, List<Check> checks, Set<String> without) {
        return run(delivery, spec, files, inputs, reference, false, checks, without);
    }

    /**
     * One delivery's run, where {@code given} says whether the caller named {@code reference}
     * ({@code StemSet.mixdown}): the null test then compares the stems with that mix even when
     * another nulls deeper; otherwise it takes the mix the stems null against best.
     *
     * @param delivery  the delivery's name as given (a folder path)
     * @param files     the files as checks see them, in the same order as {@code inputs}
     * @param inputs    how to read each file
     * @param reference the reference mix, if any
     * @param given     true when the caller named the reference mix
     * @param without   codes to leave out (checks of that id are not run; findings of that code dropped)
     */
    public Report run(String delivery, DeliverySpec spec, List<StemFile> files, List<Input> inputs,
                      Optional<StemFile> reference, boolean given, List<Check> checks, Set<String> without) {
        List<Check> runnable = runnable(checks, without);
        Set<Measurement> needed = EnumSet.noneOf(Measurement.class);
        runnable.forEach(c -> needed.addAll(c.needs()));
        needed.remove(Measurement.HEADER);
        boolean setPass = needed.remove(Measurement.NULL_TEST);
        if (!needed.isEmpty()) {
            needed.addAll(registry.reported());
        }
        Optional<SetPass.Selection> selection = setPass
                ? SetPass.select(files, inputs, given ? reference.map(StemFile::name) : Optional.empty())
                : Optional.empty();
        Passes passes = analyse(files, inputs, needed, selection);
        Map<String, FileAnalysis.Outcome> outcomes = passes.outcomes();

        Map<String, Map<Measurement, Object>> measured = new HashMap<>();
        Map<String, Map<String, Double>> facts = new LinkedHashMap<>();
        List<Finding> findings = new ArrayList<>();
        outcomes.forEach((name, o) -> {
            measured.put(name, o.results());
            facts.put(name, facts(o.results()));
            o.failure().ifPresent(why -> findings.add(Finding.error("format.unreadable",
                            name + " could not be read to its end: " + why)
                    .withFiles(name)
                    .withFix("copy or export the file again; check the disk or the upload")));
        });
        Optional<SetAnalysis> set = passes.set();
        Optional<StemFile> ref = set.map(SetAnalysis::reference).or(() -> reference);
        set.ifPresent(a -> {
            Map<Measurement, Object> m = new HashMap<>(measured.getOrDefault(a.reference().name(), Map.of()));
            m.put(Measurement.NULL_TEST, a);
            measured.put(a.reference().name(), m);
        });
        Context ctx = new Context(files, spec, ref, measured);
        for (Check c : runnable) {
            findings.addAll(runOne(c, ctx));
        }
        List<Finding> kept = findings.stream().filter(f -> !without.contains(f.code()))
                .sorted(order(files)).toList();
        Plots plots = plots(files, measured);
        if (set.isPresent()) {
            plots = withResidual(plots, set.get());
        }
        return Report.of(delivery, spec.name(), files, facts, set.map(SetAnalysis::toReference), kept)
                .withPlots(plots);
    }

    private List<Check> runnable(List<Check> checks, Set<String> without) {
        List<Check> out = new ArrayList<>();
        for (Check c : checks) {
            if (without.contains(c.id())) {
                continue;
            }
            Set<Measurement> missing = EnumSet.noneOf(Measurement.class);
            c.needs().stream().filter(m -> m != Measurement.NULL_TEST && !registry.has(m)).forEach(missing::add);
            if (missing.isEmpty()) {
                out.add(c);
            } else {
                LOG.debug("check {} skipped: it needs {}, which this build does not measure yet", c.id(), missing);
            }
        }
        return out;
    }

    /** What the reading passes gave: per-file outcomes in delivery order, and the set analysis. */
    private record Passes(Map<String, FileAnalysis.Outcome> outcomes, Optional<SetAnalysis> set) {
    }

    /**
     * Reads every file once: the files the set pass streams are measured from its reads (a
     * {@link FileActor} per file, fed on the pool), the others by their own {@link FileAnalysis}
     * on the pool, at the same time as the set pass runs on the calling thread.
     */
    private Passes analyse(List<StemFile> files, List<Input> inputs, Set<Measurement> needed,
                           Optional<SetPass.Selection> selection) {
        List<Integer> todo = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            if (inputs.get(i).readable() && files.get(i).readable() && !needed.isEmpty()) {
                todo.add(i);
            }
        }
        Set<Integer> shared = new HashSet<>(selection.map(SetPass.Selection::files).orElse(List.of()));
        // the set pass transforms these files' Welch segments anyway: their spectrum comes from it
        Set<Integer> spectraFromPass = needed.contains(Measurement.SPECTRUM) && registry.standardSpectrum()
                ? new HashSet<>(selection.map(SetPass.Selection::spectra).orElse(List.of())) : Set.of();
        Set<Measurement> withoutSpectrum = EnumSet.copyOf(needed);
        withoutSpectrum.remove(Measurement.SPECTRUM);
        Map<Integer, Future<FileAnalysis.Outcome>> results = new HashMap<>();
        Map<Integer, WelchSpectrum.Result> given = new HashMap<>();
        Map<Integer, Future<FileAnalysis.Outcome>> spectra = new HashMap<>();
        Map<Integer, FileActor> actors = new LinkedHashMap<>();
        ExecutorService pool = todo.isEmpty() ? null
                : Executors.newFixedThreadPool(Math.min(threads, todo.size()), daemonThreads());
        Optional<SetAnalysis> set = Optional.empty();
        try {
            for (int i : todo) {
                Input in = inputs.get(i);
                if (!shared.contains(i)) {
                    results.put(i, pool.submit(() -> FileAnalysis.run(in, needed, registry)));
                    continue;
                }
                boolean fromPass = spectraFromPass.contains(i);
                FileAnalysis a = FileAnalysis.create(in.name(), in.format().orElseThrow(),
                        fromPass ? withoutSpectrum : needed, registry);
                if (a.wantsSamples() || fromPass) {
                    actors.put(i, new FileActor(in.name(), a, in.format().orElseThrow().channels(), pool, fromPass));
                } else {
                    results.put(i, CompletableFuture.completedFuture(a.outcome()));
                }
            }
            if (selection.isPresent()) {
                set = runSetPass(files, inputs, selection.get(), actors, pool);
            }
            actors.forEach((i, actor) -> {
                if (actor.finished()) {
                    results.put(i, actor.outcome());
                    if (actor.wantsSpectrum()) {
                        Input in = inputs.get(i);
                        actor.givenSpectrum().ifPresentOrElse(w -> given.put(i, w), () -> {
                            // the pass could not measure it (the file ended early, ...): read it for that alone
                            LOG.debug("{}: read again for its spectrum (the set pass did not measure it)", in.name());
                            spectra.put(i, pool.submit(() -> FileAnalysis.run(in, EnumSet.of(Measurement.SPECTRUM), registry)));
                        });
                    }
                } else {
                    // The set pass stopped before the file's end: measure it on its own.
                    actor.abandon();
                    Input in = inputs.get(i);
                    LOG.debug("{}: read again for its own measurements (the set pass stopped early)", in.name());
                    results.put(i, pool.submit(() -> FileAnalysis.run(in, needed, registry)));
                }
            });
            Map<String, FileAnalysis.Outcome> out = new LinkedHashMap<>();
            for (int i : todo) {
                FileAnalysis.Outcome o = await(results.get(i));
                if (given.containsKey(i)) {
                    o = o.with(Measurement.SPECTRUM, given.get(i));
                }
                if (spectra.containsKey(i)) {
                    o = o.plus(await(spectra.get(i)));
                }
                out.put(files.get(i).name(), o);
            }
            return new Passes(out, set);
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
    }

    /** The set pass; whatever it throws costs the mix checks, never the per-file results. */
    private Optional<SetAnalysis> runSetPass(List<StemFile> files, List<Input> inputs, SetPass.Selection selection,
                                             Map<Integer, FileActor> actors, Executor pool) {
        try {
            return setRunner.run(files, inputs, selection, actors, pool);
        } catch (RuntimeException e) {
            LOG.warn("the set pass failed; the mix checks are left out", e);
            return Optional.empty();
        }
    }

    private static FileAnalysis.Outcome await(Future<FileAnalysis.Outcome> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while analysing the delivery", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            LOG.warn("a file's analysis failed; its measurements are left out", cause);
            return new FileAnalysis.Outcome(Map.of(), Optional.of("analysis failed: " + cause));
        }
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "stemcheck-analysis-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    private Map<String, Double> facts(Map<Measurement, Object> results) {
        Map<String, Double> facts = new LinkedHashMap<>();
        results.forEach((m, r) -> registry.get(m).ifPresent(e -> {
            try {
                e.facts().fill(r, facts);
            } catch (RuntimeException ex) {
                LOG.warn("the report fields of {} could not be filled", m, ex);
            }
        }));
        return facts;
    }

    /** The null residual and the reference mix's level per segment, in dBFS, on the files' time axis. */
    private static Plots withResidual(Plots plots, SetAnalysis a) {
        List<NullResidual.Segment> segments = a.result().residual().segments();
        if (segments.isEmpty()) {
            return plots;
        }
        double[] t = new double[segments.size()];
        double[] residual = new double[t.length];
        double[] mix = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            NullResidual.Segment g = segments.get(i);
            t[i] = a.startSeconds() + (g.startSeconds() + g.endSeconds()) / 2;
            residual[i] = 20 * Math.log10(g.residualRms());
            mix[i] = 20 * Math.log10(g.mixRms());
        }
        try {
            return plots.withResidual(Plots.Series.of(t, residual), Plots.Series.of(t, mix));
        } catch (RuntimeException e) {
            LOG.warn("the null residual could not be plotted; left out", e);
            return plots;
        }
    }

    /** The report's curves; a failure to build them costs the plots, never the report. */
    private static Plots plots(List<StemFile> files, Map<String, Map<Measurement, Object>> measured) {
        try {
            return PlotData.of(files, measured);
        } catch (RuntimeException e) {
            LOG.warn("the report's plots could not be built; left out", e);
            return Plots.NONE;
        }
    }

    private static List<Finding> runOne(Check c, Context ctx) {
        try {
            List<Finding> found = c.run(ctx);
            return found == null ? List.of() : found;
        } catch (RuntimeException e) {
            LOG.warn("check {} failed; its findings are left out", c.id(), e);
            return List.of();
        }
    }

    /** Errors first, then by the first file concerned (in delivery order), then by code. */
    private static Comparator<Finding> order(List<StemFile> files) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < files.size(); i++) {
            index.put(files.get(i).name(), i);
        }
        Comparator<Finding> bySeverity = Comparator.comparing(Finding::severity);
        return bySeverity
                .thenComparingInt(f -> f.files().isEmpty() ? -1 : index.getOrDefault(f.files().get(0), files.size()))
                .thenComparing(Finding::code);
    }
}
