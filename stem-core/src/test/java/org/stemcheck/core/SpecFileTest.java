package org.stemcheck.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.stemcheck.core.spec.DeliverySpec;
import org.stemcheck.core.spec.ExpectedStem;
import org.stemcheck.core.spec.Loudness;
import org.stemcheck.core.file.ChannelLayout;

/** Spec files through the API: every key read into the spec, strict errors with the key's path, extends chains. */
class SpecFileTest {

    @TempDir
    Path dir;

    private Path write(String name, String json) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, json, StandardCharsets.UTF_8);
        return p;
    }

    private DeliverySpec load(String json) throws IOException {
        return DeliverySpec.load(write("label.json", json));
    }

    @Test
    void theFileOfTheIssueLoadsAsWritten() throws IOException {
        DeliverySpec s = load("{\"extends\": \"music\", \"loudness\": {\"target_lufs\": -14.0, \"tolerance_lu\": 1.0}}");
        assertThat(s.name()).as("named after the file").isEqualTo("label");
        assertThat(s.loudness().targetLufs()).hasValue(-14.0);
        assertThat(s.loudness().toleranceLu()).isEqualTo(1.0);
        assertThat(s.loudness().maxTruePeakDbtp()).isEmpty();
        assertThat(s.toBuilder().name("music").description("").standard("").loudness(Loudness.NONE).build())
                .as("everything else is music's")
                .isEqualTo(DeliverySpec.music().toBuilder().description("").standard("").build());
    }

    @Test
    void aFileWithoutExtendsExtendsMusicAndAnEmptyObjectIsMusicUnderTheFilesName() throws IOException {
        DeliverySpec s = load("{}");
        assertThat(s.name()).isEqualTo("label");
        assertThat(s.description()).isEqualTo("based on music");
        assertThat(s.toBuilder().name("music").description(DeliverySpec.music().description()).build())
                .isEqualTo(DeliverySpec.music());
    }

    /** Each key, set in a file, lands in its place in the spec. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "name                          |`{\"name\": \"Acme\"}`",
        "description                   |`{\"description\": \"Acme remix stems\"}`",
        "standard                      |`{\"standard\": \"Acme delivery spec 2.1\"}`",
        "format.sample_rates           |`{\"format\": {\"sample_rates\": [96000, 48000]}}`",
        "format.bit_depth              |`{\"format\": {\"bit_depth\": 16}}`",
        "format.float_allowed          |`{\"format\": {\"float_allowed\": false}}`",
        "format.channels               |`{\"format\": {\"channels\": 2}}`",
        "format.stem_channels          |`{\"format\": {\"stem_channels\": {\"Bass\": 1}}}`",
        "format.layout                 |`{\"format\": {\"layout\": \"5.1\"}}`",
        "format.stem_layouts           |`{\"format\": {\"stem_layouts\": {\"Bass\": \"mono\"}}}`",
        "format.no_lfe                 |`{\"format\": {\"no_lfe\": [\"Dialogue\", \"Music\"]}}`",
        "format.no_centre              |`{\"format\": {\"no_centre\": [\"Music\"]}}`",
        "format.channel_order          |`{\"format\": {\"channel_order\": \"film\"}}`",
        "naming.template               |`{\"naming\": {\"template\": \"<Title>-<Stem>\"}}`",
        "naming.pattern                |`{\"naming\": {\"pattern\": \"(?<title>[^-]+)-(?<stem>.+)\"}}`",
        "stems.expected                |`{\"stems\": {\"expected\": [\"Drums\", {\"pattern\": \"vox|vocals?\"}, {\"name\": \"Pads\", \"required\": false}]}}`",
        "stems.min_count               |`{\"stems\": {\"min_count\": 2}}`",
        "stems.max_count               |`{\"stems\": {\"max_count\": 40}}`",
        "stems.fx_labels               |`{\"stems\": {\"fx_labels\": [\"Verbs\"]}}`",
        "timing.length_tolerance_s     |`{\"timing\": {\"length_tolerance_s\": 0.5}}`",
        "timing.timecode_tolerance_s   |`{\"timing\": {\"timecode_tolerance_s\": 0.01}}`",
        "timing.require_time_reference |`{\"timing\": {\"require_time_reference\": true}}`",
        "levels.true_peak_ceiling_dbtp |`{\"levels\": {\"true_peak_ceiling_dbtp\": -2}}`",
        "levels.sample_peak_ceiling_dbfs |`{\"levels\": {\"sample_peak_ceiling_dbfs\": -3.0}}`",
        "levels.dc_offset_limit_dbfs   |`{\"levels\": {\"dc_offset_limit_dbfs\": -40}}`",
        "levels.silent_peak_dbfs       |`{\"levels\": {\"silent_peak_dbfs\": -60}}`",
        "levels.clip_run_samples       |`{\"levels\": {\"clip_run_samples\": 8}}`",
        "loudness.target_lufs          |`{\"loudness\": {\"target_lufs\": -16}}`",
        "loudness.tolerance_lu         |`{\"loudness\": {\"tolerance_lu\": 0.5}}`",
        "loudness.max_true_peak_dbtp   |`{\"loudness\": {\"max_true_peak_dbtp\": -2}}`",
        "loudness.applies_to           |`{\"loudness\": {\"applies_to\": \"stems\"}}`",
        "loudness.gating               |`{\"loudness\": {\"gating\": \"dialogue\"}}`",
        "mix.gain_warning_db           |`{\"mix\": {\"gain_warning_db\": 0.25}}`",
        "mix.gain_error_db             |`{\"mix\": {\"gain_error_db\": 2}}`",
        "mix.null_warning_db           |`{\"mix\": {\"null_warning_db\": -60}}`",
        "mix.null_error_db             |`{\"mix\": {\"null_error_db\": -30}}`",
    })
    void eachKeyIsRead(String key, String json) throws IOException {
        DeliverySpec s = load(json);
        DeliverySpec m = DeliverySpec.music();
        Object expected = switch (key) {
            case "name" -> "Acme";
            case "description" -> "Acme remix stems";
            case "standard" -> "Acme delivery spec 2.1";
            case "format.sample_rates" -> java.util.Set.of(96_000, 48_000);
            case "format.bit_depth" -> 16;
            case "format.float_allowed" -> false;
            case "format.channels" -> OptionalInt.of(2);
            case "format.stem_channels" -> OptionalInt.of(1);
            case "format.layout" -> java.util.Optional.of(List.of("L", "R", "C", "LFE", "Ls", "Rs"));
            case "format.stem_layouts" -> java.util.Optional.of(List.of("C"));
            case "format.no_lfe" -> java.util.Set.of("Dialogue", "Music");
            case "format.no_centre" -> java.util.Set.of("Music");
            case "format.channel_order" -> org.stemcheck.core.spec.ChannelOrder.FILM;
            case "naming.template" -> "<Title>-<Stem>";
            case "naming.pattern" -> "(?<title>[^-]+)-(?<stem>.+)";
            case "stems.expected" -> List.of(ExpectedStem.named("Drums"),
                    new ExpectedStem("vox|vocals?", java.util.Optional.of("vox|vocals?"), true),
                    ExpectedStem.named("Pads").optional());
            case "stems.min_count" -> 2;
            case "stems.max_count" -> 40;
            case "stems.fx_labels" -> java.util.Set.of("Verbs");
            case "timing.length_tolerance_s" -> 0.5;
            case "timing.timecode_tolerance_s" -> 0.01;
            case "timing.require_time_reference" -> true;
            case "levels.true_peak_ceiling_dbtp" -> -2.0;
            case "levels.sample_peak_ceiling_dbfs" -> -3.0;
            case "levels.dc_offset_limit_dbfs" -> -40.0;
            case "levels.silent_peak_dbfs" -> -60.0;
            case "levels.clip_run_samples" -> 8;
            case "loudness.target_lufs" -> java.util.OptionalDouble.of(-16);
            case "loudness.tolerance_lu" -> 0.5;
            case "loudness.max_true_peak_dbtp" -> java.util.OptionalDouble.of(-2);
            case "loudness.applies_to" -> Loudness.Scope.STEMS;
            case "loudness.gating" -> Loudness.Gating.DIALOGUE;
            case "mix.gain_warning_db" -> 0.25;
            case "mix.gain_error_db" -> 2.0;
            case "mix.null_warning_db" -> -60.0;
            case "mix.null_error_db" -> -30.0;
            default -> throw new IllegalArgumentException(key);
        };
        Function<DeliverySpec, Object> read = READ.apply(key);
        assertThat(read.apply(s)).as(key).isEqualTo(expected);
        assertThat(read.apply(m)).as("music differs in " + key).isNotEqualTo(expected);
    }

    private static final Function<String, Function<DeliverySpec, Object>> READ = key -> switch (key) {
        case "name" -> DeliverySpec::name;
        case "description" -> DeliverySpec::description;
        case "standard" -> DeliverySpec::standard;
        case "format.sample_rates" -> s -> s.format().sampleRates();
        case "format.bit_depth" -> s -> s.format().minBitDepth();
        case "format.float_allowed" -> s -> s.format().floatAllowed();
        case "format.channels" -> s -> s.format().channels();
        case "format.stem_channels" -> s -> s.format().channelsOf("bass");
        case "format.layout" -> s -> s.format().layout().map(org.stemcheck.core.file.ChannelLayout::speakers);
        case "format.stem_layouts" -> s -> s.format().layoutOf("bass").map(org.stemcheck.core.file.ChannelLayout::speakers);
        case "format.no_lfe" -> s -> java.util.Set.copyOf(s.format().noLfe());
        case "format.no_centre" -> s -> java.util.Set.copyOf(s.format().noCentre());
        case "format.channel_order" -> s -> s.format().channelOrder();
        case "naming.template" -> s -> s.naming().template();
        case "naming.pattern" -> s -> s.naming().pattern().pattern();
        case "stems.expected" -> s -> s.stems().expected();
        case "stems.min_count" -> s -> s.stems().minCount();
        case "stems.max_count" -> s -> s.stems().maxCount();
        case "stems.fx_labels" -> s -> s.stems().fxLabels();
        case "timing.length_tolerance_s" -> s -> s.timing().lengthToleranceSeconds();
        case "timing.timecode_tolerance_s" -> s -> s.timing().timecodeToleranceSeconds();
        case "timing.require_time_reference" -> s -> s.timing().requireTimeReference();
        case "levels.true_peak_ceiling_dbtp" -> s -> s.levels().truePeakCeilingDbtp();
        case "levels.sample_peak_ceiling_dbfs" -> s -> s.levels().samplePeakCeilingDbfs();
        case "levels.dc_offset_limit_dbfs" -> s -> s.levels().maxDcOffsetDbfs();
        case "levels.silent_peak_dbfs" -> s -> s.levels().silentPeakDbfs();
        case "levels.clip_run_samples" -> s -> s.levels().clipRunSamples();
        case "loudness.target_lufs" -> s -> s.loudness().targetLufs();
        case "loudness.tolerance_lu" -> s -> s.loudness().toleranceLu();
        case "loudness.max_true_peak_dbtp" -> s -> s.loudness().maxTruePeakDbtp();
        case "loudness.applies_to" -> s -> s.loudness().appliesTo();
        case "loudness.gating" -> s -> s.loudness().gating();
        case "mix.gain_warning_db" -> s -> s.mix().gainWarningDb();
        case "mix.gain_error_db" -> s -> s.mix().gainErrorDb();
        case "mix.null_warning_db" -> s -> s.mix().nullWarningDb();
        case "mix.null_error_db" -> s -> s.mix().nullErrorDb();
        default -> throw new IllegalArgumentException(key);
    };

    @Test
    void nullClearsAnOptionalValueOfTheBase() throws IOException {
        DeliverySpec s = load("{\"extends\": \"ebu-r128\", \"loudness\": {\"target_lufs\": null,"
                + " \"max_true_peak_dbtp\": null}, \"format\": {\"channels\": null}}");
        assertThat(s.loudness().targetLufs()).isEmpty();
        assertThat(s.loudness().maxTruePeakDbtp()).isEmpty();
        assertThat(s.format().channels()).isEmpty();
        assertThat(s.standard()).as("inherited").isEqualTo(DeliverySpec.preset("ebu-r128").standard());
    }

    /** Strict: each wrong key or value is one line naming the file, line, column and the key's path. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "`wrong type in an array item`|`{\"stems\": {\"expected\": [\"Drums\", \"Bass\", {\"name\": \"Vox\", \"required\": \"yes\"}]}}`"
                + "|`label.json:1:70: stems.expected[2].required: expected true or false, got \"yes\"`",
        "unknown top-level key|`{\"loudnes\": {}}`|`label.json:1:13: loudnes: unknown key; did you mean loudness?`",
        "unknown nested key|`{\"format\": {\"sample_rate\": [48000]}}`"
                + "|`label.json:1:28: format.sample_rate: unknown key; did you mean sample_rates?`",
        "number as a string|`{\"loudness\": {\"target_lufs\": \"-14\"}}`"
                + "|`label.json:1:30: loudness.target_lufs: expected a number or null, got \"-14\"`",
        "out of range|`{\"loudness\": {\"target_lufs\": 3}}`"
                + "|`label.json:1:30: loudness.target_lufs: expected a number from -70 to 0, got 3`",
        "fraction where a whole number goes|`{\"format\": {\"bit_depth\": 24.5}}`"
                + "|`label.json:1:26: format.bit_depth: expected a whole number from 1 to 64, got 24.5`",
        "rate in an array|`{\"format\": {\"sample_rates\": [48000, \"44.1k\"]}}`"
                + "|`label.json:1:37: format.sample_rates[1]: expected a whole number, got \"44.1k\"`",
        "group not an object|`{\"levels\": [-1]}`|`label.json:1:12: levels: expected an object, got an array`",
        "top level not an object|`[]`|`label.json:1:1: a spec file is a JSON object`",
        "bad regular expression|`{\"naming\": {\"pattern\": \"(?<title>.+)_(?<stem>.+\"}}`"
                + "|`label.json:1:24: naming.pattern: not a regular expression`",
        "pattern without the groups|`{\"naming\": {\"pattern\": \"(.+)_(.+)\"}}`"
                + "|`label.json:1:24: naming.pattern: the pattern needs the named groups`",
        "expected stem of neither kind|`{\"stems\": {\"expected\": [{\"required\": true}]}}`"
                + "|`label.json:1:25: stems.expected[0]: give \"name\"`",
        "counts out of order|`{\"stems\": {\"min_count\": 9, \"max_count\": 4}}`"
                + "|`label.json:1:25: stems.min_count: min_count 9 is above max_count 4`",
        "applies_to unknown|`{\"loudness\": {\"applies_to\": \"printmaster\"}}`"
                + "|`label.json:1:29: loudness.applies_to: expected \"mix\" or \"stems\", got \"printmaster\"`",
        "mix thresholds out of order|`{\"mix\": {\"gain_warning_db\": 2}}`|`label.json:1:9: mix: mix gain thresholds`",
        "invalid JSON|`{\"name\": \"x\",}`|`label.json:1:14: not valid JSON: a comma before '}'`",
        "unknown layout|`{\"format\": {\"layout\": \"5.2\"}}`"
                + "|`label.json:1:23: format.layout: expected a speaker layout, one of 1.0, 2.0, 2.1, 3.0, 3.1, 4.0, 5.0, 5.1, 7.0, 7.1 (or mono, stereo, lcr, quad), got \"5.2\"`",
        "unknown stem layout|`{\"format\": {\"stem_layouts\": {\"Dialogue\": 6}}}`"
                + "|`label.json:1:42: format.stem_layouts.Dialogue: expected a string, got 6`",
        "layout against channels|`{\"format\": {\"channels\": 2, \"layout\": \"5.1\"}}`"
                + "|`label.json:1:12: format: layout 5.1 has 6 channels, but channels is 2`",
        "no_lfe not an array|`{\"format\": {\"no_lfe\": \"Dialogue\"}}`"
                + "|`label.json:1:23: format.no_lfe: expected an array`",
        "unknown channel order|`{\"format\": {\"channel_order\": \"pro tools\"}}`"
                + "|`label.json:1:30: format.channel_order: expected \"smpte\", \"film\", \"dts\" or an array of speakers, got \"pro tools\"`",
        "unknown speaker in a channel order|`{\"format\": {\"channel_order\": [\"L\", \"C\", \"R\", \"SL\"]}}`"
                + "|`label.json:1:30: format.channel_order: unknown speaker SL; the speakers are L R C LFE`",
        "speaker twice in a channel order|`{\"format\": {\"channel_order\": [\"L\", \"L\"]}}`"
                + "|`label.json:1:30: format.channel_order: speaker L is named twice`",
        "gating unknown|`{\"loudness\": {\"gating\": \"speech\"}}`"
                + "|`label.json:1:25: loudness.gating: expected \"programme\" or \"dialogue\", got \"speech\"`",
        "dialogue gating of stems|`{\"loudness\": {\"gating\": \"dialogue\", \"applies_to\": \"stems\"}}`"
                + "|`label.json:1:14: loudness: dialogue gating measures the mix`",
        "unknown preset|`{\"extends\": \"ebu128\"}`|`label.json:1:13: extends: no preset named \"ebu128\"`",
    })
    void aWrongKeyOrValueIsOneLineWithItsPath(String what, String json, String message) throws IOException {
        Path p = write("label.json", json);
        assertThatThrownBy(() -> DeliverySpec.load(p))
                .isInstanceOf(IllegalArgumentException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n")
                        .startsWith(p.toString().replace("label.json", "") + message));
    }

    @Test
    void extendsChainsFilesRelativeToEachOtherDownToAPreset() throws IOException {
        write("house/base.json", "{\"extends\": \"film\", \"name\": \"house\", \"timing\": {\"length_tolerance_s\": 0.04}}");
        write("house/shows/show.json", "{\"extends\": \"../base.json\", \"loudness\": {\"target_lufs\": -24, \"tolerance_lu\": 2}}");
        Path episode = write("house/shows/episode.json", "{\"extends\": \"show.json\", \"format\": {\"channels\": 6}}");

        DeliverySpec s = DeliverySpec.load(episode);
        assertThat(s.name()).isEqualTo("episode");
        assertThat(s.format().channels()).hasValue(6);
        assertThat(s.loudness().targetLufs()).hasValue(-24.0);
        assertThat(s.timing().lengthToleranceSeconds()).isEqualTo(0.04);
        assertThat(s.timing().requireTimeReference()).as("from film").isTrue();
        assertThat(s.naming()).isEqualTo(DeliverySpec.film().naming());
    }

    @Test
    void aCycleOfExtendsIsRefused() throws IOException {
        write("a.json", "{\"extends\": \"b.json\"}");
        write("b.json", "{\"extends\": \"c.json\"}");
        Path c = write("c.json", "{\"extends\": \"a.json\"}");
        assertThatThrownBy(() -> DeliverySpec.load(c))
                .hasMessageContaining("extends: a cycle: c.json -> a.json -> b.json -> c.json");
        Path self = write("self.json", "{\"extends\": \"./self.json\"}");
        assertThatThrownBy(() -> DeliverySpec.load(self)).hasMessageContaining("a cycle: self.json -> self.json");
    }

    @Test
    void anErrorInAFileExtendedNamesThatFile() throws IOException {
        write("base.json", "{\"levels\": {\"clip_run_samples\": 0}}");
        Path top = write("top.json", "{\"extends\": \"base.json\"}");
        assertThatThrownBy(() -> DeliverySpec.load(top))
                .hasMessageContaining("base.json:1:33: levels.clip_run_samples: expected a whole number from 1");
    }

    @Test
    void missingUnreadableAndOddFilesAreClearErrors() throws IOException {
        assertThatThrownBy(() -> DeliverySpec.load(dir.resolve("nope.json")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("no such spec file:");
        assertThatThrownBy(() -> DeliverySpec.load(dir)).hasMessageContaining("a folder, not a spec file");
        Path latin1 = dir.resolve("latin1.json");
        Files.write(latin1, new byte[] {'{', '"', 'n', 'a', 'm', 'e', '"', ':', '"', (byte) 0xE9, '"', '}'});
        assertThatThrownBy(() -> DeliverySpec.load(latin1)).hasMessageContaining("not UTF-8");
        write("missing-base.json", "{\"extends\": \"gone.json\"}");
        assertThatThrownBy(() -> DeliverySpec.load(dir.resolve("missing-base.json")))
                .hasMessageContaining("extends: no preset named \"gone.json\"").hasMessageContaining("and no file");
    }
}
