package org.stemcheck.core.internal.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.stemcheck.core.nulltest.Explanation;

/**
 * {@link Diagnosis#named}: a band shape a stem lacks is named only where the shapes so read account
 * for half the residual or more, on the shares measured on LMMS renders (docs/accuracy.md).
 */
class LackingShareTest {

    /** A -1.1 dB low shelf a stem lacks, with or without compression (the rule reads no stem). */
    private static Explanation.LacksBusProcessing shelf(boolean compression) {
        return new Explanation.LacksBusProcessing(null, -1.1, Double.NaN, 0.0, compression ? 3.0 : 0.0, true,
                compression);
    }

    @Test
    void aShelfReadFromAMissingPartThatPlaysWithTheStemIsNotNamed() {
        // A 7 s excerpt of Mauiwowi through AAC 256k without its bass drum: "Kick ... -1.1 dB low
        // shelf", which accounts for 0.27 of the residual (-5.6 dB of the mix).
        assertThat(Diagnosis.named(List.of(shelf(false)), 0.27)).isFalse();
    }

    @Test
    void aStemWithoutItsEffectsIsNamed() {
        // Socceroos' Ominus1 without its effects: 0.86 of the residual, with and without the codec.
        assertThat(Diagnosis.named(List.of(shelf(false)), 0.86)).isTrue();
    }

    @Test
    void shelvesOnSeveralStemsCountTogether() {
        assertThat(Diagnosis.named(List.of(shelf(false), shelf(false)),
                0.3 + 0.3)).isTrue();
    }

    @Test
    void missingCompressionIsNamedWhateverTheShare() {
        assertThat(Diagnosis.named(List.of(shelf(true)), 0.1)).isTrue();
    }
}
