package org.stemcheck.core.spec;

/**
 * Length and start-time tolerances.
 *
 * @param lengthToleranceSeconds   stems whose durations differ by more than this differ
 * @param timecodeToleranceSeconds start times that differ by more than this differ
 * @param requireTimeReference     whether every file must carry a BWF TimeReference
 */
public record Timing(double lengthToleranceSeconds, double timecodeToleranceSeconds, boolean requireTimeReference) {

    /**
     * Validates.
     *
     * @param lengthToleranceSeconds   finite, {@code >= 0}
     * @param timecodeToleranceSeconds finite, {@code >= 0}
     * @param requireTimeReference     as wanted
     * @throws IllegalArgumentException when a tolerance is negative or not finite
     */
    public Timing {
        DeliverySpec.requireTolerance("lengthToleranceSeconds", lengthToleranceSeconds);
        DeliverySpec.requireTolerance("timecodeToleranceSeconds", timecodeToleranceSeconds);
    }
}
