package org.stemcheck.io;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A checksum of the decoded audio that the file itself stores (FLAC's STREAMINFO MD5, RFC 9639
 * section 8.2), and what reading the audio found.
 *
 * <p>The file's checksum is compared once a stream has decoded its last frame; until then
 * {@link #computed()} is empty. A mismatch also makes that stream's last {@link SampleStream#read}
 * throw an {@link AudioFileException}, so a caller that only reads is told too.
 *
 * @param algorithm the algorithm, e.g. {@code "MD5"}
 * @param stored    the digest the file stores, lower-case hex
 * @param computed  the digest of the decoded samples, lower-case hex, once a stream has read the
 *                  audio to its end; empty before, and for a truncated file, whose audio cannot
 *                  be checked
 */
public record Checksum(String algorithm, String stored, Optional<String> computed) {

    /** What reading the audio found. */
    public enum Status {
        /** The audio has not been read to its end (or cannot be: the file is truncated). */
        UNVERIFIED,
        /** The decoded samples have the stored digest: they are what the encoder was given. */
        MATCHED,
        /** The decoded samples differ from what the encoder was given: the audio is damaged. */
        MISMATCHED
    }

    /**
     * Checks the parts.
     *
     * @param algorithm not {@code null} or blank
     * @param stored    not {@code null}; hex digits, stored lower-case
     * @param computed  not {@code null}; hex digits, stored lower-case
     * @throws NullPointerException     when a part is {@code null}
     * @throws IllegalArgumentException when the algorithm is blank or a digest is not hex
     */
    public Checksum {
        Objects.requireNonNull(algorithm, "algorithm must not be null");
        Objects.requireNonNull(stored, "stored must not be null");
        Objects.requireNonNull(computed, "computed must not be null");
        if (algorithm.isBlank()) {
            throw new IllegalArgumentException("algorithm must not be blank");
        }
        stored = hex(stored, "stored");
        computed = computed.map(c -> hex(c, "computed"));
    }

    private static String hex(String s, String what) {
        if (s.isEmpty() || !s.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            throw new IllegalArgumentException(what + " must be hex digits: '" + s + "'");
        }
        return s.toLowerCase(Locale.ROOT);
    }

    /**
     * What reading the audio found.
     *
     * @return {@link Status#UNVERIFIED} until the audio has been read to its end, then
     *         {@link Status#MATCHED} or {@link Status#MISMATCHED}
     */
    public Status status() {
        return computed.map(c -> c.equals(stored) ? Status.MATCHED : Status.MISMATCHED).orElse(Status.UNVERIFIED);
    }
}
