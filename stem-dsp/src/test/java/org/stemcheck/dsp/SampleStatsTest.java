package org.stemcheck.dsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SampleStatsTest {

    private static SampleStats.Result measure(int block, double[]... channels) {
        SampleStats stats = SampleStats.create(channels.length);
        Accumulators.feed(channels, block, stats);
        return stats.result();
    }

    @Test
    void fullScaleSineHasRmsOfMinus3Point01DbfsAndCrestOf3Point01Db() {
        double[] sine = Signals.sine(1.0, 1000, 48_000, 48_000);
        SampleStats.Result r = measure(4096, sine);
        ChannelStats c = r.channels().get(0);
        assertThat(c.peakDbfs()).isCloseTo(0.0, within(1e-6));
        assertThat(c.rmsDbfs()).isCloseTo(-3.0103, within(1e-3));
        assertThat(c.crestDb()).isCloseTo(3.0103, within(1e-3));
        assertThat(r.rmsDbfs()).isCloseTo(-3.0103, within(1e-3));
        assertThat(c.dc()).isCloseTo(0.0, within(1e-9));
    }

    @Test
    void dcOffsetIsTheMeanOfTheChannel() {
        double[] left = Signals.sine(0.5, 440, 48_000, 48_000);
        double[] right = Signals.sine(0.5, 440, 48_000, 48_000);
        for (int i = 0; i < right.length; i++) {
            right[i] += 0.01;
        }
        SampleStats.Result r = measure(1000, left, right);
        assertThat(r.channels().get(0).dc()).isCloseTo(0.0, within(1e-9));
        assertThat(r.channels().get(1).dc()).isCloseTo(0.01, within(1e-9));
        assertThat(r.channels().get(1).dcDbfs()).isCloseTo(-40.0, within(1e-6));
    }

    @Test
    void peakPositionIsTheFirstFrameOfTheLargestMagnitude() {
        double[] x = Signals.noise(0.1, 10_000, 3);
        x[1234] = -0.9;
        x[5678] = 0.9;
        ChannelStats c = measure(77, x).channels().get(0);
        assertThat(c.peak()).isEqualTo(0.9);
        assertThat(c.peakFrame()).isEqualTo(1234);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 4096})
    void blockSizeDoesNotChangeTheResult(int block) {
        double[] a = Signals.noise(0.2, 20_000, 5);
        double[] b = Signals.noise(0.3, 20_000, 6);
        SampleStats.Result whole = measure(20_000, a, b);
        SampleStats.Result split = measure(block, a, b);
        for (int c = 0; c < 2; c++) {
            ChannelStats w = whole.channels().get(c);
            ChannelStats s = split.channels().get(c);
            assertThat(s.peak()).isEqualTo(w.peak());
            assertThat(s.peakFrame()).isEqualTo(w.peakFrame());
            assertThat(s.rms()).isCloseTo(w.rms(), within(1e-12));
            assertThat(s.dc()).isCloseTo(w.dc(), within(1e-12));
        }
    }

    @Test
    void combineOfTwoHalvesEqualsOnePass() {
        double[] x = Signals.noise(0.2, 10_000, 8);
        x[7000] = 0.95;
        SampleStats first = SampleStats.create(1);
        SampleStats second = SampleStats.create(1);
        first.accept(new double[][] {x}, 0, 5000);
        second.accept(new double[][] {x}, 5000, 5000);
        first.combine(second);
        ChannelStats combined = first.result().channels().get(0);
        ChannelStats single = measure(10_000, x).channels().get(0);
        assertThat(combined.peakFrame()).isEqualTo(7000);
        assertThat(combined.rms()).isCloseTo(single.rms(), within(1e-12));
        assertThat(first.result().frames()).isEqualTo(10_000);
    }

    @Test
    void emptyInputGivesZeroLevelsAndBadBlocksAreRejected() {
        SampleStats stats = SampleStats.create(2);
        assertThat(stats.result().rms()).isZero();
        assertThat(stats.result().peakDbfs()).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThatThrownBy(() -> stats.accept(new double[1][10], 0, 10))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("channels");
        assertThatThrownBy(() -> stats.accept(new double[2][10], 5, 10))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SampleStats.create(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
