package org.stemcheck.io.internal.flac;

import java.io.IOException;
import java.util.Locale;

/**
 * The coded residual of a FIXED or LPC subframe (RFC 9639 section 9.2.7): a 2-bit coding method
 * (0: 4-bit Rice parameters, 1: 5-bit; 2 and 3 reserved), a 4-bit partition order, then per
 * partition a Rice parameter, or the escape code followed by a 5-bit width and that many bits
 * per residual, unencoded.
 */
final class Residual {

    /** A residual must fit a 32-bit two's complement number (RFC 9639 section 9.2.7), so its zigzag-folded value is below 2^32. */
    private static final long MAX_FOLDED = 0xFFFF_FFFFL;
    /** The escape code of 4-bit and 5-bit Rice parameters: all ones (RFC 9639 section 9.2.7). */
    private static final int ESCAPE4 = 0xF;
    private static final int ESCAPE5 = 0x1F;

    private Residual() {
    }

    /**
     * Reads the residual of {@code out[order .. blockSize)} into {@code out}.
     *
     * @throws BadFrame   when the coding breaks the format
     * @throws InputEnded when the input ends inside it
     */
    static void read(BitReader r, long[] out, int blockSize, int order) throws IOException {
        int method = (int) r.bits(2);
        if (method > 1) {
            throw new BadFrame("residual coding method " + method + " is reserved (RFC 9639 section 9.2.7)");
        }
        int paramBits = method == 0 ? 4 : 5;
        int escape = method == 0 ? ESCAPE4 : ESCAPE5;
        int partitionOrder = (int) r.bits(4);
        int partitions = 1 << partitionOrder;
        if ((blockSize & (partitions - 1)) != 0) {
            throw new BadFrame(String.format(Locale.ROOT,
                    "partition order %d does not divide the block of %d samples (RFC 9639 section 9.2.7)",
                    partitionOrder, blockSize));
        }
        int perPartition = blockSize >>> partitionOrder;
        if (perPartition < order) {
            throw new BadFrame(String.format(Locale.ROOT,
                    "partitions of %d samples cannot hold the %d warm-up samples of the predictor (RFC 9639 section 9.2.7)",
                    perPartition, order));
        }
        int i = order;
        for (int p = 0; p < partitions; p++) {
            int end = (p + 1) * perPartition;
            int param = (int) r.bits(paramBits);
            if (param == escape) {
                int width = (int) r.bits(5);
                if (width == 0) {
                    java.util.Arrays.fill(out, i, end, 0L);
                } else {
                    for (; i < end; i++) {
                        out[i] = r.signed(width);
                    }
                }
                i = end;
            } else {
                rice(r, out, i, end, param);
                i = end;
            }
        }
    }

    /** Rice-coded residuals with parameter {@code k} into {@code out[from .. to)}. */
    private static void rice(BitReader r, long[] out, int from, int to, int k) throws IOException {
        long maxQuotient = MAX_FOLDED >>> k;
        for (int i = from; i < to; i++) {
            long folded = r.rice(k, maxQuotient);
            if (folded < 0 || folded > MAX_FOLDED) {
                throw new BadFrame("a residual beyond 32 bits (RFC 9639 section 9.2.7)");
            }
            out[i] = (folded >>> 1) ^ -(folded & 1);
        }
    }
}
