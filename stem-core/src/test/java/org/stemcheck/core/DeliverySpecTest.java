package org.stemcheck.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.stemcheck.core.spec.DeliverySpec;
import org.stemcheck.core.spec.ExpectedStem;
import org.stemcheck.core.spec.Levels;
import org.stemcheck.core.spec.Loudness;
import org.stemcheck.core.spec.Mix;
import org.stemcheck.core.spec.SpecBuilder;
import org.stemcheck.core.spec.Timing;

/** DeliverySpec's groups, builder and presets: music and film mean what they meant before the groups. */
class DeliverySpecTest {

    @Test
    void musicIsWhatItWas() {
        DeliverySpec m = DeliverySpec.music();
        assertThat(m.name()).isEqualTo("music");
        assertThat(m.format().sampleRates()).isEqualTo(DeliverySpec.COMMON_RATES);
        assertThat(m.format().minBitDepth()).isEqualTo(24);
        assertThat(m.format().floatAllowed()).isTrue();
        assertThat(m.format().channels()).isEmpty();
        assertThat(m.format().stemChannels()).isEmpty();
        assertThat(m.naming().template()).isEqualTo("<Title>_<Stem>_<bpm>bpm");
        assertThat(m.naming().pattern().pattern()).isEqualTo(DeliverySpec.MUSIC_PATTERN.pattern());
        assertThat(m.naming().pattern().flags()).isEqualTo(DeliverySpec.MUSIC_PATTERN.flags());
        assertThat(m.stems().expected()).isEmpty();
        assertThat(m.stems().minCount()).isEqualTo(5);
        assertThat(m.stems().maxCount()).isEqualTo(12);
        assertThat(m.stems().fxLabels()).containsExactlyInAnyOrder("FX", "Reverb", "Verb", "Delay", "Returns", "Return",
                "Reverbs", "Delays");
        assertThat(m.timing()).isEqualTo(new Timing(0.001, 0.0005, false));
        assertThat(m.levels()).isEqualTo(new Levels(-1.0, 0.0, -50.0, -70.0, 3));
        assertThat(m.loudness()).isEqualTo(Loudness.NONE);
        assertThat(m.mix()).isEqualTo(new Mix(0.5, 1.0, -50.0, -20.0));
        assertThat(m.isFxLabel("reverb")).isTrue();
        assertThat(m.isFxLabel("Bass")).isFalse();
    }

    @Test
    void filmIsWhatItWasWithItsOptionalStems() {
        DeliverySpec f = DeliverySpec.film();
        assertThat(f.name()).isEqualTo("film");
        assertThat(f.format().sampleRates()).containsExactly(48_000);
        assertThat(f.format().minBitDepth()).isEqualTo(24);
        assertThat(f.format().floatAllowed()).isFalse();
        assertThat(f.naming().template()).isEqualTo("<Title>_<Stem>");
        assertThat(f.naming().pattern().pattern()).isEqualTo(DeliverySpec.FILM_PATTERN.pattern());
        assertThat(f.stems().required()).extracting(ExpectedStem::name)
                .containsExactly("Dialogue", "Music", "Effects");
        assertThat(f.stems().expected()).filteredOn(e -> !e.required()).extracting(ExpectedStem::name)
                .containsExactly("Foley", "Backgrounds", "M&E");
        assertThat(f.stems().minCount()).isEqualTo(3);
        assertThat(f.stems().fxLabels()).containsExactlyInAnyOrder("Reverb", "Verb", "Returns");
        assertThat(f.isFxLabel("FX")).as("FX is the effects stem in film").isFalse();
        assertThat(f.timing().requireTimeReference()).isTrue();
        assertThat(f.levels()).isEqualTo(DeliverySpec.music().levels());
        assertThat(f.loudness().targetLufs()).isEmpty();
    }

    @Test
    void filmsExpectedStemsMatchTheUsualDmeLabelsAndTheNamingPatternStillReadsThem() {
        DeliverySpec f = DeliverySpec.film();
        ExpectedStem dialogue = f.stems().expected().get(0);
        for (String label : List.of("Dialogue", "DX", "dialog", "EP101_DX", "Dial")) {
            assertThat(dialogue.matches(label)).as(label).isTrue();
        }
        assertThat(dialogue.matches("Dixie")).isFalse();
        assertThat(f.stems().expected().get(2).matches("SFX")).isTrue();
        assertThat(f.stems().expected().get(5).matches("M&E")).isTrue();
        for (String name : List.of("Show_Dialogue", "Show_EP101_DX", "Show_M&E", "Show_Backgrounds")) {
            var m = f.naming().pattern().matcher(name);
            assertThat(m.matches()).as(name).isTrue();
            assertThat(m.group("title")).isEqualTo("Show");
        }
    }

    @Test
    void theBuilderChangesWhatItIsToldAndNothingElse() {
        DeliverySpec m = DeliverySpec.music();
        DeliverySpec s = m.toBuilder().name("label").sampleRates(48_000).lengthTolerance(0.010)
                .loudnessTarget(-14.0, 1.0).loudnessMaxTruePeak(-1.0).channels(2).channels("Bass", 1).build();
        assertThat(s.name()).isEqualTo("label");
        assertThat(s.format().sampleRates()).containsExactly(48_000);
        assertThat(s.format().channelsOf("bass")).isEqualTo(OptionalInt.of(1));
        assertThat(s.format().channelsOf("Keys")).isEqualTo(OptionalInt.of(2));
        assertThat(s.timing().lengthToleranceSeconds()).isEqualTo(0.010);
        assertThat(s.timing().timecodeToleranceSeconds()).isEqualTo(m.timing().timecodeToleranceSeconds());
        assertThat(s.loudness().targetLufs()).hasValue(-14.0);
        assertThat(s.loudness().maxTruePeakDbtp()).hasValue(-1.0);
        assertThat(s.naming()).isEqualTo(m.naming());
        assertThat(s.stems()).isEqualTo(m.stems());
        assertThat(s.levels()).isEqualTo(m.levels());
        assertThat(DeliverySpec.music()).as("the preset is unchanged").isEqualTo(m);
        assertThat(m.toBuilder().build()).isEqualTo(m);
        assertThat(m.toString()).isEqualTo("DeliverySpec[music]");
        assertThat(s.toString()).isEqualTo("DeliverySpec[label: -14.0 LUFS +-1.0 LU]");
    }

    @Test
    void everyGroupRefusesValuesOutOfRangeAndSaysWhich() {
        SpecBuilder b = DeliverySpec.music().toBuilder();
        assertThatThrownBy(() -> b.sampleRates(Set.of()).build()).hasMessageContaining("sampleRates");
        assertThatThrownBy(() -> DeliverySpec.music().toBuilder().bitDepth(0, true).build()).hasMessageContaining("minBitDepth");
        assertThatThrownBy(() -> DeliverySpec.music().toBuilder().channels(0).build()).hasMessageContaining("channels");
        assertThatThrownBy(() -> DeliverySpec.music().toBuilder().stemCount(5, 4).build()).hasMessageContaining("stem counts");
        assertThatThrownBy(() -> DeliverySpec.music().toBuilder().naming("<Title>", Pattern.compile("(?<title>.*)")))
                .hasMessageContaining("'title' and 'stem'");
        assertThatThrownBy(() -> DeliverySpec.music().toBuilder().lengthTolerance(-1)).hasMessageContaining("lengthTolerance");
        assertThatThrownBy(() -> DeliverySpec.music().toBuilder().truePeakCeiling(Double.NaN)).hasMessageContaining("truePeakCeiling");
        assertThatThrownBy(() -> DeliverySpec.music().toBuilder().clipRunSamples(0)).hasMessageContaining("clipRunSamples");
        assertThatThrownBy(() -> DeliverySpec.music().toBuilder().loudnessTarget(-80, 1)).hasMessageContaining("targetLufs");
        assertThatThrownBy(() -> DeliverySpec.music().toBuilder().loudnessTarget(-14, -1)).hasMessageContaining("toleranceLu");
        assertThatThrownBy(() -> new Mix(1.0, 0.5, -50, -20)).hasMessageContaining("gain");
        assertThatThrownBy(() -> new Mix(0.5, 1.0, -20, -50)).hasMessageContaining("null");
        assertThatThrownBy(() -> ExpectedStem.matching("Bass", "(")).hasMessageContaining("not a regular expression");
        assertThatThrownBy(() -> DeliverySpec.music().toBuilder().name(" ").build()).hasMessageContaining("blank");
    }

    @Test
    void presetsAreListedInOrderLoadableByNameAndEachCitesItsStandard() {
        assertThat(DeliverySpec.presets()).extracting(DeliverySpec::name)
                .containsExactly("music", "film", "ebu-r128", "atsc-a85", "netflix", "spotify", "apple-music",
                        "aes-streaming");
        for (DeliverySpec p : DeliverySpec.presets()) {
            assertThat(DeliverySpec.preset(p.name())).isSameAs(p);
            assertThat(p.description()).as(p.name()).isNotBlank().doesNotContain("\n");
            assertThat(p.standard()).as(p.name()).isNotBlank();
        }
        assertThat(DeliverySpec.music()).isSameAs(DeliverySpec.preset("music"));
        assertThatThrownBy(() -> DeliverySpec.preset("ebu128"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no preset spec named ebu128").hasMessageContaining("ebu-r128");
    }

    @Test
    void theLoudnessPresetsCarryThePublishedNumbers() {
        assertLoudness("ebu-r128", -23.0, 1.0, -1.0);   // EBU R 128 v4.0 (2020)
        assertLoudness("atsc-a85", -24.0, 2.0, -2.0);   // ATSC A/85:2013
        assertLoudness("spotify", -14.0, 1.0, -1.0);    // Spotify for Artists; tolerance ours
        assertLoudness("apple-music", -16.0, 1.0, -1.0);
        assertLoudness("aes-streaming", -18.0, 2.0, -1.0); // AES TD1004: -20 to -16 LUFS
        assertLoudness("netflix", -27.0, 2.0, -2.0);    // Netflix: -27 LKFS dialogue-gated, -2 dBTP
        assertThat(DeliverySpec.preset("netflix").loudness().gating()).isEqualTo(Loudness.Gating.DIALOGUE);
        assertThat(DeliverySpec.preset("atsc-a85").loudness().gating()).isEqualTo(Loudness.Gating.PROGRAMME);
        assertThat(DeliverySpec.preset("ebu-r128").format()).isEqualTo(DeliverySpec.film().format());
        assertThat(DeliverySpec.preset("spotify").format()).isEqualTo(DeliverySpec.music().format());
    }

    private static void assertLoudness(String preset, double target, double tolerance, double maxTp) {
        Loudness l = DeliverySpec.preset(preset).loudness();
        assertThat(l.targetLufs()).as(preset).hasValue(target);
        assertThat(l.toleranceLu()).as(preset).isEqualTo(tolerance);
        assertThat(l.maxTruePeakDbtp()).as(preset).hasValue(maxTp);
        assertThat(l.appliesTo()).isEqualTo(Loudness.Scope.MIX);
    }
}
