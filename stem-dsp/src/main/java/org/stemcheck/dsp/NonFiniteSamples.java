package org.stemcheck.dsp;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Samples that are not numbers: NaN and infinities, which only floating-point files can hold (a
 * plug-in that divided by zero, a render that blew up). Counts them by kind and keeps where they
 * are, as spans of frames in which some channel holds one, merged when they touch; the first
 * {@link #MAX_SPANS} spans are kept, so memory is bounded whatever the file.
 *
 * <p>Every other meter must not see such a sample: one NaN turns a sum into NaN for good. Readers
 * that feed several meters count with this accumulator first and then {@link #zero} the block,
 * so that the other measurements are made of the finite samples (a non-finite sample counts as
 * silence). Not thread-safe.
 */
public final class NonFiniteSamples implements Accumulator<NonFiniteSamples.Result> {

    /** Spans whose positions are kept: FINDINGS.md lists at most 20 places in a finding. */
    public static final int MAX_SPANS = 20;

    /**
     * What was found.
     *
     * @param frames   frames seen
     * @param nan      samples that are NaN
     * @param positive samples that are positive infinity
     * @param negative samples that are negative infinity
     * @param spans    the first {@link #MAX_SPANS} runs of frames that hold one, each
     *                 {@code {startFrame, endFrame}} (end exclusive), in time order
     * @param spanCount how many such runs there are in all
     */
    public record Result(long frames, long nan, long positive, long negative, List<long[]> spans, long spanCount) {
        /**
         * Copies the spans.
         *
         * @param frames    {@code >= 0}
         * @param nan       {@code >= 0}
         * @param positive  {@code >= 0}
         * @param negative  {@code >= 0}
         * @param spans     not {@code null}; copied
         * @param spanCount {@code >= spans.size()}
         */
        public Result {
            spans = spans.stream().map(long[]::clone).toList();
        }

        /**
         * All samples that are not numbers.
         *
         * @return NaN plus both infinities
         */
        public long total() {
            return nan + positive + negative;
        }
    }

    private final int channels;
    /** False for integer files, which cannot hold a non-finite sample: frames are counted, nothing scanned. */
    private final boolean scan;
    private long frames;
    private long nan;
    private long positive;
    private long negative;
    private final List<long[]> spans = new ArrayList<>();
    private long spanCount;
    /** The span still open at the end of the last block: its start, or -1. */
    private long openStart = -1;

    private NonFiniteSamples(int channels, boolean scan) {
        this.channels = channels;
        this.scan = scan;
    }

    /**
     * An accumulator for files of {@code channels} channels.
     *
     * @param channels 1 or more
     * @return a new accumulator
     * @throws IllegalArgumentException when {@code channels} is below 1
     */
    public static NonFiniteSamples create(int channels) {
        if (channels < 1) {
            throw new IllegalArgumentException("channels must be at least 1: " + channels);
        }
        return new NonFiniteSamples(channels, true);
    }

    /**
     * An accumulator for a file's format: a floating-point file is scanned; an integer one cannot
     * hold such a sample, so only its frames are counted.
     *
     * @param format the file's format
     * @return a new accumulator
     */
    public static NonFiniteSamples forFormat(org.stemcheck.io.AudioFormat format) {
        Objects.requireNonNull(format, "format must not be null");
        return new NonFiniteSamples(format.channels(), format.isFloat());
    }

    @Override
    public void accept(double[][] block, int offset, int n) {
        Objects.requireNonNull(block, "block must not be null");
        if (block.length < channels || offset < 0 || n < 0) {
            throw new IllegalArgumentException("block of " + block.length + " channels from " + offset + " for " + n);
        }
        if (!scan) {
            frames += n;
            return;
        }
        for (int i = offset; i < offset + n; i++) {
            boolean bad = false;
            for (int c = 0; c < channels; c++) {
                double v = block[c][i];
                if (Double.isNaN(v)) {
                    nan++;
                    bad = true;
                } else if (v == Double.POSITIVE_INFINITY) {
                    positive++;
                    bad = true;
                } else if (v == Double.NEGATIVE_INFINITY) {
                    negative++;
                    bad = true;
                }
            }
            long frame = frames + i - offset;
            if (bad && openStart < 0) {
                openStart = frame;
            } else if (!bad && openStart >= 0) {
                close(frame);
            }
        }
        frames += n;
    }

    private void close(long end) {
        spanCount++;
        if (spans.size() < MAX_SPANS) {
            spans.add(new long[] {openStart, end});
        }
        openStart = -1;
    }

    @Override
    public Result result() {
        List<long[]> out = new ArrayList<>(spans);
        long count = spanCount;
        if (openStart >= 0) {
            count++;
            if (out.size() < MAX_SPANS) {
                out.add(new long[] {openStart, frames});
            }
        }
        return new Result(frames, nan, positive, negative, out, count);
    }

    /**
     * Replaces every sample that is not a number by 0, in place.
     *
     * @param block    {@code block[channel][frame]}
     * @param channels the channels to clean
     * @param offset   the first frame
     * @param n        frames
     * @return how many samples were replaced
     */
    public static long zero(double[][] block, int channels, int offset, int n) {
        long replaced = 0;
        for (int c = 0; c < channels; c++) {
            double[] x = block[c];
            for (int i = offset; i < offset + n; i++) {
                if (!Double.isFinite(x[i])) {
                    x[i] = 0.0;
                    replaced++;
                }
            }
        }
        return replaced;
    }
}
