package org.stemcheck.dsp.nullsum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.stemcheck.dsp.Spectrum;
import org.stemcheck.dsp.WelchSpectrum;

class NullSumMixesTest {

    private static final double[][][] STEMS = Stems.standard();

    /** A full mix, one without the drums, and one with the air stem 5 samples late and 2 dB hot. */
    private static double[][][] mixes() {
        double[][] full = Signals.mix(STEMS);
        double[][] noDrums = Signals.mix(Stems.with(STEMS, Stems.DRUMS, new double[2][Stems.FRAMES]));
        double hot = Math.pow(10, 2 / 20.0);
        double[][] moved = Signals.mix(Stems.with(STEMS, Stems.AIR,
                Stems.map(STEMS[Stems.AIR], x -> Signals.scale(Signals.delay(x, 5), hot))));
        return new double[][][] {full, noDrums, moved};
    }

    @Test
    void eachMixGetsWhatANullSumOfItAloneMeasures() {
        double[][][] mixes = mixes();
        NullSum together = NullSum.create(NullSumSetup.of(Signals.RATE, STEMS.length, 2), mixes.length);
        for (int at = 0; at < Stems.FRAMES; at += 5000) {
            together.accept(STEMS, mixes, at, Math.min(5000, Stems.FRAMES - at));
        }
        for (int k = 0; k < mixes.length; k++) {
            NullResult alone = Signals.run(STEMS, mixes[k], 4096);
            NullResult shared = together.result(k);
            assertThat(shared.frames()).isEqualTo(alone.frames());
            assertThat(shared.residual().totalDb()).as("mix %d", k).isCloseTo(alone.residual().totalDb(), within(1e-9));
            if (alone.gains().nullDepthDb() > -120) {
                assertThat(shared.gains().nullDepthDb()).isCloseTo(alone.gains().nullDepthDb(), within(1e-6));
            } else {
                // a null down to rounding: its depth is the rounding's, which the block sizes change
                assertThat(shared.gains().nullDepthDb()).isLessThan(-120);
            }
            for (int i = 0; i < STEMS.length; i++) {
                // blocks of 5000 frames here, 4096 there: equal to rounding
                assertThat(shared.gains().gains().get(i).scale()).as("mix %d stem %d", k, i)
                        .isCloseTo(alone.gains().gains().get(i).scale(), within(1e-12));
                assertThat(shared.offsets().get(i).samples()).as("mix %d stem %d", k, i)
                        .isCloseTo(alone.offsets().get(i).samples(), within(1e-6));
                assertThat(shared.offsets().get(i).displaced()).isEqualTo(alone.offsets().get(i).displaced());
                List<StemTransfer.Band> a = alone.transfers().get(i).bands();
                List<StemTransfer.Band> b = shared.transfers().get(i).bands();
                for (int band = 0; band < a.size(); band++) {
                    // the residual's transform is sum(X) - M in one, the transform of the residual in
                    // the other: equal to rounding, which matters only where the residual is empty
                    if (a.get(band).residualDb() > -150) {
                        assertThat(b.get(band).residualDb()).isCloseTo(a.get(band).residualDb(), within(1e-6));
                    }
                    assertThat(b.get(band).ownDb()).isCloseTo(a.get(band).ownDb(), within(1e-9));
                    assertThat(b.get(band).mixDb()).isCloseTo(a.get(band).mixDb(), within(1e-9));
                }
            }
        }
        assertThat(together.result(1).gains().gains().get(Stems.DRUMS).scale()).as("no drums in mix 1")
                .isCloseTo(0.0, within(1e-6));
        assertThat(together.result(2).offsets().get(Stems.AIR).samples()).as("air 5 samples early against mix 2")
                .isCloseTo(-5.0, within(0.01));
    }

    @Test
    void theSpectraAreWelchsOfTheResidualTheMixAndEachStem() {
        double[][][] mixes = mixes();
        NullSum tests = NullSum.create(NullSumSetup.of(Signals.RATE, STEMS.length, 2), mixes.length);
        tests.accept(STEMS, mixes, 0, Stems.FRAMES);
        double[][] residual = new double[2][Stems.FRAMES];
        for (int c = 0; c < 2; c++) {
            for (int t = 0; t < Stems.FRAMES; t++) {
                double e = -mixes[1][c][t];
                for (double[][] s : STEMS) {
                    e += s[c][t];
                }
                residual[c][t] = e;
            }
        }
        NullSpectra spectra = tests.result(1).spectra();
        assertSame(spectra.residual(), welch(residual));
        assertSame(spectra.mix(), welch(mixes[1]));
        assertThat(spectra.stems()).hasSize(STEMS.length);
        for (int i = 0; i < STEMS.length; i++) {
            assertSame(spectra.stems().get(i), welch(STEMS[i]));
        }
        for (int i = 0; i < STEMS.length; i++) {
            assertSame(tests.result(0).spectra().stems().get(i), spectra.stems().get(i));
        }
    }

    @Test
    void refusesAWrongNumberOfMixes() {
        NullSum tests = NullSum.create(NullSumSetup.of(Signals.RATE, STEMS.length, 2), 2);
        assertThatThrownBy(() -> tests.accept(STEMS, new double[][][] {Signals.mix(STEMS)}, 0, 10))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("expected 2 mixes, got 1");
        assertThatThrownBy(() -> tests.accept(STEMS, Signals.mix(STEMS), 0, 10))
                .as("the one-mix accept of a null sum of two mixes")
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("expected 2 mixes, got 1");
        assertThatThrownBy(() -> NullSum.create(NullSumSetup.of(Signals.RATE, 2, 2), 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("mixes must be 1 .. 16");
        assertThatThrownBy(() -> tests.result(2)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    private static Spectrum welch(double[][] signal) {
        WelchSpectrum w = WelchSpectrum.create(2, Signals.RATE);
        w.accept(signal, 0, signal[0].length);
        return w.result().average();
    }

    private static void assertSame(Spectrum actual, Spectrum expected) {
        assertThat(actual.binHz()).isEqualTo(expected.binHz());
        assertThat(actual.segments()).isEqualTo(expected.segments());
        assertThat(actual.bins()).isEqualTo(expected.bins());
        for (int k = 0; k < actual.bins(); k++) {
            if (expected.powerDb(k) > -200) {
                assertThat(actual.powerDb(k)).as("bin %d", k).isCloseTo(expected.powerDb(k), within(1e-6));
            }
        }
    }
}
