package org.stemcheck.dsp.nullsum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ResidualMeterTest {

    @Test
    void longTraceMergesPairsAndKeepsEnergyAndTime() {
        int rate = 1000;
        ResidualMeter meter = new ResidualMeter(rate, 1, 10);
        int segments = 3 * ResidualMeter.MAX_SEGMENTS + 5;
        for (int s = 0; s < segments; s++) {
            meter.accept(new double[] {s % 2 == 0 ? 1.0 : 0.0}, new double[] {10.0}, 10, true);
        }
        meter.accept(new double[] {1.0}, new double[] {10.0}, 4, false);

        NullResidual r = meter.result(Double.NaN);

        assertThat(r.segments().size()).isLessThanOrEqualTo(ResidualMeter.MAX_SEGMENTS);
        assertThat(r.segmentSeconds()).isEqualTo(0.04);
        NullResidual.Segment last = r.segments().get(r.segments().size() - 1);
        assertThat(last.endSeconds()).isCloseTo((segments * 10 + 4) / (double) rate, within(1e-9));
        double residual = 0;
        for (NullResidual.Segment s : r.segments()) {
            double frames = (s.endSeconds() - s.startSeconds()) * rate;
            residual += s.residualRms() * s.residualRms() * frames;
        }
        assertThat(residual).isCloseTo((segments + 1) / 2 + 1, within(1e-6));
        assertThat(r.totalDb()).isCloseTo(10 * Math.log10(((segments + 1) / 2 + 1) / (10.0 * (segments + 1))),
                within(1e-9));
    }

    @Test
    void silentMixGivesNaNAndZeroResidualGivesTheDigitalNull() {
        ResidualMeter silent = new ResidualMeter(1000, 2, 10);
        silent.accept(new double[] {0, 0}, new double[] {0, 0}, 10, true);
        ResidualMeter perfect = new ResidualMeter(1000, 2, 10);
        perfect.accept(new double[] {0, 0}, new double[] {1, 1}, 10, true);

        assertThat(silent.result(Double.NaN).totalDb()).isNaN();
        assertThat(perfect.result(Double.NaN).totalDb()).isEqualTo(NullResidual.DIGITAL_NULL_DB);
        assertThat(perfect.result(Double.NaN).channelDb()).containsExactly(-200.0, -200.0);
    }
}
