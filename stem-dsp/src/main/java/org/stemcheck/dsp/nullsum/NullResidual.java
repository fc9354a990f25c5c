package org.stemcheck.dsp.nullsum;

import java.util.List;
import org.stemcheck.dsp.internal.set.Decibels;

/**
 * The plain null: {@code sum(stems) - mix}, every stem at unity gain and no offset.
 *
 * <p>Levels in dB are residual energy over mix energy ({@code 10 log10(sum e^2 / sum m^2)}):
 * {@code -200} stands for a digital null (no residual at all) and {@code NaN} for a silent mix,
 * where the ratio is undefined. A 24-bit delivery that nulls perfectly sits near {@code -140};
 * a float delivery deeper.
 *
 * @param channelDb      per channel, the residual energy relative to that channel of the mix
 * @param totalDb        over all channels
 * @param segmentSeconds the length of one segment of {@code segments} (100 ms, doubled for
 *                       very long files so that the trace stays bounded)
 * @param segments       the residual along time, the last segment possibly shorter
 * @param channelCorrelation Pearson's r between the residual's two channels over the whole
 *                       comparison: near 0 for a diffuse residual (a missing reverb return), near
 *                       1 for a centred one (a missing bass line or vocal); {@code NaN} for other
 *                       than two channels or a silent residual
 * @param sumPeak        the highest absolute sample of {@code sum(stems)} at unity gains, any
 *                       channel (full scale 1.0): what the stems would peak at summed without a
 *                       mix bus
 * @param mixPeak        the highest absolute sample of the mix over the same frames
 */
public record NullResidual(List<Double> channelDb, double totalDb, double segmentSeconds,
                           List<Segment> segments, double channelCorrelation, double sumPeak, double mixPeak) {

    /** The level reported for a residual of exactly zero, in dB. */
    public static final double DIGITAL_NULL_DB = Decibels.DIGITAL_NULL_DB;

    /**
     * Copies the lists.
     *
     * @param channelDb      not {@code null}; copied
     * @param totalDb        dB, {@link #DIGITAL_NULL_DB} or {@code NaN} as above
     * @param segmentSeconds {@code > 0}
     * @param segments       not {@code null}; copied
     * @param channelCorrelation -1 to 1, or {@code NaN}
     * @param sumPeak        {@code >= 0}
     * @param mixPeak        {@code >= 0}
     */
    public NullResidual {
        channelDb = List.copyOf(channelDb);
        segments = List.copyOf(segments);
    }

    /**
     * One stretch of time: RMS of the residual and of the mix over all channels (full scale 1.0).
     *
     * @param startSeconds from the start of the files
     * @param endSeconds   exclusive
     * @param residualRms  RMS of {@code sum(stems) - mix}
     * @param mixRms       RMS of the mix
     */
    public record Segment(double startSeconds, double endSeconds, double residualRms, double mixRms) {

        /**
         * How well this stretch nulls: the residual relative to the mix. A segment near 0 dB is
         * where the stems stop summing to the mix (a missing effect, a muted part).
         *
         * @return dB; {@link #DIGITAL_NULL_DB} for no residual, {@code NaN} where the mix is silent
         */
        public double relativeDb() {
            return Decibels.ratio(residualRms * residualRms, mixRms * mixRms);
        }
    }

    /**
     * The worst segments first, for a report's "where".
     *
     * @param max the most segments to return, {@code >= 0}
     * @return the segments with the highest {@link Segment#relativeDb()}, worst first; segments
     *         of silent mix are left out
     * @throws IllegalArgumentException when {@code max} is negative
     */
    public List<Segment> worst(int max) {
        if (max < 0) {
            throw new IllegalArgumentException("max must be >= 0, got " + max);
        }
        return segments.stream()
                .filter(s -> !Double.isNaN(s.relativeDb()))
                .sorted((a, b) -> Double.compare(b.relativeDb(), a.relativeDb()))
                .limit(max)
                .toList();
    }
}
