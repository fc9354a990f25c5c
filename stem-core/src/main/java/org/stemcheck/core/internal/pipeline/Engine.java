package org.stemcheck.core.internal.pipeline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stemcheck.core.Check;
import org.stemcheck.core.nulltest.NullTestResult;
import org.stemcheck.core.spec.DeliverySpec;
import org.stemcheck.core.Finding;
import org.stemcheck.core.Measurement;
import org.stemcheck.core.Plots;
import org.stemcheck.core.Progress;
import org.stemcheck.core.Report;
import org.stemcheck.core.file.StemFile;
import org.stemcheck.core.internal.delivery.Source;
import org.stemcheck.core.internal.diagnosis.Diagnosis;
import org.stemcheck.core.internal.setpass.MemoryBudget;
import org.stemcheck.core.internal.setpass.Selection;
import org.stemcheck.core.internal.setpass.SetAnalysis;
import org.stemcheck.core.internal.setpass.SetPass;

/**
 * Runs checks over a delivery; it only schedules. It picks the checks whose needs this build can
 * meet, computes the union of their measurements (and, once files are decoded anyway, every
 * measurement that fills a report field), has every file read once ({@link Reading}), runs every
 * check against the shared results ({@link RunContext}), and builds the {@link Report}.
 *
 * <p>Data flow of one block: a {@link DeliveryFile}'s samples are decoded by whoever reads it (the
 * set pass, or the file on its own), handed to the file's {@link FileAnalysis} (one accumulator per
 * measurement), whose results the checks read from the context; the set pass's own results become
 * the {@link NullTestResult} through the diagnosis.
 *
 * <p>Thread-safe: all state of a run is local to {@link #run}.
 */
public final class Engine {

    private static final Logger LOG = LoggerFactory.getLogger(Engine.class);

    /** The code of the finding that says a check could not run: the delivery was not fully checked. */
    public static final String CHECK_FAILED = "internal.check-failed";

    /**
     * The code of the finding that says the heap limited the null test: an error when it could
     * not run at all (the delivery was not fully checked), a warning when its offset search was
     * narrowed to fit. Either names the {@code -Xmx} that gives the full test.
     */
    public static final String MEMORY = "internal.memory";

    private final Measurements registry;
    private final int threads;
    private final Reading.SetRunner setRunner;

    /**
     * @param registry the measurements this build can compute
     * @param threads  files analysed at once, at least 1
     */
    public Engine(Measurements registry, int threads) {
        this(registry, threads, SetPass::run);
    }

    Engine(Measurements registry, int threads, Reading.SetRunner setRunner) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1: " + threads);
        }
        this.registry = registry;
        this.threads = threads;
        this.setRunner = setRunner;
    }

    /**
     * What to check.
     *
     * @param delivery  the delivery's name as given (a folder path)
     * @param spec      what the recipient asked for
     * @param files     every file, as checks see it, with how to read it, in delivery order
     * @param reference the reference mix, if any
     * @param given     true when the caller named the reference mix ({@code StemSet.mixdown}): the
     *                  null test then compares the stems with that mix even when another nulls
     *                  deeper; otherwise it takes the mix the stems null against best
     * @param checks    the checks to run
     * @param without   codes to leave out (checks of that id are not run; findings of that code dropped)
     * @param progress  hears how far the run has come, or null
     */
    public record Run(String delivery, DeliverySpec spec, List<Map.Entry<StemFile, Source>> files,
                      Optional<StemFile> reference, boolean given, List<Check> checks, Set<String> without,
                      Consumer<Progress> progress) {
    }

    /**
     * One delivery's run. A heap too small for a part of it costs that part, named in an
     * {@link #MEMORY} error; too small for the analysis as a whole, the report keeps what the
     * file headers show ({@link #headersOnly}). Either way a report, never an {@link OutOfMemoryError}.
     */
    public Report run(Run run) {
        try {
            return analysed(run);
        } catch (OutOfMemoryError e) {
            // Everything the analysis allocated is garbage once it is left: enough for the headers.
            LOG.warn("the heap ran out while {} was analysed; the report keeps what the file headers show: {}",
                    run.delivery(), e.toString());
            return headersOnly(run);
        }
    }

    /**
     * The report when the analysis as a whole ran out of heap: the checks that read nothing but
     * the headers (format, naming, the set's make-up) and an {@link #MEMORY} error naming the
     * checks left out.
     */
    private Report headersOnly(Run run) {
        List<StemFile> infos = run.files().stream().map(Map.Entry::getKey).toList();
        RunContext ctx = new RunContext(infos, run.spec(), run.reference(), Map.of(), c -> Optional.empty());
        List<Finding> findings = new ArrayList<>();
        List<String> leftOut = new ArrayList<>();
        for (Check c : runnable(run.checks(), run.without())) {
            if (c.needs().isEmpty()) {
                findings.addAll(runOne(c, ctx));
            } else {
                leftOut.add(c.id());
            }
        }
        findings.add(OutOfHeap.delivery(leftOut));
        List<Finding> kept = findings.stream().filter(f -> !run.without().contains(f.code()))
                .sorted(order(infos)).toList();
        return Report.of(run.delivery(), run.spec().name(), infos, Map.of(), Optional.empty(), kept);
    }

    private Report analysed(Run run) {
        List<Check> runnable = runnable(run.checks(), run.without());
        Set<Measurement<?>> needed = new LinkedHashSet<>();
        runnable.forEach(c -> needed.addAll(c.needs()));
        boolean setPass = needed.remove(Measurement.NULL_TEST);
        if (!needed.isEmpty()) {
            needed.addAll(registry.reported());
        }
        List<DeliveryFile> files = run.files().stream().map(e -> new DeliveryFile(e.getKey(), e.getValue())).toList();
        List<StemFile> infos = files.stream().map(DeliveryFile::info).toList();
        Optional<Selection> selection = setPass
                ? SetPass.select(files, run.given() ? run.reference().map(StemFile::name) : Optional.empty())
                : Optional.empty();
        List<Double> durations = needed.isEmpty() ? List.of()
                : files.stream().filter(DeliveryFile::readable).map(f -> f.info().durationSeconds()).toList();
        ProgressTracker progress = run.progress() == null ? ProgressTracker.NONE
                : new ProgressTracker(run.progress(), run.delivery(), durations);
        Reading.Result read = Reading.run(files, ordered(needed), selection, registry, threads, setRunner, progress);
        progress.stage(Progress.Stage.CHECKING);

        Map<String, FileResults> measured = new LinkedHashMap<>();
        Map<String, Map<String, Double>> facts = new LinkedHashMap<>();
        List<Finding> findings = new ArrayList<>();
        read.files().forEach((f, r) -> {
            String name = f.info().name();
            measured.put(name, r);
            facts.put(name, facts(r));
            r.failure().ifPresent(why -> findings.add(why.contains(OutOfMemoryError.class.getName())
                    ? OutOfHeap.file(name)
                    : Finding.error("format.unreadable", name + " could not be read to its end: " + why)
                            .withFiles(name)
                            .withFix("copy or export the file again; check the disk or the upload")));
        });
        Optional<SetAnalysis> set = read.set();
        selection.ifPresent(s -> setPassFindings(s, set, read.setFailure()).forEach(findings::add));
        if (setPass && selection.isEmpty()) {
            SetPass.whyNot(files, run.given() ? run.reference().map(StemFile::name) : Optional.empty())
                    .ifPresent(why -> findings.add(notCompared(why)));
        }
        Optional<StemFile> ref = set.map(SetAnalysis::reference).or(run::reference);
        RunContext ctx = new RunContext(infos, run.spec(), ref, measured, c -> set.map(a -> Diagnosis.of(c, a)));
        for (Check c : runnable) {
            findings.addAll(runOne(c, ctx));
        }
        Optional<NullTestResult> nullTest = set.isPresent() ? nullTest(ctx, findings) : Optional.empty();
        Plots plots = plots(infos, measured, nullTest, findings);
        List<Finding> kept = findings.stream().filter(f -> !run.without().contains(f.code()))
                .sorted(order(infos)).toList();
        return Report.of(run.delivery(), run.spec().name(), infos, facts, nullTest.map(Engine::reference), kept)
                .withPlots(plots);
    }

    /** The registry's measurements in their registration order (the order accumulators are made and fed). */
    private Set<Measurement<?>> ordered(Set<Measurement<?>> needed) {
        Set<Measurement<?>> out = new LinkedHashSet<>();
        for (Measurement<?> m : Measurement.values()) {
            if (needed.contains(m)) {
                out.add(m);
            }
        }
        return out;
    }

    private List<Check> runnable(List<Check> checks, Set<String> without) {
        List<Check> out = new ArrayList<>();
        for (Check c : checks) {
            if (without.contains(c.id())) {
                continue;
            }
            List<Measurement<?>> missing = c.needs().stream().filter(m -> !registry.has(m)).toList();
            if (missing.isEmpty()) {
                out.add(c);
            } else {
                LOG.debug("check {} skipped: it needs {}, which this build does not measure", c.id(), missing);
            }
        }
        return out;
    }

    /**
     * What the report must say about the set pass itself: that it did not run (an error: the mix
     * checks were left out, so the delivery was not fully checked) or that the heap narrowed it.
     */
    private static List<Finding> setPassFindings(Selection selection, Optional<SetAnalysis> set,
                                                 Optional<RuntimeException> failure) {
        if (set.isEmpty()) {
            RuntimeException e = failure.orElse(null);
            if (e instanceof SetPass.HeapTooSmall h) {
                return List.of(Finding.error(MEMORY, "the null test and the mix checks did not run: " + e.getMessage())
                        .withMeasurement("max_heap_mib", h.plan().maxHeap() >> 20)
                        .withFix("run with more heap: " + h.plan().xmx() + " (java " + h.plan().xmx()
                                + " -jar stemcheck.jar ...), or check fewer stems at once"));
            }
            String why = e == null ? "it gave no result"
                    : e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            return List.of(Finding.error(CHECK_FAILED, "the null test could not run on this delivery (" + why
                            + "); the mix checks were left out")
                    .withMeasurement("check_failed", 1)
                    .withFix("report this as a stemcheck bug with the delivery's file names and formats;"
                            + " until it is fixed, compare the stems with the mix by hand"));
        }
        MemoryBudget.Plan plan = SetPass.plan(selection, MemoryBudget.ofThisJvm());
        if (plan.fits() && plan.narrowed()) {
            return List.of(Finding.warning(MEMORY, plan.describe())
                    .withMeasurement("max_heap_mib", plan.maxHeap() >> 20)
                    .withMeasurement("offset_range_s", plan.rangeSeconds())
                    .withFix("run with " + plan.xmx() + " for the full +/- 2 s offset search"));
        }
        return List.of();
    }

    /**
     * The set pass could not run although there is a mix and a stem to compare: the mix checks
     * were left out, so the report must not pass ({@link #CHECK_FAILED}).
     */
    private static Finding notCompared(String why) {
        return Finding.error(CHECK_FAILED, "the stems were not compared with the mix: " + why
                        + "; the null test and the mix checks were left out")
                .withMeasurement("check_failed", 1)
                .withFix("deliver the mix in the stems' channel layout and a common sample rate (or name the mix to"
                        + " compare with), and check again");
    }

    /**
     * The null test's result; a diagnosis that throws costs the report's reference entry and plot
     * only (the mix checks that read it have said so); one that runs out of heap adds a finding.
     */
    private static Optional<NullTestResult> nullTest(RunContext ctx, List<Finding> findings) {
        try {
            return ctx.nullTest();
        } catch (RuntimeException e) {
            LOG.warn("the null test's result could not be built", e);
            return Optional.empty();
        } catch (OutOfMemoryError e) {
            LOG.warn("the heap ran out while the null test's result was built: {}", e.toString());
            findings.add(OutOfHeap.reportPart("reference mix entry and null test plot"));
            return Optional.empty();
        }
    }

    /** The report's plots; a heap too small for them costs the plots, with a finding that says so. */
    private static Plots plots(List<StemFile> infos, Map<String, FileResults> measured,
                               Optional<NullTestResult> nullTest, List<Finding> findings) {
        try {
            return PlotData.of(infos, measured, nullTest);
        } catch (OutOfMemoryError e) {
            LOG.warn("the heap ran out while the plots were built: {}", e.toString());
            findings.add(OutOfHeap.reportPart("plots"));
            return Plots.NONE;
        }
    }

    /** The report's {@code reference} entry. */
    private static Report.Reference reference(NullTestResult r) {
        double d = r.plainNullDb();
        return new Report.Reference(r.mix().name(), Double.isFinite(d) ? OptionalDouble.of(d) : OptionalDouble.empty(),
                Optional.of(r.mixBus().processed()));
    }

    private Map<String, Double> facts(FileResults results) {
        Map<String, Double> facts = new LinkedHashMap<>();
        results.values().forEach((m, r) -> registry.get(m).ifPresent(e -> {
            try {
                e.fill(r, facts);
            } catch (RuntimeException ex) {
                LOG.warn("the report fields of {} could not be filled", m, ex);
            }
        }));
        return facts;
    }

    /**
     * Runs one check. A check that throws is a finding, not a dropped line in a log: the delivery
     * was not fully checked, so the report must not pass ({@link #CHECK_FAILED}, an error).
     */
    private static List<Finding> runOne(Check c, RunContext ctx) {
        try {
            List<Finding> found = c.run(ctx);
            return found == null ? List.of() : found;
        } catch (OutOfMemoryError e) {
            // the check's own garbage is free again: the next check may well fit
            LOG.warn("check {} ran out of heap: {}", c.id(), e.toString());
            return List.of(OutOfHeap.check(c.id()));
        } catch (RuntimeException e) {
            LOG.warn("check {} failed", c.id(), e);
            return List.of(Finding.error(CHECK_FAILED, "the check " + c.id() + " could not run on this delivery ("
                            + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage())
                            + "); what it looks for was not checked")
                    .withMeasurement("check_failed", 1)
                    .withFix("report this as a stemcheck bug with the delivery's file names and formats;"
                            + " until it is fixed, check " + c.id() + " by hand"));
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
