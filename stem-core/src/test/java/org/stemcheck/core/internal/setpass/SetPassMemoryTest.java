package org.stemcheck.core.internal.setpass;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.stemcheck.dsp.nullsum.NullSum;
import org.stemcheck.dsp.nullsum.NullSumSetup;

/** The set pass's plan from the heap: what it holds stays within the budget, and degrades in order. */
class SetPassMemoryTest {

    private static final long MIB = 1L << 20;
    /** dev101: 7 stereo stems and 2 mixes of 8 s at 48 kHz. */
    private static final int RATE = 48_000;
    private static final long SONG_FRAMES = 8L * RATE;

    @Test
    void everyPlanHoldsNoMoreThanItsBudget() {
        int[][] layouts = {{48_000, 7, 2, 2}, {48_000, 8, 2, 1}, {96_000, 20, 2, 1}, {44_100, 40, 2, 3},
                {192_000, 16, 6, 1}, {48_000, 2, 1, 16}, {22_050, 3, 1, 1}};
        for (int[] l : layouts) {
            for (long heap = 32 * MIB; heap <= 2048 * MIB; heap += 32 * MIB) {
                MemoryBudget budget = new MemoryBudget(heap);
                MemoryBudget.Plan plan = budget.plan(l[0], l[1], l[2], l[3], 240L * l[0]);
                long limit = budget.forNullTests(l[1] + l[3]);
                NullSumSetup setup = Drifts.measuring(new NullSumSetup(l[0], l[1], l[2], plan.rangeSeconds()),
                        240L * l[0]);
                String what = String.format("%s at %d MiB: %s", java.util.Arrays.toString(l), heap >> 20, plan);
                if (plan.fits()) {
                    assertThat(plan.bytes()).as(what).isLessThanOrEqualTo(limit);
                    assertThat(setup.estimatedBytes(plan.mixesPerPass(), false, plan.compact())).as(what)
                            .isEqualTo(plan.bytes());
                    assertThat(plan.mixesPerPass()).as(what).isBetween(1, Math.min(l[3], NullSum.MAX_MIXES));
                } else {
                    assertThat(plan.bytes()).as(what).isGreaterThan(limit);
                }
            }
        }
    }

    @Test
    void moreHeapNeverGivesALesserPlanAndTheNamedHeapGivesTheFullOne() {
        int[][] layouts = {{48_000, 7, 2, 2}, {96_000, 20, 2, 1}, {44_100, 40, 2, 3}};
        for (int[] l : layouts) {
            MemoryBudget.Plan previous = null;
            for (long heap = 32 * MIB; heap <= 2048 * MIB; heap += 16 * MIB) {
                MemoryBudget.Plan plan = new MemoryBudget(heap).plan(l[0], l[1], l[2], l[3], SONG_FRAMES);
                if (previous != null && previous.fits()) {
                    assertThat(plan.fits()).isTrue();
                    assertThat(plan.rangeSeconds()).isGreaterThanOrEqualTo(previous.rangeSeconds());
                }
                previous = plan;
            }
            MemoryBudget.Plan small = new MemoryBudget(64 * MIB).plan(l[0], l[1], l[2], l[3], SONG_FRAMES);
            MemoryBudget.Plan named = new MemoryBudget(small.heapForFull()).plan(l[0], l[1], l[2], l[3], SONG_FRAMES);
            assertThat(named.fits()).isTrue();
            assertThat(named.narrowed()).isFalse();
            assertThat(named.compact()).isFalse();
            assertThat(named.mixesPerPass()).isEqualTo(l[3]);
            assertThat(small.xmx()).isEqualTo("-Xmx" + (small.heapForFull() >> 20) + "m");
        }
    }

    @Test
    void theSongGetsTheFullNullTestUnder128MiBAndBothMixesInOnePassUnder256MiB() {
        // java -Xmx128m ... dev101/clean: the same findings as with the default heap (no narrowing)
        MemoryBudget.Plan small = new MemoryBudget(128 * MIB).plan(RATE, 7, 2, 2, SONG_FRAMES);
        assertThat(small.fits()).isTrue();
        assertThat(small.narrowed()).isFalse();

        MemoryBudget.Plan film = new MemoryBudget(256 * MIB).plan(RATE, 7, 2, 2, SONG_FRAMES);
        assertThat(film.narrowed()).isFalse();
        assertThat(film.compact()).isFalse();
    }

    @Test
    void twentyHiResStemsFitUnder256MiBAndATinyHeapIsRefusedWithTheHeapToUse() {
        MemoryBudget.Plan hires = new MemoryBudget(256 * MIB).plan(96_000, 20, 2, 1, 240L * 96_000);
        assertThat(hires.fits()).isTrue();

        MemoryBudget.Plan tiny = new MemoryBudget(48 * MIB).plan(96_000, 20, 2, 1, 240L * 96_000);
        assertThat(tiny.fits()).isFalse();
        assertThat(tiny.describe()).contains("too small").contains("48 MiB");
        assertThat(tiny.heapForFull()).isGreaterThan(256 * MIB);
    }

    @Test
    void eachFurtherMixCostsLessThanTheFirst() {
        // the stems' share (rings, loudest hops, transforms) is held once for all mixes
        NullSumSetup song = NullSumSetup.of(RATE, 7, 2);
        long first = song.estimatedBytes(1);
        long second = song.estimatedBytes(2) - first;
        assertThat(second).isLessThan(first / 2);
    }
}
