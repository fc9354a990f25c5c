package org.stemcheck.dsp.internal.set;

/**
 * Sums over channels and time of the products the least-squares gains need: the Gram matrix
 * {@code G[i][j] = <stem_i, stem_j>}, the inner products {@code c[i] = <stem_i, e>} with the
 * plain residual {@code e = sum(stems) - mix}, and the energies of {@code e} and of the mix.
 *
 * <p>Working with {@code c} instead of {@code <stem_i, mix> = (G 1 - c)_i} keeps the small
 * quantities small: for stems that nearly null, {@code c} is computed directly rather than as
 * the difference of two large numbers, so gains near 1 and deep nulls stay accurate.
 * The per-chunk diagonal and {@code c} are kept for the dynamics (per-segment gains) of the null
 * test.
 *
 * <p>The products are read <em>about the mean</em> of every file and channel
 * ({@code <x - mean x, y - mean y> = <x, y> - n mean x mean y}): a DC offset in one stem is then no
 * part of its gain, nor of the residual the gains leave (it is {@code level.dc-offset}'s fault,
 * not a fader's: a stem with a DC offset of -26 dBFS read as 8.6 dB too loud before).
 *
 * <p>Every product is also kept per channel ({@link #channelGram}, ...): a stem's gain into each
 * channel of the mix, whose difference is a pan or balance the stem lacks. Summing per channel
 * costs nothing: the dot products are per channel anyway.
 *
 * <p>{@code G} does not depend on the mix: the accumulators of other mixes fed the same chunks
 * read it from the first one's ({@link #GramAccumulator(int, GramAccumulator)}) and sum only
 * their own {@code c}.
 */
public final class GramAccumulator {

    private final int stems;
    /** [channel][i][j], upper triangle: {@code <stem_i, stem_j>} of that channel. */
    private double[][][] gram;
    /** [channel][i]: {@code <stem_i, e>} of that channel. */
    private double[][] withResidual;
    private final double[] chunkSelf;
    private final double[] chunkWithResidual;
    /** One chunk's sums of every stem's samples in one channel ({@link #sums}). */
    private final double[] chunkSums;
    /** Two products of one call of {@link NullSumKernel#dot2}. */
    private final double[] pair = new double[2];
    private final GramAccumulator stemsFrom;
    private double[] residualEnergy;
    private double[] mixEnergy;
    /** [channel][i]: the sum of stem i's samples; [channel]: the residual's. */
    private double[][] stemSums;
    private double[] residualSums;
    private long frames;

    public GramAccumulator(int stems) {
        this(stems, null);
    }

    /**
     * @param stemsFrom an accumulator of another mix that is fed every chunk just before this one,
     *                  whose stem products this one reads instead of summing them again; or null
     */
    public GramAccumulator(int stems, GramAccumulator stemsFrom) {
        this.stems = stems;
        this.stemsFrom = stemsFrom;
        this.chunkSelf = stemsFrom != null ? stemsFrom.chunkSelf : new double[stems];
        this.chunkWithResidual = new double[stems];
        this.chunkSums = new double[stems];
    }

    private void allocate(int channels) {
        if (stemsFrom == null) {
            gram = new double[channels][stems][stems];
            stemSums = new double[channels][stems];
        }
        withResidual = new double[channels][stems];
        residualEnergy = new double[channels];
        mixEnergy = new double[channels];
        residualSums = new double[channels];
    }

    /**
     * Adds one chunk.
     *
     * @param in      [stem][channel][frame] from {@code offset}
     * @param e       [channel][frame] the chunk's residual from 0
     * @param offset  first frame of the chunk in {@code in}
     * @param frames  frames in the chunk
     * @param eEnergy per channel, the residual's energy over the chunk
     * @param mEnergy per channel, the mix's energy over the chunk
     */
    public void accept(double[][][] in, double[][] e, int offset, int frames, double[] eEnergy, double[] mEnergy) {
        int channels = e.length;
        if (withResidual == null) {
            allocate(channels);
        }
        for (int c = 0; c < channels; c++) {
            residualSums[c] += sum(e[c], 0, frames);
            residualEnergy[c] += eEnergy[c];
            mixEnergy[c] += mEnergy[c];
        }
        this.frames += frames;
        boolean own = stemsFrom == null;
        for (int c = 0; own && c < channels; c++) {
            sums(in, c, offset, frames, chunkSums);
            for (int i = 0; i < stems; i++) {
                stemSums[c][i] += chunkSums[i];
            }
        }
        for (int i = 0; i < stems; i++) {
            double self = 0;
            double withE = 0;
            for (int c = 0; c < channels; c++) {
                double[] si = in[i][c];
                if (!own) {
                    double we = NullSumKernel.dot(si, offset, e[c], 0, frames);
                    withResidual[c][i] += we;
                    withE += we;
                    continue;
                }
                // the row's products two at a time (NullSumKernel.dot2: each as dot makes it)
                NullSumKernel.dot2(si, offset, e[c], 0, si, offset, frames, pair, 0);
                double we = pair[0];
                double ss = pair[1];
                withResidual[c][i] += we;
                withE += we;
                gram[c][i][i] += ss;
                self += ss;
                double[] row = gram[c][i];
                int j = i + 1;
                for (; j + 1 < stems; j += 2) {
                    NullSumKernel.dot2(si, offset, in[j][c], offset, in[j + 1][c], offset, frames, pair, 0);
                    row[j] += pair[0];
                    row[j + 1] += pair[1];
                }
                if (j < stems) {
                    row[j] += NullSumKernel.dot(si, offset, in[j][c], offset, frames);
                }
            }
            if (own) {
                chunkSelf[i] = self;
            }
            chunkWithResidual[i] = withE;
        }
    }

    public double chunkSelf(int i) {
        return chunkSelf[i];
    }

    public double chunkWithResidual(int i) {
        return chunkWithResidual[i];
    }

    /** Channels fed so far (0 before the first chunk). */
    public int channels() {
        return withResidual == null ? 0 : withResidual.length;
    }

    private double[][][] gramSums() {
        return stemsFrom != null ? stemsFrom.gram : gram;
    }

    private double[][] stemSumsOf() {
        return stemsFrom != null ? stemsFrom.stemSums : stemSums;
    }

    /** The Gram matrix of channel {@code c}, about each file's mean, full (symmetric). */
    public double[][] channelGram(int c) {
        double[][] g = new double[stems][stems];
        double[][] sums = stemSumsOf();
        double[][][] all = gramSums();
        for (int i = 0; i < stems; i++) {
            for (int j = i; j < stems; j++) {
                g[i][j] = all[c][i][j] - sums[c][i] * sums[c][j] / frames;
                g[j][i] = g[i][j];
            }
        }
        return g;
    }

    /** {@code <stem_i, e>} of channel {@code c}, about the means. */
    public double[] channelWithResidual(int c) {
        double[] w = withResidual[c].clone();
        double[] sums = stemSumsOf()[c];
        for (int i = 0; i < stems; i++) {
            w[i] -= sums[i] * residualSums[c] / frames;
        }
        return w;
    }

    /** The residual's energy in channel {@code c}, about its mean. */
    public double channelResidualEnergy(int c) {
        return residualEnergy[c] - residualSums[c] * residualSums[c] / frames;
    }

    /** The mix's energy in channel {@code c}, about its mean ({@code m = sum(stems) - e}). */
    public double channelMixEnergy(int c) {
        double mixSum = -residualSums[c];
        for (double v : stemSumsOf()[c]) {
            mixSum += v;
        }
        return mixEnergy[c] - mixSum * mixSum / frames;
    }

    public double[][] gram() {
        double[][] g = new double[stems][stems];
        for (int c = 0; c < channels(); c++) {
            double[][] gc = channelGram(c);
            for (int i = 0; i < stems; i++) {
                for (int j = 0; j < stems; j++) {
                    g[i][j] += gc[i][j];
                }
            }
        }
        return g;
    }

    public double[] withResidual() {
        double[] w = new double[stems];
        for (int c = 0; c < channels(); c++) {
            double[] wc = channelWithResidual(c);
            for (int i = 0; i < stems; i++) {
                w[i] += wc[i];
            }
        }
        return w;
    }

    public double residualEnergy() {
        double s = 0;
        for (int c = 0; c < channels(); c++) {
            s += channelResidualEnergy(c);
        }
        return s;
    }

    public double mixEnergy() {
        double s = 0;
        for (int c = 0; c < channels(); c++) {
            s += channelMixEnergy(c);
        }
        return s;
    }

    /**
     * Per stem, the sum of its samples of channel {@code c} over the chunk into {@code out}: each
     * the same running sum, left to right, as {@link #sum} makes (the same bits), but four stems
     * in one loop. A running sum waits on its previous addition every sample; four independent
     * ones keep the adder busy (C2 does not vectorise a double reduction).
     */
    static void sums(double[][][] in, int c, int offset, int frames, double[] out) {
        int i = 0;
        for (; i + 4 <= in.length; i += 4) {
            double[] a = in[i][c];
            double[] b = in[i + 1][c];
            double[] x = in[i + 2][c];
            double[] d = in[i + 3][c];
            double sa = 0;
            double sb = 0;
            double sx = 0;
            double sd = 0;
            for (int t = 0; t < frames; t++) {
                sa += a[offset + t];
                sb += b[offset + t];
                sx += x[offset + t];
                sd += d[offset + t];
            }
            out[i] = sa;
            out[i + 1] = sb;
            out[i + 2] = sx;
            out[i + 3] = sd;
        }
        if (i + 2 <= in.length) {
            double[] a = in[i][c];
            double[] b = in[i + 1][c];
            double sa = 0;
            double sb = 0;
            for (int t = 0; t < frames; t++) {
                sa += a[offset + t];
                sb += b[offset + t];
            }
            out[i] = sa;
            out[i + 1] = sb;
            i += 2;
        }
        for (; i < in.length; i++) {
            out[i] = sum(in[i][c], offset, frames);
        }
    }

    static double sum(double[] x, int offset, int frames) {
        double s = 0;
        for (int t = 0; t < frames; t++) {
            s += x[offset + t];
        }
        return s;
    }
}
