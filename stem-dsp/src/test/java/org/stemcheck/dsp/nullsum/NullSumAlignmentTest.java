package org.stemcheck.dsp.nullsum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The second pass: offsets found by a first pass are undone, then everything is measured in place. */
class NullSumAlignmentTest {

    /** The standard stems with 50 ms of silence at both ends, so that moving them loses nothing. */
    private static final double[][][] STEMS = silentEnds(Stems.standard(), 2400);
    private static final double[][] MIX = Signals.mix(STEMS);

    @Test
    void secondPassWithTheFoundOffsetsUndoneMeasuresEveryStemInPlace() {
        double up = Math.pow(10, 3 / 20.0);
        double[][][] stems = Stems.with(STEMS, Stems.DRUMS, Stems.map(STEMS[Stems.DRUMS], x -> Signals.delay(x, -240)));
        stems = Stems.with(stems, 0, Stems.map(STEMS[0], x -> Signals.delay(x, 1200)));
        stems = Stems.with(stems, Stems.AIR, Stems.map(STEMS[Stems.AIR], x -> Signals.scale(x, up)));
        NullResult first = Signals.run(stems, MIX, 4096);
        NullSumSetup aligned = NullSumSetup.of(Signals.RATE, 4, 2).alignedTo(first);

        NullResult second = run(aligned, stems, 1000);

        // five steady partials blur the tones' peak over tens of samples: not displaced, not moved
        assertThat(first.offsets().get(2).peakWidthSamples()).isGreaterThan(10);
        assertThat(aligned.alignment()).containsExactly(1200, -240, 0, 0);
        for (int i = 0; i < 4; i++) {
            StemOffset o = second.offsets().get(i);
            assertThat(o.displaced()).as("stem %d: %s", i, o).isFalse();
            assertThat(second.gains().gains().get(i).levelErrorDb()).as("stem %d", i)
                    .isCloseTo(i == Stems.AIR ? 3.0 : 0.0, within(0.01));
        }
        assertThat(second.gains().nullDepthDb()).isLessThan(-100);
        assertThat(first.gains().nullDepthDb()).isGreaterThan(-20);
        assertThat(second.frames()).isEqualTo(Stems.FRAMES - 1200);
        assertThat(second.residual().segments().get(0).startSeconds()).isZero();
        assertThat(second.transfers().get(Stems.DRUMS).bands().get(20).ownDb()).isCloseTo(0.0, within(0.1));
    }

    @Test
    void alignmentMustMatchTheStemsAndStayInRange() {
        assertThatThrownBy(() -> new NullSumSetup(48_000, 2, 2, 2.0, List.of(1)))
                .hasMessageContaining("one offset per stem");
        assertThatThrownBy(() -> new NullSumSetup(48_000, 2, 2, 1.0, List.of(0, 48_001)))
                .hasMessageContaining("beyond");
        NullResult three = Signals.run(new double[][][] {STEMS[0], STEMS[1], STEMS[2]}, MIX, 4096);
        assertThatThrownBy(() -> NullSumSetup.of(48_000, 2, 2).alignedTo(three))
                .hasMessageContaining("3 stems");
    }

    private static double[][][] silentEnds(double[][][] stems, int frames) {
        for (double[][] stem : stems) {
            for (double[] c : stem) {
                java.util.Arrays.fill(c, 0, frames, 0.0);
                java.util.Arrays.fill(c, c.length - frames, c.length, 0.0);
            }
        }
        return stems;
    }

    private static NullResult run(NullSumSetup setup, double[][][] stems, int block) {
        NullSum test = NullSum.create(setup);
        for (int at = 0; at < Stems.FRAMES; at += block) {
            test.accept(stems, MIX, at, Math.min(block, Stems.FRAMES - at));
        }
        return test.result();
    }
}
