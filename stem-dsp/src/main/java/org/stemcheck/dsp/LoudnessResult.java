package org.stemcheck.dsp;

import java.util.Objects;

/**
 * Loudness of a programme per ITU-R BS.1770-4 and EBU Tech 3341 / 3342.
 *
 * <p>Special values: {@code -infinity} where the audio is silent (integrated: no 400 ms block
 * above the -70 LUFS absolute gate; maxima: only digital silence); {@code NaN} where the audio is
 * too short for the measurement (integrated and max momentary: under 400 ms; max short-term and
 * loudness range: under 3 s). Loudness range is {@code 0} when no short-term value passes its
 * gates.
 *
 * @param integratedLufs     gated programme loudness (BS.1770-4 Annex 1 section 2.8)
 * @param loudnessRangeLu    LRA (EBU Tech 3342)
 * @param maxMomentaryLufs   highest momentary (400 ms) loudness, evaluated every 10 ms
 * @param maxShortTermLufs   highest short-term (3 s) loudness, evaluated every 10 ms
 * @param relativeGateLufs   the relative gate of the integrated measure (integrated of the
 *                           absolutely gated blocks - 10 LU)
 * @param rangeLowLufs       the 10th percentile of the gated short-term values
 * @param rangeHighLufs      the 95th percentile of the gated short-term values
 * @param gatingBlocks       400 ms blocks measured (before gating)
 * @param frames             frames measured
 * @param timeline           momentary and short-term loudness every 100 ms
 */
public record LoudnessResult(
        double integratedLufs,
        double loudnessRangeLu,
        double maxMomentaryLufs,
        double maxShortTermLufs,
        double relativeGateLufs,
        double rangeLowLufs,
        double rangeHighLufs,
        int gatingBlocks,
        long frames,
        LoudnessTimeline timeline) {

    /**
     * Checks the timeline.
     *
     * @param integratedLufs   LUFS, {@code -infinity} or {@code NaN} as above
     * @param loudnessRangeLu  LU, {@code >= 0} or {@code NaN}
     * @param maxMomentaryLufs LUFS
     * @param maxShortTermLufs LUFS
     * @param relativeGateLufs LUFS
     * @param rangeLowLufs     LUFS
     * @param rangeHighLufs    LUFS
     * @param gatingBlocks     {@code >= 0}
     * @param frames           {@code >= 0}
     * @param timeline         not {@code null}
     */
    public LoudnessResult {
        Objects.requireNonNull(timeline, "timeline must not be null");
    }
}
