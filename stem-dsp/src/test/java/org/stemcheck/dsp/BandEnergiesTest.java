package org.stemcheck.dsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.stemcheck.dsp.BandEnergies.BandLevel;

class BandEnergiesTest {

    private static final int RATE = 48_000;

    @Test
    void standardBandsFollowIec61260BaseTen() {
        List<Band> thirds = Band.thirdOctaves();
        assertThat(thirds).hasSize(31);
        assertThat(thirds.get(17).centreHz()).isCloseTo(1000.0, within(1e-9));
        assertThat(thirds.get(17).lowHz()).isCloseTo(891.25, within(0.01));
        assertThat(thirds.get(17).highHz()).isCloseTo(1122.02, within(0.01));
        assertThat(thirds.get(0).centreHz()).isCloseTo(19.95, within(0.01));
        assertThat(thirds.get(1).lowHz()).isCloseTo(thirds.get(0).highHz(), within(1e-9));
        List<Band> octaves = Band.octaves();
        assertThat(octaves).hasSize(10);
        assertThat(octaves.get(0).centreHz()).isCloseTo(31.62, within(0.01));
        assertThat(octaves.get(9).centreHz()).isCloseTo(15_848.9, within(0.1));
    }

    @Test
    void sinePowerLandsInItsThirdOctave() {
        WelchSpectrum w = WelchSpectrum.create(1, RATE);
        Accumulators.feed(new double[][] {Signals.sine(1.0, 1000, RATE, 2 * RATE)}, 4096, w);
        List<BandLevel> levels = BandEnergies.of(w.result().average(), Band.thirdOctaves());
        BandLevel k1 = levels.get(17);
        assertThat(k1.powerDb()).isCloseTo(-3.01, within(0.05));
        assertThat(k1.bins()).isGreaterThan(30);
        assertThat(levels.get(14).powerDb()).isLessThan(-100);
    }

    @Test
    void userBandsSplitWhiteNoiseByWidth() {
        WelchSpectrum w = WelchSpectrum.create(1, RATE, 4096);
        Accumulators.feed(new double[][] {Signals.noise(0.1, 4 * RATE, 1)}, 4096, w);
        List<BandLevel> levels = BandEnergies.of(w.result().average(),
                List.of(Band.of(0, 12_000), Band.of(12_000, 24_001), Band.of(1000, 1001)));
        assertThat(levels.get(0).powerDb()).isCloseTo(-23.01, within(0.2));
        assertThat(levels.get(1).powerDb()).isCloseTo(-23.01, within(0.2));
        assertThat(levels.get(2).bins()).isZero();
        assertThat(levels.get(2).powerDb()).isEqualTo(Double.NEGATIVE_INFINITY);
    }
}
