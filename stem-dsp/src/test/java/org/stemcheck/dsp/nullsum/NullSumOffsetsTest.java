package org.stemcheck.dsp.nullsum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NullSumOffsetsTest {

    private static final double[][][] STEMS = Stems.standard();
    private static final double[][] MIX = Signals.mix(STEMS);
    private static final int BASS = 0;
    private static final int TONES = 2;

    /** 5 samples, 5 ms (240 at 48 kHz) and one beat at 120 bpm (24000), late and early. */
    @ParameterizedTest
    @ValueSource(ints = {5, -5, 240, -240, 24_000, -24_000})
    void drumStemOffsetIsFoundToTheSample(int delay) {
        double[][][] stems = Stems.with(STEMS, Stems.DRUMS, Stems.map(STEMS[Stems.DRUMS], x -> Signals.delay(x, delay)));

        StemOffset o = Signals.run(stems, MIX, 4096).offsets().get(Stems.DRUMS);

        assertThat(o.wholeSamples()).isEqualTo(delay);
        assertThat(o.samples()).isCloseTo(delay, within(0.01));
        assertThat(o.seconds()).isCloseTo(delay / 48_000.0, within(1e-6));
        assertThat(o.confident()).isTrue();
        assertThat(o.displaced()).isTrue();
        assertThat(o.peakRatio()).isGreaterThan(10);
        assertThat(o.peakWidthSamples()).isLessThan(2);
    }

    @Test
    void delayedStemWithAGainErrorGetsBothFromOnePass() {
        double down = Math.pow(10, -6 / 20.0);
        double[][][] stems = Stems.with(STEMS, Stems.DRUMS,
                Stems.map(STEMS[Stems.DRUMS], x -> Signals.delay(Signals.scale(x, -down), 1000)));

        StemOffset o = Signals.run(stems, MIX, 4096).offsets().get(Stems.DRUMS);

        assertThat(o.wholeSamples()).isEqualTo(1000);
        assertThat(o.inverted()).isTrue();
        assertThat(o.alignedScale()).isNegative();
        assertThat(o.alignedLevelErrorDb()).isCloseTo(-6.0, within(0.05));
    }

    @Test
    void fractionalDelayOfTwoAndAHalfSamplesIsMeasuredWithinATenth() {
        for (int i : new int[] {BASS, Stems.DRUMS, Stems.AIR}) {
            double[][][] stems = Stems.with(STEMS, i, Stems.map(STEMS[i], x -> Signals.fractionalDelay(x, 2.5)));

            StemOffset o = Signals.run(stems, MIX, 4096).offsets().get(i);

            assertThat(o.samples()).as("stem %d", i).isCloseTo(2.5, within(0.1));
        }
    }

    @Test
    void anOffsetStemDoesNotDisturbTheOtherStemsGainsAndOffsets() {
        double[][][] stems = Stems.with(STEMS, Stems.DRUMS, Stems.map(STEMS[Stems.DRUMS], x -> Signals.delay(x, -240)));
        double up = Math.pow(10, 3 / 20.0);
        stems = Stems.with(stems, Stems.AIR, Stems.map(STEMS[Stems.AIR], x -> Signals.scale(x, up)));

        NullResult r = Signals.run(stems, MIX, 4096);

        assertThat(r.offsets().get(Stems.DRUMS).wholeSamples()).isEqualTo(-240);
        assertThat(r.gains().gains().get(Stems.DRUMS).levelErrorDb()).as("unaligned fit: meaningless").isGreaterThan(3);
        assertThat(r.offsets().get(Stems.DRUMS).alignedLevelErrorDb()).isCloseTo(0.0, within(0.05));
        assertThat(r.offsets().get(Stems.AIR).alignedLevelErrorDb()).isCloseTo(3.0, within(0.1)); // same chance floor
        assertThat(r.offsets().get(BASS).samples()).isCloseTo(0.0, within(0.25));
        assertThat(r.offsets().get(Stems.AIR).samples()).isCloseTo(0.0, within(0.01));
        // a stem of five partials only has five phases to go by: about a sample at best here
        assertThat(r.offsets().get(TONES).samples()).isCloseTo(0.0, within(1.0));
        // the misplaced drums leave their difference in the residual; over 8 s it correlates with
        // the others by chance (1/sqrt(degrees of freedom): the low-passed bass has fewest):
        // measured 0.058 dB bass, 0.011 dB air, 0.004 dB tones, each reported with a standard error
        for (int i : new int[] {BASS, TONES, Stems.AIR}) {
            StemGain g = r.gains().gains().get(i);
            double expected = i == Stems.AIR ? 3.0 : 0.0;
            assertThat(g.levelErrorDb()).as("stem %d", i).isCloseTo(expected, within(0.1));
            assertThat(g.standardErrorDb()).as("stem %d", i).isBetween(0.001, 0.1);
        }
    }

    /**
     * The same click on every beat, delayed by one beat: inside the file the delayed train equals
     * the original, so correlation alone cannot tell 0 from one beat. The estimator must not give a
     * confident wrong answer: it is right, or it flags the peak as ambiguous (only the file's edges,
     * where the delayed train starts late, can tell the periods apart).
     */
    @ParameterizedTest
    @ValueSource(ints = {24_000, -24_000, 48_000})
    void strictlyPeriodicClicksAreEitherRightOrFlaggedAmbiguous(int delay) {
        double[] clicks = Signals.clicks(Stems.FRAMES, 120, Signals.RATE);
        double[][][] set = {STEMS[0], STEMS[2], Signals.pan(clicks, 1.0)};
        double[][] mix = Signals.mix(set);
        double[][][] stems = Stems.with(set, 2, Stems.map(set[2], x -> Signals.delay(x, delay)));

        StemOffset o = Signals.run(stems, mix, 4096).offsets().get(2);

        assertThat(o.wholeSamples() == delay || !o.confident())
                .as("offset %s for a delay of %d", o, delay).isTrue();
        assertThat(o.wholeSamples() == delay || o.peakRatio() < 2.0)
                .as("ambiguous when wrong: %s", o).isTrue();
    }

    @Test
    void aStemThatIsNotInTheMixHasNoConfidentOffset() {
        double[][] foreign = {Signals.noise(99, Stems.FRAMES, 0.1), Signals.noise(98, Stems.FRAMES, 0.1)};
        double[][][] stems = {STEMS[0], STEMS[1], STEMS[2], STEMS[3], foreign};

        NullResult r = Signals.run(stems, MIX, 4096);

        assertThat(r.offsets().get(4).coherence()).isLessThan(StemOffset.CONFIDENT_COHERENCE / 2);
        assertThat(r.offsets().get(4).confident()).isFalse();
        assertThat(r.offsets().get(Stems.AIR).confident()).isTrue();
    }

    @Test
    void offsetBeyondTheSearchRangeIsNotReportedAsConfident() {
        int delay = (int) (2.5 * Signals.RATE);
        double[][][] stems = Stems.with(STEMS, Stems.AIR, Stems.map(STEMS[Stems.AIR], x -> Signals.delay(x, delay)));

        StemOffset o = Signals.run(stems, MIX, 4096).offsets().get(Stems.AIR);

        assertThat(o.confident()).isFalse();
    }
}
