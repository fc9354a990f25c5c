package org.stemcheck.dsp.nullsum;

/**
 * The time offset of one stem against the mix, from the PHAT-weighted cross-correlation of the
 * stem with what the mix holds of it (the mix minus the other stems); frequencies where that
 * reference is mostly other stems' errors get less weight. The correlation is accumulated over
 * the whole length at a reduced rate (which peak; coherence and peak ratio) and the peak located
 * at the full rate in the hop where the stem is loudest (the fraction of a sample, the width,
 * the aligned gain).
 *
 * <p>Accuracy (tests, 8 s at 48 kHz): integer offsets of a drum stem up to one beat early or
 * late within 0.001 samples; a 2.5-sample fractional delay of broadband stems within 0.03. A
 * stem of few partials (pure tones) locates to about a sample when other stems' errors fill its
 * reference. Strictly periodic material (an identical hit on every beat) is ambiguous by nature
 * at multiples of the period; it shows as {@code peakRatio} near 1.
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
 * @param peakWidthSamples the full width of the peak at half its height, samples: the
 *                   resolution the stem's spectrum allows. About 1 for broadband material; tens
 *                   of samples for a stem of a few low partials, whose offset is then good to a
 *                   fraction of this width only, however high the coherence
 * @param alignedScale the stem's least-squares gain into its own part of the mix once moved by
 *                   the offset ({@code mix part ~ alignedScale * stem(t + samples)}), from the
 *                   unweighted correlation at the peak over the stem's energy: the gain of an
 *                   offset stem, whose {@link StemGain} (fitted without moving it) means nothing
 * @param inverted   the correlation peak is negative (the stem's polarity is inverted)
 */
public record StemOffset(int stem, double samples, double seconds, double coherence,
                         double peakRatio, double peakWidthSamples, double alignedScale,
                         boolean inverted) {

    /**
     * A coherence above which the offset is a clear answer. Chosen from this module's tests
     * (8 s, 48 kHz): a stem that is not in the mix peaks at 0.007; matching stems stay above 0.34
     * even with a foreign stem's whole energy in their reference, above 0.9 alone.
     */
    public static final double CONFIDENT_COHERENCE = 0.1;

    /** A peak at least this much higher than every other one is clear: twice the height. */
    public static final double CLEAR_PEAK_RATIO = 2.0;

    /**
     * How much louder the stem is than in the mix once aligned.
     *
     * @return dB, {@code -20 log10 |alignedScale|}: +6 means the delivered stem is 6 dB hotter
     *         than its part of the mix
     */
    public double alignedLevelErrorDb() {
        return -20.0 * Math.log10(Math.abs(alignedScale));
    }

    /**
     * The offset rounded to whole samples: what to nudge the stem by in a DAW.
     *
     * @return samples; positive = late, negative = early
     */
    public long wholeSamples() {
        return Math.round(samples);
    }

    /**
     * Whether the offset is a clear answer.
     *
     * @return {@code coherence >= CONFIDENT_COHERENCE} and the peak at least twice the next one
     */
    public boolean confident() {
        return coherence >= CONFIDENT_COHERENCE && peakRatio >= CLEAR_PEAK_RATIO;
    }

    /**
     * Confident and at least half a peak width (and half a sample) away from 0: the stem is out
     * of place by more than its own spectrum can blur. What {@link NullSumSetup#alignedTo}
     * undoes.
     *
     * @return true when the stem should be moved by {@link #wholeSamples()}
     */
    public boolean displaced() {
        return confident() && Math.abs(samples) >= Math.max(0.5, peakWidthSamples / 2);
    }
}
