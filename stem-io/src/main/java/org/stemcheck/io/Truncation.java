package org.stemcheck.io;

/**
 * A file whose header claims more audio than the file holds (a cut-off copy or upload). The
 * reader still delivers every whole frame that is present.
 *
 * @param claimedFrames   frames the header declares
 * @param availableFrames whole frames actually present, which the stream delivers
 */
public record Truncation(long claimedFrames, long availableFrames) {

    public Truncation {
        if (availableFrames < 0 || claimedFrames <= availableFrames) {
            throw new IllegalArgumentException(
                    "a truncation claims more frames than are available: " + claimedFrames + " <= " + availableFrames);
        }
    }

    /** Frames the header declares that are missing. */
    public long missingFrames() {
        return claimedFrames - availableFrames;
    }
}
