package org.stemcheck.dsp.nullsum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class NullSumTransferTest {

    private static final double[][][] STEMS = Stems.standard();

    @Test
    void stemMissingItsHighShelfShowsTheShelfBandByBand() {
        double[] shelf = Signals.highShelf(4000, 6.0, Signals.RATE);
        double[][][] inMix = Stems.with(STEMS, Stems.AIR, Stems.map(STEMS[Stems.AIR], x -> Signals.filter(x, shelf)));
        double[][] mix = Signals.mix(inMix);

        NullResult r = Signals.run(STEMS, mix, 4096);

        StemTransfer air = r.transfers().get(Stems.AIR);
        assertThat(air.bands()).hasSizeGreaterThan(25);
        for (StemTransfer.Band b : air.bands()) {
            double expected = responseDb(shelf, b.centreHz());
            if (b.centreHz() >= 50) {
                assertThat(b.ownDb()).as("%.0f Hz", b.centreHz()).isCloseTo(expected, within(0.2));
            }
            if (b.centreHz() >= 1000) {
                // S_xm / S_xx also carries the other stems' chance correlation with this one: only
                // where the stem dominates the mix does it equal the own transfer
                assertThat(b.mixDb()).as("%.0f Hz", b.centreHz()).isCloseTo(expected, within(0.5));
            }
        }
        assertThat(band(air, 100).ownDb()).isCloseTo(0.0, within(0.1));
        assertThat(band(air, 16000).ownDb()).isCloseTo(6.0, within(0.2));
        assertThat(band(air, 16000).residualDb()).isCloseTo(0.0, within(0.5));
        assertThat(band(air, 100).residualDb()).isLessThan(-30); // the shelf still lifts 100 Hz by 0.1 dB
        StemTransfer drums = r.transfers().get(Stems.DRUMS);
        for (double hz : new double[] {63, 250, 1000, 4000, 16000}) {
            assertThat(band(drums, hz).ownDb()).as("drums %.0f Hz", hz).isCloseTo(0.0, within(0.1));
        }
        assertThat(band(r.transfers().get(0), 63).ownDb()).isCloseTo(0.0, within(0.1));
    }

    @Test
    void compressionInTheMixTiltsTheGainAgainstLevelWhileAPlainGainDoesNot() {
        int n = Stems.FRAMES;
        double[] lead = Signals.noise(11, n, 0.3);
        double[] envelope = new double[n];
        double[] squeeze = new double[n];
        for (int t = 0; t < n; t++) {
            boolean loud = (t / Signals.RATE) % 2 == 0;
            envelope[t] = loud ? 1.0 : 0.1;
            squeeze[t] = loud ? 0.5 : 1.0; // -6 dB on the loud passages only: a compressor's effect
        }
        double[] delivered = multiply(lead, envelope);
        double[][][] inMix = {STEMS[0], STEMS[1], STEMS[2], Signals.pan(multiply(delivered, squeeze), 1.0)};
        double[][] mix = Signals.mix(inMix);
        double loudTones = Math.pow(10, 3 / 20.0);
        double[][][] stems = {STEMS[0], STEMS[1], Stems.map(STEMS[2], x -> Signals.scale(x, loudTones)),
            Signals.pan(delivered, 1.0)};

        NullResult r = Signals.run(stems, mix, 4096);

        StemDynamics squeezed = r.transfers().get(3).dynamics();
        assertThat(squeezed.segments()).isEqualTo(Stems.SECONDS * 10);
        assertThat(squeezed.slope()).isCloseTo(-6.0 / 20.0, within(0.02));
        assertThat(squeezed.meanGainDb()).isCloseTo(-3.0, within(0.1));
        StemDynamics plain = r.transfers().get(2).dynamics();
        assertThat(plain.slope()).isCloseTo(0.0, within(0.02));
        assertThat(plain.meanGainDb()).isCloseTo(-3.0, within(0.05));
        // per 100 ms the squeezed lead's error correlates with the tones by chance: 0.15 dB measured
        assertThat(plain.spreadDb()).isLessThan(0.3);
        assertThat(squeezed.spreadDb()).isLessThan(0.5);
    }

    @Test
    void silentStemHasNoTransferAndNoDynamics() {
        double[][][] stems = {STEMS[0], new double[2][Stems.FRAMES]};
        double[][] mix = Signals.mix(new double[][][] {STEMS[0]});

        NullResult r = Signals.run(stems, mix, 4096);

        assertThat(r.transfers().get(1).bands()).allSatisfy(b -> assertThat(b.ownDb()).isNaN());
        assertThat(r.transfers().get(1).dynamics().segments()).isZero();
        assertThat(r.transfers().get(1).dynamics().slope()).isNaN();
        assertThat(r.transfers().get(0).dynamics().slope()).isCloseTo(0.0, within(0.01));
    }

    private static StemTransfer.Band band(StemTransfer t, double hz) {
        return t.bands().stream().filter(b -> b.lowHz() <= hz && hz < b.highHz()).findFirst().orElseThrow();
    }

    private static double[] multiply(double[] a, double[] b) {
        double[] y = new double[a.length];
        for (int t = 0; t < a.length; t++) {
            y[t] = a[t] * b[t];
        }
        return y;
    }

    /** |H(e^{jw})| of a biquad {b0, b1, b2, a1, a2} in dB. */
    private static double responseDb(double[] c, double hz) {
        double w = 2 * Math.PI * hz / Signals.RATE;
        double nr = c[0] + c[1] * Math.cos(w) + c[2] * Math.cos(2 * w);
        double ni = -c[1] * Math.sin(w) - c[2] * Math.sin(2 * w);
        double dr = 1 + c[3] * Math.cos(w) + c[4] * Math.cos(2 * w);
        double di = -c[3] * Math.sin(w) - c[4] * Math.sin(2 * w);
        return 10 * Math.log10((nr * nr + ni * ni) / (dr * dr + di * di));
    }
}
