package org.stemcheck.core.spec;

/**
 * Headroom and the level limits the per-file checks judge by.
 *
 * @param truePeakCeilingDbtp   true peaks above this (dBTP) are a warning; above 0 dBTP an error
 * @param samplePeakCeilingDbfs sample peaks above this (dBFS) are a warning ({@code level.true-peak})
 * @param maxDcOffsetDbfs       a DC offset above this (dBFS) is a warning
 * @param silentPeakDbfs        a stem whose sample peak stays below this (dBFS) is silent
 * @param clipRunSamples        consecutive full-scale samples that make a clipped run
 */
public record Levels(double truePeakCeilingDbtp, double samplePeakCeilingDbfs, double maxDcOffsetDbfs,
                     double silentPeakDbfs, int clipRunSamples) {

    /**
     * Validates.
     *
     * @param truePeakCeilingDbtp   finite, {@code <= 0}
     * @param samplePeakCeilingDbfs finite, {@code <= 0}
     * @param maxDcOffsetDbfs       finite, {@code <= 0}
     * @param silentPeakDbfs        finite, {@code <= 0}
     * @param clipRunSamples        {@code >= 1}
     * @throws IllegalArgumentException when a level is not finite or above full scale, or the
     *         run length is below 1
     */
    public Levels {
        DeliverySpec.requireLevel("truePeakCeilingDbtp", truePeakCeilingDbtp);
        DeliverySpec.requireLevel("samplePeakCeilingDbfs", samplePeakCeilingDbfs);
        DeliverySpec.requireLevel("maxDcOffsetDbfs", maxDcOffsetDbfs);
        DeliverySpec.requireLevel("silentPeakDbfs", silentPeakDbfs);
        if (clipRunSamples < 1) {
            throw new IllegalArgumentException("clipRunSamples must be at least 1: " + clipRunSamples);
        }
    }
}
