package org.stemcheck.dsp.internal.set;

import java.util.Arrays;
import java.util.Queue;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@link FrameSpectra} fed on an executor's threads while the caller goes on: the short-time
 * spectra (a windowed transform per stem, mix and channel every hop) are the larger part of a null
 * test's work and need nothing from the rest of it, so on a machine with a core to spare they run
 * beside the residual, gains and offsets instead of after them.
 *
 * <p>Each block is copied into one of {@link #QUEUE_BLOCKS} recycled buffers and queued; one drain
 * task at a time feeds the queued blocks, in order, to the spectra (a serial "actor": a queue and
 * a scheduled flag, no thread of its own). The caller waits for a free buffer when the spectra lag
 * ({@link #accept}) and for the queue to empty before reading them ({@link #await}). The drains
 * never wait for the caller, so a pool shared with other such actors cannot deadlock. Results are
 * those of the spectra fed directly, to the bit: the same samples in the same order.
 *
 * <p>Thread-safety: one caller thread calls {@link #accept} and {@link #await}.
 */
final class SpectraActor {

    /**
     * Blocks that may wait: enough to ride over a pool thread being busy with another task for a
     * few blocks, while memory stays at {@code QUEUE_BLOCKS * BLOCK_BYTES} at most.
     */
    static final int QUEUE_BLOCKS = 4;

    /** The most bytes one queued block holds (2 MiB): a set of many stems and channels queues shorter blocks. */
    static final long BLOCK_BYTES = 1L << 21;

    /** The most frames a block holds, for a small set (8192: the set pass's blocks). */
    static final int MAX_FRAMES = 8192;

    /** One queued block: the stems' and mixes' channels (views of one buffer) and its frames. */
    private record Item(double[][][] buffer, double[][][] stems, double[][][] mixes, int frames) {
    }

    private final FrameSpectra spectra;
    private final Executor executor;
    private final int stems;
    private final int frames;
    private final BlockingQueue<Item> free;
    private final Queue<Item> pending = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final Object lock = new Object();
    /** Blocks queued and blocks fed (or dropped after a failure); guarded by {@link #lock}. */
    private long queued;
    private long done;
    /** What a drain threw; guarded by {@link #lock}. */
    private Throwable failure;

    SpectraActor(FrameSpectra spectra, Executor executor, int stems, int mixes, int channels) {
        this.spectra = spectra;
        this.executor = executor;
        this.stems = stems;
        this.frames = framesPerBlock(stems + mixes, channels);
        this.free = new ArrayBlockingQueue<>(QUEUE_BLOCKS);
        for (int b = 0; b < QUEUE_BLOCKS; b++) {
            double[][][] buffer = new double[stems + mixes][channels][frames];
            free.add(new Item(buffer, Arrays.copyOfRange(buffer, 0, stems),
                    Arrays.copyOfRange(buffer, stems, stems + mixes), 0));
        }
    }

    /** Frames per queued block: {@link #MAX_FRAMES}, fewer where that would pass {@link #BLOCK_BYTES}. */
    static int framesPerBlock(int files, int channels) {
        long perFrame = 8L * files * channels;
        return (int) Math.max(1, Math.min(MAX_FRAMES, BLOCK_BYTES / perFrame));
    }

    /** Bytes held by the queue's buffers. */
    static long bytes(int files, int channels) {
        return QUEUE_BLOCKS * 8L * files * channels * framesPerBlock(files, channels);
    }

    /** Queues a copy of stems and mixes at {@code [offset, offset + count)}; waits while the queue is full. */
    void accept(double[][][] in, double[][][] mixes, int offset, int count) {
        for (int at = 0; at < count; at += frames) {
            int n = Math.min(frames, count - at);
            Item buffer;
            try {
                buffer = free.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while queueing the short-time spectra", e);
            }
            for (int i = 0; i < buffer.buffer().length; i++) {
                double[][] src = i < stems ? in[i] : mixes[i - stems];
                double[][] dst = buffer.buffer()[i];
                for (int c = 0; c < dst.length; c++) {
                    System.arraycopy(src[c], offset + at, dst[c], 0, n);
                }
            }
            synchronized (lock) {
                queued++;
            }
            pending.add(new Item(buffer.buffer(), buffer.stems(), buffer.mixes(), n));
            schedule();
        }
    }

    /**
     * Waits until every queued block has been fed and returns the spectra, which the caller may
     * read until its next {@link #accept}.
     *
     * @throws IllegalStateException when feeding them failed, or the wait was interrupted
     */
    FrameSpectra await() {
        synchronized (lock) {
            while (done < queued) {
                try {
                    lock.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for the short-time spectra", e);
                }
            }
            if (failure != null) {
                throw new IllegalStateException("the short-time spectra failed: " + failure, failure);
            }
        }
        return spectra;
    }

    private void schedule() {
        if (scheduled.compareAndSet(false, true)) {
            try {
                executor.execute(this::drain);
            } catch (RejectedExecutionException e) {
                // the executor is shutting down: feed on the caller's thread rather than lose blocks
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
            if (failed() == null) {
                spectra.accept(it.stems(), it.mixes(), 0, it.frames());
            }
        } catch (Throwable t) { // reported to the caller by await, not lost on a pool thread
            thrown = t;
        } finally {
            free.add(new Item(it.buffer(), it.stems(), it.mixes(), 0));
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
