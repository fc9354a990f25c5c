package org.stemcheck.core.internal.nulltest;

/** Whether the stems leave a part of the mix unexplained that is worth characterising. */
final class Unexplained {

    private Unexplained() {
    }

    /**
     * Null shallower than {@link Thresholds#NULL_WARNING_DB} against a mix without mix-bus
     * processing, and not the leftover of a fractional offset ({@link SetAnalysis#fractionLeft()}).
     */
    static boolean significant(SetAnalysis a) {
        return !a.mixbusProcessing() && !a.fractionLeft() && Double.isFinite(a.nullDb())
                && a.nullDb() > Thresholds.NULL_WARNING_DB;
    }

    /** Significant, and not explained by a stem lacking its bus processing: something no stem carries. */
    static boolean inNoStem(SetAnalysis a) {
        if (!significant(a) || !(a.nullDb() < Thresholds.EXPLAINED_DB)) {
            return false;
        }
        for (int i = 0; i < a.stems().size(); i++) {
            if (BusProcessingCheck.lacking(a, i).isPresent()) {
                return false;
            }
        }
        return true;
    }
}
