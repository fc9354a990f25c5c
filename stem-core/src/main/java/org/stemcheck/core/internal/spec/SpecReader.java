package org.stemcheck.core.internal.spec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.stemcheck.core.file.ChannelLayout;
import org.stemcheck.core.spec.ChannelOrder;
import org.stemcheck.core.spec.DeliverySpec;
import org.stemcheck.core.spec.ExpectedStem;
import org.stemcheck.core.spec.Format;
import org.stemcheck.core.spec.Levels;
import org.stemcheck.core.spec.Loudness;
import org.stemcheck.core.spec.Mix;
import org.stemcheck.core.spec.Names;
import org.stemcheck.core.spec.Stems;
import org.stemcheck.core.spec.Timing;

/**
 * Reads the keys of one spec file over the spec it extends. Every key is optional; a key that is
 * there replaces the base's value (arrays and the {@code stem_channels} object as a whole). The
 * keys, their types and ranges are those of {@code docs/spec.schema.json}; {@link #KEYS} lists
 * them for the test that holds the two together.
 */
final class SpecReader {

    /** The keys each object of a spec file takes, by the object's path ({@code ""} is the top level). */
    static final Map<String, List<String>> KEYS = keys();

    /** Rates a file may name: up to 10 MHz (DSD64 is 2.8 MHz; anything above is a typo). */
    private static final int MAX_RATE_HZ = 10_000_000;
    /** Levels and ceilings in dB: 0 (full scale) down to -200 dB, below any 32-bit float noise floor. */
    private static final double MIN_DB = -200.0;
    /** Tolerances in seconds up to an hour: a longer one switches the comparison off in effect. */
    private static final double MAX_TOLERANCE_S = 3600.0;
    /** A loudness tolerance above 20 LU accepts anything music or speech measures: no target at all. */
    private static final double MAX_TOLERANCE_LU = 20.0;
    /** A gain threshold above 40 dB no longer tells a fader from a missing stem. */
    private static final double MAX_GAIN_DB = 40.0;
    /** BS.1770's absolute gate: integrated loudness is not defined below -70 LUFS. */
    private static final double MIN_LUFS = -70.0;
    /** Stem counts beyond 10,000 are not a delivery. */
    private static final int MAX_STEMS = 10_000;

    private SpecReader() {
    }

    private static Map<String, List<String>> keys() {
        Map<String, List<String>> k = new LinkedHashMap<>();
        k.put("", List.of("$schema", "extends", "name", "description", "standard", "format", "naming", "stems",
                "timing", "levels", "loudness", "mix"));
        k.put("format", List.of("sample_rates", "bit_depth", "float_allowed", "channels", "stem_channels", "layout",
                "stem_layouts", "no_lfe", "no_centre", "channel_order"));
        k.put("naming", List.of("template", "pattern"));
        k.put("stems", List.of("expected", "min_count", "max_count", "fx_labels"));
        k.put("stems.expected[]", List.of("name", "pattern", "required"));
        k.put("timing", List.of("length_tolerance_s", "timecode_tolerance_s", "require_time_reference"));
        k.put("levels", List.of("true_peak_ceiling_dbtp", "sample_peak_ceiling_dbfs", "dc_offset_limit_dbfs",
                "silent_peak_dbfs", "clip_run_samples"));
        k.put("loudness", List.of("target_lufs", "tolerance_lu", "max_true_peak_dbtp", "applies_to", "gating"));
        k.put("mix", List.of("gain_warning_db", "gain_error_db", "null_warning_db", "null_error_db"));
        return Map.copyOf(k);
    }

    /**
     * Every key path a spec file may hold: {@code name}, {@code format}, {@code format.sample_rates},
     * {@code stems.expected[].required} ...
     */
    static Set<String> keyPaths() {
        Set<String> out = new TreeSet<>();
        KEYS.forEach((object, keys) -> keys.forEach(key -> out.add(object.isEmpty() ? key : object + "." + key)));
        return out;
    }

    /** The top level of a spec file, checked to be an object of known keys. */
    static Json.Obj top(Json root) {
        if (!(root instanceof Json.Obj o)) {
            throw new SpecError("", root, "a spec file is a JSON object ({...}), got " + root.describe());
        }
        Values.onlyKeys(o, "", KEYS.get(""));
        return o;
    }

    /** The value of {@code "extends"}, if given. */
    static Optional<Json.Str> extendsOf(Json.Obj top) {
        Json v = top.members().get("extends");
        if (v == null) {
            return Optional.empty();
        }
        Values.nonBlank(v, "extends");
        return Optional.of((Json.Str) v);
    }

    /**
     * The spec of a file's keys over {@code base}.
     *
     * @param defaultName the name when the file gives none (its file name)
     */
    static DeliverySpec apply(Json.Obj top, DeliverySpec base, String defaultName) {
        Map<String, Json> m = top.members();
        top(top);
        String name = m.containsKey("name") ? Values.nonBlank(m.get("name"), "name") : defaultName;
        String description = m.containsKey("description") ? Values.string(m.get("description"), "description")
                : "based on " + base.name();
        String standard = m.containsKey("standard") ? Values.string(m.get("standard"), "standard") : base.standard();
        if (m.containsKey("$schema")) {
            Values.string(m.get("$schema"), "$schema");
        }
        Format format = group(m, "format", base.format(), SpecReader::format);
        Names naming = group(m, "naming", base.naming(), SpecReader::naming);
        Stems stems = group(m, "stems", base.stems(), SpecReader::stems);
        Timing timing = group(m, "timing", base.timing(), SpecReader::timing);
        Levels levels = group(m, "levels", base.levels(), SpecReader::levels);
        Loudness loudness = group(m, "loudness", base.loudness(), SpecReader::loudness);
        Mix mix = group(m, "mix", base.mix(), SpecReader::mix);
        return new DeliverySpec(name, description, standard, format, naming, stems, timing, levels, loudness, mix);
    }

    /** Reads one group over its base value. */
    private interface GroupReader<G> {
        G read(Map<String, Json> keys, G base);
    }

    private static <G> G group(Map<String, Json> top, String key, G base, GroupReader<G> reader) {
        Json v = top.get(key);
        if (v == null) {
            return base;
        }
        Json.Obj o = Values.object(v, key);
        Values.onlyKeys(o, key, KEYS.get(key));
        return checked(key, o, () -> reader.read(o.members(), base));
    }

    /** Runs a group's constructor, turning its complaint about a combination of keys into an error at the group. */
    private static <G> G checked(String path, Json at, Supplier<G> make) {
        try {
            return make.get();
        } catch (SpecError e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new SpecError(path, at, e.getMessage());
        }
    }

    private static Format format(Map<String, Json> k, Format base) {
        Set<Integer> rates = base.sampleRates();
        if (k.containsKey("sample_rates")) {
            Json.Arr a = Values.array(k.get("sample_rates"), "format.sample_rates");
            if (a.items().isEmpty()) {
                throw new SpecError("format.sample_rates", a, "expected at least one rate (Hz), got an empty array");
            }
            Set<Integer> r = new LinkedHashSet<>();
            for (int i = 0; i < a.items().size(); i++) {
                r.add(Values.integer(a.items().get(i), "format.sample_rates[" + i + "]", 1, MAX_RATE_HZ));
            }
            rates = r;
        }
        int bits = k.containsKey("bit_depth") ? Values.integer(k.get("bit_depth"), "format.bit_depth", 1, 64)
                : base.minBitDepth();
        boolean floats = k.containsKey("float_allowed") ? Values.bool(k.get("float_allowed"), "format.float_allowed")
                : base.floatAllowed();
        OptionalInt channels = base.channels();
        if (k.containsKey("channels")) {
            Json v = k.get("channels");
            channels = v instanceof Json.Null ? OptionalInt.empty()
                    : OptionalInt.of(channelCount(v, "format.channels"));
        }
        Map<String, Integer> byStem = base.stemChannels();
        if (k.containsKey("stem_channels")) {
            Json.Obj o = Values.object(k.get("stem_channels"), "format.stem_channels");
            Map<String, Integer> s = new LinkedHashMap<>();
            o.members().forEach((label, v) -> s.put(label, channelCount(v, "format.stem_channels." + label)));
            byStem = s;
        }
        Optional<ChannelLayout> layout = base.layout();
        if (k.containsKey("layout")) {
            Json v = k.get("layout");
            layout = v instanceof Json.Null ? Optional.empty() : Optional.of(layout(v, "format.layout"));
        }
        Map<String, ChannelLayout> layouts = base.stemLayouts();
        if (k.containsKey("stem_layouts")) {
            Json.Obj o = Values.object(k.get("stem_layouts"), "format.stem_layouts");
            Map<String, ChannelLayout> s = new LinkedHashMap<>();
            o.members().forEach((label, v) -> s.put(label, layout(v, "format.stem_layouts." + label)));
            layouts = s;
        }
        Set<String> noLfe = k.containsKey("no_lfe") ? labels(k.get("no_lfe"), "format.no_lfe") : base.noLfe();
        Set<String> noCentre = k.containsKey("no_centre") ? labels(k.get("no_centre"), "format.no_centre")
                : base.noCentre();
        ChannelOrder order = k.containsKey("channel_order") ? channelOrder(k.get("channel_order"), "format.channel_order")
                : base.channelOrder();
        return new Format(rates, bits, floats, channels, byStem, layout, layouts, noLfe, noCentre, order);
    }

    /** {@code "smpte"}, {@code "film"}, {@code "dts"}, or an array of speaker labels. */
    private static ChannelOrder channelOrder(Json v, String path) {
        if (v instanceof Json.Arr a) {
            List<String> speakers = new ArrayList<>();
            for (int i = 0; i < a.items().size(); i++) {
                speakers.add(Values.nonBlank(a.items().get(i), path + "[" + i + "]"));
            }
            try {
                return ChannelOrder.of(speakers);
            } catch (IllegalArgumentException e) {
                throw new SpecError(path, v, e.getMessage());
            }
        }
        if (!(v instanceof Json.Str)) {
            throw new SpecError(path, v, "expected \"smpte\", \"film\", \"dts\" or an array of speakers such as"
                    + " [\"L\", \"C\", \"R\", \"Ls\", \"Rs\", \"LFE\"], got " + v.describe());
        }
        String name = Values.nonBlank(v, path);
        return ChannelOrder.named(name).orElseThrow(() -> new SpecError(path, v, "expected \"smpte\", \"film\","
                + " \"dts\" or an array of speakers, got " + v.describe()));
    }

    private static ChannelLayout layout(Json v, String path) {
        String name = Values.nonBlank(v, path);
        return ChannelLayout.named(name).orElseThrow(() -> new SpecError(path, v, "expected a speaker layout, one of "
                + String.join(", ", ChannelLayout.names()) + " (or mono, stereo, lcr, quad), got " + v.describe()));
    }

    private static Set<String> labels(Json v, String path) {
        Json.Arr a = Values.array(v, path);
        Set<String> out = new LinkedHashSet<>();
        for (int i = 0; i < a.items().size(); i++) {
            out.add(Values.nonBlank(a.items().get(i), path + "[" + i + "]"));
        }
        return out;
    }

    private static int channelCount(Json v, String path) {
        if (v instanceof Json.Null) {
            throw new SpecError(path, v, "expected a whole number from 1 to " + Format.MAX_CHANNELS + ", got null");
        }
        return Values.integer(v, path, 1, Format.MAX_CHANNELS);
    }

    private static Names naming(Map<String, Json> k, Names base) {
        String template = k.containsKey("template") ? Values.nonBlank(k.get("template"), "naming.template")
                : base.template();
        Pattern pattern = base.pattern();
        if (k.containsKey("pattern")) {
            Json v = k.get("pattern");
            String regex = Values.nonBlank(v, "naming.pattern");
            try {
                pattern = Pattern.compile(regex, Pattern.CASE_INSENSITIVE);
            } catch (PatternSyntaxException e) {
                throw new SpecError("naming.pattern", v, "not a regular expression: " + e.getDescription()
                        + " near index " + e.getIndex());
            }
            if (!regex.contains("?<title>") || !regex.contains("?<stem>")) {
                throw new SpecError("naming.pattern", v, "the pattern needs the named groups (?<title>...) and"
                        + " (?<stem>...), and may have (?<bpm>...)");
            }
        }
        return new Names(template, pattern);
    }

    private static Stems stems(Map<String, Json> k, Stems base) {
        List<ExpectedStem> expected = base.expected();
        if (k.containsKey("expected")) {
            Json.Arr a = Values.array(k.get("expected"), "stems.expected");
            List<ExpectedStem> e = new ArrayList<>();
            for (int i = 0; i < a.items().size(); i++) {
                e.add(expectedStem(a.items().get(i), "stems.expected[" + i + "]"));
            }
            expected = e;
        }
        int min = k.containsKey("min_count") ? Values.integer(k.get("min_count"), "stems.min_count", 0, MAX_STEMS)
                : base.minCount();
        int max = k.containsKey("max_count") ? Values.integer(k.get("max_count"), "stems.max_count", 0, MAX_STEMS)
                : base.maxCount();
        if (min > max) {
            Json at = k.containsKey("min_count") ? k.get("min_count") : k.get("max_count");
            throw new SpecError(k.containsKey("min_count") ? "stems.min_count" : "stems.max_count", at,
                    "min_count " + min + " is above max_count " + max);
        }
        Set<String> fx = base.fxLabels();
        if (k.containsKey("fx_labels")) {
            Json.Arr a = Values.array(k.get("fx_labels"), "stems.fx_labels");
            Set<String> labels = new LinkedHashSet<>();
            for (int i = 0; i < a.items().size(); i++) {
                labels.add(Values.nonBlank(a.items().get(i), "stems.fx_labels[" + i + "]"));
            }
            fx = labels;
        }
        return new Stems(expected, min, max, fx);
    }

    /**
     * {@code "Dialogue"} (a required label) or {@code {"name": "Dialogue", "pattern": "dx|dialog(ue)?",
     * "required": false}} (name, pattern or both; a pattern alone is also the name messages show).
     */
    private static ExpectedStem expectedStem(Json v, String path) {
        if (v instanceof Json.Str s) {
            return ExpectedStem.named(Values.nonBlank(s, path));
        }
        if (!(v instanceof Json.Obj o)) {
            throw new SpecError(path, v, "expected a stem label (a string) or an object with \"name\" and/or"
                    + " \"pattern\", got " + v.describe());
        }
        Values.onlyKeys(o, path, KEYS.get("stems.expected[]"));
        Map<String, Json> k = o.members();
        if (!k.containsKey("name") && !k.containsKey("pattern")) {
            throw new SpecError(path, v, "give \"name\" (a stem label), \"pattern\" (a regular expression over"
                    + " labels) or both");
        }
        boolean required = !k.containsKey("required") || Values.bool(k.get("required"), path + ".required");
        Optional<String> regex = Optional.empty();
        if (k.containsKey("pattern")) {
            Json p = k.get("pattern");
            String r = Values.nonBlank(p, path + ".pattern");
            try {
                Pattern.compile(r);
            } catch (PatternSyntaxException e) {
                throw new SpecError(path + ".pattern", p, "not a regular expression: " + e.getDescription()
                        + " near index " + e.getIndex());
            }
            regex = Optional.of(r);
        }
        String name = k.containsKey("name") ? Values.nonBlank(k.get("name"), path + ".name") : regex.orElseThrow();
        return new ExpectedStem(name, regex, required);
    }

    private static Timing timing(Map<String, Json> k, Timing base) {
        double length = k.containsKey("length_tolerance_s")
                ? Values.number(k.get("length_tolerance_s"), "timing.length_tolerance_s", 0, MAX_TOLERANCE_S)
                : base.lengthToleranceSeconds();
        double timecode = k.containsKey("timecode_tolerance_s")
                ? Values.number(k.get("timecode_tolerance_s"), "timing.timecode_tolerance_s", 0, MAX_TOLERANCE_S)
                : base.timecodeToleranceSeconds();
        boolean required = k.containsKey("require_time_reference")
                ? Values.bool(k.get("require_time_reference"), "timing.require_time_reference")
                : base.requireTimeReference();
        return new Timing(length, timecode, required);
    }

    private static Levels levels(Map<String, Json> k, Levels base) {
        return new Levels(
                db(k, "true_peak_ceiling_dbtp", base.truePeakCeilingDbtp()),
                db(k, "sample_peak_ceiling_dbfs", base.samplePeakCeilingDbfs()),
                db(k, "dc_offset_limit_dbfs", base.maxDcOffsetDbfs()),
                db(k, "silent_peak_dbfs", base.silentPeakDbfs()),
                k.containsKey("clip_run_samples")
                        ? Values.integer(k.get("clip_run_samples"), "levels.clip_run_samples", 1, 1_000_000)
                        : base.clipRunSamples());
    }

    private static double db(Map<String, Json> k, String key, double base) {
        return k.containsKey(key) ? Values.number(k.get(key), "levels." + key, MIN_DB, 0) : base;
    }

    private static Loudness loudness(Map<String, Json> k, Loudness base) {
        OptionalDouble target = base.targetLufs();
        if (k.containsKey("target_lufs")) {
            target = optional(Values.nullableNumber(k.get("target_lufs"), "loudness.target_lufs", MIN_LUFS, 0));
        }
        double tolerance = k.containsKey("tolerance_lu")
                ? Values.number(k.get("tolerance_lu"), "loudness.tolerance_lu", 0, MAX_TOLERANCE_LU)
                : base.toleranceLu();
        OptionalDouble maxTp = base.maxTruePeakDbtp();
        if (k.containsKey("max_true_peak_dbtp")) {
            maxTp = optional(Values.nullableNumber(k.get("max_true_peak_dbtp"), "loudness.max_true_peak_dbtp", MIN_DB, 0));
        }
        Loudness.Scope scope = base.appliesTo();
        if (k.containsKey("applies_to")) {
            Json v = k.get("applies_to");
            String s = Values.string(v, "loudness.applies_to");
            scope = switch (s) {
                case "mix" -> Loudness.Scope.MIX;
                case "stems" -> Loudness.Scope.STEMS;
                default -> throw new SpecError("loudness.applies_to", v, "expected \"mix\" or \"stems\", got "
                        + v.describe());
            };
        }
        Loudness.Gating gating = base.gating();
        if (k.containsKey("gating")) {
            Json v = k.get("gating");
            String g = Values.string(v, "loudness.gating");
            gating = switch (g) {
                case "programme" -> Loudness.Gating.PROGRAMME;
                case "dialogue" -> Loudness.Gating.DIALOGUE;
                default -> throw new SpecError("loudness.gating", v, "expected \"programme\" or \"dialogue\", got "
                        + v.describe());
            };
        }
        return new Loudness(target, tolerance, maxTp, scope, gating);
    }

    private static OptionalDouble optional(Optional<Double> v) {
        return v.map(OptionalDouble::of).orElse(OptionalDouble.empty());
    }

    private static Mix mix(Map<String, Json> k, Mix base) {
        return new Mix(
                k.containsKey("gain_warning_db") ? Values.number(k.get("gain_warning_db"), "mix.gain_warning_db", 0, MAX_GAIN_DB)
                        : base.gainWarningDb(),
                k.containsKey("gain_error_db") ? Values.number(k.get("gain_error_db"), "mix.gain_error_db", 0, MAX_GAIN_DB)
                        : base.gainErrorDb(),
                k.containsKey("null_warning_db") ? Values.number(k.get("null_warning_db"), "mix.null_warning_db", MIN_DB, 0)
                        : base.nullWarningDb(),
                k.containsKey("null_error_db") ? Values.number(k.get("null_error_db"), "mix.null_error_db", MIN_DB, 0)
                        : base.nullErrorDb());
    }
}
