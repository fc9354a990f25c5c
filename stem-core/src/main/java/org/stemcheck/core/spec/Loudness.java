package org.stemcheck.core.spec;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * The integrated loudness (ITU-R BS.1770-4) the mix must have, with a tolerance, and the
 * largest true peak it may reach. A miss is {@code level.loudness}.
 *
 * @param targetLufs      the target; empty: no target (nothing is checked)
 * @param toleranceLu     how far the loudness may stand from the target, either way
 * @param maxTruePeakDbtp the largest true peak of the files the target applies to: it tightens
 *                        {@code level.true-peak} for them; empty: the {@link Levels} ceiling,
 *                        for stems only
 * @param appliesTo       which files are measured against the target
 * @param gating          which blocks of the mix the loudness is measured over: all of them
 *                        (BS.1770's programme loudness), or those in which the dialogue stem is
 *                        active (dialogue-gated, as Netflix asks of a printmaster)
 */
public record Loudness(OptionalDouble targetLufs, double toleranceLu, OptionalDouble maxTruePeakDbtp,
                       Scope appliesTo, Gating gating) {

    /** No loudness target (the music and film presets: their stems are not loudness-normalised). */
    public static final Loudness NONE = new Loudness(OptionalDouble.empty(), 1.0, OptionalDouble.empty(), Scope.MIX);

    /** Which 400 ms blocks of a mix its loudness is measured over. */
    public enum Gating {
        /** ITU-R BS.1770-4 integrated loudness: every block, gated at -70 LUFS and 10 LU below the programme. */
        PROGRAMME,
        /**
         * Dialogue-gated: the mix's blocks in which a dialogue stem of the delivery is active (its own
         * block above its BS.1770 absolute and relative gates), gated at -70 LUFS.
         */
        DIALOGUE
    }

    /**
     * A target measured over the whole programme (the form before dialogue gating was added).
     *
     * @param targetLufs      as in the canonical constructor
     * @param toleranceLu     as in the canonical constructor
     * @param maxTruePeakDbtp as in the canonical constructor
     * @param appliesTo       as in the canonical constructor
     */
    public Loudness(OptionalDouble targetLufs, double toleranceLu, OptionalDouble maxTruePeakDbtp, Scope appliesTo) {
        this(targetLufs, toleranceLu, maxTruePeakDbtp, appliesTo, Gating.PROGRAMME);
    }

    /** Which files a loudness target applies to. */
    public enum Scope {
        /** Every mix of the delivery (a mixdown, a printmaster): role {@link org.stemcheck.core.file.Role#MIXDOWN}. */
        MIX,
        /** Every stem and effect stem on its own (libraries and games that take normalised files). */
        STEMS
    }

    /**
     * Validates.
     *
     * @param targetLufs      empty, or finite and between -70 LUFS (BS.1770's absolute gate) and 0
     * @param toleranceLu     finite, {@code >= 0}
     * @param maxTruePeakDbtp empty, or finite and {@code <= 0}
     * @param appliesTo       not {@code null}
     * @param gating          not {@code null}; {@link Gating#DIALOGUE} only for the mix
     * @throws IllegalArgumentException when a value is out of range, or dialogue gating is asked
     *                                  of the stems (a stem has no dialogue stem of its own)
     */
    public Loudness {
        Objects.requireNonNull(targetLufs, "targetLufs must not be null");
        Objects.requireNonNull(maxTruePeakDbtp, "maxTruePeakDbtp must not be null");
        Objects.requireNonNull(appliesTo, "appliesTo must not be null");
        targetLufs.ifPresent(t -> {
            if (!(t >= -70.0 && t <= 0.0)) {
                throw new IllegalArgumentException("targetLufs must be in -70..0 LUFS: " + t);
            }
        });
        DeliverySpec.requireTolerance("toleranceLu", toleranceLu);
        maxTruePeakDbtp.ifPresent(tp -> DeliverySpec.requireLevel("maxTruePeakDbtp", tp));
        Objects.requireNonNull(gating, "gating must not be null");
        if (gating == Gating.DIALOGUE && appliesTo != Scope.MIX) {
            throw new IllegalArgumentException("dialogue gating measures the mix over the dialogue stem's lines:"
                    + " it applies to the mix, not to the stems");
        }
    }
}
