package org.stemcheck.core.internal.checks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Labels map to the class their words name, and to none when they name none or several. */
class StemClassTest {

    @ParameterizedTest
    @CsvSource({
            "Bass, BASS", "SynthBass, BASS", "Sub_808, BASS",
            "Drums, DRUMS", "Percussion, DRUMS", "DrumLoops, DRUMS",
            "Vocals, VOCALS", "BackingVocals, VOCALS", "LeadVox, VOCALS", "BVs, VOCALS", "Choir, VOCALS"})
    void labelNamesItsClass(String label, StemClass expected) {
        assertThat(StemClass.of(label)).contains(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"GtrKeys", "Pads", "FX", "Strings", "BassDrum", "BassVocal", "", "Bassoon"})
    void labelWithoutOneClearClassHasNone(String label) {
        assertThat(StemClass.of(label)).isEmpty();
    }
}
