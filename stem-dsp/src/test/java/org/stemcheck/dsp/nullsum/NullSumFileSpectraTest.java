package org.stemcheck.dsp.nullsum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.stemcheck.dsp.Spectrum;
import org.stemcheck.dsp.WelchSpectrum;

/** The files' spectra the null tests sum from their own transforms are the files' Welch spectra, bit for bit. */
class NullSumFileSpectraTest {

    /** Not a multiple of the segment hop, so that a partial segment is left over at the end. */
    private static final int FRAMES = 3 * Signals.RATE + 1234;
    private static final int BLOCK = 8192;

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void everyStemAndMixSpectrumIsItsWelchSpectrum(int channels) {
        double[][][] stems = stems(channels);
        double[][][] mixes = {Signals.mix(stems), scaled(Signals.mix(stems), 0.5)};
        NullSum tests = NullSum.create(NullSumSetup.of(Signals.RATE, stems.length, channels), 2, true);
        for (int at = 0; at < FRAMES; at += BLOCK) {
            tests.accept(stems, mixes, at, Math.min(BLOCK, FRAMES - at));
        }

        assertThat(tests.fileSpectraAreWelch()).isTrue();
        for (int i = 0; i < stems.length; i++) {
            assertSame(tests.stemSpectrum(i), welch(stems[i]), "stem " + i);
        }
        for (int k = 0; k < mixes.length; k++) {
            assertSame(tests.mixSpectrum(k), welch(mixes[k]), "mix " + k);
        }
    }

    @Test
    void withoutFileSpectraThereAreNone() {
        NullSum tests = NullSum.create(NullSumSetup.of(Signals.RATE, 2, 2), 1);
        assertThat(tests.fileSpectraAreWelch()).isFalse();
        assertThatThrownBy(() -> tests.stemSpectrum(0)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> tests.mixSpectrum(0)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theyStandForWelchOnlyFromAWholeSegmentOnAndUnaligned() {
        double[][][] stems = stems(2);
        double[][][] mixes = {Signals.mix(stems)};
        NullSum early = NullSum.create(NullSumSetup.of(Signals.RATE, stems.length, 2), 1, true);
        early.accept(stems, mixes, 0, 8191);
        assertThat(early.fileSpectraAreWelch()).as("short of one 8192-frame segment").isFalse();
        early.accept(stems, mixes, 8191, 1);
        assertThat(early.fileSpectraAreWelch()).isTrue();

        NullSumSetup aligned = new NullSumSetup(Signals.RATE, stems.length, 2, 2.0, List.of(0, 10, 0, 0));
        NullSum moved = NullSum.create(aligned, 1, true);
        moved.accept(stems, mixes, 0, 20_000);
        assertThat(moved.fileSpectraAreWelch()).as("stems moved by an alignment").isFalse();

        NullSum slow = NullSum.create(NullSumSetup.of(32_000, stems.length, 2), 1, true);
        slow.accept(stems, mixes, 0, 20_000);
        assertThat(slow.fileSpectraAreWelch()).as("frames of 8192, Welch's 4096 at 32 kHz").isFalse();
    }

    private static void assertSame(WelchSpectrum.Result a, WelchSpectrum.Result b, String what) {
        assertThat(a.channels()).as(what).hasSameSizeAs(b.channels());
        for (int c = 0; c < a.channels().size(); c++) {
            assertSame(a.channels().get(c), b.channels().get(c), what + " channel " + c);
        }
        assertSame(a.average(), b.average(), what + " average");
        assertSame(a.mono(), b.mono(), what + " mono");
    }

    private static void assertSame(Spectrum a, Spectrum b, String what) {
        assertThat(a.segments()).as(what).isEqualTo(b.segments()).isPositive();
        assertThat(a.binHz()).as(what).isEqualTo(b.binHz());
        assertThat(a.powerDb()).as(what).containsExactly(b.powerDb());
    }

    private static WelchSpectrum.Result welch(double[][] x) {
        WelchSpectrum w = WelchSpectrum.create(x.length, Signals.RATE);
        for (int at = 0; at < FRAMES; at += 4096) {
            w.accept(x, at, Math.min(4096, FRAMES - at));
        }
        return w.result();
    }

    /** Four stems of {@code channels} channels, each channel its own noise or tone mixture. */
    private static double[][][] stems(int channels) {
        double[][][] out = new double[4][channels][];
        for (int i = 0; i < 4; i++) {
            for (int c = 0; c < channels; c++) {
                double[] noise = Signals.noise(10L * i + c, FRAMES, 0.1);
                double[] tone = Signals.tones(FRAMES, Signals.RATE, 110.0 * (i + 1) + c);
                double[] x = new double[FRAMES];
                for (int t = 0; t < FRAMES; t++) {
                    x[t] = noise[t] * (i % 2 == 0 ? 1 : 0.01) + tone[t];
                }
                out[i][c] = x;
            }
        }
        return out;
    }

    private static double[][] scaled(double[][] x, double g) {
        double[][] out = new double[x.length][];
        for (int c = 0; c < x.length; c++) {
            out[c] = Signals.scale(x[c], g);
        }
        return out;
    }
}
