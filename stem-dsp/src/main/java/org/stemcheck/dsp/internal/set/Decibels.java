package org.stemcheck.dsp.internal.set;

import org.stemcheck.dsp.set.NullResidual;

/** Energy ratios in dB with the conventions of {@link NullResidual}. */
final class Decibels {

    private Decibels() {
    }

    /** {@code 10 log10(num / den)}; NaN when {@code den <= 0}; the digital-null floor for 0. */
    static double ratio(double num, double den) {
        if (!(den > 0.0)) {
            return Double.NaN;
        }
        if (num <= 0.0) {
            return NullResidual.DIGITAL_NULL_DB;
        }
        return Math.max(NullResidual.DIGITAL_NULL_DB, 10.0 * Math.log10(num / den));
    }
}
