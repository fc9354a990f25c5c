package org.stemcheck.dsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CutoffTest {

    private static final int RATE = 48_000;
    private static double[] white;

    @BeforeAll
    static void makeNoise() {
        white = Signals.noise(0.1, 3 * RATE, 42);
    }

    private static Spectrum spectrum(double[] x) {
        WelchSpectrum w = WelchSpectrum.create(1, RATE);
        Accumulators.feed(new double[][] {x}, 4096, w);
        return w.result().average();
    }

    @Test
    void codecLikeLowPassAt16KhzIsFoundAndSteep() {
        double[] lowPassed = Signals.fir(white, Signals.lowPassTaps(16_000, RATE, 1023));
        Cutoff c = Cutoff.of(spectrum(lowPassed));
        assertThat(c.cutoffHz()).isCloseTo(16_000, within(300.0));
        assertThat(c.fullBand()).isFalse();
        assertThat(c.dropDb()).isGreaterThan(Cutoff.STEEP_DROP_DB);
        assertThat(c.steep()).isTrue();
    }

    @Test
    void gentleRollOffIsNotSteep() {
        double[] dark = Signals.onePole(Signals.onePole(white, 100, RATE), 100, RATE);
        Cutoff c = Cutoff.of(spectrum(dark));
        assertThat(c.fullBand()).as("-12 dB/octave from 100 Hz reaches -60 dB below 24 kHz").isFalse();
        assertThat(c.cutoffHz()).isBetween(1_500.0, 12_000.0);
        assertThat(c.dropDb()).isLessThan(15.0);
        assertThat(c.steep()).isFalse();
    }

    @Test
    void whiteNoiseIsFullBand() {
        Cutoff c = Cutoff.of(spectrum(white));
        assertThat(c.fullBand()).isTrue();
        assertThat(c.cutoffHz()).isEqualTo(RATE / 2.0);
        assertThat(c.steep()).isFalse();
    }

    @Test
    void dcOffsetDoesNotBecomeTheReference() {
        double[] x = white.clone();
        for (int i = 0; i < x.length; i++) {
            x[i] += 0.5;
        }
        Cutoff withDc = Cutoff.of(spectrum(x));
        Cutoff without = Cutoff.of(spectrum(white));
        assertThat(withDc.referenceDb()).isCloseTo(without.referenceDb(), within(0.5));
    }

    @Test
    void aLowerThresholdFindsALowerLevel() {
        double[] dark = Signals.onePole(Signals.onePole(white, 100, RATE), 100, RATE);
        Spectrum s = spectrum(dark);
        assertThat(Cutoff.of(s, 40).cutoffHz()).isLessThan(Cutoff.of(s, 60).cutoffHz());
    }
}
