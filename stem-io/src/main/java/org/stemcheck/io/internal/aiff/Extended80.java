package org.stemcheck.io.internal.aiff;

import org.stemcheck.io.internal.Bytes;

/**
 * The 80-bit IEEE 754 extended-precision number (big-endian) that AIFF uses for the sample rate.
 *
 * <p>Layout (Apple, "Audio Interchange File Format" 1.3, section "Data types"; IEEE 754-1985
 * double-extended as implemented by the 68881/x87): 1 sign bit, a 15-bit exponent biased by
 * 16383, and a 64-bit significand whose top bit is the explicit integer bit. Exponent 0x7FFF
 * encodes infinities (significand bits below the integer bit all zero) and NaNs.
 *
 * <p>{@link #decode} rounds the exact value once to the nearest {@code double}; every value a
 * {@code double} can hold (all integer rates, 22254.5454... and the like to 53 bits) comes back
 * exactly.
 */
final class Extended80 {

    /** The exponent bias of the 80-bit format (IEEE 754 double-extended). */
    private static final int BIAS = 16383;
    /** The exponent of an infinity or NaN. */
    private static final int EXP_SPECIAL = 0x7FFF;
    /** Bits of the significand after the binary point: the integer bit is bit 63. */
    private static final int FRACTION_BITS = 63;

    private Extended80() {
    }

    /**
     * The value of the 10 bytes at {@code b[at .. at + 10)}, rounded to the nearest double.
     * Infinities and NaNs come back as the double infinities and NaN; values beyond the double
     * range as infinity; values below it as zero.
     */
    static double decode(byte[] b, int at) {
        int signAndExponent = Bytes.u16be(b, at);
        boolean negative = (signAndExponent & 0x8000) != 0;
        int exponent = signAndExponent & EXP_SPECIAL;
        long significand = Bytes.u32be(b, at + 2) << 32 | Bytes.u32be(b, at + 6);
        double magnitude;
        if (exponent == EXP_SPECIAL) {
            magnitude = (significand << 1) == 0 ? Double.POSITIVE_INFINITY : Double.NaN;
        } else if (significand == 0) {
            magnitude = 0.0;
        } else {
            // Exponent 0 is a denormal with an effective exponent of 1 - BIAS.
            int e = exponent == 0 ? 1 - BIAS : exponent - BIAS;
            magnitude = Math.scalb(unsignedToDouble(significand), e - FRACTION_BITS);
        }
        return negative ? -magnitude : magnitude;
    }

    /**
     * An unsigned 64-bit integer rounded once to the nearest double: the bit shifted out is kept
     * as a sticky bit, so the halving cannot cause a second rounding.
     */
    private static double unsignedToDouble(long v) {
        if (v >= 0) {
            return v;
        }
        return (double) ((v >>> 1) | (v & 1)) * 2.0;
    }
}
