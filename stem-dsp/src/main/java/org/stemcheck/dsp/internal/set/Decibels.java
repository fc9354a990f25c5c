package org.stemcheck.dsp.internal.set;

/**
 * Energy ratios in dB as the null test reports them: a digital null (no residual at all) is
 * {@link #DIGITAL_NULL_DB} and a silent reference {@code NaN}.
 */
public final class Decibels {

    /** The level of a residual of exactly zero, in dB: far below any real null, and finite. */
    public static final double DIGITAL_NULL_DB = -200.0;

    private Decibels() {
    }

    /** {@code 10 log10(num / den)}; NaN when {@code den <= 0}; the digital-null floor for 0. */
    public static double ratio(double num, double den) {
        if (!(den > 0.0)) {
            return Double.NaN;
        }
        if (num <= 0.0) {
            return DIGITAL_NULL_DB;
        }
        return Math.max(DIGITAL_NULL_DB, 10.0 * Math.log10(num / den));
    }
}
