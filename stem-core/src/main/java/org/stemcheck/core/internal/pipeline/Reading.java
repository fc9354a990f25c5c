package org.stemcheck.core.internal.pipeline;

import java.util.ArrayList;
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
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stemcheck.core.Measurement;
import org.stemcheck.core.internal.setpass.MemoryBudget;
import org.stemcheck.core.internal.setpass.SetAnalysis;
import org.stemcheck.core.internal.setpass.SetPass;
import org.stemcheck.core.internal.setpass.Selection;

/**
 * Reads every file of a run once. When the null test runs, the set pass (on the calling thread) is
 * the only reader of the files it streams: it hands their blocks to each file's analysis, which
 * runs on a pool of {@code threads} daemon threads ({@link DeliveryFile}). The other files are
 * read whole on the same pool at the same time. A set pass that stops early costs the null test,
 * never a file's own measurements: the files it left unfinished are read again on their own.
 *
 * <p>Thread-safe: all state of a reading is local to {@link #run}, which owns its pool and shuts it
 * down before returning.
 */
final class Reading {

    private static final Logger LOG = LoggerFactory.getLogger(Reading.class);

    /** How the reading runs the set pass (tests put a failing one here). */
    @FunctionalInterface
    interface SetRunner {
        /**
         * @param selection the files the pass streams, each its own sink
         * @param pool      the run's pool, where the pass may run work beside its own thread
         * @return the analysis, empty when the pass could not be made
         */
        Optional<SetAnalysis> run(Selection selection, ExecutorService pool);
    }

    /**
     * What the reading gave.
     *
     * @param files per file read, its measurements, in delivery order
     * @param set   the set pass's analysis, when it ran and succeeded
     */
    record Result(Map<DeliveryFile, FileResults> files, Optional<SetAnalysis> set,
                  Optional<RuntimeException> setFailure) {
    }

    private Reading() {
    }

    /**
     * Reads the files.
     *
     * @param files     the delivery's files
     * @param needed    the per-file measurements wanted (empty: no file is decoded for them)
     * @param selection the set pass's files, when the null test runs
     * @param registry  how to measure
     * @param threads   the pool's size, at least 1
     * @param setRunner runs the set pass
     */
    static Result run(List<DeliveryFile> files, Set<Measurement<?>> needed, Optional<Selection> selection,
                      Measurements registry, int threads, SetRunner setRunner, ProgressTracker progress) {
        List<DeliveryFile> todo = needed.isEmpty() ? List.of()
                : files.stream().filter(DeliveryFile::readable).toList();
        Set<DeliveryFile> shared = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        selection.ifPresent(s -> s.files().forEach(p -> shared.add((DeliveryFile) p)));
        boolean spectra = needed.contains(Measurement.SPECTRUM) && registry.standardSpectrum();
        ExecutorService pool = todo.isEmpty() ? null
                : Executors.newFixedThreadPool(Math.min(threads, todo.size()), daemonThreads());
        try {
            Map<DeliveryFile, Supplier<FileResults>> results = new LinkedHashMap<>();
            List<DeliveryFile> sinks = new ArrayList<>();
            List<DeliveryFile> later = new ArrayList<>();
            for (DeliveryFile f : todo) {
                if (!shared.contains(f)) {
                    Future<FileResults> r = pool.submit(() -> f.readAlone(needed, registry, progress));
                    results.put(f, () -> await(r));
                } else if (!later.isEmpty() || !sinkFor(f, needed, registry,
                        spectra && selection.get().spectra().contains(f), pool, progress)) {
                    // The heap cannot hold every shared file's analysis beside the pass: none is
                    // fed by it (what was made is freed), all are read on their own after it.
                    sinks.forEach(DeliveryFile::noSink);
                    later.addAll(sinks);
                    sinks.clear();
                    later.add(f);
                } else if (f.sink() != null) {
                    sinks.add(f);
                } else {
                    FileResults r = f.passResults();
                    results.put(f, () -> r);
                }
            }
            RuntimeException[] failure = new RuntimeException[1];
            Optional<SetAnalysis> set = selection.flatMap(s -> runSetPass(setRunner, s, pool, failure));
            for (DeliveryFile f : sinks) {
                results.put(f, afterPass(f, needed, registry, pool));
            }
            for (DeliveryFile f : later) {
                // the set pass's memory is free again: the file is measured on its own
                Future<FileResults> r = pool.submit(() -> f.readAlone(needed, registry, ProgressTracker.NONE));
                results.put(f, () -> await(r));
            }
            Map<DeliveryFile, FileResults> out = new LinkedHashMap<>();
            for (DeliveryFile f : todo) {
                out.put(f, results.get(f).get());
            }
            return new Result(out, set, Optional.ofNullable(failure[0]));
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
    }

    /**
     * Makes {@code f} the set pass's sink ({@link DeliveryFile#sinkFor}).
     *
     * @return false when the heap ran out while its analysis and queue were made: the file is then
     *         no sink (the pass streams it for the null test only)
     */
    private static boolean sinkFor(DeliveryFile f, Set<Measurement<?>> needed, Measurements registry,
                                   boolean spectrum, ExecutorService pool, ProgressTracker progress) {
        try {
            f.sinkFor(needed, registry, spectrum, pool, progress);
            return true;
        } catch (OutOfMemoryError e) {
            f.noSink();
            LOG.info("{}: no heap left to measure the files during the set pass; they are read on their own after it",
                    f.info().name());
            return false;
        }
    }

    /** A file the set pass was to feed: its results, read again where the pass fell short. */
    private static Supplier<FileResults> afterPass(DeliveryFile f, Set<Measurement<?>> needed,
                                                   Measurements registry, ExecutorService pool) {
        if (!f.passEnded()) {
            // The set pass stopped before the file's end: measure it on its own.
            f.abandonPass();
            LOG.debug("{}: read again for its own measurements (the set pass stopped early)", f.info().name());
            Future<FileResults> again = pool.submit(() -> f.readAlone(needed, registry, ProgressTracker.NONE));
            return () -> await(again);
        }
        if (f.spectrumMissing()) {
            // The pass could not measure it (the file ended early, ...): read it for that alone.
            LOG.debug("{}: read again for its spectrum (the set pass did not measure it)", f.info().name());
            Future<FileResults> spectrum = pool.submit(() -> f.readAlone(Set.of(Measurement.SPECTRUM), registry,
                    ProgressTracker.NONE));
            return () -> passResults(f).plus(await(spectrum));
        }
        return () -> passResults(f);
    }

    private static FileResults passResults(DeliveryFile f) {
        try {
            return f.passResults();
        } catch (IllegalStateException e) {
            if (ranOutOfHeap(e.getCause())) {
                LOG.warn("{}: its analysis ran out of heap; its measurements are left out: {}", f.info().name(),
                        e.getCause().toString());
                return FileResults.NONE.failed("analysis failed: " + OutOfMemoryError.class.getName()
                        + " (" + e.getCause() + ")");
            }
            LOG.warn("{}: the per-file analysis failed; its measurements are left out", f.info().name(), e);
            return FileResults.NONE.failed("analysis failed: " + e.getCause());
        }
    }

    /**
     * The set pass; whatever it throws costs the null test, never the per-file results. What it
     * threw goes to {@code failure[0]}, for the report to say so.
     */
    private static Optional<SetAnalysis> runSetPass(SetRunner runner, Selection selection, ExecutorService pool,
                                                    RuntimeException[] failure) {
        try {
            return runner.run(selection, pool);
        } catch (SetPass.HeapTooSmall e) {
            // expected when the heap is small: the report says so, no stack trace
            LOG.info("the null test was left out: {}", e.getMessage());
            failure[0] = e;
            return Optional.empty();
        } catch (RuntimeException e) {
            LOG.warn("the set pass failed; the mix checks are left out", e);
            failure[0] = e;
            return Optional.empty();
        } catch (OutOfMemoryError e) {
            // out of heap outside the pass's own accounting (it turns its own into HeapTooSmall)
            MemoryBudget.Plan plan = SetPass.plan(selection, MemoryBudget.ofThisJvm());
            failure[0] = new SetPass.HeapTooSmall(plan, String.format(java.util.Locale.ROOT,
                    "the heap (%d MiB) ran out during the null test; the mix checks were left out",
                    plan.maxHeap() >> 20), e);
            LOG.info("the null test was left out: {}", failure[0].getMessage());
            return Optional.empty();
        }
    }

    private static FileResults await(Future<FileResults> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while analysing the delivery", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (ranOutOfHeap(cause)) {
                // the report says so (internal.memory); a stack trace would add nothing
                LOG.warn("a file's analysis ran out of heap; its measurements are left out: {}", cause.toString());
                return FileResults.NONE.failed("analysis failed: " + OutOfMemoryError.class.getName() + " (" + cause + ")");
            } else {
                LOG.warn("a file's analysis failed; its measurements are left out", cause);
            }
            return FileResults.NONE.failed("analysis failed: " + cause);
        }
    }

    /**
     * Whether {@code t} comes from the heap running out: an {@link OutOfMemoryError}, or one met
     * while a class was initialised ({@link ExceptionInInitializerError}), after which the JVM
     * refuses that class with a {@link NoClassDefFoundError} whose cause or message names it.
     * The file is not at fault then, the heap is.
     */
    static boolean ranOutOfHeap(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof OutOfMemoryError
                    || c instanceof LinkageError && String.valueOf(c.getMessage()).contains(OutOfMemoryError.class.getName())) {
                return true;
            }
            if (c.getCause() == c) {
                break;
            }
        }
        return false;
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "stemcheck-analysis-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
