package org.stemcheck.dsp.internal.loudness;

import org.stemcheck.dsp.internal.Series;
import java.util.Arrays;

/**
 * The gated statistics over stored block values: integrated loudness (ITU-R BS.1770-4, Annex 1,
 * section 2.8, equations 5-7) and loudness range (EBU Tech 3342, section 3). Exact: every
 * block's value is kept, no histogram.
 */
public final class Gating {

    /** Loudness of a mean square of 1 (BS.1770-4 Annex 1, equation 2: the -0.691 offset). */
    public static final double OFFSET_LUFS = -0.691;
    /** Absolute gate, LUFS (BS.1770-4 Annex 1, section 2.8: Gamma_a = -70 LKFS; Tech 3342 idem). */
    public static final double ABSOLUTE_GATE_LUFS = -70.0;
    /** Relative gate of integrated loudness, LU (BS.1770-4 Annex 1, equation 6: -10 LU). */
    public static final double INTEGRATED_RELATIVE_GATE_LU = -10.0;
    /** Relative gate of loudness range, LU (EBU Tech 3342 section 3: -20 LU). */
    public static final double RANGE_RELATIVE_GATE_LU = -20.0;
    /** Lower percentile of loudness range (EBU Tech 3342 section 3: 10 %). */
    public static final double RANGE_LOW_PERCENTILE = 0.10;
    /** Upper percentile of loudness range (EBU Tech 3342 section 3: 95 %). */
    public static final double RANGE_HIGH_PERCENTILE = 0.95;

    private Gating() {
    }

    /** Loudness, LUFS, of a channel-weighted mean square; -infinity for 0. */
    public static double lufs(double power) {
        return OFFSET_LUFS + 10 * Math.log10(power);
    }

    /** The channel-weighted mean square of a loudness in LUFS. */
    public static double power(double lufs) {
        return Math.pow(10, (lufs - OFFSET_LUFS) / 10);
    }

    /**
     * Integrated loudness of 400 ms gating blocks given as weighted mean squares.
     *
     * @return {@code {integrated LUFS, relative gate LUFS}}; {@code {-inf, -inf}} when no block
     *         is above the absolute gate, {@code {NaN, NaN}} when there is no block at all
     */
    static double[] integrated(Series blocks) {
        int n = blocks.size();
        if (n == 0) {
            return new double[] {Double.NaN, Double.NaN};
        }
        double absolute = power(ABSOLUTE_GATE_LUFS);
        double sum = 0;
        int count = 0;
        for (int i = 0; i < n; i++) {
            double z = blocks.get(i);
            if (z > absolute) {
                sum += z;
                count++;
            }
        }
        if (count == 0) {
            return new double[] {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
        }
        double relativeLufs = lufs(sum / count) + INTEGRATED_RELATIVE_GATE_LU;
        double relative = Math.max(power(relativeLufs), absolute);
        double gatedSum = 0;
        int gatedCount = 0;
        for (int i = 0; i < n; i++) {
            double z = blocks.get(i);
            if (z > relative) {
                gatedSum += z;
                gatedCount++;
            }
        }
        // gatedCount > 0: the loudest block is above the mean, hence above mean - 10 LU.
        return new double[] {lufs(gatedSum / gatedCount), relativeLufs};
    }

    /**
     * Loudness range of short-term values in LUFS (NaN entries are skipped).
     *
     * @return {@code {LRA LU, low percentile LUFS, high percentile LUFS}}; {@code {NaN, NaN, NaN}}
     *         when there is no value, {@code {0, -inf, -inf}} when no value passes the gates
     */
    static double[] range(float[] shortTerm) {
        double absolute = ABSOLUTE_GATE_LUFS;
        double sum = 0;
        int count = 0;
        int defined = 0;
        for (float v : shortTerm) {
            if (!Float.isNaN(v)) {
                defined++;
                if (v > absolute) {
                    sum += power(v);
                    count++;
                }
            }
        }
        if (defined == 0) {
            return new double[] {Double.NaN, Double.NaN, Double.NaN};
        }
        if (count == 0) {
            return new double[] {0, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
        }
        double gate = Math.max(lufs(sum / count) + RANGE_RELATIVE_GATE_LU, absolute);
        double[] kept = new double[count];
        int k = 0;
        for (float v : shortTerm) {
            if (!Float.isNaN(v) && v > gate) {
                kept[k++] = v;
            }
        }
        kept = Arrays.copyOf(kept, k);
        Arrays.sort(kept);
        double low = percentile(kept, RANGE_LOW_PERCENTILE);
        double high = percentile(kept, RANGE_HIGH_PERCENTILE);
        return new double[] {high - low, low, high};
    }

    /**
     * Nearest-rank estimate on sorted values, index {@code round((n - 1) p)}: Tech 3342 asks only
     * for "estimates" of the percentiles.
     */
    private static double percentile(double[] sorted, double p) {
        int i = (int) Math.round((sorted.length - 1) * p);
        return sorted[i];
    }
}
