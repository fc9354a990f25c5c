package org.stemcheck.io.internal.flac;

import java.io.IOException;
import java.util.Locale;

/**
 * Decodes one subframe (RFC 9639 section 9.2): the header with its type and wasted bits
 * (sections 9.2.1, 9.2.2), then a CONSTANT (9.2.3), VERBATIM (9.2.4), FIXED (9.2.5) or LPC
 * (9.2.6) body. Samples are {@code long}: a side channel of 32-bit audio needs 33 bits, and
 * prediction sums of up to 32 products of 33-bit samples and 15-bit coefficients need 53 (RFC
 * 9639 appendix A), so 64-bit arithmetic never overflows on a valid stream.
 */
final class Subframes {

    /** Subframe types (RFC 9639 section 9.2.1): 0 CONSTANT, 1 VERBATIM, 8-12 FIXED of order 0-4, 32-63 LPC of order 1-32. */
    private static final int CONSTANT = 0;
    private static final int VERBATIM = 1;
    private static final int FIXED = 8;
    private static final int FIXED_MAX_ORDER = 4;
    private static final int LPC = 32;
    /** LPC coefficient precision code 15 (a precision of 16 bits) is invalid (RFC 9639 section 9.2.6). */
    private static final int INVALID_PRECISION = 15;

    private Subframes() {
    }

    /**
     * Reads one subframe of {@code blockSize} samples of {@code sampleBits} bits (the frame's bit
     * depth, plus one for a side channel) into {@code out[0 .. blockSize)}.
     *
     * @throws BadFrame   when the subframe breaks the format or decodes to samples outside its bit depth
     * @throws InputEnded when the input ends inside it
     */
    static void read(BitReader r, long[] out, int blockSize, int sampleBits, long[] coefficients) throws IOException {
        if (r.bits(1) != 0) {
            throw new BadFrame("the subframe header's first bit is not 0 (RFC 9639 section 9.2.1)");
        }
        int type = (int) r.bits(6);
        int wasted = 0;
        if (r.bits(1) == 1) {
            long k = r.unary(sampleBits - 2L);
            if (k < 0) {
                throw new BadFrame(String.format(Locale.ROOT,
                        "wasted bits leave no bit of the %d-bit samples (RFC 9639 section 9.2.2)", sampleBits));
            }
            wasted = (int) k + 1;
        }
        int bits = sampleBits - wasted;
        if (type == CONSTANT) {
            java.util.Arrays.fill(out, 0, blockSize, r.signed(bits));
        } else if (type == VERBATIM) {
            for (int i = 0; i < blockSize; i++) {
                out[i] = r.signed(bits);
            }
        } else if (type >= FIXED && type <= FIXED + FIXED_MAX_ORDER) {
            int order = type - FIXED;
            warmUp(r, out, blockSize, order, bits);
            Residual.read(r, out, blockSize, order);
            Predictors.fixed(out, blockSize, order);
        } else if (type >= LPC) {
            int order = type - LPC + 1;
            warmUp(r, out, blockSize, order, bits);
            int precisionCode = (int) r.bits(4);
            if (precisionCode == INVALID_PRECISION) {
                throw new BadFrame("LPC coefficient precision code 15 is invalid (RFC 9639 section 9.2.6)");
            }
            int precision = precisionCode + 1;
            int shift = (int) r.signed(5);
            if (shift < 0) {
                throw new BadFrame("a negative LPC shift " + shift + " (RFC 9639 section 9.2.6)");
            }
            for (int j = 0; j < order; j++) {
                coefficients[j] = r.signed(precision);
            }
            Residual.read(r, out, blockSize, order);
            Predictors.lpc(out, blockSize, coefficients, order, shift);
        } else {
            throw new BadFrame("subframe type " + type + " is reserved (RFC 9639 section 9.2.1)");
        }
        checkRange(out, blockSize, bits);
        if (wasted > 0) {
            for (int i = 0; i < blockSize; i++) {
                out[i] <<= wasted;
            }
        }
    }

    /** The predictor's first {@code order} samples, stored as they are (RFC 9639 sections 9.2.5, 9.2.6). */
    private static void warmUp(BitReader r, long[] out, int blockSize, int order, int bits) throws IOException {
        if (order > blockSize) {
            throw new BadFrame(String.format(Locale.ROOT,
                    "a predictor of order %d needs more warm-up samples than the block's %d", order, blockSize));
        }
        for (int i = 0; i < order; i++) {
            out[i] = r.signed(bits);
        }
    }

    /** Every sample must fit the subframe's bit depth; a predictor that leaves it means a broken stream. */
    private static void checkRange(long[] out, int blockSize, int bits) throws BadFrame {
        long min = -(1L << (bits - 1));
        long max = (1L << (bits - 1)) - 1;
        for (int i = 0; i < blockSize; i++) {
            long v = out[i];
            if (v < min || v > max) {
                throw new BadFrame(String.format(Locale.ROOT,
                        "sample %d decodes to %d, outside the %d-bit range (RFC 9639 section 9.2)", i, v, bits));
            }
        }
    }
}
