package org.stemcheck.dsp.nullsum;

import java.util.ArrayList;
import java.util.List;

/**
 * Each stem's offset against each mix over the frames before a split and over those after it,
 * from the streams {@link LagEstimator}'s whole-length stage already takes: the stems' mono
 * downmixes and the mixes' mono residuals, decimated by its factor. So the two part searches cost
 * their own small transforms only, not a downmix, a decimation and a residual of their own (which
 * two separate whole-length searches per mix would). Each part is a whole-length search of its
 * own ({@link HopCorrelator}, a narrow range, the coarse band voting as in the main search).
 *
 * <p>Each part's offset is placed in time at the centroid of the stem's first-difference energy
 * within that part (summed over channels at the full rate, {@link #downmix}): the whitened
 * correlation weighs every frequency alike, so onsets and high partials count more than the low
 * ring that dominates plain energy. Not thread-safe.
 */
final class HalvesProbe {

    private final int stems;
    private final int sampleRate;
    private final int factor;
    /** The split in full-rate frames, and where it falls in the streams {@link #accept} takes. */
    private final long split;
    private final long splitFed;
    private final HopCorrelator[] parts = new HopCorrelator[2];
    /** Per part and stem: first-difference energy, and energy times the time it lies at (seconds). */
    private final double[][] energy = new double[2][];
    private final double[][] moment = new double[2][];
    /** Per stem and channel, the last full-rate sample seen (the differences run across chunks). */
    private final double[][] previous;
    private boolean started;
    private long frames;
    private long fed;

    /**
     * @param factor the whole-length stage's decimation factor (1: it runs at the full rate)
     * @param split  the first frame of the second part, {@code >= 1}
     * @param maxLag each part's search range, full-rate samples, {@code >= 1}
     */
    HalvesProbe(int sampleRate, int stems, int channels, int mixes, int factor, long split, int maxLag) {
        this.stems = stems;
        this.sampleRate = sampleRate;
        this.factor = factor;
        this.split = split;
        this.splitFed = split / factor;
        int lag = lagFor(maxLag, factor);
        int used = usedBins(lag, factor);
        for (int h = 0; h < 2; h++) {
            parts[h] = new HopCorrelator(stems, lag, LagEstimator.Reference.MIX_MINUS_OTHERS, used, mixes);
            energy[h] = new double[stems];
            moment[h] = new double[stems];
        }
        this.previous = new double[stems][channels];
    }

    /** The search range in the samples the parts take: at least one. */
    private static int lagFor(int maxLag, int factor) {
        return Math.max(1, (maxLag + factor - 1) / factor);
    }

    /** The bins that vote: all at the full rate, the lower {@link LagEstimator#COARSE_USED_BAND} when decimated. */
    private static int usedBins(int lag, int factor) {
        return factor == 1 ? Integer.MAX_VALUE
                : (int) Math.floor(LagEstimator.COARSE_USED_BAND * HopCorrelator.fftSizeFor(lag)) + 1;
    }

    /** Bytes held for these arguments, with the transient peak of {@link #result}. */
    static long bytes(int stems, int mixes, int factor, int maxLag) {
        return 2 * HopCorrelator.bytes(stems, lagFor(maxLag, factor), mixes) + 16L * stems * 4;
    }

    /** The most of {@code n} frames the next chunk may take: it never crosses the split. */
    int room(int n) {
        return frames < split ? (int) Math.min(n, split - frames) : n;
    }

    /**
     * Mono downmix of every stem over {@code [offset, offset + n)} into {@code mono[stem][0 ..]}
     * (as {@link MixEngine#downmix}), adding each channel's first-difference energy to the
     * part the chunk lies in, in the same read. {@code n <= room(n)}.
     */
    void downmix(double[][][] in, int offset, int n, double[][] mono) {
        if (n == 0) {
            return;
        }
        int h = frames < split ? 0 : 1;
        double centre = (frames + n / 2.0) / sampleRate;
        for (int i = 0; i < stems; i++) {
            double e = 0;
            for (int c = 0; c < in[i].length; c++) {
                double[] x = in[i][c];
                double before = started ? previous[i][c] : x[offset];
                e += downmixAndDifferences(x, offset, n, mono[i], c == 0, before);
                previous[i][c] = x[offset + n - 1];
            }
            energy[h][i] += e;
            moment[h][i] += e * centre;
        }
        started = true;
        frames += n;
    }

    /**
     * Writes {@code x[off, off + len)} to {@code mono[0, len)} (first channel) or adds it there,
     * and returns {@code sum (x[t] - x[t - 1])^2} over the chunk, {@code x[off - 1]} being
     * {@code before}. Four partial sums: one running sum waits on its previous addition every
     * sample (C2 does not vectorise a double reduction).
     */
    static double downmixAndDifferences(double[] x, int off, int len, double[] mono, boolean first, double before) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        double prev = before;
        int t = 0;
        for (; t + 3 < len; t += 4) {
            double x0 = x[off + t];
            double x1 = x[off + t + 1];
            double x2 = x[off + t + 2];
            double x3 = x[off + t + 3];
            if (first) {
                mono[t] = x0;
                mono[t + 1] = x1;
                mono[t + 2] = x2;
                mono[t + 3] = x3;
            } else {
                mono[t] += x0;
                mono[t + 1] += x1;
                mono[t + 2] += x2;
                mono[t + 3] += x3;
            }
            double d0 = x0 - prev;
            double d1 = x1 - x0;
            double d2 = x2 - x1;
            double d3 = x3 - x2;
            s0 += d0 * d0;
            s1 += d1 * d1;
            s2 += d2 * d2;
            s3 += d3 * d3;
            prev = x3;
        }
        for (; t < len; t++) {
            double v = x[off + t];
            mono[t] = first ? v : mono[t] + v;
            double d = v - prev;
            s0 += d * d;
            prev = v;
        }
        return (s0 + s1) + (s2 + s3);
    }

    /**
     * The next {@code n} samples of what the whole-length stage takes: each stem's mono downmix
     * and each mix's mono residual, decimated by {@code factor}.
     */
    void accept(double[][] mono, double[][] residual, int n) {
        int first = fed < splitFed ? (int) Math.min(n, splitFed - fed) : 0;
        if (first > 0) {
            parts[0].accept(mono, residual, 0, first);
        }
        if (first < n) {
            parts[1].accept(mono, residual, first, n - first);
        }
        fed += n;
    }

    /** Every stem's offsets against mix {@code mix} over both parts so far; does not change the state. */
    List<HalfOffsets> result(int mix) {
        int rate = (int) Math.round((double) sampleRate / factor);
        List<StemOffset> early = parts[0].result(mix, rate);
        List<StemOffset> late = parts[1].result(mix, rate);
        List<HalfOffsets> out = new ArrayList<>(stems);
        for (int i = 0; i < stems; i++) {
            out.add(new HalfOffsets(i, LagEstimator.scaled(early.get(i), factor, sampleRate),
                    LagEstimator.scaled(late.get(i), factor, sampleRate),
                    moment[0][i] / energy[0][i], moment[1][i] / energy[1][i]));
        }
        return out;
    }
}
