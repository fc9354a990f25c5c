package org.stemcheck.dsp.nullsum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The offsets over two parts of the song ({@code Setup.withHalves}) read what a search of each part
 * on its own reads, cost the main results nothing, and place each part in time.
 */
class NullSumHalvesTest {

    private static final double[][][] STEMS = Stems.standard();
    private static final double[][] MIX = Signals.mix(STEMS);
    private static final int SPLIT = Stems.FRAMES / 2;
    /** The set pass's drift range. */
    private static final double RANGE = 0.1;
    /** The set pass's block: blocks straddle the decimator's 4096 and the split. */
    private static final int BLOCK = 8192;

    /** Drums 40 samples late before the split and 55 after: a stem whose clock slipped. */
    private static double[][][] slipping() {
        double[][][] stems = Stems.with(STEMS, Stems.DRUMS, new double[2][]);
        for (int c = 0; c < 2; c++) {
            double[] early = Signals.delay(STEMS[Stems.DRUMS][c], 40);
            double[] late = Signals.delay(STEMS[Stems.DRUMS][c], 55);
            double[] x = new double[Stems.FRAMES];
            System.arraycopy(early, 0, x, 0, SPLIT);
            System.arraycopy(late, SPLIT, x, SPLIT, Stems.FRAMES - SPLIT);
            stems[Stems.DRUMS][c] = x;
        }
        return stems;
    }

    @Test
    void eachPartReadsItsOwnOffsetAsASearchOfThatPartAlone() {
        double[][][] stems = slipping();
        NullSum tests = NullSum.create(NullSumSetup.of(Signals.RATE, stems.length, 2).withHalves(SPLIT, RANGE), 1);
        feed(tests, stems, 0, Stems.FRAMES);
        List<HalfOffsets> halves = tests.result(0).halves();

        List<StemOffset> first = alone(stems, 0, SPLIT);
        List<StemOffset> second = alone(stems, SPLIT, Stems.FRAMES);
        assertThat(halves).hasSize(stems.length);
        assertThat(halves.get(Stems.DRUMS).first().samples()).isCloseTo(40, within(0.05));
        assertThat(halves.get(Stems.DRUMS).second().samples()).isCloseTo(55, within(0.05));
        for (int i = 0; i < stems.length; i++) {
            HalfOffsets h = halves.get(i);
            assertThat(h.stem()).isEqualTo(i);
            assertThat(h.first().confident()).as("stem %d", i).isEqualTo(first.get(i).confident());
            assertThat(h.second().confident()).as("stem %d", i).isEqualTo(second.get(i).confident());
            if (first.get(i).confident() && second.get(i).confident()) {
                // the first part is the same search; the shared decimator runs on across the split
                // where a search of the second part starts afresh: a few thousandths of a peak's width
                assertThat(h.first().samples()).as("stem %d", i).isCloseTo(first.get(i).samples(), within(1e-6));
                assertThat(h.second().samples()).as("stem %d", i)
                        .isCloseTo(second.get(i).samples(), within(0.005 * second.get(i).peakWidthSamples()));
            }
        }
    }

    @Test
    void eachPartIsPlacedWithinItsOwnStretch() {
        NullSum tests = NullSum.create(NullSumSetup.of(Signals.RATE, STEMS.length, 2).withHalves(SPLIT, RANGE), 1);
        feed(tests, STEMS, 0, Stems.FRAMES);
        double split = (double) SPLIT / Signals.RATE;
        double end = (double) Stems.FRAMES / Signals.RATE;
        for (HalfOffsets h : tests.result(0).halves()) {
            assertThat(h.firstCentreSeconds()).as("stem %d", h.stem()).isBetween(0.0, split);
            assertThat(h.secondCentreSeconds()).as("stem %d", h.stem()).isBetween(split, end);
        }
        // stationary noise: its first-difference energy is spread evenly, the centres mid-part
        HalfOffsets air = tests.result(0).halves().get(Stems.AIR);
        assertThat(air.firstCentreSeconds()).isCloseTo(split / 2, within(0.1));
        assertThat(air.secondCentreSeconds()).isCloseTo((split + end) / 2, within(0.1));
    }

    @Test
    void thePartsLeaveTheMainResultsAsTheyAre() {
        double[][][] stems = slipping();
        NullSum plain = NullSum.create(NullSumSetup.of(Signals.RATE, stems.length, 2), 1);
        NullSum parted = NullSum.create(NullSumSetup.of(Signals.RATE, stems.length, 2).withHalves(SPLIT, RANGE), 1);
        feed(plain, stems, 0, Stems.FRAMES);
        feed(parted, stems, 0, Stems.FRAMES);
        NullResult a = plain.result(0);
        NullResult b = parted.result(0);

        assertThat(a.halves()).isEmpty();
        assertThat(b.residual().totalDb()).isCloseTo(a.residual().totalDb(), within(1e-9));
        assertThat(b.gains().nullDepthDb()).isCloseTo(a.gains().nullDepthDb(), within(1e-6));
        for (int i = 0; i < stems.length; i++) {
            assertThat(b.offsets().get(i).samples()).as("stem %d", i).isCloseTo(a.offsets().get(i).samples(), within(1e-6));
            assertThat(b.gains().gains().get(i).scale()).as("stem %d", i)
                    .isCloseTo(a.gains().gains().get(i).scale(), within(1e-9));
        }
    }

    @Test
    void aNullSumOfOneMixMeasuresThePartsToo() {
        double[][][] stems = slipping();
        NullSum test = NullSum.create(NullSumSetup.of(Signals.RATE, stems.length, 2).withHalves(SPLIT, RANGE));
        for (int at = 0; at < Stems.FRAMES; at += BLOCK) {
            test.accept(stems, MIX, at, Math.min(BLOCK, Stems.FRAMES - at));
        }
        HalfOffsets drums = test.result().halves().get(Stems.DRUMS);
        assertThat(drums.second().samples() - drums.first().samples()).isCloseTo(15, within(0.1));
    }

    @Test
    void partsAreValidated() {
        NullSumSetup setup = NullSumSetup.of(48_000, 2, 2);
        assertThatThrownBy(() -> setup.withHalves(0, RANGE)).hasMessageContaining("split");
        assertThatThrownBy(() -> setup.withHalves(100, 0)).hasMessageContaining("maxOffsetSeconds");
        assertThatThrownBy(() -> setup.withHalves(100, 20.0)).hasMessageContaining("parts' maxOffsetSeconds");
        assertThat(setup.withHalves(100, RANGE).estimatedBytes(2)).isGreaterThan(setup.estimatedBytes(2));
    }

    /**
     * The offsets of a search over {@code [from, to)} alone, with the range of the parts: the first
     * part of a null test fed only those frames, its split beyond them.
     */
    private static List<StemOffset> alone(double[][][] stems, int from, int to) {
        NullSum search = NullSum.create(
                NullSumSetup.of(Signals.RATE, stems.length, 2).withHalves(to - from + 1, RANGE), 1);
        feed(search, stems, from, to);
        return search.result(0).halves().stream().map(HalfOffsets::first).toList();
    }

    private static void feed(NullSum tests, double[][][] stems, int from, int to) {
        for (int at = from; at < to; at += BLOCK) {
            tests.accept(stems, new double[][][] {MIX}, at, Math.min(BLOCK, to - at));
        }
    }
}
