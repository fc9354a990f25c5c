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
 * <p>{@code G} does not depend on the mix: the accumulators of other mixes fed the same chunks
 * read it from the first one's ({@link #GramAccumulator(int, GramAccumulator)}) and sum only
 * their own {@code c}.
 */
public final class GramAccumulator {

    private final int stems;
    private final double[][] gram;
    private final double[] withResidual;
    private final double[] chunkSelf;
    private final double[] chunkWithResidual;
    /** Whether {@link #gram} and {@link #chunkSelf} are another accumulator's, which sums them. */
    private final boolean sharesStems;
    private double residualEnergy;
    private double mixEnergy;
    /** Per stem and channel, the sum of its samples (shared like {@link #gram}); per channel, the residual's. */
    private final double[][] stemSums;
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
        this.sharesStems = stemsFrom != null;
        this.gram = sharesStems ? stemsFrom.gram : new double[stems][stems];
        this.chunkSelf = sharesStems ? stemsFrom.chunkSelf : new double[stems];
        this.withResidual = new double[stems];
        this.chunkWithResidual = new double[stems];
        this.stemSums = sharesStems ? stemsFrom.stemSums : new double[stems][];
    }

    /**
     * Adds one chunk: {@code stems[i][c][offset ..+frames)}, the residual {@code e[c][0..frames)}
     * and the energies of residual and mix over this chunk (all channels).
     */
    public void accept(double[][][] in, double[][] e, int offset, int frames, double eEnergy, double mEnergy) {
        int channels = e.length;
        if (residualSums == null) {
            residualSums = new double[channels];
        }
        for (int c = 0; c < channels; c++) {
            residualSums[c] += sum(e[c], 0, frames);
        }
        this.frames += frames;
        if (sharesStems) {
            for (int i = 0; i < stems; i++) {
                double withE = 0;
                for (int c = 0; c < channels; c++) {
                    withE += NullSumKernel.dot(in[i][c], offset, e[c], 0, frames);
                }
                withResidual[i] += withE;
                chunkWithResidual[i] = withE;
            }
            residualEnergy += eEnergy;
            mixEnergy += mEnergy;
            return;
        }
        for (int i = 0; i < stems; i++) {
            double self = 0;
            double withE = 0;
            if (stemSums[i] == null) {
                stemSums[i] = new double[channels];
            }
            for (int c = 0; c < channels; c++) {
                double[] si = in[i][c];
                stemSums[i][c] += sum(si, offset, frames);
                self += NullSumKernel.dot(si, offset, si, offset, frames);
                withE += NullSumKernel.dot(si, offset, e[c], 0, frames);
                for (int j = i + 1; j < stems; j++) {
                    gram[i][j] += NullSumKernel.dot(si, offset, in[j][c], offset, frames);
                }
            }
            gram[i][i] += self;
            withResidual[i] += withE;
            chunkSelf[i] = self;
            chunkWithResidual[i] = withE;
        }
        residualEnergy += eEnergy;
        mixEnergy += mEnergy;
    }

    /** {@code <stem_i, stem_i>} over the last chunk. */
    public double chunkSelf(int i) {
        return chunkSelf[i];
    }

    /** {@code <stem_i, e>} over the last chunk. */
    public double chunkWithResidual(int i) {
        return chunkWithResidual[i];
    }

    /** The full symmetric Gram matrix, a fresh copy. */
    public double[][] gram() {
        double[][] g = new double[stems][stems];
        for (int i = 0; i < stems; i++) {
            for (int j = i; j < stems; j++) {
                g[i][j] = gram[i][j] - meanProduct(stemSums[i], stemSums[j]);
                g[j][i] = g[i][j];
            }
        }
        return g;
    }

    public double[] withResidual() {
        double[] w = withResidual.clone();
        for (int i = 0; i < stems; i++) {
            w[i] -= meanProduct(stemSums[i], residualSums);
        }
        return w;
    }

    public double residualEnergy() {
        return residualEnergy - meanProduct(residualSums, residualSums);
    }

    public double mixEnergy() {
        double[] mixSums = residualSums == null ? null : new double[residualSums.length];
        for (int c = 0; mixSums != null && c < mixSums.length; c++) {
            for (double[] stem : stemSums) {
                mixSums[c] += stem == null ? 0 : stem[c];
            }
            mixSums[c] -= residualSums[c];
        }
        return mixEnergy - meanProduct(mixSums, mixSums);
    }

    /** {@code sum_c a[c] b[c] / frames}: the product of the means, times the frames, over channels. */
    private double meanProduct(double[] a, double[] b) {
        if (a == null || b == null || frames == 0) {
            return 0.0;
        }
        double s = 0;
        for (int c = 0; c < a.length; c++) {
            s += a[c] * b[c];
        }
        return s / frames;
    }

    private static double sum(double[] x, int offset, int frames) {
        double s = 0;
        for (int t = 0; t < frames; t++) {
            s += x[offset + t];
        }
        return s;
    }
}
