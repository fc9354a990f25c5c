package org.stemcheck.dsp.nullsum;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.stemcheck.dsp.Spectrum;
import org.stemcheck.dsp.WelchSpectrum;

/** Null tests whose short-time spectra run on an executor measure what they measure on the caller's thread, to the bit. */
class NullSumExecutorTest {

    private static final double[][][] STEMS = Stems.with(Stems.standard(), Stems.DRUMS,
            Stems.map(Stems.standard()[Stems.DRUMS], x -> Signals.delay(x, 120)));
    private static final double[][] MIX = Signals.mix(Stems.standard());
    private static final double[][][] MIXES = {MIX, scaled(MIX, 0.7)};
    /** Odd, so that the queue's blocks (8192 frames) and the caller's do not line up. */
    private static final int BLOCK = 5000;

    @Test
    void theSpectraMeasuredOnAPoolAreTheSpectraMeasuredInline() {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        AtomicInteger tasks = new AtomicInteger();
        try {
            NullSum inline = feed(NullSum.create(NullSumSetup.of(Signals.RATE, STEMS.length, 2), 2, true));
            NullSum pooled = feed(NullSum.create(NullSumSetup.of(Signals.RATE, STEMS.length, 2), 2, true,
                    r -> {
                        tasks.incrementAndGet();
                        pool.execute(r);
                    }));

            assertThat(tasks.get()).as("the spectra ran on the pool").isPositive();
            assertSame(inline, pooled);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anExecutorThatRefusesWorkLeavesItToTheCaller() {
        NullSum inline = feed(NullSum.create(NullSumSetup.of(Signals.RATE, STEMS.length, 2), 2, true));
        NullSum refused = feed(NullSum.create(NullSumSetup.of(Signals.RATE, STEMS.length, 2), 2, true, r -> {
            throw new RejectedExecutionException("shutting down");
        }));

        assertSame(inline, refused);
    }

    private static NullSum feed(NullSum tests) {
        int n = MIX[0].length;
        for (int at = 0; at < n; at += BLOCK) {
            tests.accept(STEMS, MIXES, at, Math.min(BLOCK, n - at));
            if (at == 10 * BLOCK) {
                tests.result(0); // a look half way, then more blocks
            }
        }
        return tests;
    }

    private static void assertSame(NullSum a, NullSum b) {
        for (int k = 0; k < MIXES.length; k++) {
            NullResult x = a.result(k);
            NullResult y = b.result(k);
            assertThat(y.transfers()).as("mix %d", k).isEqualTo(x.transfers());
            assertThat(y.offsets()).as("mix %d", k).isEqualTo(x.offsets());
            assertThat(y.gains()).as("mix %d", k).isEqualTo(x.gains());
            assertSame(y.spectra().residual(), x.spectra().residual());
            assertSame(y.spectra().mix(), x.spectra().mix());
            for (int i = 0; i < STEMS.length; i++) {
                assertSame(y.spectra().stems().get(i), x.spectra().stems().get(i));
            }
            assertSame(b.mixSpectrum(k), a.mixSpectrum(k));
        }
        for (int i = 0; i < STEMS.length; i++) {
            assertSame(b.stemSpectrum(i), a.stemSpectrum(i));
        }
        assertThat(b.fileSpectraAreWelch()).isEqualTo(a.fileSpectraAreWelch()).isTrue();
    }

    private static void assertSame(WelchSpectrum.Result a, WelchSpectrum.Result b) {
        assertSame(a.average(), b.average());
        assertSame(a.mono(), b.mono());
    }

    private static void assertSame(Spectrum a, Spectrum b) {
        assertThat(a.segments()).isEqualTo(b.segments()).isPositive();
        assertThat(a.powerDb()).containsExactly(b.powerDb());
    }

    private static double[][] scaled(double[][] x, double g) {
        return new double[][] {Signals.scale(x[0], g), Signals.scale(x[1], g)};
    }
}
