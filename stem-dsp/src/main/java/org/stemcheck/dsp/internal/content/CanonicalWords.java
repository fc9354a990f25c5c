package org.stemcheck.dsp.internal.content;

/**
 * The canonical samples of {@code org.stemcheck.dsp.content.ContentHash}, two to a 64-bit word for
 * {@code org.stemcheck.dsp.content.ContentDigest}: each sample rounded to IEEE 754 binary32, with
 * {@code -0.0} as {@code +0.0} and every NaN as the canonical NaN; the first sample's bits in the
 * high half of the word, the second's in the low half.
 */
final class CanonicalWords {

    /** The low half of a long. */
    private static final long LOW_32 = 0xFFFF_FFFFL;

    /** The bits {@link Float#floatToIntBits} gives every NaN. */
    private static final int CANONICAL_NAN = 0x7FC0_0000;

    private CanonicalWords() {
    }

    /** @return the canonical bits of {@code hi} above those of {@code lo} */
    static long word(double hi, double lo) {
        return ((long) bits(hi) << 32) | (bits(lo) & LOW_32);
    }

    /**
     * The sample's canonical bits, as {@code ContentHash} writes them: adding +0 turns -0 into +0
     * (IEEE 754 round to nearest) and leaves every other value as it is; every NaN (the one
     * value not equal to itself) becomes the one {@link Float#floatToIntBits} gives, by a select
     * the compiler can make branch-free.
     */
    static int bits(double v) {
        float f = (float) v + 0.0f;
        return f == f ? Float.floatToRawIntBits(f) : CANONICAL_NAN;
    }
}
