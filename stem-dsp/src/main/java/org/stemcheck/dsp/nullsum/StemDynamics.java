package org.stemcheck.dsp.nullsum;

/**
 * Whether the mix treats one stem with a constant gain or a level-dependent one (compression or
 * expansion the stem lacks or has in excess).
 *
 * <p>Per 100 ms segment where the stem is active, the least-squares gain {@code g} of the stem
 * into its own part of the mix (mix minus the other stems) is taken in dB against the stem's
 * level in dBFS; a straight line is fitted through those points. A plain gain difference moves
 * the line up or down ({@link #meanGainDb}); compression in the mix that the stem lacks tilts it
 * down ({@link #slope} below 0: loud passages are turned down more than quiet ones).
 *
 * <p>A compressor acting on peaks only leaves most segments alone, which dilutes a straight line
 * through all of them; {@link #loudReductionDb} measures it directly: the median gain of the
 * quieter half of the segments minus the median gain of the loudest tenth ({@link #LOUD_SHARE}),
 * the typical gain reduction on the hits.
 *
 * @param stem        index of the stem in input order
 * @param segments    active segments used (stem above {@link #ACTIVE_DBFS})
 * @param meanGainDb  mean of the per-segment gains, dB
 * @param slope       dB of gain change per dB of stem level; 0 = a constant gain, -0.5 = a 2:1
 *                    compressor acting over the whole range; {@code NaN} with fewer than
 *                    {@link #MIN_SEGMENTS} segments or less than {@link #MIN_LEVEL_SPREAD_DB} of
 *                    level spread
 * @param spreadDb    standard deviation of the per-segment gains about the fitted line, dB
 * @param loudReductionDb how much more the mix turns the stem down on its loudest passages than
 *                    on its quieter half, dB (positive: turned down more; 0 for a plain gain);
 *                    {@code NaN} with fewer than {@link #MIN_LOUD_SEGMENTS} segments
 */
public record StemDynamics(int stem, int segments, double meanGainDb, double slope, double spreadDb,
                           double loudReductionDb) {

    /** Segments quieter than this (stem RMS, dBFS) are left out: the gain is noise there. */
    public static final double ACTIVE_DBFS = -70.0;

    /** Fewest segments for a slope (a line through fewer points says nothing). */
    public static final int MIN_SEGMENTS = 5;

    /** Least level range, in dB, over which a slope is fitted. */
    public static final double MIN_LEVEL_SPREAD_DB = 3.0;

    /** The loudest tenth of the segments are the passages a compressor acts on. */
    public static final double LOUD_SHARE = 0.1;

    /** Fewest segments for {@link #loudReductionDb}: 2 s of sound, at least two loud segments against ten quiet ones. */
    public static final int MIN_LOUD_SEGMENTS = 20;
}
