package org.stemcheck.core.internal.setpass;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * The blocks of one pass over the stems and mixes, in order: each {@link #next()} fills every
 * file's block ({@link Feed#fill}) of the size the pass asks for. With an executor, the block after
 * it is decoded on the executor while the caller measures this one (two sets of buffers, handed
 * out in turn): a pass whose files are all read again (the diagnosis, the aligned pass, the
 * trials: the page cache, no sinks) no longer decodes on the one thread that also measures, while
 * the other core has little to do. The blocks are the same either way: the same feeds, filled in
 * the same order with the same sizes; only the thread differs, and one block's decoding always
 * ends before the next begins or the caller reads it ({@code Future} hand-over). Without an
 * executor, or for a pass whose feeds hand blocks to sinks, everything runs on the caller's
 * thread. Not thread-safe: one caller.
 */
final class ReadAhead implements AutoCloseable {

    private final List<Feed> feeds;
    private final int stems;
    private final long start;
    private final long end;
    private final Executor executor;
    /** [buffer][stem][channel][frame], two buffers with an executor, else one. */
    private final double[][][][] stemBufs;
    private final double[][][][] mixBufs;
    /** The buffer the next block is (being) filled into, and the one handed out last. */
    private int ready;
    private int handed;
    private long consumed;
    /** The decoding of the block at {@code consumed}, or null when it is still to be done here. */
    private CompletableFuture<Void> pending;

    /**
     * @param feeds    the stems' feeds, then the mixes'
     * @param stems    how many of {@code feeds} are stems
     * @param channels the pass's channel count
     * @param start    the first frame compared (blocks before it only reach it)
     * @param end      the frames to read
     * @param executor where the next block is decoded, or null for the caller's thread
     */
    ReadAhead(List<Feed> feeds, int stems, int channels, long start, long end, Executor executor) {
        this.feeds = feeds;
        this.stems = stems;
        this.start = start;
        this.end = end;
        this.executor = executor;
        int buffers = executor == null ? 1 : 2;
        this.stemBufs = new double[buffers][stems][channels][Feed.BLOCK];
        this.mixBufs = new double[buffers][feeds.size() - stems][channels][Feed.BLOCK];
    }

    /** Frames of the block that starts at {@code done}: up to {@link Feed#BLOCK}, never across {@code start} or {@code end}. */
    private int blockAt(long done) {
        return (int) Math.min(Feed.BLOCK, done < start ? start - done : end - done);
    }

    /**
     * Fills the next block of every file.
     *
     * @return its frames, 0 at the end; {@link #stemBlocks()} and {@link #mixBlocks()} hold it
     *         until the next call
     * @throws IOException when the caller was interrupted while the block was decoded
     */
    int next() throws IOException {
        if (consumed >= end) {
            return 0;
        }
        int n = blockAt(consumed);
        if (pending != null) {
            await(pending);
            pending = null;
        } else {
            fill(ready, n);
        }
        handed = ready;
        consumed += n;
        if (executor != null && consumed < end) {
            int into = 1 - handed;
            int following = blockAt(consumed);
            ready = into;
            try {
                pending = CompletableFuture.runAsync(() -> fill(into, following), executor);
            } catch (RejectedExecutionException e) {
                pending = null; // decoded here, at the next call
            }
        }
        return n;
    }

    /** The stems' block handed out by the last {@link #next()}: {@code [stem][channel][frame]}. */
    double[][][] stemBlocks() {
        return stemBufs[handed];
    }

    /** The mixes' block handed out by the last {@link #next()}: {@code [mix][channel][frame]}. */
    double[][][] mixBlocks() {
        return mixBufs[handed];
    }

    private void fill(int buffer, int n) {
        for (int k = 0; k < stems; k++) {
            feeds.get(k).fill(stemBufs[buffer][k], n);
        }
        for (int k = stems; k < feeds.size(); k++) {
            feeds.get(k).fill(mixBufs[buffer][k - stems], n);
        }
    }

    private static void await(CompletableFuture<Void> f) throws IOException {
        try {
            f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while the set pass read its files");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IOException(cause);
        }
    }

    /** Waits for a block still being decoded, so that the feeds can be closed; its failure no longer matters. */
    @Override
    public void close() {
        if (pending != null) {
            try {
                pending.join();
            } catch (RuntimeException e) {
                // the pass is over (or failed already): nothing reads this block
            }
            pending = null;
        }
    }
}
