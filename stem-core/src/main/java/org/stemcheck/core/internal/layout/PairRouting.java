package org.stemcheck.core.internal.layout;

import java.util.ArrayList;
import java.util.List;

import org.stemcheck.core.file.ChannelLayout;
import org.stemcheck.core.file.StemFile;

/**
 * Accumulates, in the set pass, how each stem's mirrored channel pairs (L/R, Ls/Rs, Lss/Rss,
 * Lrs/Rrs) land in the mix: the inner products of the stem's left and right channels with the
 * mix's same channels ("straight") and with the mix's opposite channels ("crossed"), and the
 * stem's energy in the pair. A stem whose surrounds were swapped at export matches the mix
 * crossed, not straight. Cost: four multiply-adds per stem, pair and frame, on blocks the pass has
 * decoded anyway. Not thread-safe: the pass's thread feeds it.
 */
public final class PairRouting {

    /**
     * What one stem's pair measured.
     *
     * @param stem     the stem's index in the pass
     * @param left     the pair's left channel
     * @param right    the pair's right channel
     * @param straight sum of {@code xL*mL + xR*mR}
     * @param crossed  sum of {@code xL*mR + xR*mL}
     * @param energy   sum of {@code xL^2 + xR^2}
     * @param frames   frames accumulated
     */
    public record Sums(int stem, int left, int right, double straight, double crossed, double energy, long frames) {

        /** The least-squares gain of the stem's pair onto the mix's pair as routed: 1 when it is as in the mix. */
        public double straightMatch() {
            return energy > 0 ? straight / energy : Double.NaN;
        }

        /** The same onto the mix's pair crossed (L onto R, R onto L): 1 when the stem's pair is swapped. */
        public double crossedMatch() {
            return energy > 0 ? crossed / energy : Double.NaN;
        }

        /** The stem's RMS level in the pair, dBFS (each channel's mean square, averaged). */
        public double rmsDbfs() {
            return frames > 0 ? 10 * Math.log10(energy / (2.0 * frames)) : Double.NEGATIVE_INFINITY;
        }
    }

    private final int[][] pairs;
    private final int stems;
    /** Per stem and pair: straight, crossed, energy. */
    private final double[][][] sums;
    private long frames;

    /**
     * @param mixLayout the mix's layout: its mirrored pairs are the ones measured
     * @param stems     stems in the pass
     */
    public PairRouting(ChannelLayout mixLayout, int stems) {
        this.pairs = mixLayout.mirroredPairs().toArray(new int[0][]);
        this.stems = stems;
        this.sums = new double[stems][pairs.length][3];
    }

    /** Whether the mix has a pair to measure. */
    public boolean active() {
        return pairs.length > 0;
    }

    /**
     * One aligned block.
     *
     * @param stemBlocks {@code [stem][channel][frame]}, as the pass compares them
     * @param mix        {@code [channel][frame]}
     * @param n          frames from 0
     */
    public void accept(double[][][] stemBlocks, double[][] mix, int n) {
        for (int p = 0; p < pairs.length; p++) {
            double[] ml = mix[pairs[p][0]];
            double[] mr = mix[pairs[p][1]];
            for (int k = 0; k < stems; k++) {
                double[] xl = stemBlocks[k][pairs[p][0]];
                double[] xr = stemBlocks[k][pairs[p][1]];
                double s = 0;
                double c = 0;
                double e = 0;
                for (int i = 0; i < n; i++) {
                    double a = xl[i];
                    double b = xr[i];
                    s += a * ml[i] + b * mr[i];
                    c += a * mr[i] + b * ml[i];
                    e += a * a + b * b;
                }
                double[] acc = sums[k][p];
                acc[0] += s;
                acc[1] += c;
                acc[2] += e;
            }
        }
        frames += n;
    }

    /**
     * The sums as the public result names them.
     *
     * @param sums      {@link #result()} of the chosen mix
     * @param stems     the pass's stems, in its order
     * @param mixLayout the mix's layout (the pairs' speakers)
     * @return per stem and pair, in order
     */
    public static List<org.stemcheck.core.nulltest.PairRouting> named(List<Sums> sums, List<StemFile> stems,
                                                         ChannelLayout mixLayout) {
        List<org.stemcheck.core.nulltest.PairRouting> out = new ArrayList<>();
        for (Sums s : sums) {
            out.add(new org.stemcheck.core.nulltest.PairRouting(stems.get(s.stem()), mixLayout.speakers().get(s.left()),
                    mixLayout.speakers().get(s.right()), s.straightMatch(), s.crossedMatch(), s.rmsDbfs()));
        }
        return out;
    }

    /** Every stem's pairs, stem by stem. */
    public List<Sums> result() {
        List<Sums> out = new ArrayList<>();
        for (int k = 0; k < stems; k++) {
            for (int p = 0; p < pairs.length; p++) {
                double[] acc = sums[k][p];
                out.add(new Sums(k, pairs[p][0], pairs[p][1], acc[0], acc[1], acc[2], frames));
            }
        }
        return List.copyOf(out);
    }
}
