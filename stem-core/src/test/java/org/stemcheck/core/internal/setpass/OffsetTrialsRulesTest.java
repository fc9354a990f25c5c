package org.stemcheck.core.internal.setpass;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.stemcheck.dsp.nullsum.GainSolution;
import org.stemcheck.dsp.nullsum.NullResult;
import org.stemcheck.dsp.nullsum.StemGain;
import org.stemcheck.dsp.nullsum.StemOffset;

/**
 * The rules that keep or drop a trial move of one stem, on the figures measured where they were
 * set (LMMS renders with rendertracks, faults made in code; OffsetTrialsTest and
 * DiagnosisEvidenceTest run them on whole deliveries).
 */
class OffsetTrialsRulesTest {

    private static final int RATE = 44_100;

    /** A result with the null after gains {@code nullDb}, stem 0's gain {@code scale}, and stem 0's offset {@code offset}. */
    private static NullResult result(double nullDb, double scale, StemOffset offset) {
        List<StemGain> gains = new ArrayList<>();
        gains.add(new StemGain(0, scale, -20 * Math.log10(Math.abs(scale)), 0.01, scale < 0, true));
        gains.add(new StemGain(1, 1.0, 0.0, 0.01, false, true));
        return new NullResult(RATE, 10 * RATE, null, new GainSolution(gains, 2, 1.0, nullDb),
                List.of(offset, at(1, 0.0, 0.9)), List.of(), null);
    }

    private static StemOffset at(int stem, double samples, double coherence) {
        return new StemOffset(stem, samples, samples / RATE, coherence, 1.2, 2.0, 1.0, false);
    }

    @Test
    void aStemThatFitsItsPartOnceMovedIsKeptThoughTheRestDoesNotNull() {
        // The dev101 bass 240 samples late beside two parts rendered again: gain -0.23 before,
        // 1.001 after, the null -6.5 to -13.0 dB, the stem at -7.4 dB (ceiling -17.4 dB).
        StemOffset o = at(0, 240.8, 0.6);
        NullResult before = result(-6.5, -0.23, o);
        NullResult after = result(-13.0, 1.001, o);

        assertThat(OffsetTrials.keeps(after, before, 0, -7.4, 0.0)).isTrue();
        // under a bus that turns every stem down 2 dB alike, the stem's gain is read against it
        assertThat(OffsetTrials.keeps(result(-13.0, 1.001 * Math.pow(10, -2 / 20.0), o), before, 0, -7.4, 2.0)).isTrue();
    }

    @Test
    void aRepetitionThatFitsPartOfTheLineIsDropped() {
        // LMMS FinalStep's bass line moved to a peak a bar away: the null -0.8 to -9.9 dB, the line
        // at -4 dB, 0.74 of its power explained (gain 0.86); no fit, and not 10 dB under the line.
        StemOffset o = at(0, 3.96 * 21_600, 0.3);
        NullResult before = result(-0.8, 0.1, o);
        NullResult after = result(-9.9, 0.86, o);

        assertThat(OffsetTrials.keeps(after, before, 0, -4.0, 0.0)).isFalse();
        // nor a move that fits but makes the null no deeper
        assertThat(OffsetTrials.keeps(result(-0.9, 1.0, o), before, 0, -4.0, 0.0)).isFalse();
        // nor one whose stem fitted before the move already
        assertThat(OffsetTrials.keeps(result(-4.0, 1.0, o), result(-2.0, 0.97, o), 0, -4.0, 0.0)).isFalse();
    }

    @Test
    void aMoveThatLeavesTheStemABarEarlyWentARepetitionTooFar() {
        // LMMS Skiessi-Onion's kick, 240 samples late in code: the peak at 75840.12, a bar (75600)
        // and the 240; moved there, the next pass finds it -75604.03 away (coherence 0.30).
        StemOffset left = at(0, -75604.03, 0.30);

        assertThat(OffsetTrials.repetitionTooFar(left, 75840)).isTrue();
        assertThat(OffsetTrials.repetitionTooFar(at(0, 0.3, 0.9), 75840)).as("in place once moved").isFalse();
        assertThat(OffsetTrials.repetitionTooFar(at(0, -75604.03, 0.05), 75840)).as("no coherent peak").isFalse();
        assertThat(OffsetTrials.repetitionTooFar(at(0, 75600.0, 0.30), 75840)).as("further away").isFalse();

        NullResult first = result(-3.6, -0.41, at(0, 75840.12, 0.16));
        NullResult settledByTheSum = OffsetTrials.settled(first, 0, 236, left, at(0, -75600.0, 0.07), RATE);
        assertThat(settledByTheSum.offsets().get(0).samples()).isCloseTo(236.09, Offset.offset(0.01));
        NullResult settledByTheFine = OffsetTrials.settled(first, 0, 236, left, at(0, 0.4, 0.9), RATE);
        assertThat(settledByTheFine.offsets().get(0).samples()).isCloseTo(236.4, Offset.offset(0.01));
        assertThat(settledByTheFine.offsets().get(0).coherence()).isEqualTo(0.16);
        assertThat(settledByTheFine.offsets().get(1)).isEqualTo(first.offsets().get(1));
    }
}
