package org.stemcheck.dsp.nullsum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class NullSumGainsTest {

    private static final double[][][] STEMS = Stems.standard();
    private static final double[][] MIX = Signals.mix(STEMS);

    @Test
    void correctStemsNullBelowMinus120DbEverywhere() {
        NullResult r = Signals.run(STEMS, MIX, 4096);

        assertThat(r.frames()).isEqualTo(Stems.FRAMES);
        assertThat(r.residual().totalDb()).isLessThan(-120);
        assertThat(r.residual().channelDb()).hasSize(2).allSatisfy(db -> assertThat(db).isLessThan(-120));
        assertThat(r.residual().segments()).hasSize(Stems.SECONDS * 10)
                .allSatisfy(s -> assertThat(s.relativeDb()).isLessThan(-120));
        for (StemGain g : r.gains().gains()) {
            assertThat(g.levelErrorDb()).isCloseTo(0.0, within(1e-4));
            assertThat(g.identifiable()).isTrue();
            assertThat(g.inverted()).isFalse();
        }
        assertThat(r.gains().rank()).isEqualTo(4);
        assertThat(r.gains().nullDepthDb()).isLessThan(-120);
        for (StemOffset o : r.offsets()) {
            assertThat(o.samples()).isCloseTo(0.0, within(0.01));
            assertThat(o.confident()).as("%s", o).isTrue();
            assertThat(o.displaced()).isFalse();
        }
    }

    @Test
    void stemsAtPlus3AndMinus6DbGetTheirGainsWithinOneHundredthOfADb() {
        double up = Math.pow(10, 3 / 20.0);
        double down = Math.pow(10, -6 / 20.0);
        double[][][] stems = Stems.with(STEMS, 0, Stems.map(STEMS[0], x -> Signals.scale(x, up)));
        stems = Stems.with(stems, 2, Stems.map(STEMS[2], x -> Signals.scale(x, down)));

        NullResult r = Signals.run(stems, MIX, 4096);

        assertThat(r.residual().totalDb()).isGreaterThan(-20);
        assertThat(r.gains().gains().get(0).levelErrorDb()).isCloseTo(3.0, within(0.01));
        assertThat(r.gains().gains().get(2).levelErrorDb()).isCloseTo(-6.0, within(0.01));
        assertThat(r.gains().gains().get(1).levelErrorDb()).isCloseTo(0.0, within(0.01));
        assertThat(r.gains().gains().get(3).levelErrorDb()).isCloseTo(0.0, within(0.01));
        assertThat(r.gains().nullDepthDb()).isLessThan(-120);
        assertThat(r.gains().gains()).allSatisfy(g -> assertThat(g.standardErrorDb()).isLessThan(1e-4));
    }

    @Test
    void invertedStemGetsGainMinusOne() {
        double[][][] stems = Stems.with(STEMS, Stems.AIR, Stems.map(STEMS[Stems.AIR], x -> Signals.scale(x, -1)));

        NullResult r = Signals.run(stems, MIX, 4096);

        StemGain g = r.gains().gains().get(Stems.AIR);
        assertThat(g.scale()).isCloseTo(-1.0, within(1e-6));
        assertThat(g.inverted()).isTrue();
        assertThat(g.levelErrorDb()).isCloseTo(0.0, within(1e-4));
        assertThat(r.offsets().get(Stems.AIR).inverted()).isTrue();
        assertThat(r.offsets().get(Stems.AIR).samples()).isCloseTo(0.0, within(0.01));
        assertThat(r.gains().gains().get(0).inverted()).isFalse();
    }

    @Test
    void silentAndDuplicatedStemsDoNotBreakTheSolver() {
        double[][] silent = new double[2][Stems.FRAMES];
        double[][][] stems = {STEMS[0], STEMS[1], STEMS[2], STEMS[3], silent, STEMS[3]};
        // the mix holds the air stem once, the delivery twice (once as a duplicate file)

        NullResult r = Signals.run(stems, MIX, 4096);

        GainSolution s = r.gains();
        assertThat(s.rank()).isEqualTo(4);
        assertThat(s.condition()).isFinite();
        assertThat(s.gains().get(4).identifiable()).isFalse();
        assertThat(s.gains().get(4).levelErrorDb()).isNaN();
        assertThat(s.gains().get(3).identifiable()).isFalse();
        assertThat(s.gains().get(5).identifiable()).isFalse();
        assertThat(s.gains().get(3).scale() + s.gains().get(5).scale()).isCloseTo(1.0, within(1e-6));
        for (int i = 0; i < 3; i++) {
            assertThat(s.gains().get(i).identifiable()).isTrue();
            assertThat(s.gains().get(i).levelErrorDb()).isCloseTo(0.0, within(0.01));
        }
        assertThat(s.nullDepthDb()).isLessThan(-100);
        assertThat(r.residual().totalDb()).isGreaterThan(-30);
        assertThat(r.offsets().get(4).coherence()).isZero();
    }

    @Test
    void resultsDoNotDependOnTheBlockSize() {
        double[][][] stems = Stems.with(STEMS, 0, Stems.map(STEMS[0], x -> Signals.delay(Signals.scale(x, 1.3), 240)));

        NullResult a = Signals.run(stems, MIX, 1000);
        NullResult b = Signals.run(stems, MIX, 4096);

        assertThat(a.residual().totalDb()).isCloseTo(b.residual().totalDb(), within(1e-9));
        assertThat(a.residual().segments()).hasSameSizeAs(b.residual().segments());
        for (int s = 0; s < a.residual().segments().size(); s++) {
            assertThat(a.residual().segments().get(s).residualRms())
                    .isCloseTo(b.residual().segments().get(s).residualRms(), within(1e-12));
        }
        for (int i = 0; i < stems.length; i++) {
            assertThat(a.gains().gains().get(i).scale()).isCloseTo(b.gains().gains().get(i).scale(), within(1e-9));
            assertThat(a.offsets().get(i).samples()).isCloseTo(b.offsets().get(i).samples(), within(1e-6));
            assertThat(a.offsets().get(i).coherence()).isCloseTo(b.offsets().get(i).coherence(), within(1e-9));
            for (int k = 0; k < a.transfers().get(i).bands().size(); k++) {
                assertThat(a.transfers().get(i).bands().get(k).ownDb())
                        .isCloseTo(b.transfers().get(i).bands().get(k).ownDb(), within(1e-9));
            }
            assertThat(a.transfers().get(i).dynamics().meanGainDb())
                    .isCloseTo(b.transfers().get(i).dynamics().meanGainDb(), within(1e-9));
        }
        assertThat(a.offsets().get(0).wholeSamples()).isEqualTo(240);
    }
}
