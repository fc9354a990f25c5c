package org.stemcheck.core.internal.nulltest;

import java.util.ArrayList;
import java.util.List;

import org.stemcheck.dsp.set.NullTest;
import org.stemcheck.dsp.set.OffsetSearch;
import org.stemcheck.dsp.set.StemOffset;

/**
 * Offsets of every stem against one mix over the first and the second half of the song, each
 * measured by its own {@link OffsetSearch} (the offsets of a null test alone) with a narrow search range ({@link #RANGE_SECONDS}), so
 * that drift shows as a change of offset. Each half's offset is placed in time at the centroid of
 * the stem's first-difference energy within that half: the whitened correlation that locates it
 * weighs every frequency alike, so onsets and high partials count more than the low ring that
 * dominates plain energy. Accumulator; not thread-safe.
 */
final class DriftProbe {

    /** Search range of the partial offsets: drift of 100 ppm over 15 minutes is 90 ms. */
    static final double RANGE_SECONDS = 0.1;

    /** Offsets this close to the edge of the range (share of it) are no answer: the true peak may lie beyond. */
    static final double EDGE = 0.9;

    private final long total;
    private final int rate;
    private final double rangeSamples;
    private final OffsetSearch[] halves = new OffsetSearch[2];
    private final double[][] energy;
    private final double[][] moment;
    /** Every stem's and the mix's channel sum over the block being fed, grown to the largest block. */
    private double[][] mono = new double[0][0];
    private double[] monoMix = new double[0];

    DriftProbe(int rate, int stems, int channels, long total) {
        this.rate = rate;
        this.total = total;
        double range = Math.min(RANGE_SECONDS, Math.max(1.0 / rate, total / 8.0 / rate));
        this.rangeSamples = range * rate;
        NullTest.Setup setup = new NullTest.Setup(rate, stems, channels, range);
        halves[0] = OffsetSearch.create(setup);
        halves[1] = OffsetSearch.create(setup);
        energy = new double[2][stems];
        moment = new double[2][stems];
    }

    /** Takes frames {@code [at, at + n)} of the song. */
    void accept(double[][][] stems, double[][] mix, long at, int n) {
        long mid = total / 2;
        feed(0, stems, mix, at, n, 0, mid);
        feed(1, stems, mix, at, n, mid, total);
    }

    private void feed(int h, double[][][] stems, double[][] mix, long at, int n, long from, long to) {
        long a = Math.max(at, from);
        long b = Math.min(at + n, to);
        if (b <= a) {
            return;
        }
        int off = (int) (a - at);
        int len = (int) (b - a);
        if (monoMix.length < len) {
            mono = new double[stems.length][len];
            monoMix = new double[len];
        }
        double centre = (a + b) / 2.0 / rate;
        for (int s = 0; s < stems.length; s++) {
            double e = 0;
            for (int c = 0; c < stems[s].length; c++) {
                e += downmixAndDifferenceEnergy(stems[s][c], off, len, mono[s], c == 0);
            }
            energy[h][s] += e;
            moment[h][s] += e * centre;
        }
        for (int c = 0; c < mix.length; c++) {
            double[] x = mix[c];
            if (c == 0) {
                System.arraycopy(x, off, monoMix, 0, len);
            } else {
                for (int t = 0; t < len; t++) {
                    monoMix[t] += x[off + t];
                }
            }
        }
        halves[h].acceptMono(mono, monoMix, len);
    }

    /**
     * Adds {@code x[off, off + len)} to {@code mono[0, len)} (or, for the first channel, writes
     * it there) and returns {@code sum (x[i] - x[i - 1])^2} over {@code i} in
     * {@code (off, off + len)}: the offset search's downmix and the centroid's weight in one
     * read of the block, which no longer sits in the cache when it is read a second time. The
     * energy runs in four independent partial sums: one running sum waits on its previous
     * addition every sample (C2 does not vectorise a double reduction).
     */
    static double downmixAndDifferenceEnergy(double[] x, int off, int len, double[] mono, boolean first) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        if (len == 0) {
            return 0;
        }
        double prev = x[off];
        mono[0] = first ? prev : mono[0] + prev;
        int t = 1;
        if (first) {
            for (; t + 3 < len; t += 4) {
                double x0 = x[off + t];
                double x1 = x[off + t + 1];
                double x2 = x[off + t + 2];
                double x3 = x[off + t + 3];
                mono[t] = x0;
                mono[t + 1] = x1;
                mono[t + 2] = x2;
                mono[t + 3] = x3;
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
        } else {
            for (; t + 3 < len; t += 4) {
                double x0 = x[off + t];
                double x1 = x[off + t + 1];
                double x2 = x[off + t + 2];
                double x3 = x[off + t + 3];
                mono[t] += x0;
                mono[t + 1] += x1;
                mono[t + 2] += x2;
                mono[t + 3] += x3;
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

    List<StemDrift> result() {
        List<StemOffset> e = halves[0].offsets();
        List<StemOffset> l = halves[1].offsets();
        List<StemDrift> out = new ArrayList<>(e.size());
        for (int i = 0; i < e.size(); i++) {
            double te = moment[0][i] / energy[0][i];
            double tl = moment[1][i] / energy[1][i];
            boolean ok = usable(e.get(i)) && usable(l.get(i)) && tl - te > 0;
            out.add(new StemDrift(i, e.get(i).samples(), l.get(i).samples(), tl - te, ok,
                    Math.max(e.get(i).peakWidthSamples(), l.get(i).peakWidthSamples())));
        }
        return out;
    }

    private boolean usable(StemOffset o) {
        return o.confident() && Math.abs(o.samples()) < EDGE * rangeSamples;
    }
}
