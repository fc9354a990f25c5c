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
        halves[h].accept(stems, mix, off, len);
        double centre = (a + b) / 2.0 / rate;
        for (int s = 0; s < stems.length; s++) {
            double e = 0;
            for (double[] ch : stems[s]) {
                e += differenceEnergy(ch, off, len);
            }
            energy[h][s] += e;
            moment[h][s] += e * centre;
        }
    }

    /**
     * {@code sum (x[i] - x[i - 1])^2} over {@code i} in {@code (off, off + len)}, in four
     * independent partial sums: one running sum waits on its previous addition every sample (C2
     * does not vectorise a double reduction), which made this loop a fifth of the probe's time.
     */
    static double differenceEnergy(double[] x, int off, int len) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int end = off + len;
        int i = off + 1;
        for (; i + 3 < end; i += 4) {
            double d0 = x[i] - x[i - 1];
            double d1 = x[i + 1] - x[i];
            double d2 = x[i + 2] - x[i + 1];
            double d3 = x[i + 3] - x[i + 2];
            s0 += d0 * d0;
            s1 += d1 * d1;
            s2 += d2 * d2;
            s3 += d3 * d3;
        }
        for (; i < end; i++) {
            double d = x[i] - x[i - 1];
            s0 += d * d;
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
