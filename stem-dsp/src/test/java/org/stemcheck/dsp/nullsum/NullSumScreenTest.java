package org.stemcheck.dsp.nullsum;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.stemcheck.dsp.Spectrum;
import org.stemcheck.dsp.WelchSpectrum;

/**
 * A screen ({@link NullSum#screen}) measures its part of the null test (residual, gains, dynamics,
 * the files' Welch spectra) exactly as the full test does, to the bit, and nothing else.
 */
class NullSumScreenTest {

    /** The drums late by 120 samples and the second mix turned down: a screen measures faults too, only fewer of them. */
    private static final double[][][] STEMS = Stems.with(Stems.standard(), Stems.DRUMS,
            Stems.map(Stems.standard()[Stems.DRUMS], x -> Signals.delay(x, 120)));
    private static final double[][] MIX = Signals.mix(Stems.standard());
    private static final double[][][] MIXES = {MIX, scaled(MIX, 0.7)};
    /** Odd, so that the caller's blocks, the chunks and the spectra's frames do not line up. */
    private static final int BLOCK = 5000;
    /** With the drift halves, whose split cuts the full test's chunks. */
    private static final NullSumSetup SETUP = NullSumSetup.of(Signals.RATE, STEMS.length, 2)
            .withHalves(Stems.FRAMES / 2 + 77, 0.05);

    @Test
    void theScreenMeasuresTheResidualGainsDynamicsAndFileSpectraOfTheFullTestToTheBit() {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            NullSum full = feed(NullSum.create(SETUP, 2, true, pool));
            NullSum screen = feed(NullSum.screen(SETUP, 2, true, pool));

            assertThat(screen.screens()).isTrue();
            assertThat(full.screens()).isFalse();
            for (int k = 0; k < MIXES.length; k++) {
                NullResult x = full.result(k);
                NullResult y = screen.result(k);
                assertThat(y.frames()).isEqualTo(x.frames());
                assertThat(y.residual()).as("mix %d", k).isEqualTo(x.residual());
                assertThat(y.gains()).as("mix %d", k).isEqualTo(x.gains());
                assertThat(y.channelGains()).as("mix %d", k).isEqualTo(x.channelGains());
                assertThat(y.transfers()).hasSameSizeAs(x.transfers());
                for (int i = 0; i < STEMS.length; i++) {
                    assertThat(y.transfers().get(i).dynamics()).isEqualTo(x.transfers().get(i).dynamics());
                    assertThat(y.transfers().get(i).bands()).as("no bands measured").isEmpty();
                }
                assertThat(y.offsets()).as("no offsets searched").isEmpty();
                assertThat(y.halves()).isEmpty();
                assertThat(y.spectra()).isNull();
                assertThat(x.offsets()).isNotEmpty();
                assertThat(x.halves()).isNotEmpty();
                assertThat(screen.stemLevelsDb(k)).containsExactly(full.stemLevelsDb(k));
                assertSame(screen.mixSpectrum(k), full.mixSpectrum(k));
            }
            for (int i = 0; i < STEMS.length; i++) {
                assertSame(screen.stemSpectrum(i), full.stemSpectrum(i));
            }
            assertThat(screen.fileSpectraAreWelch()).isTrue();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void eachStemsLevelIsItsEnergyOverTheMixs() {
        NullSum screen = feed(NullSum.screen(NullSumSetup.of(Signals.RATE, STEMS.length, 2), 2, false, null));
        double[] levels = screen.stemLevelsDb(0);
        double[] quieter = screen.stemLevelsDb(1);
        for (int i = 0; i < STEMS.length; i++) {
            // the second mix is the first at 0.7: every stem 3.1 dB louder against it
            assertThat(quieter[i] - levels[i]).isCloseTo(-20 * Math.log10(0.7), org.assertj.core.data.Offset.offset(1e-9));
            assertThat(levels[i]).isBetween(-60.0, 0.0);
        }
        assertThat(screen.fileSpectraAreWelch()).as("made without the files' spectra").isFalse();
    }

    @Test
    void withoutAnExecutorOrFileSpectraTheScreenStillMeasuresTheSame() {
        NullSum full = feed(NullSum.create(SETUP, 2));
        NullSum screen = feed(NullSum.screen(SETUP, 2, false, null));
        for (int k = 0; k < MIXES.length; k++) {
            assertThat(screen.result(k).residual()).isEqualTo(full.result(k).residual());
            assertThat(screen.result(k).gains()).isEqualTo(full.result(k).gains());
        }
    }

    /**
     * The diagnosis that follows a screen takes the screen's residual, gains and dynamics instead
     * of summing them again: its results are the full test's, to the bit, offsets, halves,
     * transfers and spectra included.
     */
    @Test
    void afterAScreenTheFullTestsResultsAreTheSameToTheBit() {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            NullSum full = feed(NullSum.create(SETUP, 2, false, pool));
            NullSum screen = feed(NullSum.screen(SETUP, 2, false, pool));
            NullSum after = feed(NullSum.afterScreen(SETUP, java.util.List.of(screen.result(0), screen.result(1)),
                    false, pool, false));
            for (int k = 0; k < MIXES.length; k++) {
                NullResult x = full.result(k);
                NullResult y = after.result(k);
                assertThat(y.frames()).isEqualTo(x.frames());
                assertThat(y.residual()).as("mix %d", k).isEqualTo(x.residual());
                assertThat(y.gains()).as("mix %d", k).isEqualTo(x.gains());
                assertThat(y.channelGains()).as("mix %d", k).isEqualTo(x.channelGains());
                assertThat(y.offsets()).as("mix %d", k).isNotEmpty().isEqualTo(x.offsets());
                assertThat(y.halves()).as("mix %d", k).isNotEmpty().isEqualTo(x.halves());
                assertThat(y.transfers()).as("mix %d", k).isEqualTo(x.transfers());
                assertThat(y.transfers().get(Stems.DRUMS).bands()).isNotEmpty();
                assertSame(y.spectra().residual(), x.spectra().residual());
                assertSame(y.spectra().mix(), x.spectra().mix());
                for (int i = 0; i < STEMS.length; i++) {
                    assertSame(y.spectra().stems().get(i), x.spectra().stems().get(i));
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void afterAScreenOfOtherFramesTheResultIsRefused() {
        NullSum screen = feed(NullSum.screen(SETUP, 2, false, null));
        NullSum after = NullSum.afterScreen(SETUP, java.util.List.of(screen.result(0), screen.result(1)),
                false, null, false);
        after.accept(STEMS, MIXES, 0, BLOCK);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> after.result(0))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("frames");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> after.stemLevelsDb(0))
                .isInstanceOf(IllegalStateException.class);
        NullSum full = feed(NullSum.create(SETUP, 2));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> NullSum.afterScreen(SETUP,
                java.util.List.of(full.result(0)), false, null, false)).isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * The set pass's offset trials decide on a screen's null after gains: one mix, the stems moved
     * in the feed, no halves (the setup of the full pass a kept trial makes next). It must be the
     * full pass's, to the bit.
     */
    @Test
    void withoutHalvesAgainstOneMixTheScreensGainsAreTheFullTestsToo() {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            NullSumSetup setup = NullSumSetup.of(Signals.RATE, STEMS.length, 2);
            NullSum full = feedOne(NullSum.create(setup, 1, false, pool));
            NullSum screen = feedOne(NullSum.screen(setup, 1, false, pool));
            NullResult x = full.result(0);
            NullResult y = screen.result(0);
            assertThat(y.gains()).isEqualTo(x.gains());
            assertThat(Double.doubleToRawLongBits(y.gains().nullDepthDb()))
                    .isEqualTo(Double.doubleToRawLongBits(x.gains().nullDepthDb()));
            assertThat(y.residual()).isEqualTo(x.residual());
            assertThat(y.channelGains()).isEqualTo(x.channelGains());
            assertThat(x.offsets()).as("the full test searched the offsets").isNotEmpty();
        } finally {
            pool.shutdownNow();
        }
    }

    private static NullSum feedOne(NullSum tests) {
        int n = MIX[0].length;
        for (int at = 0; at < n; at += BLOCK) {
            tests.accept(STEMS, MIX, at, Math.min(BLOCK, n - at));
        }
        return tests;
    }

    private static NullSum feed(NullSum tests) {
        int n = MIX[0].length;
        for (int at = 0; at < n; at += BLOCK) {
            tests.accept(STEMS, MIXES, at, Math.min(BLOCK, n - at));
        }
        return tests;
    }

    private static void assertSame(WelchSpectrum.Result a, WelchSpectrum.Result b) {
        for (int c = 0; c < b.channels().size(); c++) {
            assertSame(a.channels().get(c), b.channels().get(c));
        }
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
