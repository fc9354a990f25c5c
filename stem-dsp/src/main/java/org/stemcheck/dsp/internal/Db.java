package org.stemcheck.dsp.internal;

/** Decibel conversions. Zero maps to negative infinity; NaN stays NaN. */
public final class Db {

    private Db() {
    }

    /** {@code 20 log10 |amplitude|}: an amplitude ratio (full scale = 1.0) in dB. */
    public static double amplitude(double amplitude) {
        return 20.0 * Math.log10(Math.abs(amplitude));
    }

    /** {@code 10 log10 power}: a power ratio in dB. */
    public static double power(double power) {
        return 10.0 * Math.log10(power);
    }

    /** The power ratio of {@code db} decibels. */
    public static double toPower(double db) {
        return Math.pow(10.0, db / 10.0);
    }

    /** The amplitude ratio of {@code db} decibels. */
    public static double toAmplitude(double db) {
        return Math.pow(10.0, db / 20.0);
    }
}
