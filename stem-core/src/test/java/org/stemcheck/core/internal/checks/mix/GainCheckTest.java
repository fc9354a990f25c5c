package org.stemcheck.core.internal.checks.mix;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The rule that tells a fader from an insert effect's dry/wet ({@link GainCheck#explainsItsPart}). */
class GainCheckTest {

    @Test
    void aLevelIsAFaderWhenItCorrectsMoreThanItsPartLeavesUnexplained() {
        // The LMMS trumpet without its plate: +2.46 dB fitted, own coherence 0.90 (0.107 against 0.10).
        assertThat(GainCheck.explainsItsPart(2.46, 0.90)).isFalse();
        // The generated song's bass 3 dB hot with its FX return missing: 0.170 against 0.005.
        assertThat(GainCheck.explainsItsPart(3.0, 0.995)).isTrue();
        // Quieter alike: -3 dB corrects 0.085 of the part, 0.03 unexplained.
        assertThat(GainCheck.explainsItsPart(-3.0, 0.97)).isTrue();
        assertThat(GainCheck.explainsItsPart(-3.0, 0.95)).isFalse();
        // Nothing known of the part: the level stands.
        assertThat(GainCheck.explainsItsPart(1.0, Double.NaN)).isTrue();
    }
}
