package org.stemcheck.core.internal.engine;

import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stemcheck.core.internal.nulltest.FileSink;
import org.stemcheck.dsp.spectrum.WelchSpectrum;

/**
 * One file's per-file measurements fed from another thread's reads: the set pass decodes the file
 * and hands each block here; the blocks are copied into a few recycled buffers and fed to the
 * file's {@link FileAnalysis} by drain tasks on the engine's pool, one at a time and in order (a
 * serial "actor": a queue and a scheduled flag; no file holds a thread of its own, and the
 * accumulators of several files run on the pool's threads while the set pass decodes on its own).
 *
 * <p>Back-pressure: at most {@link #QUEUE_BLOCKS} blocks wait per file; the reader waits in
 * {@link #accept} for a free buffer. No allocation per block once the buffers exist. A drain that
 * throws (an {@link Error}; the analysis itself keeps an accumulator's exception to that
 * accumulator) makes the file's outcome an "analysis failed" one and drops the later blocks, still
 * freeing their buffers, so the reader never waits for ever.
 *
 * <p>Thread-safety: one producer thread calls {@link #accept}, {@link #end}, {@link #fail},
 * {@link #spectrum} and {@link #abandon}, and reads {@link #givenSpectrum()}; {@link #outcome()}
 * may be read from any thread.
 */
final class FileActor implements FileSink {

    /**
     * Blocks that may wait per file. Four lets the reader run up to four blocks (about 0.7 s at
     * 48 kHz) ahead of the slowest file's accumulators, enough to ride over a pool thread being
     * busy with another file's drain, while memory stays at 4 x 8192 frames x channels x 8 bytes
     * (512 KiB per stereo file, 4 MiB for 8 stereo stems).
     */
    static final int QUEUE_BLOCKS = 4;

    private static final Logger LOG = LoggerFactory.getLogger(FileActor.class);

    /** One queued item: a block of {@code n} frames, or the end (block null) with the read failure if any. */
    private record Item(double[][] block, int n, String failure) {
    }

    private final String name;
    private final FileAnalysis analysis;
    private final Executor pool;
    private final BlockingQueue<double[][]> free;
    private final Queue<Item> pending = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final CompletableFuture<FileAnalysis.Outcome> outcome = new CompletableFuture<>();
    /** Set by the drain when feeding threw; read and written only by drains (serial). */
    private Throwable broken;
    /** Producer side: end, fail or abandon was called. */
    private boolean closed;
    /** Producer side: end or fail was called (the outcome will come). */
    private volatile boolean finished;
    /** Whether the file's Welch spectrum is to come from the set pass, and, once it has, the spectrum (producer side). */
    private final boolean wantsSpectrum;
    private WelchSpectrum.Result spectrum;

    /**
     * @param name     the file's name, for the log
     * @param analysis the file's accumulators, fed only by this actor from now on
     * @param channels the file's channel count
     * @param pool     where the drain tasks run
     */
    FileActor(String name, FileAnalysis analysis, int channels, Executor pool) {
        this(name, analysis, channels, pool, false);
    }

    /**
     * @param wantsSpectrum whether the set pass is to measure the file's Welch spectrum
     *                      ({@link #wantsSpectrum()}; {@code analysis} then leaves it out)
     */
    FileActor(String name, FileAnalysis analysis, int channels, Executor pool, boolean wantsSpectrum) {
        this.wantsSpectrum = wantsSpectrum;
        this.name = name;
        this.analysis = analysis;
        this.pool = pool;
        this.free = new ArrayBlockingQueue<>(QUEUE_BLOCKS);
        for (int i = 0; i < QUEUE_BLOCKS; i++) {
            free.add(new double[channels][FileAnalysis.BLOCK_FRAMES]);
        }
    }

    /**
     * Copies the block and queues it; waits while {@link #QUEUE_BLOCKS} blocks are waiting. When
     * the waiting thread is interrupted, the actor gives up (its outcome is cancelled, later calls
     * are ignored) and the thread's interrupt flag is kept set.
     */
    @Override
    public void accept(double[][] block, int n) {
        if (closed) {
            return;
        }
        if (n > FileAnalysis.BLOCK_FRAMES) {
            throw new IllegalArgumentException("block of " + n + " frames, at most " + FileAnalysis.BLOCK_FRAMES);
        }
        double[][] copy;
        try {
            copy = free.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            abandon();
            return;
        }
        for (int c = 0; c < copy.length; c++) {
            System.arraycopy(block[c], 0, copy[c], 0, n);
        }
        enqueue(new Item(copy, n, null));
    }

    @Override
    public void end() {
        finish(null);
    }

    @Override
    public void fail(String why) {
        finish(why);
    }

    /**
     * Gives the file up: later blocks are ignored and the outcome is cancelled (the owner reads the
     * file another way). Does nothing once the file was finished.
     */
    void abandon() {
        if (closed) {
            return;
        }
        closed = true;
        outcome.cancel(false);
    }

    @Override
    public boolean wantsSpectrum() {
        return wantsSpectrum;
    }

    /** Keeps the spectrum the set pass measured; read on the producer's thread ({@link #givenSpectrum}). */
    @Override
    public void spectrum(WelchSpectrum.Result spectrum) {
        if (wantsSpectrum) {
            this.spectrum = spectrum;
        }
    }

    /** @return the spectrum the set pass gave, if it gave one (producer side, like {@link #finished}) */
    Optional<WelchSpectrum.Result> givenSpectrum() {
        return Optional.ofNullable(spectrum);
    }

    /** @return true once {@link #end} or {@link #fail} was called: the outcome is coming */
    boolean finished() {
        return finished;
    }

    /** @return the file's outcome, complete once every block was fed after the end or failure */
    CompletableFuture<FileAnalysis.Outcome> outcome() {
        return outcome;
    }

    private void finish(String failure) {
        if (closed) {
            return;
        }
        closed = true;
        finished = true;
        enqueue(new Item(null, 0, failure));
    }

    private void enqueue(Item item) {
        pending.add(item);
        if (scheduled.compareAndSet(false, true)) {
            try {
                pool.execute(this::drain);
            } catch (RejectedExecutionException e) {
                // The pool is shutting down: feed on the reader's thread rather than lose the file.
                drain();
            }
        }
    }

    /** Feeds the queued items in order; runs on one pool thread at a time (the scheduled flag). */
    private void drain() {
        do {
            for (Item it; (it = pending.poll()) != null; ) {
                handle(it);
            }
            scheduled.set(false);
        } while (!pending.isEmpty() && scheduled.compareAndSet(false, true));
    }

    private void handle(Item it) {
        if (it.block() == null) {
            complete(it.failure());
            return;
        }
        try {
            if (broken == null) {
                analysis.accept(it.block(), it.n());
            }
        } catch (Throwable t) { // an Error in an accumulator: the file's measurements are lost, not the run
            LOG.warn("{}: the per-file analysis failed; its measurements are left out", name, t);
            broken = t;
        } finally {
            free.add(it.block());
        }
    }

    private void complete(String failure) {
        if (broken != null) {
            outcome.complete(new FileAnalysis.Outcome(Map.of(), Optional.of("analysis failed: " + broken)));
            return;
        }
        try {
            if (failure != null) {
                analysis.fail(failure);
            }
            outcome.complete(analysis.outcome());
        } catch (Throwable t) {
            LOG.warn("{}: the per-file analysis failed; its measurements are left out", name, t);
            outcome.complete(new FileAnalysis.Outcome(Map.of(), Optional.of("analysis failed: " + t)));
        }
    }
}
