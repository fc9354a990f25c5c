package org.stemcheck.core.internal.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.stemcheck.core.spec.DeliverySpec;

/** Reading names: words, mix names, the pattern, extensions. */
class NamingTest {

    @Test
    void wordsSplitAtSeparatorsCaseChangesAndAcronyms() {
        assertThat(Naming.words("KickIn_01.wav")).containsExactly("kick", "in", "01");
        assertThat(Naming.words("BassDI")).containsExactly("bass", "di");
        assertThat(Naming.words("FXReturns")).containsExactly("fx", "returns");
        assertThat(Naming.words("OH L")).containsExactly("oh", "l");
    }

    @ParameterizedTest
    @ValueSource(strings = {"mixdown.wav", "mixdown_nobus.wav", "songmixdown.wav", "Song_Mix_120bpm.wav",
        "Film_Printmaster.wav", "Song_2mix.wav", "MASTER.WAV", "Song_FullMix_v2.wav"})
    void mixNamesAreRecognised(String name) {
        assertThat(Roles.isMixName(name)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Song_Drums_120bpm.wav", "Song_Remix Vox_120bpm.wav", "Song_DrumSubmix_120bpm.wav",
        "Song_FX_120bpm.wav", "mixer notes.txt"})
    void stemNamesAreNotMixNames(String name) {
        assertThat(Roles.isMixName(name)).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "DistantHarbor_Bass_86bpm.wav|DistantHarbor|Bass|86",
        "Distant Harbor - Lead Vox - 86 BPM.wav|Distant Harbor|Lead Vox|86",
        "distant-harbor-bass-86bpm.aif|distant-harbor|bass|86",
        "My_Song_Bass_120.5bpm.wav|My_Song|Bass|120.5",
        "Song_Bass_120,5bpm|Song|Bass|120.5"})
    void musicPatternReadsTitleStemAndTempo(String name, String title, String stem, double bpm) {
        Naming.Parsed p = Naming.parse(name, DeliverySpec.MUSIC_PATTERN);
        assertThat(p.matched()).isTrue();
        assertThat(p.title()).contains(title);
        assertThat(p.label()).contains(stem);
        assertThat(p.bpm()).hasValue(bpm);
    }

    @Test
    void namesOffThePatternKeepALabelWithoutTheirTrackNumber() {
        Naming.Parsed p = Naming.parse("03 Snare Top.wav", DeliverySpec.MUSIC_PATTERN);
        assertThat(p.matched()).isFalse();
        assertThat(p.label()).contains("Snare Top");
        assertThat(p.title()).isEmpty();
        assertThat(p.bpm()).isEmpty();
    }

    @Test
    void extensionsStartWithALetter() {
        assertThat(Sources.baseName("Song_Bass_120.5bpm")).isEqualTo("Song_Bass_120.5bpm");
        assertThat(Sources.baseName("Song_Bass_120bpm.wav")).isEqualTo("Song_Bass_120bpm");
        assertThat(Sources.extension("take.WAV")).isEqualTo("wav");
        assertThat(Sources.extension(".hidden")).isEmpty();
    }
}
