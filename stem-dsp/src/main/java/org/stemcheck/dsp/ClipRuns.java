package org.stemcheck.dsp;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.PriorityQueue;
import org.stemcheck.dsp.internal.Blocks;
import org.stemcheck.io.AudioFormat;

/**
 * Runs of consecutive samples at or beyond full scale, per channel: totals of every run and the
 * positions of the {@code keep} longest, in memory bounded by {@code keep} and the channel count.
 * A run that spans block boundaries is one run. NaN samples do not count as clipped (infinities
 * do). No {@code combine}: a run crossing the seam of two
 * partial results could not be joined.
 */
public final class ClipRuns implements Accumulator<ClipRuns.Result> {

    /** Runs whose positions are kept by default: FINDINGS.md lists at most 20 places a finding. */
    public static final int DEFAULT_KEEP = 20;

    /** Most runs whose positions may be kept, bounding memory. */
    public static final int MAX_KEEP = 100_000;

    /** A-law full scale: the largest G.711 A-law magnitude, 4032 on G.711's 13-bit scale (ITU-T G.711, A-law tables). */
    static final double ALAW_FULL_SCALE = 32256.0 / 32768.0;

    /** mu-law full scale: the largest G.711 mu-law magnitude, 8031 on G.711's 14-bit scale (ITU-T G.711, mu-law tables). */
    static final double ULAW_FULL_SCALE = 32124.0 / 32768.0;

    /** Worst first: longer, then earlier, then lower channel. */
    private static final Comparator<ClipRun> WORST_FIRST = Comparator
            .comparingLong(ClipRun::length).reversed()
            .thenComparingLong(ClipRun::startFrame)
            .thenComparingInt(ClipRun::channel);

    private final double threshold;
    private final int keep;
    private final int channels;
    private final long[] runStart;
    private final long[] runLength;
    private final PriorityQueue<ClipRun> kept;
    private long frames;
    private long runs;
    private long clippedSamples;

    private ClipRuns(double threshold, int channels, int keep) {
        this.threshold = threshold;
        this.channels = channels;
        this.keep = keep;
        this.runStart = new long[channels];
        this.runLength = new long[channels];
        this.kept = new PriorityQueue<>(WORST_FIRST.reversed());
    }

    /**
     * Clip detection for a file's format: integer formats clip at their largest code
     * ({@code |x| >= 1 - 2^-(validBits-1)}, e.g. {@code 1 - 2^-23} for 24-bit), G.711 at its largest
     * magnitude, float files above 1.0 ({@code |x| > 1}).
     *
     * @param format the file's format: its coding, valid bits and channels
     * @param keep   how many of the longest runs to keep the positions of, 0 to {@link #MAX_KEEP}
     * @return a new accumulator
     * @throws IllegalArgumentException when {@code keep} is out of range
     */
    public static ClipRuns forFormat(AudioFormat format, int keep) {
        Objects.requireNonNull(format, "format must not be null");
        return atOrAbove(fullScale(format), format.channels(), keep);
    }

    /**
     * {@link #forFormat(AudioFormat, int)} keeping {@link #DEFAULT_KEEP} runs.
     *
     * @param format the file's format
     * @return a new accumulator
     */
    public static ClipRuns forFormat(AudioFormat format) {
        return forFormat(format, DEFAULT_KEEP);
    }

    /**
     * Counts samples with {@code |x| >= threshold}, for a threshold of your own (a limiter's
     * ceiling, say).
     *
     * @param threshold the magnitude counted as clipped, linear (full scale 1.0), positive and
     *                  finite
     * @param channels  1 to 65535
     * @param keep      how many of the longest runs to keep the positions of, 0 to {@link #MAX_KEEP}
     * @return a new accumulator
     * @throws IllegalArgumentException when an argument is out of range
     */
    public static ClipRuns atOrAbove(double threshold, int channels, int keep) {
        if (!(threshold > 0) || Double.isInfinite(threshold)) {
            throw new IllegalArgumentException("threshold must be positive and finite: " + threshold);
        }
        if (keep < 0 || keep > MAX_KEEP) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "keep must be in 0..%d: %d", MAX_KEEP, keep));
        }
        return new ClipRuns(threshold, Blocks.channels(channels), keep);
    }

    /** The smallest magnitude that counts as clipped for {@code format}. */
    static double fullScale(AudioFormat format) {
        switch (format.encoding()) {
            case FLOAT:
                return Math.nextUp(1.0);
            case ALAW:
                return ALAW_FULL_SCALE;
            case ULAW:
                return ULAW_FULL_SCALE;
            default:
                return 1.0 - Math.scalb(1.0, -(format.validBits() - 1));
        }
    }

    @Override
    public void accept(double[][] block, int offset, int frames) {
        Blocks.check(block, offset, frames, channels);
        for (int c = 0; c < channels; c++) {
            double[] x = block[c];
            long start = runStart[c];
            long length = runLength[c];
            long over = 0;
            for (int i = 0; i < frames; i++) {
                if (Math.abs(x[offset + i]) >= threshold) {
                    if (length == 0) {
                        start = this.frames + i;
                    }
                    length++;
                    over++;
                } else if (length > 0) {
                    close(new ClipRun(c, start, length));
                    length = 0;
                }
            }
            runStart[c] = start;
            runLength[c] = length;
            clippedSamples += over;
        }
        this.frames += frames;
    }

    private void close(ClipRun run) {
        runs++;
        offer(kept, run);
    }

    private void offer(PriorityQueue<ClipRun> queue, ClipRun run) {
        if (keep == 0) {
            return;
        }
        if (queue.size() < keep) {
            queue.add(run);
        } else if (WORST_FIRST.compare(run, queue.peek()) < 0) {
            queue.poll();
            queue.add(run);
        }
    }

    @Override
    public Result result() {
        PriorityQueue<ClipRun> all = new PriorityQueue<>(kept);
        long total = runs;
        for (int c = 0; c < channels; c++) {
            if (runLength[c] > 0) {
                offer(all, new ClipRun(c, runStart[c], runLength[c]));
                total++;
            }
        }
        List<ClipRun> worst = new ArrayList<>(all);
        worst.sort(WORST_FIRST);
        return new Result(threshold, total, clippedSamples, worst);
    }

    /**
     * Clipping over all frames accepted.
     *
     * @param threshold      the magnitude counted as clipped
     * @param runs           runs found (every one, not only those kept)
     * @param clippedSamples samples at or beyond the threshold, all channels
     * @param worst          the longest runs, longest first (ties: earliest first), at most {@code keep}
     */
    public record Result(double threshold, long runs, long clippedSamples, List<ClipRun> worst) {

        /**
         * Copies the list of runs.
         *
         * @param threshold      linear, positive
         * @param runs           {@code >= worst.size()}
         * @param clippedSamples {@code >= 0}
         * @param worst          not {@code null}; copied
         */
        public Result {
            worst = List.copyOf(worst);
        }

        /**
         * The longest run.
         *
         * @return the first of {@link #worst()}, or empty when nothing clipped (or none were kept)
         */
        public Optional<ClipRun> longest() {
            return worst.stream().findFirst();
        }
    }
}
