package org.stemcheck.dsp.nullsum;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.stemcheck.dsp.internal.Series;
import org.stemcheck.dsp.internal.set.GramAccumulator;

/**
 * Per stem, per segment (100 ms): the least-squares gain of the stem into its own part of the
 * mix, {@code g = <x, x - e> / <x, x> = 1 - <x, e> / <x, x>}, in dB, regressed on the stem's
 * level in dBFS by streaming sums (see {@link StemDynamics}). The segment sums come from
 * {@link GramAccumulator}'s per-chunk values; chunks never straddle a segment boundary. The
 * trailing partial segment is left out. Each active segment's level and gain are also kept (as
 * floats, in chunked series: 8 bytes a segment and stem, 5.8 MB for seven stems over two hours)
 * for the medians of {@link StemDynamics#loudReductionDb}.
 */
final class DynamicsAccumulator {

    /** Per-segment gains below this are clipped to it (a stem missing from the mix in that segment). */
    private static final double FLOOR_DB = -120.0;

    private final int stems;
    private final int channels;
    private final double activeEnergy;
    private final double[] self;
    private final double[] withResidual;
    private final long[] count;
    private final double[] sumX;
    private final double[] sumY;
    private final double[] sumXx;
    private final double[] sumXy;
    private final double[] sumYy;
    private final double[] minX;
    private final double[] maxX;
    private final Series[] levels;
    private final Series[] gains;

    DynamicsAccumulator(int stems, int channels) {
        this.stems = stems;
        this.channels = channels;
        this.activeEnergy = Math.pow(10.0, StemDynamics.ACTIVE_DBFS / 10.0);
        this.self = new double[stems];
        this.withResidual = new double[stems];
        this.count = new long[stems];
        this.sumX = new double[stems];
        this.sumY = new double[stems];
        this.sumXx = new double[stems];
        this.sumXy = new double[stems];
        this.sumYy = new double[stems];
        this.minX = new double[stems];
        this.maxX = new double[stems];
        Arrays.fill(minX, Double.POSITIVE_INFINITY);
        Arrays.fill(maxX, Double.NEGATIVE_INFINITY);
        this.levels = new Series[stems];
        this.gains = new Series[stems];
        for (int i = 0; i < stems; i++) {
            levels[i] = Series.ofFloats();
            gains[i] = Series.ofFloats();
        }
    }

    /** Adds the last chunk's sums (from {@code gram}); {@code segmentFrames > 0} closes the segment. */
    void accept(GramAccumulator gram, int segmentFrames) {
        for (int i = 0; i < stems; i++) {
            self[i] += gram.chunkSelf(i);
            withResidual[i] += gram.chunkWithResidual(i);
        }
        if (segmentFrames > 0) {
            for (int i = 0; i < stems; i++) {
                closeSegment(i, segmentFrames);
                self[i] = 0;
                withResidual[i] = 0;
            }
        }
    }

    private void closeSegment(int i, int frames) {
        double meanSquare = self[i] / ((double) frames * channels);
        if (!(meanSquare > activeEnergy) || !Double.isFinite(withResidual[i])) {
            return;
        }
        double g = Math.abs(1.0 - withResidual[i] / self[i]);
        double x = 10.0 * Math.log10(meanSquare);
        double y = g > 0 ? Math.max(FLOOR_DB, 20.0 * Math.log10(g)) : FLOOR_DB;
        count[i]++;
        sumX[i] += x;
        sumY[i] += y;
        sumXx[i] += x * x;
        sumXy[i] += x * y;
        sumYy[i] += y * y;
        minX[i] = Math.min(minX[i], x);
        maxX[i] = Math.max(maxX[i], x);
        levels[i].add((float) x);
        gains[i].add((float) y);
    }

    List<StemDynamics> result() {
        List<StemDynamics> out = new ArrayList<>(stems);
        for (int i = 0; i < stems; i++) {
            out.add(result(i));
        }
        return out;
    }

    private StemDynamics result(int i) {
        long n = count[i];
        if (n == 0) {
            return new StemDynamics(i, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double mx = sumX[i] / n;
        double my = sumY[i] / n;
        double vx = Math.max(0.0, sumXx[i] / n - mx * mx);
        double vy = Math.max(0.0, sumYy[i] / n - my * my);
        double cxy = sumXy[i] / n - mx * my;
        boolean fit = n >= StemDynamics.MIN_SEGMENTS
                && maxX[i] - minX[i] >= StemDynamics.MIN_LEVEL_SPREAD_DB && vx > 0;
        double slope = fit ? cxy / vx : Double.NaN;
        double spread = Math.sqrt(Math.max(0.0, fit ? vy - slope * cxy : vy));
        return new StemDynamics(i, (int) Math.min(Integer.MAX_VALUE, n), my, slope, spread, loudReduction(i));
    }

    /** The median gain of the quieter half of the segments minus that of the loudest tenth, dB. */
    private double loudReduction(int i) {
        float[] level = levels[i].toFloatArray();
        float[] gain = gains[i].toFloatArray();
        int n = level.length;
        if (n < StemDynamics.MIN_LOUD_SEGMENTS) {
            return Double.NaN;
        }
        Integer[] order = new Integer[n];
        for (int k = 0; k < n; k++) {
            order[k] = k;
        }
        Arrays.sort(order, (a, b) -> Float.compare(level[a], level[b]));
        int loud = Math.max(2, (int) Math.round(StemDynamics.LOUD_SHARE * n));
        double[] quiet = new double[n / 2];
        for (int k = 0; k < quiet.length; k++) {
            quiet[k] = gain[order[k]];
        }
        double[] top = new double[loud];
        for (int k = 0; k < loud; k++) {
            top[k] = gain[order[n - 1 - k]];
        }
        return median(quiet) - median(top);
    }

    private static double median(double[] v) {
        Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
    }
}
