package org.stemcheck.core.internal.setpass;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.stemcheck.dsp.nullsum.NullSum;
import org.stemcheck.dsp.nullsum.NullSumSetup;

class SetPassMemoryTest {

    private static final long MIB = 1L << 20;
    private static final NullSumSetup SONG = NullSumSetup.of(48_000, 7, 2);

    @Test
    void underTheFilmsHeapASongsFullAndInstrumentalMixesShareOnePass() {
        // the benchmark song (7 stereo stems, 2 mixes) under -Xmx256m: each file decoded once
        assertThat(SetPass.mixesPerPass(SONG, 2, 256 * MIB)).isEqualTo(2);
        assertThat(SONG.estimatedBytes(2)).isLessThanOrEqualTo((long) (SetPass.HEAP_SHARE * 256 * MIB));
    }

    @Test
    void aSmallHeapTakesAsManyMixesAPassAsFitAndAlwaysOne() {
        long one = SONG.estimatedBytes(1);
        long three = SONG.estimatedBytes(3);
        assertThat(SetPass.mixesPerPass(SONG, 5, (long) (three / SetPass.HEAP_SHARE))).isEqualTo(3);
        assertThat(SetPass.mixesPerPass(SONG, 5, (long) (one / SetPass.HEAP_SHARE))).isEqualTo(1);
        assertThat(SetPass.mixesPerPass(SONG, 5, 1)).isEqualTo(1);
        assertThat(SetPass.mixesPerPass(SONG, 40, Long.MAX_VALUE)).isEqualTo(NullSum.MAX_MIXES);
    }

    @Test
    void eachFurtherMixCostsLessThanTheFirst() {
        // the stems' share (rings, loudest hops, transforms) is held once for all mixes
        long first = SONG.estimatedBytes(1);
        long second = SONG.estimatedBytes(2) - first;
        assertThat(second).isLessThan(first / 2);
    }
}
