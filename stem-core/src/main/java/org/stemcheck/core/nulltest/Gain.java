package org.stemcheck.core.nulltest;

import java.util.List;

/**
 * The factor that, applied to the stem as delivered, best reproduces the mix together with
 * the other stems' factors (least squares over the whole length).
 *
 * @param scale           the factor: 1 = as in the mix, -1 = polarity inverted
 * @param levelErrorDb    how much louder the stem is than in the mix, {@code -20 log10|scale|}
 *                        (+3 = 3 dB too loud); {@code NaN} when not identifiable
 * @param standardErrorDb one standard error of {@code levelErrorDb}, dB, from the residual
 *                        left after the fit; {@code NaN} when not identifiable
 * @param identifiable    false when the stem is silent or a combination of other stems (a
 *                        duplicate): its share of the mix cannot be told apart
 * @param channelLevelErrorDb per channel, how much louder the stem's channel is than in that
 *                        channel of the mix (the gains fitted channel by channel), dB; a
 *                        difference between channels is a pan or balance other than the mix's;
 *                        empty for mono or when not identifiable
 */
public record Gain(double scale, double levelErrorDb, double standardErrorDb, boolean identifiable,
                   List<Double> channelLevelErrorDb) {

    /**
     * Copies the list.
     *
     * @param scale               the factor
     * @param levelErrorDb        dB or {@code NaN}
     * @param standardErrorDb     dB or {@code NaN}
     * @param identifiable        as told
     * @param channelLevelErrorDb not {@code null}; copied
     */
    public Gain {
        channelLevelErrorDb = List.copyOf(channelLevelErrorDb);
    }

    /**
     * How far apart the channels' level errors are: the pan or balance difference.
     *
     * @return the largest minus the smallest, dB; 0 for fewer than two finite channels
     */
    public double channelSpreadDb() {
        double[] v = channelLevelErrorDb.stream().mapToDouble(Double::doubleValue).filter(Double::isFinite).toArray();
        return v.length < 2 ? 0.0 : java.util.Arrays.stream(v).max().orElseThrow()
                - java.util.Arrays.stream(v).min().orElseThrow();
    }

    /**
     * Whether the stem is polarity-inverted against the mix.
     *
     * @return {@code scale < 0}
     */
    public boolean inverted() {
        return scale < 0;
    }
}
