package org.stemcheck.core.internal.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
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
import org.stemcheck.core.internal.nulltest.SetAnalysis;
import org.stemcheck.dsp.set.NullResidual;
import org.stemcheck.core.internal.nulltest.SetPass;

/**
 * Runs checks over a delivery: picks the checks whose needs this build can meet, computes the
 * union of their measurements (and, once files are decoded anyway, every measurement that fills a
 * report field) in one pass per file (files in parallel on a bounded pool), runs
 * every check against the shared results, and builds the {@link Report}.
 */
public final class Engine {

    private static final Logger LOG = LoggerFactory.getLogger(Engine.class);

    private final MeasurementRegistry registry;
    private final int threads;

    /**
     * @param registry the measurements this build can compute
     * @param threads  files analysed at once, at least 1
     */
    public Engine(MeasurementRegistry registry, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1: " + threads);
        }
        this.registry = registry;
        this.threads = threads;
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
        Map<String, FileAnalysis.Outcome> outcomes = analyse(files, inputs, needed);

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
        Optional<SetAnalysis> set = setPass ? SetPass.run(files, inputs,
                given ? reference.map(StemFile::name) : Optional.empty()) : Optional.empty();
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

    private Map<String, FileAnalysis.Outcome> analyse(List<StemFile> files, List<Input> inputs, Set<Measurement> needed) {
        Map<String, FileAnalysis.Outcome> out = new LinkedHashMap<>();
        List<Integer> todo = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            if (inputs.get(i).readable() && files.get(i).readable() && !needed.isEmpty()) {
                todo.add(i);
            }
        }
        if (todo.isEmpty()) {
            return out;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, todo.size()), daemonThreads());
        try {
            List<Future<FileAnalysis.Outcome>> futures = new ArrayList<>();
            for (int i : todo) {
                Input in = inputs.get(i);
                futures.add(pool.submit(() -> FileAnalysis.run(in, needed, registry)));
            }
            for (int k = 0; k < todo.size(); k++) {
                out.put(files.get(todo.get(k)).name(), await(futures.get(k)));
            }
        } finally {
            pool.shutdownNow();
        }
        return out;
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
