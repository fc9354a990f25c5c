package org.stemcheck.dsp;

/**
 * A measurement fed block by block: one pass over a file feeds many accumulators.
 *
 * <p>Blocks are planar ({@code block[channel][frame]}), normalised to full scale 1.0, as
 * {@link org.stemcheck.io.SampleStream} delivers them. Implementations are not thread-safe; use
 * one per thread and {@link #combine} where the measurement allows it.
 *
 * @param <R> the immutable result
 */
public interface Accumulator<R> {

    /**
     * Takes the next {@code frames} frames of every channel, {@code block[c][offset .. offset+frames)}.
     */
    void accept(double[][] block, int offset, int frames);

    /** The measurement over everything accepted so far. May be called more than once. */
    R result();
}
