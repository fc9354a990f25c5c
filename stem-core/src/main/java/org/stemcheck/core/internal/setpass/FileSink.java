package org.stemcheck.core.internal.setpass;

import org.stemcheck.dsp.WelchSpectrum;

/**
 * Where the set pass hands each file's samples as it decodes them, so that the file's per-file
 * measurements need not read it again. The set pass calls it from its own thread, in file order:
 * {@link #accept} for every decoded block (before any resampling or shift), then exactly one of
 * {@link #end} or {@link #fail}, unless the pass itself stops early (the sink then hears neither,
 * and its owner must read the file another way).
 */
public interface FileSink {

    /**
     * The next decoded block of the file, as read from its stream.
     *
     * @param block the samples, {@code block[c][0..n)} per channel of the file; only valid during
     *              the call (the sink copies what it keeps)
     * @param n     frames in the block, at least 1
     */
    void accept(double[][] block, int n);

    /** The file was read to its end. */
    void end();

    /**
     * The file could not be read to its end; no more blocks follow.
     *
     * @param why the reader's message
     */
    void fail(String why);

    /**
     * Whether the sink wants the file's Welch spectrum from the pass ({@link #spectrum}) rather
     * than measuring it from the blocks: the pass transforms the file's segments anyway.
     *
     * @return false unless the sink's owner asked for it
     */
    default boolean wantsSpectrum() {
        return false;
    }

    /**
     * The file's Welch spectrum as {@code WelchSpectrum} of the default size measures it, summed by
     * the pass from its own transforms of exactly the file's samples: called at most once, after
     * {@link #end}, on the pass's thread, and only to a sink that {@link #wantsSpectrum() wants it}.
     * A sink that wanted it and did not get it (a file of another length than the mixes, a pass
     * that failed) must measure it another way.
     *
     * @param spectrum the file's spectrum
     */
    default void spectrum(WelchSpectrum.Result spectrum) {
    }
}
