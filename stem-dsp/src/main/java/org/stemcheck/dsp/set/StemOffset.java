package org.stemcheck.dsp.set;

/**
 * The time offset of one stem against the mix, from the PHAT-weighted cross-correlation of the
 * stem with what the mix holds of it (the mix minus the other stems), accumulated over the whole
 * length.
 *
 * @param stem       index of the stem in input order
 * @param samples    the offset in samples, to a fraction of a sample; positive = the stem is
 *                   late (starts after its place in the mix), negative = early
 * @param seconds    {@code samples / sampleRate}
 * @param coherence  the height of the whitened correlation peak, 0..1: 1 = the stem and the mix
 *                   agree in phase at every frequency for this offset (a pure delay), near 0 = no
 *                   relation found; see {@link #CONFIDENT_COHERENCE}
 * @param peakRatio  the peak over the highest other peak further than 1 ms away (>= 1); near 1
 *                   means ambiguous (e.g. periodic material at a multiple of the beat)
 * @param alignedScale the stem's least-squares gain into its own part of the mix once moved by
 *                   the offset ({@code mix part ~ alignedScale * stem(t + samples)}), from the
 *                   unweighted correlation at the peak over the stem's energy: the gain of an
 *                   offset stem, whose {@link StemGain} (fitted without moving it) means nothing
 * @param inverted   the correlation peak is negative (the stem's polarity is inverted)
 */
public record StemOffset(int stem, double samples, double seconds, double coherence,
                         double peakRatio, double alignedScale, boolean inverted) {

    /**
     * A coherence above which the offset is a clear answer. Chosen from the tests of this
     * module: uncorrelated signals give peaks below 0.02 at 2^19-point resolution, matching stems
     * above 0.3 even with other stems' errors in the reference.
     */
    public static final double CONFIDENT_COHERENCE = 0.1;

    /** How much louder the stem is than in the mix once aligned, dB: {@code -20 log10 |alignedScale|}. */
    public double alignedLevelErrorDb() {
        return -20.0 * Math.log10(Math.abs(alignedScale));
    }

    /** The offset rounded to whole samples. */
    public long wholeSamples() {
        return Math.round(samples);
    }

    /** {@code coherence >= CONFIDENT_COHERENCE} and the peak at least twice the next one. */
    public boolean confident() {
        return coherence >= CONFIDENT_COHERENCE && peakRatio >= 2.0;
    }
}
