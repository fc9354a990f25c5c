package org.stemcheck.core.nulltest;

/**
 * A stem's time offset against the mix, from the whitened cross-correlation of the stem with
 * its part of the mix.
 *
 * @param samples          the offset to a fraction of a sample: positive = late, negative = early;
 *                         against the mix less its own latency ({@link MixBus#latencySamples()}),
 *                         that is against the other stems when the mix is the one out of place
 * @param coherence        the height of the whitened correlation peak, 0..1 (1: a pure delay)
 * @param peakRatio        the peak over the next highest one further than 1 ms away; near 1 is
 *                         ambiguous (periodic material)
 * @param peakWidthSamples the peak's width at half height, samples: the resolution the stem's
 *                         spectrum allows
 * @param confident        the offset is a clear answer (coherent and unambiguous)
 * @param displaced        confident, far enough from 0 to be out of place and, for an offset
 *                         of a few samples, significant: a mix that nulls to the stems as
 *                         delivered, gains aside, and no explanation other than the offset
 *                         (a compressed or limited mix, a missing part or another take
 *                         shift a correlation peak by a sample or two)
 */
public record Offset(double samples, double coherence, double peakRatio, double peakWidthSamples,
                     boolean confident, boolean displaced) {
    /**
     * The offset rounded to whole samples: what to nudge the stem by in a DAW.
     *
     * @return samples; positive = late
     */
    public long wholeSamples() {
        return Math.round(samples);
    }
}
