package org.stemcheck.dsp;

import org.stemcheck.dsp.internal.Blocks;
import org.stemcheck.dsp.internal.Db;
import org.stemcheck.dsp.internal.Series;

/**
 * Correlation between the first two channels (L, R): Pearson's r per interval (100 ms by default)
 * and overall, the share of time in sustained negative correlation (for {@code content.out-of-phase})
 * and whether the two channels are bit-identical (for {@code content.dual-mono}).
 *
 * <p>An interval whose two channels are both at or below the silence threshold (RMS) has no
 * correlation (NaN) and counts neither as positive nor negative time. Negative time is "sustained"
 * when at least {@code sustainIntervals} consecutive sounding intervals are below
 * {@code negativeThreshold}; silent intervals neither break nor extend a run. Memory: one
 * {@code float} per interval (144 KB per hour at 100 ms). For mono input every result is empty.
 */
public final class StereoCorrelation implements Accumulator<StereoCorrelation.Result> {

    /**
     * Correlation below which an interval counts as negative: -0.3, our choice (no standard fixes
     * one), clearly outside the scatter around 0 of decorrelated stereo such as wide reverbs.
     */
    public static final double DEFAULT_NEGATIVE_THRESHOLD = -0.3;

    /** Consecutive negative intervals that make a sustained run: 10 x 100 ms = 1 s. */
    public static final int DEFAULT_SUSTAIN_INTERVALS = 10;

    private final int channels;
    private final int interval;
    private final double silenceSquares;
    private final double negativeThreshold;
    private final int sustain;
    private final Series series = Series.ofFloats();
    private final double[] sums = new double[5];
    private final double[] totals = new double[5];
    private int fill;
    private long frames;
    private boolean identical = true;
    private int run;
    private long sounding;
    private long sustainedNegative;

    private StereoCorrelation(int channels, int interval, double silenceRms, double negativeThreshold,
                              int sustain) {
        this.channels = channels;
        this.interval = interval;
        this.silenceSquares = silenceRms * silenceRms;
        this.negativeThreshold = negativeThreshold;
        this.sustain = sustain;
    }

    /**
     * The defaults: 100 ms intervals, -80 dBFS silence, negative below -0.3 for at least 1 s.
     *
     * @param channels   1 to 65535; channels 0 and 1 are taken as L and R, others are ignored
     * @param sampleRate the rate in Hz, positive and finite
     * @return a new accumulator
     * @throws IllegalArgumentException when an argument is out of range
     */
    public static StereoCorrelation create(int channels, double sampleRate) {
        return create(channels, sampleRate, LevelTimeline.DEFAULT_INTERVAL_SECONDS,
                DEFAULT_NEGATIVE_THRESHOLD, DEFAULT_SUSTAIN_INTERVALS);
    }

    /**
     * Fully configured; the silence threshold is {@link LevelTimeline#DEFAULT_SILENCE_DBFS}.
     *
     * @param channels          1 to 65535; channels 0 and 1 are taken as L and R
     * @param sampleRate        the rate in Hz, positive and finite
     * @param intervalSeconds   in (0, 60], rounded to whole frames
     * @param negativeThreshold correlation below which an interval counts as negative, -1 to 1
     * @param sustainIntervals  consecutive negative intervals that make a sustained run, {@code >= 1}
     * @return a new accumulator
     * @throws IllegalArgumentException when an argument is out of range
     */
    public static StereoCorrelation create(int channels, double sampleRate, double intervalSeconds,
                                           double negativeThreshold, int sustainIntervals) {
        Blocks.channels(channels);
        Blocks.sampleRate(sampleRate);
        if (!(intervalSeconds > 0 && intervalSeconds <= 60)) {
            throw new IllegalArgumentException("intervalSeconds must be in (0, 60]: " + intervalSeconds);
        }
        if (!(negativeThreshold >= -1 && negativeThreshold <= 1)) {
            throw new IllegalArgumentException("negativeThreshold must be in [-1, 1]: " + negativeThreshold);
        }
        if (sustainIntervals < 1) {
            throw new IllegalArgumentException("sustainIntervals must be at least 1: " + sustainIntervals);
        }
        long frames = Math.max(1, Math.round(intervalSeconds * sampleRate));
        return new StereoCorrelation(channels, (int) Math.min(Integer.MAX_VALUE, frames),
                Db.toAmplitude(LevelTimeline.DEFAULT_SILENCE_DBFS), negativeThreshold, sustainIntervals);
    }

    @Override
    public void accept(double[][] block, int offset, int frames) {
        Blocks.check(block, offset, frames, channels);
        if (channels < 2) {
            this.frames += frames;
            return;
        }
        int done = 0;
        while (done < frames) {
            int n = Math.min(frames - done, interval - fill);
            measure(block[0], block[1], offset + done, n);
            fill += n;
            done += n;
            if (fill == interval) {
                closeInterval();
            }
        }
        this.frames += frames;
    }

    private void measure(double[] l, double[] r, int from, int n) {
        double sl = 0;
        double sr = 0;
        double sll = 0;
        double srr = 0;
        double slr = 0;
        boolean same = identical;
        for (int i = from; i < from + n; i++) {
            double a = l[i];
            double b = r[i];
            sl += a;
            sr += b;
            sll += a * a;
            srr += b * b;
            slr += a * b;
            same &= Double.doubleToLongBits(a) == Double.doubleToLongBits(b);
        }
        identical = same;
        sums[0] += sl;
        sums[1] += sr;
        sums[2] += sll;
        sums[3] += srr;
        sums[4] += slr;
    }

    private void closeInterval() {
        double r = correlation(sums, fill, silenceSquares);
        series.add((float) r);
        if (!Double.isNaN(r)) {
            sounding++;
            if (r < negativeThreshold) {
                run++;
                if (run == sustain) {
                    sustainedNegative += sustain;
                } else if (run > sustain) {
                    sustainedNegative++;
                }
            } else {
                run = 0;
            }
        }
        for (int i = 0; i < sums.length; i++) {
            totals[i] += sums[i];
            sums[i] = 0;
        }
        fill = 0;
    }

    /** Pearson's r from the sums (L, R, LL, RR, LR) of {@code n} frames; NaN when both are silent. */
    private static double correlation(double[] s, long n, double silenceSquares) {
        if (n == 0 || (s[2] <= silenceSquares * n && s[3] <= silenceSquares * n)) {
            return Double.NaN;
        }
        double cov = s[4] - s[0] * s[1] / n;
        double vl = s[2] - s[0] * s[0] / n;
        double vr = s[3] - s[1] * s[1] / n;
        double den = Math.sqrt(vl * vr);
        return den > 0 ? Math.max(-1, Math.min(1, cov / den)) : 0;
    }

    @Override
    public Result result() {
        if (channels < 2) {
            return new Result(false, interval, new float[0], Double.NaN, 0, false);
        }
        double[] all = totals.clone();
        for (int i = 0; i < all.length; i++) {
            all[i] += sums[i];
        }
        float[] perInterval = fill > 0
                ? series.toFloatArray((float) correlation(sums, fill, silenceSquares))
                : series.toFloatArray();
        double share = sounding == 0 ? 0 : (double) sustainedNegative / sounding;
        return new Result(true, interval, perInterval, correlation(all, frames, silenceSquares), share,
                identical && frames > 0);
    }

    /**
     * The correlation measured.
     *
     * @param stereo                 whether there were at least two channels
     * @param intervalFrames         frames per interval
     * @param perInterval            Pearson's r of each interval (NaN where silent); copied
     * @param overall                Pearson's r over the whole file (NaN when silent or mono)
     * @param sustainedNegativeShare the share of sounding intervals in sustained negative runs
     *                               (closed intervals only)
     * @param identical              whether L and R are bit-identical (dual mono) over a non-empty file
     */
    public record Result(boolean stereo, int intervalFrames, float[] perInterval, double overall,
                         double sustainedNegativeShare, boolean identical) {

        /**
         * Copies the array.
         *
         * @param stereo                 as measured
         * @param intervalFrames         {@code >= 1}
         * @param perInterval            not {@code null}; copied
         * @param overall                -1 to 1, or NaN
         * @param sustainedNegativeShare 0 to 1
         * @param identical              as measured
         */
        public Result {
            perInterval = perInterval.clone();
        }

        /**
         * Pearson's r of each interval.
         *
         * @return a copy, -1 to 1 per interval, NaN where both channels are silent; empty for mono
         */
        @Override
        public float[] perInterval() {
            return perInterval.clone();
        }
    }
}
