package org.stemcheck.dsp;

/**
 * A measurement fed block by block: one pass over a file feeds many accumulators.
 *
 * <p>Blocks are planar ({@code block[channel][frame]}), normalised to full scale 1.0, as
 * {@link org.stemcheck.io.SampleStream} delivers them. Implementations are not thread-safe; use
 * one per thread and merge with the implementation's {@code combine} where the measurement allows
 * it (for example {@link SampleStats#combine}).
 *
 * @param <R> the immutable result
 */
public interface Accumulator<R> {

    /**
     * Takes the next {@code frames} frames of every channel, {@code block[c][offset .. offset+frames)}.
     * The block is only read, and not kept: the caller may reuse it for the next block.
     *
     * @param block  one array per channel (as many as the accumulator was made for), samples at
     *               full scale 1.0
     * @param offset the first frame of each array to take
     * @param frames how many frames to take, {@code >= 0}; 0 is allowed and changes nothing
     * @throws IllegalArgumentException when the block has too few channels, an array is too short
     *                                  or {@code offset} or {@code frames} is negative
     */
    void accept(double[][] block, int offset, int frames);

    /**
     * The measurement over everything accepted so far. May be called more than once, and
     * accepting more blocks afterwards continues the measurement.
     *
     * @return an immutable result; never {@code null}
     */
    R result();
}
