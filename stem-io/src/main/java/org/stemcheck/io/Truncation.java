package org.stemcheck.io;

/**
 * A file whose header claims more audio than the file holds (a cut-off copy or upload). The
 * reader still delivers every whole frame that is present.
 *
 * @param claimedFrames   frames the header declares
 * @param availableFrames whole frames actually present, which the stream delivers
 */
public record Truncation(long claimedFrames, long availableFrames) {

    /**
     * Checks that something is missing.
     *
     * @param claimedFrames   greater than {@code availableFrames}
     * @param availableFrames {@code >= 0}
     * @throws IllegalArgumentException when {@code availableFrames} is negative or not below
     *                                  {@code claimedFrames}
     */
    public Truncation {
        if (availableFrames < 0 || claimedFrames <= availableFrames) {
            throw new IllegalArgumentException(
                    "a truncation claims more frames than are available: " + claimedFrames + " <= " + availableFrames);
        }
    }

    /**
     * The audio lost at the end.
     *
     * @return {@code claimedFrames - availableFrames}, {@code > 0}
     */
    public long missingFrames() {
        return claimedFrames - availableFrames;
    }
}
