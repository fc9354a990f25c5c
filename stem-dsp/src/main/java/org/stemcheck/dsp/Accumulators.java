package org.stemcheck.dsp;

import java.io.IOException;
import java.util.Locale;
import java.util.Objects;
import org.stemcheck.io.SampleStream;

/** Feeds accumulators: one pass over a stream (or an in-memory signal), one reusable block buffer. */
public final class Accumulators {

    /** Largest block accepted: 2^20 frames (8 MiB a channel), far above any useful block. */
    public static final int MAX_BLOCK_FRAMES = 1 << 20;

    /**
     * The block size stemcheck reads files in, everywhere: 8192 frames is 64 KiB per channel,
     * small next to any L2 cache slice of a core, and long enough that per-block overheads vanish.
     */
    public static final int BLOCK_FRAMES = 8192;

    private Accumulators() {
    }

    /**
     * Reads {@code stream} to its end in blocks of at most {@code blockFrames} frames and hands every
     * block to each accumulator in order. The block buffer is allocated once. The stream is not
     * closed.
     *
     * @param stream       the samples; its channel count must suit every accumulator
     * @param blockFrames  frames per block, 1 to {@link #MAX_BLOCK_FRAMES}; 4096 is a good size
     * @param accumulators the measurements to feed, none {@code null}
     * @return frames read
     * @throws IOException when the stream cannot be read
     */
    public static long feed(SampleStream stream, int blockFrames, Accumulator<?>... accumulators)
            throws IOException {
        Objects.requireNonNull(stream, "stream must not be null");
        checkArguments(blockFrames, accumulators);
        double[][] block = new double[stream.format().channels()][blockFrames];
        long total = 0;
        int n;
        while ((n = stream.read(block, 0, blockFrames)) > 0) {
            for (Accumulator<?> a : accumulators) {
                a.accept(block, 0, n);
            }
            total += n;
        }
        return total;
    }

    /**
     * Hands a planar in-memory signal ({@code signal[channel][frame]}, channels of equal length) to
     * each accumulator in blocks of at most {@code blockFrames} frames, without copying it.
     *
     * @param signal       {@code signal[channel][frame]}, samples at full scale 1.0
     * @param blockFrames  frames per block, 1 to {@link #MAX_BLOCK_FRAMES}
     * @param accumulators the measurements to feed, none {@code null}
     * @return frames fed (the length of a channel)
     * @throws IllegalArgumentException when the channels differ in length or {@code blockFrames}
     *                                  is out of range
     */
    public static long feed(double[][] signal, int blockFrames, Accumulator<?>... accumulators) {
        Objects.requireNonNull(signal, "signal must not be null");
        checkArguments(blockFrames, accumulators);
        int frames = signal.length == 0 ? 0 : signal[0].length;
        for (double[] channel : signal) {
            if (channel.length != frames) {
                throw new IllegalArgumentException("channels must be of equal length");
            }
        }
        for (int at = 0; at < frames; at += blockFrames) {
            int n = Math.min(blockFrames, frames - at);
            for (Accumulator<?> a : accumulators) {
                a.accept(signal, at, n);
            }
        }
        return frames;
    }

    private static void checkArguments(int blockFrames, Accumulator<?>[] accumulators) {
        Objects.requireNonNull(accumulators, "accumulators must not be null");
        for (Accumulator<?> a : accumulators) {
            Objects.requireNonNull(a, "accumulators must not contain null");
        }
        if (blockFrames < 1 || blockFrames > MAX_BLOCK_FRAMES) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "blockFrames must be in 1..%d: %d", MAX_BLOCK_FRAMES, blockFrames));
        }
    }
}
