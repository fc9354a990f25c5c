package org.stemcheck.core.internal.diagnosis;

/** The limits the mix checks judge by, each with where the number comes from. */
public final class Thresholds {

    /** A stem this far from its level in the mix is flagged (the brief's default; about the just-noticeable level step for music, 0.5-1 dB). */
    public static final double GAIN_WARNING_DB = 0.5;

    /** From here on a level difference changes the balance audibly: an error. */
    public static final double GAIN_ERROR_DB = 1.0;

    /**
     * While the stems leave part of the mix unexplained, a gain error below this may be that part's
     * share (dev101 with its FX stem dropped: BackingVocals reads 1.1 dB, the reverb it feeds being
     * missing), so it is a warning, not an error.
     */
    public static final double GAIN_UNCERTAIN_DB = 2.0;

    /** A gain estimate must stand this many standard errors clear of 0 to count (3 sigma). */
    public static final double SIGMAS = 3.0;

    /** An inverted stem counts as a polarity error when its gain is within 6 dB of -1 (|scale| >= 0.5). */
    public static final double POLARITY_MIN_SCALE = 0.5;

    /**
     * A null shallower than this (after gains and offsets) leaves something unexplained. A 24-bit
     * delivery nulls to about -140 dB, dev101's clean stems to -119 dB; -50 dB leaves room for
     * dither, float-to-integer export and resampling, which stay below -90 dB.
     */
    public static final double NULL_WARNING_DB = org.stemcheck.core.nulltest.NullTestResult.UNEXPLAINED_DB;

    /** An unexplained part louder than this (relative to the mix) is an error: it is plainly audible in the mix. */
    public static final double NULL_ERROR_DB = -20.0;

    /**
     * The stems must reproduce at least a tenth of the mix, band by band ({@code BandEvidence}:
     * what they leave uncovered at most -0.46 dB), before what is left is characterised as a
     * missing part: otherwise the file is no mix of these stems at all (a pad tone named as the
     * mix of a drum, bass and vocal delivery). A tenth, not a half: a song's loudest stem left out
     * takes most of the mix with it (LMMS renders: the beat or the bass, 60-80 % of the power), and
     * that is the missing stem to report.
     */
    public static final double EXPLAINED_DB = 10 * Math.log10(0.9);

    /**
     * Against a mix with bus processing the stems must reproduce half of it, as before: its own
     * processing and a render that differs throughout (LMMS with 2x oversampling, nulling to
     * -14.5 to +2.6 dB) leave large uncovered shares that are no missing stem (FinalStep read
     * "low-frequency content at 45-71 Hz, 1.5 dB below the mix" with a tenth).
     */
    public static final double EXPLAINED_UNDER_BUS_DB = -3.0;

    /**
     * A residual whose channels correlate less than this is diffuse (reverb, ping-pong delay);
     * a missing instrument is mostly centred or panned, with channels correlated well above it.
     * Set between dev101's missing FX (-0.09) and the drums' missing bus processing (0.49).
     */
    public static final double DIFFUSE_CORRELATION = 0.25;

    /**
     * A residual whose channels correlate at least this much sits in the centre: 0.9, where a
     * panned or wide part has lost most of its side signal. Between this and
     * {@link #DIFFUSE_CORRELATION} it is partly wide: a stereo instrument or a partly mono return
     * (the generated ballad's and rock song's reverbs read 0.53 and 0.74).
     */
    public static final double CENTRED_CORRELATION = 0.9;

    /** A stem's transfer varying across bands by more than this (dB, band groups against the mids) is EQ the stem lacks: a typical bus shelf is 1-3 dB. */
    public static final double EQ_SHAPE_DB = 0.75;

    /**
     * A stem whose loudest passages the mix turns down this much more than its quiet ones lacks a
     * compressor ({@code StemDynamics.loudReductionDb}): 1 dB, the just-noticeable level step for
     * music. Measured in the tests: compressors the stem lacks read 2.1-3.5 dB (dev101 Drums, max gain reduction
     * 5-6.8 dB); stems without one, next to a missing FX stem or bass stem, -0.9 to +0.23 dB.
     */
    public static final double COMPRESSION_DB = 1.0;

    /** A dynamics slope this much below the other stems' is compression the stem lacks (-0.05 dB/dB: a 1.05:1 ratio over the whole range). */
    public static final double SLOPE = 0.05;

    /**
     * A residual at least this far under the level of the stems a lossy codec went through is their
     * coding noise and lost top end: perceptual coders shape their noise under the masking threshold,
     * which ISO/IEC 11172-3 psychoacoustic model 1 (Annex D) sets 2-6 dB under a noise-like masker
     * (masking index -2.025 - 0.175 z dB) and further under tones, so 6 dB is its upper end.
     */
    public static final double CODEC_NOISE_MARGIN_DB = 6.0;

    /**
     * The stems' summed power more than 4 dB above the mix's: they carry the mix-bus chain's makeup
     * gain. Stems sum to the mix without bus processing (dev101 clean: about 0 dB against the
     * unprocessed mix; with the chain in every stem +8 dB), and correlation between stems moves the
     * rough power sum by less than 3 dB.
     */
    public static final double MAKEUP_EXCESS_DB = 4.0;

    private Thresholds() {
    }

    /**
     * A stem is named for what the residual shows (a gain, missing bus processing) only when at
     * least this share of its own part of the mix (the mix minus the other stems) is coherent with
     * it. Measured on the three generated songs of the tests: stems at a wrong level, without their
     * bus EQ and compression, or innocent next to a clean fault 0.9-1.0; a reverb or delay return
     * whose dry source is missing, truncated or another take 0.34-0.55 (its fitted gain then takes
     * up the missing source through their correlation: "Reverb is 4.0 dB quieter").
     */
    public static final double MIN_OWN_COHERENCE = 0.75;

    /**
     * A stem is named for lacking compression alone (no EQ shape) only from this own coherence on
     * ({@link #MIN_OWN_COHERENCE}'s reading): measured on the generated songs, stems that lack their
     * bus compressor 0.99-1.00, a dry vocal whose reverb return is missing (read as "1.7 dB less
     * compression") 0.95.
     */
    public static final double COMPRESSION_OWN_COHERENCE = 0.98;
}
