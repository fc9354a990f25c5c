package org.stemcheck.dsp.nullsum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class NullSumInputTest {

    @Test
    void setupRefusesOutOfRangeValuesWithTheirName() {
        assertThatThrownBy(() -> NullSumSetup.of(999, 2, 2)).hasMessageContaining("sampleRate");
        assertThatThrownBy(() -> NullSumSetup.of(48_000, 0, 2)).hasMessageContaining("stems");
        assertThatThrownBy(() -> NullSumSetup.of(48_000, 2, 0)).hasMessageContaining("channels");
        assertThatThrownBy(() -> new NullSumSetup(48_000, 2, 2, 20.0)).hasMessageContaining("maxOffsetSeconds");
        assertThatThrownBy(() -> new NullSumSetup(48_000, 2, 2, Double.NaN)).hasMessageContaining("maxOffsetSeconds");
        assertThatThrownBy(() -> NullSum.create(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> NullSumSetup.of(48_000, NullSumSetup.MAX_STEMS + 1, 2)).hasMessageContaining("stems");
    }

    @Test
    void memoryEstimateIsDominatedByTheOffsetSearchAndGrowsWithStemsAndRange() {
        long eight = NullSumSetup.of(48_000, 8, 2).estimatedBytes();
        long sixteen = NullSumSetup.of(48_000, 16, 2).estimatedBytes();
        long shortRange = new NullSumSetup(48_000, 8, 2, 0.5).estimatedBytes();

        assertThat(eight).isBetween(80L << 20, 120L << 20);
        assertThat(sixteen - eight).isBetween(8 * (8L << 20), 8 * (9L << 20));
        assertThat(shortRange).isLessThan(eight / 3);
        long worst = new NullSumSetup(192_000, NullSumSetup.MAX_STEMS, NullSumSetup.MAX_CHANNELS, 2.0).estimatedBytes();
        assertThat(worst).isLessThan(3L << 30);
    }

    @Test
    void acceptRefusesBlocksOfTheWrongShape() {
        NullSum t = NullSum.create(NullSumSetup.of(48_000, 2, 2));
        double[][] ok = new double[2][100];

        assertThatThrownBy(() -> t.accept(new double[][][] {ok}, ok, 0, 100)).hasMessageContaining("2 stems");
        assertThatThrownBy(() -> t.accept(new double[][][] {ok, new double[1][100]}, ok, 0, 100))
                .hasMessageContaining("stem 1");
        assertThatThrownBy(() -> t.accept(new double[][][] {ok, ok}, new double[2][50], 0, 100))
                .hasMessageContaining("mix");
        assertThatThrownBy(() -> t.accept(new double[][][] {ok, ok}, ok, 50, 51)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> t.accept(new double[][][] {ok, ok}, ok, -1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> t.accept(null, ok, 0, 1)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void nothingOrAlmostNothingFedGivesAnEmptyButWellFormedResult() {
        NullSum t = NullSum.create(NullSumSetup.of(44_100, 3, 1));

        NullResult empty = t.result();
        t.accept(new double[][][] {{{0.1, 0.2}}, {{0.0, 0.1}}, {{0.0, 0.0}}}, new double[][] {{0.1, 0.3}}, 0, 2);
        NullResult tiny = t.result();

        assertThat(empty.frames()).isZero();
        assertThat(empty.residual().totalDb()).isNaN();
        assertThat(empty.gains().gains()).hasSize(3);
        assertThat(empty.offsets()).hasSize(3).allSatisfy(o -> assertThat(o.confident()).isFalse());
        assertThat(tiny.frames()).isEqualTo(2);
        assertThat(tiny.residual().totalDb()).isEqualTo(NullResidual.DIGITAL_NULL_DB);
        assertThat(tiny.residual().segments()).hasSize(1);
        assertThat(tiny.transfers()).hasSize(3);
    }

    @Test
    void nonFiniteSamplesGiveNaNsNotExceptions() {
        double[][][] stems = Stems.standard();
        double[][] mix = Signals.mix(stems);
        double[][] broken = {stems[0][0].clone(), stems[0][1].clone()};
        broken[0][1000] = Double.NaN;
        broken[1][2000] = Double.POSITIVE_INFINITY;

        NullResult r = Signals.run(Stems.with(stems, 0, broken), mix, 4096);

        assertThat(r.gains().gains()).allSatisfy(g -> assertThat(g.scale()).isNaN());
        assertThat(r.residual().totalDb()).isNaN();
        assertThat(r.offsets()).hasSize(4);
    }

    @Test
    void askingForTheResultMidwayChangesNothing() {
        double[][][] stems = Stems.standard();
        double[][] mix = Signals.mix(stems);
        double[][][] late = Stems.with(stems, 2, Stems.map(stems[2], x -> Signals.delay(x, 7)));
        NullSum t = NullSum.create(NullSumSetup.of(Signals.RATE, 4, 2));
        int half = Stems.FRAMES / 2 + 123;

        t.accept(late, mix, 0, half);
        NullResult midway = t.result();
        t.accept(late, mix, half, Stems.FRAMES - half);
        NullResult end = t.result();
        NullResult once = Signals.run(late, mix, 4096);

        assertThat(midway.frames()).isEqualTo(half);
        assertThat(end.frames()).isEqualTo(Stems.FRAMES);
        assertThat(end.offsets().get(2).samples()).isCloseTo(once.offsets().get(2).samples(), within(1e-9));
        assertThat(end.gains().gains().get(2).scale()).isCloseTo(once.gains().gains().get(2).scale(), within(1e-12));
        assertThat(end.residual().totalDb()).isCloseTo(once.residual().totalDb(), within(1e-9));
    }
}
