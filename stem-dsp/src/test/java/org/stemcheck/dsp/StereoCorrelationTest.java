package org.stemcheck.dsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StereoCorrelationTest {

    private static final int RATE = 48_000;

    private static StereoCorrelation.Result measure(int block, double[]... channels) {
        StereoCorrelation s = StereoCorrelation.create(channels.length, RATE);
        Accumulators.feed(channels, block, s);
        return s.result();
    }

    @Test
    void polarityInvertedChannelIsSustainedNegative() {
        double[] l = Signals.noise(0.2, 3 * RATE, 1);
        double[] r = Signals.scale(l, -0.8);
        StereoCorrelation.Result res = measure(4096, l, r);
        assertThat(res.overall()).isCloseTo(-1.0, within(1e-9));
        assertThat(res.sustainedNegativeShare()).isCloseTo(1.0, within(1e-9));
        assertThat(res.identical()).isFalse();
        assertThat(res.perInterval()).hasSize(30);
    }

    @Test
    void uncorrelatedNoiseIsNotOutOfPhase() {
        double[] l = Signals.noise(0.2, 3 * RATE, 1);
        double[] r = Signals.noise(0.2, 3 * RATE, 2);
        StereoCorrelation.Result res = measure(4096, l, r);
        assertThat(res.overall()).isCloseTo(0.0, within(0.02));
        assertThat(res.sustainedNegativeShare()).isZero();
    }

    @Test
    void halfTheFileOutOfPhaseGivesHalfTheTime() {
        double[] l = Signals.noise(0.2, 4 * RATE, 1);
        double[] r = l.clone();
        for (int i = 2 * RATE; i < r.length; i++) {
            r[i] = -r[i];
        }
        StereoCorrelation.Result res = measure(1000, l, r);
        assertThat(res.sustainedNegativeShare()).isCloseTo(0.5, within(1e-9));
        assertThat(res.perInterval()[5]).isEqualTo(1.0f);
        assertThat(res.perInterval()[25]).isEqualTo(-1.0f);
    }

    @Test
    void shortNegativeBurstsAreNotSustained() {
        double[] l = Signals.noise(0.2, 4 * RATE, 1);
        double[] r = l.clone();
        for (int i = 0; i < r.length; i++) {
            if ((i / 4800) % 4 == 0) {
                r[i] = -r[i];
            }
        }
        assertThat(measure(4096, l, r).sustainedNegativeShare()).isZero();
    }

    @Test
    void identicalChannelsAreDualMono() {
        double[] l = Signals.noise(0.2, RATE, 3);
        assertThat(measure(4096, l, l.clone()).identical()).isTrue();
        double[] r = l.clone();
        r[RATE - 1] += 0x1p-23;
        assertThat(measure(4096, l, r).identical()).isFalse();
    }

    @Test
    void monoInputHasNoCorrelation() {
        StereoCorrelation.Result res = measure(4096, Signals.noise(0.2, RATE, 3));
        assertThat(res.stereo()).isFalse();
        assertThat(res.identical()).isFalse();
        assertThat(res.overall()).isNaN();
    }

    @Test
    void silentIntervalsHaveNoCorrelation() {
        StereoCorrelation.Result res = measure(4096, new double[RATE], new double[RATE]);
        assertThat(res.overall()).isNaN();
        assertThat(res.perInterval()).hasSize(10);
        for (float v : res.perInterval()) {
            assertThat(v).isNaN();
        }
        assertThat(res.sustainedNegativeShare()).isZero();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 4096})
    void blockSizeDoesNotChangeTheResult(int block) {
        double[] l = Signals.noise(0.2, 2 * RATE + 77, 1);
        double[] r = Signals.noise(0.2, 2 * RATE + 77, 2);
        for (int i = 0; i < r.length; i++) {
            r[i] -= 0.5 * l[i];
        }
        StereoCorrelation.Result whole = measure(r.length, l, r);
        StereoCorrelation.Result split = measure(block, l, r);
        assertThat(split.overall()).isCloseTo(whole.overall(), within(1e-9));
        assertThat(split.perInterval()).hasSize(whole.perInterval().length);
        for (int i = 0; i < whole.perInterval().length; i++) {
            assertThat(split.perInterval()[i]).isCloseTo(whole.perInterval()[i], within(1e-6f));
        }
        assertThat(split.sustainedNegativeShare()).isEqualTo(whole.sustainedNegativeShare());
    }
}
