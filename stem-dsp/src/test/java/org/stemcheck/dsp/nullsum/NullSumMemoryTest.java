package org.stemcheck.dsp.nullsum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.stemcheck.dsp.Allocations;

/**
 * The memory estimate callers plan the heap with ({@link NullSumSetup#estimatedBytes(int, boolean,
 * boolean)}) bounds what a null sum really allocates, and the compact offset search saves what it
 * says at the same answers.
 */
class NullSumMemoryTest {

    private static final int RATE = Signals.RATE;
    private static final int STEMS = 3;

    /**
     * Everything allocated, garbage included, from creation through the results bounds what is
     * held at any moment. (With more mixes each mix's result is made after the other's, so their
     * transients are not summed: one mix is the case to bound.)
     */
    @Test
    void everythingANullSumAllocatesFromCreationToResultsIsWithinItsEstimate() {
        for (boolean compact : new boolean[] {false, true}) {
            for (int stemCount : new int[] {STEMS, 7}) {
                int mixes = 1;
                NullSumSetup setup = NullSumSetup.of(RATE, stemCount, 2).withHalves(5 * RATE, 0.1);
                double[][][] stems = stems(stemCount, 10 * RATE);
                double[][][] mixBlocks = new double[mixes][][];
                for (int k = 0; k < mixes; k++) {
                    mixBlocks[k] = Signals.mix(stems);
                }
                long before = Allocations.currentThread();
                NullSum sum = NullSum.create(setup, mixes, false, null, compact);
                for (int at = 0; at < 10 * RATE; at += 8192) {
                    sum.accept(stems, mixBlocks, at, Math.min(8192, 10 * RATE - at));
                }
                for (int k = 0; k < mixes; k++) {
                    sum.result(k);
                }
                long allocated = Allocations.currentThread() - before;

                // the allocations of the whole life bound the peak held at any moment
                assertThat(allocated).as("compact %s, %d stems", compact, stemCount)
                        .isLessThanOrEqualTo(setup.estimatedBytes(mixes, false, compact));
            }
        }
    }

    @Test
    void theCompactOffsetSearchHoldsAboutHalfAndFindsTheSameOffset() {
        NullSumSetup setup = NullSumSetup.of(RATE, STEMS, 2);
        assertThat(setup.compactOffsetsSave()).isTrue();
        long full = setup.estimatedBytes(1, false, false);
        long compact = setup.estimatedBytes(1, false, true);
        assertThat(compact).isLessThan(full * 2 / 3);

        double[][][] stems = stems(STEMS, 10 * RATE);
        double[][] mix = Signals.mix(stems);
        // the second stem printed 12.5 ms (600 samples) late
        for (int c = 0; c < 2; c++) {
            stems[1][c] = Signals.delay(stems[1][c], 600);
        }
        NullResult a = feed(NullSum.create(setup, 1, false, null, false), stems, mix);
        NullResult b = feed(NullSum.create(setup, 1, false, null, true), stems, mix);
        assertThat(b.offsets().get(1).samples()).isCloseTo(a.offsets().get(1).samples(), within(0.05));
        assertThat(b.offsets().get(1).samples()).isCloseTo(600, within(0.05));
        assertThat(b.offsets().get(1).displaced()).isTrue();
        assertThat(b.offsets().get(0).displaced()).isFalse();
    }

    @Test
    void aRangeWithoutADecimatedStageHasNothingToMakeCompact() {
        // at 8 kHz the offsets are searched at the full rate alone
        assertThat(NullSumSetup.of(8_000, 2, 1).compactOffsetsSave()).isFalse();
        NullSumSetup low = NullSumSetup.of(8_000, 2, 1);
        assertThat(low.estimatedBytes(1, false, true)).isEqualTo(low.estimatedBytes(1, false, false));
    }

    private static NullResult feed(NullSum sum, double[][][] stems, double[][] mix) {
        for (int at = 0; at < mix[0].length; at += 8192) {
            sum.accept(stems, mix, at, Math.min(8192, mix[0].length - at));
        }
        return sum.result();
    }

    private static double[][][] stems(int count, int n) {
        double[][][] out = new double[count][][];
        out[0] = Signals.pan(Signals.drums(1, n, 120, RATE), 0.5);
        out[1] = Signals.pan(Signals.noise(2, n, 0.2), 0.3);
        out[2] = Signals.pan(Signals.tones(n, RATE, 110, 220, 440), 0.6);
        for (int i = 3; i < count; i++) {
            out[i] = Signals.pan(Signals.noise(10 + i, n, 0.05), 0.8);
        }
        return out;
    }
}
