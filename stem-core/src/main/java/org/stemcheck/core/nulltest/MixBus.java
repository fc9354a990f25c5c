package org.stemcheck.core.nulltest;

/**
 * Whether the mix carries processing common to every stem (master fader, makeup gain, a bus
 * compressor or limiter the stems lack).
 *
 * @param processed    true when it does
 * @param commonGainDb the gain shared by the stems against the mix (the median level error of
 *                     the stems), dB: positive when the stems are louder than in the mix; 0
 *                     when not processed
 * @param limited      true when the stems summed peak well over a mix that peaks near full
 *                     scale: a limiter or clipper on the mix bus
 * @param stemsPeakDbfs the highest sample of the stems summed at unity gain, dBFS ({@code NaN}
 *                     when unknown)
 * @param mixPeakDbfs  the highest sample of the mix over the same frames, dBFS ({@code NaN}
 *                     when unknown)
 * @param latencySamples how late the mix is against the stems as a whole, samples (0: in
 *                     place): most stems are displaced by the same amount, so the mix is the
 *                     one out of place (a look-ahead limiter or linear-phase EQ on the mix bus
 *                     whose latency was not compensated). The stems' {@link Offset}s are
 *                     given against it
 */
public record MixBus(boolean processed, double commonGainDb, boolean limited, double stemsPeakDbfs,
                     double mixPeakDbfs, double latencySamples) {

    /**
     * Processing judged from the gains alone (peaks unknown).
     *
     * @param processed    true when the mix carries processing common to every stem
     * @param commonGainDb the gain the stems share against the mix, dB
     */
    public MixBus(boolean processed, double commonGainDb) {
        this(processed, commonGainDb, false, Double.NaN, Double.NaN, 0.0);
    }
}
