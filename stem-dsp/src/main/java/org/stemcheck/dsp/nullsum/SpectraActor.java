package org.stemcheck.dsp.nullsum;

import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.concurrent.Executor;

import org.stemcheck.dsp.Accumulator;
import org.stemcheck.dsp.QueuedAccumulator;

/**
 * {@link FrameSpectra} fed on an executor's threads while the caller goes on: the short-time
 * spectra (a windowed transform per stem, mix and channel every hop) are the larger part of a null
 * test's work and need nothing from the rest of it, so on a machine with a core to spare they run
 * beside the residual, gains and offsets instead of after them.
 *
 * <p>The stems' and mixes' channels are queued as the rows of one block by a
 * {@link QueuedAccumulator} (the library's one serial actor); the caller waits for a free buffer
 * when the spectra lag and for the queue to empty before reading them ({@link #await}). Results
 * are those of the spectra fed directly, to the bit: the same samples in the same order.
 *
 * <p>Thread-safety: one caller thread calls {@link #accept} and {@link #await}.
 */
final class SpectraActor {

    /** The most bytes one queued block holds (2 MiB): a set of many stems and channels queues shorter blocks. */
    static final long BLOCK_BYTES = 1L << 21;

    /** The most frames a block holds, for a small set (8192: the set pass's blocks). */
    static final int MAX_FRAMES = 8192;

    private final FrameSpectra spectra;
    private final QueuedAccumulator<FrameSpectra> queue;
    private final int stems;
    private final int mixes;
    private final int channels;
    /** The rows of one caller block: views of the caller's arrays, rebuilt per call (no copy). */
    private final double[][] rows;

    SpectraActor(FrameSpectra spectra, Executor executor, int stems, int mixes, int channels) {
        this.spectra = spectra;
        this.stems = stems;
        this.mixes = mixes;
        this.channels = channels;
        this.rows = new double[(stems + mixes) * channels][];
        this.queue = QueuedAccumulator.on(executor, new Rows(spectra, stems, mixes, channels),
                rows.length, framesPerBlock(stems + mixes, channels));
    }

    /** Frames per queued block: {@link #MAX_FRAMES}, fewer where that would pass {@link #BLOCK_BYTES}. */
    static int framesPerBlock(int files, int channels) {
        long perFrame = 8L * files * channels;
        return (int) Math.max(1, Math.min(MAX_FRAMES, BLOCK_BYTES / perFrame));
    }

    /** Bytes held by the queue's buffers. */
    static long bytes(int files, int channels) {
        return QueuedAccumulator.QUEUE_BLOCKS * 8L * files * channels * framesPerBlock(files, channels);
    }

    /** Queues a copy of stems and mixes at {@code [offset, offset + count)}; waits while the queue is full. */
    void accept(double[][][] in, double[][][] mixesIn, int offset, int count) {
        for (int i = 0; i < stems + mixes; i++) {
            double[][] src = i < stems ? in[i] : mixesIn[i - stems];
            System.arraycopy(src, 0, rows, i * channels, channels);
        }
        queue.accept(rows, offset, count);
        Arrays.fill(rows, null);
    }

    /**
     * Waits until every queued block has been fed and returns the spectra, which the caller may
     * read until its next {@link #accept}.
     *
     * @throws IllegalStateException when feeding them failed, or the wait was interrupted
     */
    FrameSpectra await() {
        queue.await();
        return spectra;
    }

    /**
     * The spectra as an accumulator of one block whose rows are the stems' then the mixes'
     * channels. The queue recycles {@link QueuedAccumulator#QUEUE_BLOCKS} buffers, so the views of
     * each are made once.
     */
    private static final class Rows implements Accumulator<FrameSpectra> {
        private final FrameSpectra spectra;
        private final int stems;
        private final int mixes;
        private final int channels;
        private final Map<double[][], double[][][][]> views = new IdentityHashMap<>();

        Rows(FrameSpectra spectra, int stems, int mixes, int channels) {
            this.spectra = spectra;
            this.stems = stems;
            this.mixes = mixes;
            this.channels = channels;
        }

        @Override
        public void accept(double[][] block, int offset, int frames) {
            double[][][][] v = views.computeIfAbsent(block, this::split);
            spectra.accept(v[0], v[1], offset, frames);
        }

        /** {stems[stem][channel], mixes[mix][channel]} over the block's rows. */
        private double[][][][] split(double[][] block) {
            double[][][] s = new double[stems][][];
            double[][][] m = new double[mixes][][];
            for (int i = 0; i < stems; i++) {
                s[i] = Arrays.copyOfRange(block, i * channels, (i + 1) * channels);
            }
            for (int k = 0; k < mixes; k++) {
                int from = (stems + k) * channels;
                m[k] = Arrays.copyOfRange(block, from, from + channels);
            }
            return new double[][][][] {s, m};
        }

        @Override
        public FrameSpectra result() {
            return spectra;
        }
    }
}
