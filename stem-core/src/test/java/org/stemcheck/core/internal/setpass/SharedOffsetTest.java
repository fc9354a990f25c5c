package org.stemcheck.core.internal.setpass;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.stemcheck.dsp.nullsum.StemOffset;

/** The vote on the mix's latency, and the candidate a trial pass must confirm when the vote fails. */
class SharedOffsetTest {

    private static StemOffset at(int stem, double samples, double coherence, double peakRatio, double width) {
        return new StemOffset(stem, samples, samples / 44_100.0, coherence, peakRatio, width, 1.0, false);
    }

    @Test
    void everyClearStemLateByTheSameIsTheMixsLatency() {
        List<StemOffset> offsets = List.of(at(0, -220.0, 0.6, 3.0, 5), at(1, -220.2, 0.7, 2.5, 8), at(2, -219.9, 0.5, 4.0, 3));

        assertThat(SharedOffset.of(offsets)).isCloseTo(-220.0, Offset.offset(0.2));
        assertThat(SharedOffset.candidate(offsets)).isCloseTo(-220.0, Offset.offset(0.2));
    }

    @Test
    void aClearStemInPlaceStopsTheVoteButLeavesACandidate() {
        // LMMS ReggaetonTry through a look-ahead limiter: two stems at -220, a quiet drum layer
        // whose peak (coherence 0.25) lands on 0 against a reference the others' misalignment fills.
        List<StemOffset> offsets = List.of(at(0, -219.81, 0.54, 2.02, 22.3), at(1, -220.05, 0.66, 2.68, 5.5),
                at(2, 0.0, 0.25, 2.27, 1.0), at(3, -218.69, 0.74, 1.25, 172.0));

        assertThat(SharedOffset.of(offsets)).isZero();
        assertThat(SharedOffset.candidate(offsets)).isCloseTo(-219.93, Offset.offset(0.01));
    }

    @Test
    void oneClearStemAloneIsNoCandidate() {
        List<StemOffset> offsets = List.of(at(0, -300.0, 0.6, 3.0, 5), at(1, 0.0, 0.7, 2.5, 8), at(2, 12.0, 0.05, 1.1, 3));

        assertThat(SharedOffset.candidate(offsets)).isZero();
    }

    @Test
    void tonalStemsThatAgreeAreACandidateWhereNoClearStemIsWitnessed() {
        // A 7 s excerpt of LMMS ReggaetonTry through a look-ahead limiter: the bass line and the
        // trumpet (tonal: no clear peak) at -219.1 and -219.9; two drum layers 36 dB down peak
        // clearly elsewhere.
        List<StemOffset> offsets = List.of(at(0, -219.10, 0.61, 1.3, 40), at(1, -219.93, 0.48, 1.6, 30),
                at(2, -106.3, 0.11, 2.4, 3), at(3, -66_150.0, 0.14, 3.1, 2));

        assertThat(SharedOffset.of(offsets)).isZero();
        assertThat(SharedOffset.candidate(offsets)).isCloseTo(-219.5, Offset.offset(0.5));
        // the same excerpt with every file through AAC 256k: the two peaks 1.03 samples apart
        List<StemOffset> coded = List.of(at(0, -218.94, 0.60, 1.3, 40), at(1, -219.97, 0.47, 1.6, 30),
                at(2, -106.3, 0.12, 2.4, 3), at(3, -66_150.0, 0.14, 3.1, 2));
        assertThat(SharedOffset.candidate(coded)).isCloseTo(-219.5, Offset.offset(0.5));
    }

    @Test
    void oneTonalStemOrTonalStemsBesideAClearOneInPlaceAreNoCandidate() {
        assertThat(SharedOffset.candidate(List.of(at(0, -219.1, 0.61, 1.3, 40), at(1, 3_000.0, 0.2, 1.2, 40))))
                .isZero();
        assertThat(SharedOffset.candidate(List.of(at(0, -219.1, 0.61, 1.3, 40), at(1, -219.9, 0.48, 1.6, 30),
                at(2, 0.0, 0.7, 3.0, 3)))).isZero();
    }
}
