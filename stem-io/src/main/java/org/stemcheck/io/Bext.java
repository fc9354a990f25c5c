package org.stemcheck.io;

import java.util.Objects;
import java.util.Optional;

/**
 * The Broadcast Wave Format {@code bext} chunk (EBU Tech 3285 v2).
 *
 * @param description      free text, at most 256 characters
 * @param originator       the device or program that made the file
 * @param originatorReference a unique reference the originator assigned
 * @param originationDate  {@code yyyy-mm-dd} as written (not validated)
 * @param originationTime  {@code hh:mm:ss} as written (not validated)
 * @param timeReference    the first sample's position since midnight, in samples at the file's
 *                         rate (unsigned 64-bit in the file; values above {@code Long.MAX_VALUE}
 *                         are not meaningful and are kept as read)
 * @param version          the bext version (0, 1 or 2)
 * @param umid             the 64-byte SMPTE UMID, as hex, empty when all zero (version 1+)
 * @param loudness         the version 2 loudness fields, where present and not all zero
 * @param codingHistory    the coding history text (may be empty)
 */
public record Bext(
        String description,
        String originator,
        String originatorReference,
        String originationDate,
        String originationTime,
        long timeReference,
        int version,
        String umid,
        Optional<BextLoudness> loudness,
        String codingHistory) {

    /**
     * Checks that no field is {@code null} (absent text is the empty string).
     *
     * @param description         not {@code null}
     * @param originator          not {@code null}
     * @param originatorReference not {@code null}
     * @param originationDate     not {@code null}; kept as written
     * @param originationTime     not {@code null}; kept as written
     * @param timeReference       as read, in samples at the file's rate
     * @param version             as read (0, 1 or 2 in a conforming file)
     * @param umid                not {@code null}; empty when the file's UMID is all zero
     * @param loudness            not {@code null}; empty before version 2
     * @param codingHistory       not {@code null}
     * @throws NullPointerException when a text field or {@code loudness} is {@code null}
     */
    public Bext {
        Objects.requireNonNull(description, "description must not be null");
        Objects.requireNonNull(originator, "originator must not be null");
        Objects.requireNonNull(originatorReference, "originatorReference must not be null");
        Objects.requireNonNull(originationDate, "originationDate must not be null");
        Objects.requireNonNull(originationTime, "originationTime must not be null");
        Objects.requireNonNull(umid, "umid must not be null");
        Objects.requireNonNull(loudness, "loudness must not be null");
        Objects.requireNonNull(codingHistory, "codingHistory must not be null");
    }

    /**
     * The bext version 2 loudness fields, each stored in the file as a 16-bit integer of 1/100 units.
     *
     * @param loudnessValue       integrated loudness, LUFS
     * @param loudnessRange       loudness range, LU
     * @param maxTruePeakLevel    maximum true peak, dBTP
     * @param maxMomentaryLoudness maximum momentary loudness, LUFS
     * @param maxShortTermLoudness maximum short-term loudness, LUFS
     */
    public record BextLoudness(
            double loudnessValue,
            double loudnessRange,
            double maxTruePeakLevel,
            double maxMomentaryLoudness,
            double maxShortTermLoudness) {
    }
}
