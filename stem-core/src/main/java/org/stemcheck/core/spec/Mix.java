package org.stemcheck.core.spec;

/**
 * The thresholds of the null test against the reference mix ({@code mix.gain}, {@code mix.null}).
 *
 * @param gainWarningDb a stem this far (dB) from its level in the mix is a warning
 * @param gainErrorDb   from this far (dB) on, an error
 * @param nullWarningDb a residual above this (dB relative to the mix) leaves something unexplained: a warning
 * @param nullErrorDb   a residual above this (dB relative to the mix) is an error
 */
public record Mix(double gainWarningDb, double gainErrorDb, double nullWarningDb, double nullErrorDb) {

    /** About the just-noticeable level step for music (0.5-1 dB): a stem this far off is flagged. */
    public static final double GAIN_WARNING_DB = 0.5;

    /** From 1 dB on a level difference changes the balance audibly: an error. */
    public static final double GAIN_ERROR_DB = 1.0;

    /**
     * A null shallower than -50 dB leaves something unexplained: a 24-bit delivery nulls to about
     * -140 dB, and dither, float-to-integer export and resampling stay below -90 dB. The null
     * test's own judgement reads the same number ({@code NullTestResult.UNEXPLAINED_DB}); it is
     * defined here so that the spec does not depend on the null test's result.
     */
    public static final double NULL_WARNING_DB = -50.0;

    /** An unexplained part louder than -20 dB (relative to the mix) is plainly audible in it: an error. */
    public static final double NULL_ERROR_DB = -20.0;

    /** Today's thresholds of the null test. */
    public static final Mix DEFAULT = new Mix(GAIN_WARNING_DB, GAIN_ERROR_DB, NULL_WARNING_DB, NULL_ERROR_DB);

    /**
     * Validates.
     *
     * @param gainWarningDb finite, {@code > 0}
     * @param gainErrorDb   finite, {@code >= gainWarningDb}
     * @param nullWarningDb finite, {@code <= 0}
     * @param nullErrorDb   finite, {@code >= nullWarningDb} and {@code <= 0}
     * @throws IllegalArgumentException when a value is out of range or the pairs are out of order
     */
    public Mix {
        if (!(gainWarningDb > 0) || Double.isInfinite(gainErrorDb) || !(gainErrorDb >= gainWarningDb)) {
            throw new IllegalArgumentException("mix gain thresholds must satisfy 0 < warning <= error: "
                    + gainWarningDb + ", " + gainErrorDb);
        }
        DeliverySpec.requireLevel("nullWarningDb", nullWarningDb);
        DeliverySpec.requireLevel("nullErrorDb", nullErrorDb);
        if (nullErrorDb < nullWarningDb) {
            throw new IllegalArgumentException("mix null thresholds must satisfy warning <= error: "
                    + nullWarningDb + ", " + nullErrorDb);
        }
    }
}
