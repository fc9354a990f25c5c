package org.stemcheck.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;

import org.stemcheck.core.Report;

/**
 * Checks many delivery folders on one bounded pool and hands the outcomes back in input order.
 *
 * <p>Thread policy (no N x N oversubscription): with {@code T} threads and {@code F} folders,
 * {@code min(T, F)} folders are checked at once and each gets {@code max(1, T / min(T, F))}
 * threads for its files. A catalogue of more folders than threads therefore runs folders in
 * parallel with one thread each; a single folder gets all {@code T} threads for its files.
 *
 * <p>Memory stays bounded however many folders there are: at most {@link #AHEAD} folders per
 * parallel slot are in flight or finished but not yet handed back.
 */
final class Catalogue {

    /** Folders submitted ahead per parallel slot: keeps the pool busy while a slow folder holds the line. */
    static final int AHEAD = 4;

    /** How the threads are split: folders at once, and threads per folder. */
    record Plan(int parallelFolders, int threadsPerFolder) {

        static Plan of(int threads, int folders) {
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be at least 1: " + threads);
            }
            int parallel = Math.max(1, Math.min(threads, folders));
            return new Plan(parallel, Math.max(1, threads / parallel));
        }
    }

    /**
     * What became of one folder: a report, or an error message and the exit status it maps to
     * ({@link Main#USAGE} for a folder that does not exist or a bad option, {@link Main#INTERNAL}
     * for a bug).
     */
    record Outcome(Path dir, Report report, int status, String error) {

        static Outcome of(Report r) {
            return new Outcome(null, r, 0, null);
        }

        static Outcome failed(Path dir, int status, String error) {
            return new Outcome(dir, null, status, error);
        }
    }

    /** Receives outcomes in input order, on the calling thread. */
    interface Sink {
        void accept(int index, Path dir, Outcome outcome) throws java.io.IOException;
    }

    private Catalogue() {
    }

    /** Checks every folder with {@code check} (given its index and path) and feeds {@code sink} in order. */
    static void run(List<Path> dirs, Plan plan, BiFunction<Integer, Path, Report> check, Sink sink)
            throws java.io.IOException {
        ExecutorService pool = Executors.newFixedThreadPool(plan.parallelFolders(), daemonThreads());
        try {
            Deque<Future<Outcome>> inFlight = new ArrayDeque<>();
            int next = 0;
            for (int i = 0; i < dirs.size(); i++) {
                while (next < dirs.size() && inFlight.size() < plan.parallelFolders() * AHEAD) {
                    int index = next++;
                    Path dir = dirs.get(index);
                    inFlight.add(pool.submit(() -> checkOne(index, dir, check)));
                }
                sink.accept(i, dirs.get(i), await(inFlight.remove(), dirs.get(i)));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static Outcome checkOne(int index, Path dir, BiFunction<Integer, Path, Report> check) {
        if (!Files.exists(dir)) {
            return Outcome.failed(dir, Main.USAGE, "no such folder or file: " + dir);
        }
        try {
            return Outcome.of(check.apply(index, dir));
        } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
            return Outcome.failed(dir, Main.USAGE, dir + ": " + e.getMessage());
        } catch (RuntimeException e) {
            return Outcome.failed(dir, Main.INTERNAL, "internal error checking " + dir + ": " + e);
        }
    }

    private static Outcome await(Future<Outcome> f, Path dir) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Outcome.failed(dir, Main.INTERNAL, "interrupted while checking " + dir);
        } catch (ExecutionException e) {
            return Outcome.failed(dir, Main.INTERNAL, "internal error checking " + dir + ": " + e.getCause());
        }
    }

    private static java.util.concurrent.ThreadFactory daemonThreads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "stemcheck-folder-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
