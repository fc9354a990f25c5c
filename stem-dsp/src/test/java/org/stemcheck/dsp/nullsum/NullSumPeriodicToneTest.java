package org.stemcheck.dsp.nullsum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.stemcheck.io.testing.Verbose;

/**
 * Pure tones under a common mix gain, one of them a loud tone at a quarter of the sample rate
 * (12 kHz at 48 kHz, period 4 samples, starting on a step): the whitened correlation of the
 * quiet tones peaks a dozen samples off (their off-partial bins hold only leakage, lined up
 * against the loud tone's step), which the plain correlation does not back: no stem is
 * displaced, so no second pass moves a stem that is in place and every gain is exact.
 */
class NullSumPeriodicToneTest {

    private static final int FRAMES = 24_000;
    private static final int STEMS = 7;
    private static final int LOUD = 4;
    /** The mix at a common gain: a master fader keeping seven stems under full scale (core's generated Delivery). */
    private static final double MIX_GAIN = 0.125;
    private static final double LSB = 1.0 / (1 << 23);

    /** Full up to 60 % of the length, a raised-cosine fade to 0 at 85 %. */
    private static double fade(double p) {
        return p <= 0.6 ? 1 : p >= 0.85 ? 0 : 0.5 + 0.5 * Math.cos(Math.PI * (p - 0.6) / 0.25);
    }

    private static double[][][] stems() {
        double[][][] s = new double[STEMS][2][FRAMES];
        for (int k = 0; k < STEMS; k++) {
            for (int c = 0; c < 2; c++) {
                for (int i = 0; i < FRAMES; i++) {
                    double f = fade((double) i / FRAMES);
                    double v = k == LOUD
                            ? (c == 0 ? 1 : 0.5) * 0.95 * f * Math.sin(Math.PI / 2 * i + Math.PI / 4)
                            : 0.25 * f * Math.sin(2 * Math.PI * (110.0 * (k + 1) + 3 * c) * i / Signals.RATE);
                    s[k][c][i] = Math.round(v / LSB) * LSB;
                }
            }
        }
        return s;
    }

    private static double[][] mix(double[][][] s) {
        double[][] mix = new double[2][FRAMES];
        for (int c = 0; c < 2; c++) {
            for (int i = 0; i < FRAMES; i++) {
                double v = 0;
                for (double[][] x : s) {
                    v += x[c][i];
                }
                mix[c][i] = Math.round(MIX_GAIN * v / LSB) * LSB;
            }
        }
        return mix;
    }

    @Test
    void tonesUnderALoudQuarterRateToneAreNotDisplacedAndKeepTheirGains() {
        double[][][] s = stems();
        NullResult r = Signals.run(s, mix(s), 8192);

        r.offsets().forEach(Verbose::println);
        assertThat(r.offsets()).noneMatch(StemOffset::displaced);
        // the whitened peaks away from 0 are reported as ambiguous, not as a place to move the stem to
        assertThat(r.offsets()).filteredOn(o -> Math.abs(o.samples()) >= 0.5)
                .isNotEmpty()
                .allSatisfy(o -> assertThat(o.peakRatio()).isLessThanOrEqualTo(1.0));
        for (StemGain g : r.gains().gains()) {
            assertThat(g.scale()).as("stem %d", g.stem()).isCloseTo(MIX_GAIN, within(1e-6));
        }
    }

    @Test
    void theQuarterRateToneDelayedByWholePeriodsIsAmbiguousNotDisplaced() {
        double[][][] s = stems();
        double[][] mix = mix(s);
        // 240 samples = 60 periods of 4: the tone correlates alike there and in place
        double[][][] delayed = Stems.with(s, LOUD, Stems.map(s[LOUD], x -> Signals.delay(x, 240)));

        StemOffset o = Signals.run(delayed, mix, 8192).offsets().get(LOUD);

        Verbose.println(o);
        assertThat(o.displaced()).isFalse();
    }

    @Test
    void aBroadbandStemDelayedAmongTheTonesIsStillDisplacedToTheSample() {
        double[][][] s = stems();
        s[0] = Signals.pan(Signals.noise(7, FRAMES, 0.1), 0.8);
        double[][] mix = mix(s);
        double[][][] delayed = Stems.with(s, 0, Stems.map(s[0], x -> Signals.delay(x, 241)));

        NullResult r = Signals.run(delayed, mix, 8192);

        assertThat(r.offsets().get(0).displaced()).isTrue();
        assertThat(r.offsets().get(0).wholeSamples()).isEqualTo(241);
        assertThat(r.offsets().subList(1, STEMS)).noneMatch(StemOffset::displaced);
    }
}
