package org.stemcheck.dsp;

/**
 * A run of consecutive samples of one channel at or beyond the clip threshold.
 *
 * @param channel    the channel, from 0
 * @param startFrame the first frame of the run
 * @param length     samples in the run, at least 1
 */
public record ClipRun(int channel, long startFrame, long length) {

    /**
     * The frame after the run.
     *
     * @return {@code startFrame + length}
     */
    public long endFrame() {
        return startFrame + length;
    }
}
