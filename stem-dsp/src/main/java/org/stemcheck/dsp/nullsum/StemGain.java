package org.stemcheck.dsp.nullsum;

/**
 * The least-squares gain of one stem: the factor {@code scale} that, applied to the stem as
 * delivered, best reproduces the mix together with the other stems' factors
 * ({@code mix ~ sum_i scale_i * stem_i}).
 *
 * @param stem         index of the stem in the order it was fed
 * @param scale        the linear factor; {@code 1} = the stem is as in the mix, {@code -1} = the
 *                     stem is polarity inverted; for stems that are not identifiable the
 *                     minimum-norm share (a duplicated pair gets half each, a silent stem 1);
 *                     {@code NaN} when the input held non-finite samples
 * @param levelErrorDb how much louder the stem is than in the mix, {@code -20 log10|scale|}
 *                     ({@code +3} = the stem is 3 dB too loud); {@code NaN} when not identifiable
 * @param standardErrorDb the statistical uncertainty of {@code levelErrorDb} (one standard
 *                     error, dB) from the residual left after the fit, as ordinary least squares
 *                     gives it for a white residual; what is left unexplained (an offset stem, a
 *                     missing FX return) correlates with this stem by chance, about
 *                     {@code 1/sqrt(samples)}. A residual with fewer degrees of freedom than
 *                     samples (low-frequency content) makes the true uncertainty larger.
 *                     {@code NaN} when not identifiable
 * @param inverted     {@code scale < 0}: the stem's polarity is inverted relative to the mix
 * @param identifiable {@code false} when the stem is silent or a linear combination of other
 *                     stems (a duplicate): its share of the mix cannot be told apart
 */
public record StemGain(int stem, double scale, double levelErrorDb, double standardErrorDb,
                       boolean inverted, boolean identifiable) {
}
