package org.stemcheck.dsp.nullsum;

import java.util.Objects;

/**
 * One stem's offset against the mix measured separately over the first and over the second part
 * of the song ({@link NullSumSetup#withHalves}): a stem exported on a clock that runs fast or
 * slow is later by the end than at the start, so its two offsets differ. Each part's offset is a
 * whole-length average over that part (the null test's coarse, whitened correlation, with the
 * parts' own narrow range), and is placed in time at {@code firstCentreSeconds} /
 * {@code secondCentreSeconds}: the centroid of the stem's first-difference energy within the part,
 * where the whitened correlation draws its evidence from (onsets and high partials rather than the
 * low ring that dominates plain energy).
 *
 * <p>The drift rate is {@code (second.samples() - first.samples()) / (secondCentreSeconds -
 * firstCentreSeconds)} samples per second. Whether the offsets can be trusted is for the caller to
 * judge: {@link StemOffset#confident()}, and an offset near the edge of the parts' range may be a
 * peak beyond it.
 *
 * @param stem                the stem's index, in input order
 * @param first               its offset over the frames before the split
 * @param second              its offset over the frames from the split on
 * @param firstCentreSeconds  where the first offset applies, seconds from the first frame compared
 *                            (NaN when the stem has no energy there)
 * @param secondCentreSeconds where the second offset applies, likewise
 */
public record HalfOffsets(int stem, StemOffset first, StemOffset second, double firstCentreSeconds,
                          double secondCentreSeconds) {

    /**
     * Checks the offsets are there.
     *
     * @param stem                the stem's index
     * @param first               not null
     * @param second              not null
     * @param firstCentreSeconds  seconds, or NaN
     * @param secondCentreSeconds seconds, or NaN
     */
    public HalfOffsets {
        Objects.requireNonNull(first, "first must not be null");
        Objects.requireNonNull(second, "second must not be null");
    }
}
