package org.stemcheck.dsp;

import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * An {@link Accumulator} fed on an executor's threads while the caller goes on reading: each block
 * is copied into one of {@link #QUEUE_BLOCKS} recycled buffers and queued, and one drain task at a
 * time feeds the queued blocks, in order, to the target (a serial "actor": a queue and a scheduled
 * flag, no thread of its own). Several of these can share one pool: the drains never wait for the
 * caller, so they cannot deadlock it.
 *
 * <pre>{@code
 * ExecutorService pool = Executors.newFixedThreadPool(2);
 * QueuedAccumulator<LoudnessResult> loudness =
 *         QueuedAccumulator.on(pool, LoudnessMeter.forFormat(f.format()), f.format().channels(), 8192);
 * try (SampleStream s = f.openStream()) {
 *     double[][] block = new double[f.format().channels()][8192];
 *     for (int n; (n = s.read(block, 0, 8192)) > 0; ) {
 *         loudness.accept(block, 0, n);   // copied and queued; the meter runs on the pool
 *     }
 * }
 * double lufs = loudness.result().integratedLufs();   // waits until every queued block was fed
 * pool.shutdown();
 * }</pre>
 *
 * <p>Back-pressure: {@link #accept} waits for a free buffer while {@link #QUEUE_BLOCKS} blocks
 * wait. No allocation per block once the buffers exist. When feeding the target throws (an
 * exception or an {@link Error}), the later blocks are dropped, still freeing their buffers, and
 * {@link #result()} reports the failure: the caller never waits for ever and nothing is lost on a
 * pool thread. Results are those of the target fed directly, to the bit.
 *
 * <p>Thread-safety: one caller thread calls {@link #accept}; {@link #result()}, {@link #await()}
 * and {@link #cancel()} may be called from any thread. The target is fed by one thread at a time
 * with a happens-before edge between drains, and must not be touched by anyone else meanwhile.
 *
 * @param <R> the target's result
 */
public final class QueuedAccumulator<R> implements Accumulator<R> {

    /**
     * Blocks that may wait: four let the reader run up to four blocks (about 0.7 s of audio at
     * 48 kHz in 8192-frame blocks) ahead of the target, enough to ride over a pool thread being
     * busy with another task, while memory stays at four blocks.
     */
    public static final int QUEUE_BLOCKS = 4;

    /** One queued item: a buffer holding {@code frames} frames. */
    private record Item(double[][] buffer, int frames) {
    }

    private final Accumulator<R> target;
    private final Executor executor;
    private final int channels;
    private final int blockFrames;
    private final BlockingQueue<double[][]> free;
    private final Queue<Item> pending = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final Object lock = new Object();
    /** Blocks queued, and blocks fed or dropped; guarded by {@link #lock}. */
    private long queued;
    private long done;
    /** What feeding threw; guarded by {@link #lock}. */
    private Throwable failure;
    private volatile boolean cancelled;

    private QueuedAccumulator(Executor executor, Accumulator<R> target, int channels, int blockFrames) {
        this.executor = executor;
        this.target = target;
        this.channels = channels;
        this.blockFrames = blockFrames;
        this.free = new ArrayBlockingQueue<>(QUEUE_BLOCKS);
        for (int i = 0; i < QUEUE_BLOCKS; i++) {
            free.add(new double[channels][blockFrames]);
        }
    }

    /**
     * Wraps {@code target} so that it is fed on {@code executor}.
     *
     * @param <R>         the target's result
     * @param executor    where the drains run; when it rejects work (shut down), blocks are fed
     *                    on the caller's thread instead
     * @param target      the accumulator to feed; from now on only through this wrapper
     * @param channels    the channels of every block, 1 or more
     * @param blockFrames the frames a buffer holds, 1 to {@link Accumulators#MAX_BLOCK_FRAMES};
     *                    longer blocks are queued in pieces of this size
     * @return the wrapper, with its {@link #QUEUE_BLOCKS} buffers allocated
     * @throws IllegalArgumentException when {@code channels} or {@code blockFrames} is out of range
     */
    public static <R> QueuedAccumulator<R> on(Executor executor, Accumulator<R> target, int channels,
                                              int blockFrames) {
        Objects.requireNonNull(executor, "executor must not be null");
        Objects.requireNonNull(target, "target must not be null");
        if (channels < 1 || blockFrames < 1 || blockFrames > Accumulators.MAX_BLOCK_FRAMES) {
            throw new IllegalArgumentException("channels must be >= 1 and blockFrames in 1.."
                    + Accumulators.MAX_BLOCK_FRAMES + ": " + channels + ", " + blockFrames);
        }
        return new QueuedAccumulator<>(executor, target, channels, blockFrames);
    }

    /**
     * Copies the frames and queues them; waits while {@link #QUEUE_BLOCKS} blocks are waiting.
     * Does nothing once {@link #cancel() cancelled}.
     *
     * @throws IllegalArgumentException when the block has fewer channels than this wrapper or an
     *                                  array is too short
     * @throws IllegalStateException    when the calling thread is interrupted while it waits (the
     *                                  wrapper is then cancelled and the interrupt flag kept)
     */
    @Override
    public void accept(double[][] block, int offset, int frames) {
        Objects.requireNonNull(block, "block must not be null");
        if (block.length < channels || offset < 0 || frames < 0) {
            throw new IllegalArgumentException("block of " + block.length + " channels from " + offset + " for "
                    + frames + " frames; " + channels + " channels expected");
        }
        for (int at = 0; at < frames && !cancelled; at += blockFrames) {
            int n = Math.min(blockFrames, frames - at);
            double[][] copy = take();
            for (int c = 0; c < channels; c++) {
                System.arraycopy(block[c], offset + at, copy[c], 0, n);
            }
            synchronized (lock) {
                queued++;
            }
            pending.add(new Item(copy, n));
            schedule();
        }
    }

    private double[][] take() {
        try {
            return free.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cancel();
            throw new IllegalStateException("interrupted while queueing a block", e);
        }
    }

    /**
     * Waits until every queued block has been fed.
     *
     * @throws IllegalStateException when feeding the target failed (the cause is what it threw),
     *                               or the wait was interrupted
     */
    public void await() {
        synchronized (lock) {
            while (done < queued) {
                try {
                    lock.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for queued blocks", e);
                }
            }
            if (failure != null) {
                throw new IllegalStateException("feeding the accumulator failed: " + failure, failure);
            }
        }
    }

    /**
     * Waits until every queued block has been fed, then returns the target's result.
     *
     * @return the target's result over every block accepted
     * @throws IllegalStateException when feeding failed, or the wait was interrupted
     */
    @Override
    public R result() {
        await();
        return target.result();
    }

    /**
     * Gives up: blocks not yet fed are dropped, later calls to {@link #accept} do nothing. A caller
     * that reads the same audio another way calls this first.
     */
    public void cancel() {
        cancelled = true;
    }

    /**
     * Whether {@link #cancel()} was called.
     *
     * @return true once cancelled
     */
    public boolean cancelled() {
        return cancelled;
    }

    private void schedule() {
        if (scheduled.compareAndSet(false, true)) {
            try {
                executor.execute(this::drain);
            } catch (RejectedExecutionException e) {
                // The executor is shutting down: feed on the caller's thread rather than lose blocks.
                drain();
            }
        }
    }

    /** Feeds the queued blocks in order; runs on one thread at a time (the scheduled flag). */
    private void drain() {
        do {
            for (Item it; (it = pending.poll()) != null; ) {
                feed(it);
            }
            scheduled.set(false);
        } while (!pending.isEmpty() && scheduled.compareAndSet(false, true));
    }

    private void feed(Item it) {
        Throwable thrown = null;
        try {
            if (!cancelled && failed() == null) {
                target.accept(it.buffer(), 0, it.frames());
            }
        } catch (Throwable t) { // reported by await/result, not lost on a pool thread
            thrown = t;
        } finally {
            free.add(it.buffer());
            synchronized (lock) {
                if (thrown != null && failure == null) {
                    failure = thrown;
                }
                done++;
                lock.notifyAll();
            }
        }
    }

    private Throwable failed() {
        synchronized (lock) {
            return failure;
        }
    }
}
