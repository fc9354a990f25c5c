package org.stemcheck.core;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.stemcheck.core.internal.spec.Presets;
import org.stemcheck.core.internal.spec.SpecFiles;

/**
 * What the recipient asked for, in a few groups: the audio {@linkplain Format format}, the
 * {@linkplain Names naming}, the {@linkplain Stems stems} expected, {@linkplain Timing timing},
 * {@linkplain Levels levels}, a {@linkplain Loudness loudness} target and the null test's
 * {@linkplain Mix mix} thresholds. Start from a preset and change what differs:
 *
 * <pre>{@code
 * DeliverySpec spec = DeliverySpec.music().toBuilder()
 *         .name("label")
 *         .sampleRates(48_000)
 *         .lengthTolerance(0.010)
 *         .loudnessTarget(-14.0, 1.0)
 *         .build();
 * }</pre>
 *
 * <p>or write the recipient's spec as a JSON file ({@code docs/specs.md}) and
 * {@linkplain #load(Path) load} it. The presets ({@link #presets()}) are shipped with the library:
 * {@code music}, {@code film}, {@code ebu-r128}, {@code atsc-a85} and streaming targets. Immutable
 * and thread-safe.
 *
 * @param name        a short name for reports ({@code "music"}, {@code "ebu-r128"}, a file's name)
 * @param description one line on what the spec is for
 * @param standard    the standard or published guidance the spec follows, with its version; empty
 *                    when it follows none
 * @param format      sample rates, bit depth, channels
 * @param naming      the file-name convention
 * @param stems       the stems expected and how many
 * @param timing      length and start-time tolerances
 * @param levels      headroom and the level limits of the per-file checks
 * @param loudness    the integrated loudness target of the mix, if any
 * @param mix         the null test's thresholds
 */
public record DeliverySpec(
        String name,
        String description,
        String standard,
        Format format,
        Names naming,
        Stems stems,
        Timing timing,
        Levels levels,
        Loudness loudness,
        Mix mix) {

    /** The common production rates (AES5-2018 and its multiples): 44.1/48/88.2/96/176.4/192 kHz. */
    public static final Set<Integer> COMMON_RATES = Set.of(44_100, 48_000, 88_200, 96_000, 176_400, 192_000);

    /** The film and broadcast rate (AES5-2018 section 4.1, EBU R 128 / Netflix delivery). */
    public static final int FILM_RATE = 48_000;

    /** 24-bit PCM: the delivery depth music and film recipients ask for (AES17 / EBU Tech 3285 practice). */
    public static final int DELIVERY_BITS = 24;

    /**
     * Durations differ when they differ by more than 1 ms: beyond the rounding of one frame at any
     * spec rate (22.7 us at 44.1 kHz), well below the length of any audible tail.
     */
    public static final double LENGTH_TOLERANCE_S = 0.001;

    /**
     * Start times differ when they differ by more than 0.5 ms: more than one sample at 8 kHz
     * (0.125 ms) so that a TimeReference rounded at another rate is not a false alarm, and below
     * the 1 ms at which an offset starts to colour a sum (comb filtering).
     */
    public static final double TIMECODE_TOLERANCE_S = 0.0005;

    /**
     * The music pattern {@code <Title>_<Stem>_<bpm>bpm}, over a name whose separators have been
     * made underscores (a name without underscores has its {@code " - "} or {@code "-"} read as
     * underscores first), tolerant to spaces and case.
     */
    public static final Pattern MUSIC_PATTERN = Pattern.compile(
            "(?<title>.+?)\\s*_\\s*(?<stem>[^_]+?)\\s*_\\s*(?<bpm>\\d{2,3}(?:[.,]\\d{1,3})?)\\s*bpm",
            Pattern.CASE_INSENSITIVE);

    /**
     * The film pattern {@code <Title>_<Stem>}, read the same way: the title is the first part, the
     * stem the rest ({@code Show_EP101_DX} is show {@code Show}, stem {@code EP101_DX}).
     */
    public static final Pattern FILM_PATTERN = Pattern.compile(
            "(?<title>[^_]+?)\\s*_\\s*(?<stem>.+?)", Pattern.CASE_INSENSITIVE);

    /** The true-peak ceiling for delivered audio: -1 dBTP, the maximum permitted true-peak level of EBU R 128. */
    public static final double TRUE_PEAK_CEILING_DBTP = -1.0;

    /**
     * No sample-peak ceiling below full scale by default: 0 dBFS. Samples at full scale are left to
     * {@code level.clipping} and {@code level.true-peak}; a recipient who wants more headroom sets one.
     */
    public static final double SAMPLE_PEAK_CEILING_DBFS = 0.0;

    /**
     * A DC offset above -50 dBFS (0.3% of full scale) is a fault, not music: FINDINGS.md's default,
     * some 30 dB above the offsets of healthy converters and plug-ins (typically below -80 dBFS).
     */
    public static final double MAX_DC_OFFSET_DBFS = -50.0;

    /**
     * A stem whose sample peak stays below -70 dBFS holds no music: 14 dB above the peaks of 16-bit
     * TPDF dither (-84 dBFS), far below any sounding stem.
     */
    public static final double SILENT_PEAK_DBFS = -70.0;

    /**
     * Consecutive full-scale samples that make an "over": 3, as in the clip lights of digital meters
     * (e.g. the SSL Duende user guide: "three consecutive samples are at maximum"; no standard fixes
     * the count). One or two full-scale samples are a peak at 0 dBFS, left to the true-peak check.
     */
    public static final int CLIP_RUN_SAMPLES = 3;

    /**
     * Validates the parts; prefer a preset and {@link #toBuilder()}.
     *
     * @param name        not blank
     * @param description not {@code null}
     * @param standard    not {@code null}
     * @param format      not {@code null}
     * @param naming      not {@code null}
     * @param stems       not {@code null}
     * @param timing      not {@code null}
     * @param levels      not {@code null}
     * @param loudness    not {@code null} ({@link Loudness#NONE} for no target)
     * @param mix         not {@code null}
     * @throws IllegalArgumentException when the name is blank
     */
    public DeliverySpec {
        Objects.requireNonNull(name, "name must not be null");
        if (name.isBlank()) {
            throw new IllegalArgumentException("name must not be blank");
        }
        Objects.requireNonNull(description, "description must not be null");
        Objects.requireNonNull(standard, "standard must not be null");
        Objects.requireNonNull(format, "format must not be null");
        Objects.requireNonNull(naming, "naming must not be null");
        Objects.requireNonNull(stems, "stems must not be null");
        Objects.requireNonNull(timing, "timing must not be null");
        Objects.requireNonNull(levels, "levels must not be null");
        Objects.requireNonNull(loudness, "loudness must not be null");
        Objects.requireNonNull(mix, "mix must not be null");
    }

    /**
     * Music stems for mastering, mixing or remixing: one common rate shared by every file, 24-bit
     * or float, WAV or AIFF, named {@code <Title>_<Stem>_<bpm>bpm}, 5 to 12 stems. True peaks
     * above -1 dBTP are a warning, DC above -50 dBFS is a warning; no loudness target.
     *
     * @return the music preset, the default of {@link StemSet}
     */
    public static DeliverySpec music() {
        return Presets.get("music");
    }

    /**
     * Film and TV stems (DME): 48 kHz, 24-bit integer PCM, Broadcast WAV with a TimeReference,
     * dialogue, music and effects stems required (foley, backgrounds and M&amp;E optional), named
     * {@code <Title>_<Stem>}. "FX" means the effects stem here, not effect returns.
     *
     * @return the film preset
     */
    public static DeliverySpec film() {
        return Presets.get("film");
    }

    /**
     * A preset shipped with the library, by name.
     *
     * @param name one of the names of {@link #presets()}, e.g. {@code "ebu-r128"}
     * @return the preset
     * @throws IllegalArgumentException when there is no preset of that name (the message lists them)
     */
    public static DeliverySpec preset(String name) {
        Objects.requireNonNull(name, "name must not be null");
        return Presets.find(name).orElseThrow(() -> new IllegalArgumentException(
                "no preset spec named " + name + "; the presets are " + String.join(", ", Presets.names())));
    }

    /**
     * Every preset shipped with the library, in the order {@code stemcheck specs} lists them.
     *
     * @return the presets, immutable
     */
    public static List<DeliverySpec> presets() {
        return Presets.all();
    }

    /**
     * Reads a spec file: JSON as {@code docs/spec.schema.json} describes it, every key optional,
     * the rest taken from the spec it {@code "extends"} (a preset name or another file, relative to
     * this one; {@code music} when it names none). Unknown keys and values of the wrong type are
     * errors that name the key's path and the line.
     *
     * @param file the spec file, UTF-8
     * @return the spec, named after the file's {@code "name"} or, without one, the file's name
     *         without {@code .json}
     * @throws IllegalArgumentException when the file is not a valid spec (the message is one line:
     *         {@code file:line:column: key.path: what is wrong})
     * @throws java.io.UncheckedIOException when the file cannot be read
     */
    public static DeliverySpec load(Path file) {
        Objects.requireNonNull(file, "file must not be null");
        return SpecFiles.load(file);
    }

    /**
     * A builder holding this spec's values, to change some of them.
     *
     * @return a new builder; this spec is unchanged
     */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * Whether a stem label names an effect return under this spec.
     *
     * @param label the stem part of a file name ({@code Reverb})
     * @return true when it is one of the spec's {@linkplain Stems#fxLabels() FX labels}, ignoring case
     */
    public boolean isFxLabel(String label) {
        return stems.fxLabels().contains(label);
    }

    /**
     * The audio format the recipient takes.
     *
     * @param sampleRates   the rates accepted, in Hz (one rate shared by every file either way)
     * @param minBitDepth   the fewest bits an integer PCM file may carry
     * @param floatAllowed  whether IEEE float files are accepted
     * @param channels      the channel count every stem must have; empty: any, as long as the
     *                      stems agree
     * @param stemChannels  channel counts of particular stems by label (compared ignoring case),
     *                      over {@code channels}: {@code Dialogue -> 1}
     */
    public record Format(Set<Integer> sampleRates, int minBitDepth, boolean floatAllowed, OptionalInt channels,
                         Map<String, Integer> stemChannels) {

        /** The most channels a count may name: 64, as many as a WAVE_FORMAT_EXTENSIBLE mask and BWF-based layouts use. */
        public static final int MAX_CHANNELS = 64;

        /**
         * Validates and copies.
         *
         * @param sampleRates  not empty, each {@code > 0}; copied
         * @param minBitDepth  1 to 64
         * @param floatAllowed as wanted
         * @param channels     empty, or 1 to {@link #MAX_CHANNELS}
         * @param stemChannels each 1 to {@link #MAX_CHANNELS}; copied into a case-insensitive map
         * @throws IllegalArgumentException when a value is out of range
         */
        public Format {
            sampleRates = Set.copyOf(sampleRates);
            if (sampleRates.isEmpty() || sampleRates.stream().anyMatch(r -> r <= 0)) {
                throw new IllegalArgumentException("sampleRates must be positive and not empty: " + sampleRates);
            }
            if (minBitDepth < 1 || minBitDepth > 64) {
                throw new IllegalArgumentException("minBitDepth must be in 1..64: " + minBitDepth);
            }
            Objects.requireNonNull(channels, "channels must not be null");
            channels.ifPresent(n -> requireChannels("channels", n));
            TreeMap<String, Integer> byStem = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            stemChannels.forEach((label, n) -> {
                requireChannels("stemChannels of " + label, n);
                byStem.put(label, n);
            });
            stemChannels = Collections.unmodifiableMap(byStem);
        }

        private static void requireChannels(String what, int n) {
            if (n < 1 || n > MAX_CHANNELS) {
                throw new IllegalArgumentException(what + " must be in 1.." + MAX_CHANNELS + ": " + n);
            }
        }

        /**
         * The channel count the spec asks of a stem.
         *
         * @param label the stem's label ({@code Dialogue})
         * @return its own count, else {@link #channels()}, else empty (any)
         */
        public OptionalInt channelsOf(String label) {
            Integer own = stemChannels.get(label);
            return own != null ? OptionalInt.of(own) : channels;
        }
    }

    /**
     * The file-name convention.
     *
     * @param template the pattern as people read it, e.g. {@code <Title>_<Stem>_<bpm>bpm}
     * @param pattern  the same as a regular expression over the file name without its extension,
     *                 with the named groups {@code title} and {@code stem}, optionally {@code bpm};
     *                 compared by its text and flags
     */
    public record Names(String template, Pattern pattern) {

        /**
         * Validates.
         *
         * @param template not {@code null}
         * @param pattern  with the named groups {@code title} and {@code stem}
         * @throws IllegalArgumentException when the pattern lacks the {@code title} or {@code stem} group
         */
        public Names {
            Objects.requireNonNull(template, "template must not be null");
            Objects.requireNonNull(pattern, "pattern must not be null");
            if (!pattern.pattern().contains("?<title>") || !pattern.pattern().contains("?<stem>")) {
                throw new IllegalArgumentException("the naming pattern needs the named groups 'title' and 'stem': "
                        + pattern);
            }
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Names n && template.equals(n.template) && pattern.pattern().equals(n.pattern.pattern())
                    && pattern.flags() == n.pattern.flags();
        }

        @Override
        public int hashCode() {
            return Objects.hash(template, pattern.pattern(), pattern.flags());
        }
    }

    /**
     * The stems the recipient expects.
     *
     * @param expected  stems that must (or may) be there, by label or pattern
     * @param minCount  the fewest stems expected (effect returns count)
     * @param maxCount  the most stems expected; far more suggests raw multitracks
     * @param fxLabels  labels that mark an effect-return stem ({@link Role#FX}), compared ignoring case
     */
    public record Stems(List<ExpectedStem> expected, int minCount, int maxCount, Set<String> fxLabels) {

        /**
         * Validates and copies.
         *
         * @param expected copied
         * @param minCount {@code >= 0}
         * @param maxCount {@code >= minCount}
         * @param fxLabels copied into a case-insensitive set
         * @throws IllegalArgumentException when the counts are out of order
         */
        public Stems {
            expected = List.copyOf(expected);
            if (minCount < 0 || maxCount < minCount) {
                throw new IllegalArgumentException("stem counts must satisfy 0 <= min <= max: " + minCount + ", "
                        + maxCount);
            }
            TreeSet<String> fx = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
            fx.addAll(fxLabels);
            fxLabels = Collections.unmodifiableSet(fx);
        }

        /**
         * The expected stems that must be there.
         *
         * @return those of {@link #expected()} that are required
         */
        public List<ExpectedStem> required() {
            return expected.stream().filter(ExpectedStem::required).toList();
        }
    }

    /**
     * One stem the recipient expects, by label ({@code Dialogue}, compared ignoring case) and
     * optionally a regular expression over labels ({@code dialog(ue)?|dx}, matched ignoring case
     * against the whole label or one of its words, so that {@code EP101_DX} matches {@code dx}).
     *
     * @param name     the stem's label as messages name it; a stem labelled so is this stem
     * @param pattern  a regular expression other labels of this stem match
     * @param required whether a delivery without it is an error ({@code set.missing-stem}); an
     *                 optional stem is one the recipient names but does not insist on
     */
    public record ExpectedStem(String name, Optional<String> pattern, boolean required) {

        /**
         * Validates.
         *
         * @param name     not blank
         * @param pattern  empty, or a valid regular expression
         * @param required as wanted
         * @throws IllegalArgumentException when {@code name} is blank or the pattern not a valid expression
         */
        public ExpectedStem {
            Objects.requireNonNull(name, "name must not be null");
            Objects.requireNonNull(pattern, "pattern must not be null");
            if (name.isBlank()) {
                throw new IllegalArgumentException("an expected stem needs a name");
            }
            pattern.ifPresent(p -> {
                try {
                    Pattern.compile(p);
                } catch (PatternSyntaxException e) {
                    throw new IllegalArgumentException("not a regular expression: " + p + " (" + e.getDescription()
                            + ")", e);
                }
            });
        }

        /**
         * A required stem by label.
         *
         * @param label e.g. {@code Dialogue}
         * @return the expected stem
         */
        public static ExpectedStem named(String label) {
            return new ExpectedStem(label, Optional.empty(), true);
        }

        /**
         * A required stem by label, or any label a regular expression matches.
         *
         * @param label e.g. {@code Dialogue}
         * @param regex e.g. {@code dialog(ue)?|dx}
         * @return the expected stem
         * @throws IllegalArgumentException when {@code regex} is not a valid expression
         */
        public static ExpectedStem matching(String label, String regex) {
            return new ExpectedStem(label, Optional.of(regex), true);
        }

        /**
         * The same stem, optional.
         *
         * @return a new expected stem that is not required
         */
        public ExpectedStem optional() {
            return new ExpectedStem(name, pattern, false);
        }

        /**
         * Whether a stem label is this stem.
         *
         * @param label a stem's label ({@code EP101_DX}, {@code Dialogue})
         * @return true when it is the name ignoring case, or the pattern matches the label or one
         *         of its words
         */
        public boolean matches(String label) {
            String l = label.trim();
            if (name.equalsIgnoreCase(l)) {
                return true;
            }
            if (pattern.isEmpty()) {
                return false;
            }
            Pattern p = Pattern.compile(pattern.get(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
            return p.matcher(l).matches()
                    || Arrays.stream(l.split("[^\\p{L}\\p{N}&]+")).anyMatch(w -> !w.isEmpty() && p.matcher(w).matches());
        }
    }

    /**
     * Length and start-time tolerances.
     *
     * @param lengthToleranceSeconds   stems whose durations differ by more than this differ
     * @param timecodeToleranceSeconds start times that differ by more than this differ
     * @param requireTimeReference     whether every file must carry a BWF TimeReference
     */
    public record Timing(double lengthToleranceSeconds, double timecodeToleranceSeconds, boolean requireTimeReference) {

        /**
         * Validates.
         *
         * @param lengthToleranceSeconds   finite, {@code >= 0}
         * @param timecodeToleranceSeconds finite, {@code >= 0}
         * @param requireTimeReference     as wanted
         * @throws IllegalArgumentException when a tolerance is negative or not finite
         */
        public Timing {
            requireTolerance("lengthToleranceSeconds", lengthToleranceSeconds);
            requireTolerance("timecodeToleranceSeconds", timecodeToleranceSeconds);
        }
    }

    /**
     * Headroom and the level limits the per-file checks judge by.
     *
     * @param truePeakCeilingDbtp   true peaks above this (dBTP) are a warning; above 0 dBTP an error
     * @param samplePeakCeilingDbfs sample peaks above this (dBFS) are a warning ({@code level.true-peak})
     * @param maxDcOffsetDbfs       a DC offset above this (dBFS) is a warning
     * @param silentPeakDbfs        a stem whose sample peak stays below this (dBFS) is silent
     * @param clipRunSamples        consecutive full-scale samples that make a clipped run
     */
    public record Levels(double truePeakCeilingDbtp, double samplePeakCeilingDbfs, double maxDcOffsetDbfs,
                         double silentPeakDbfs, int clipRunSamples) {

        /**
         * Validates.
         *
         * @param truePeakCeilingDbtp   finite, {@code <= 0}
         * @param samplePeakCeilingDbfs finite, {@code <= 0}
         * @param maxDcOffsetDbfs       finite, {@code <= 0}
         * @param silentPeakDbfs        finite, {@code <= 0}
         * @param clipRunSamples        {@code >= 1}
         * @throws IllegalArgumentException when a level is not finite or above full scale, or the
         *         run length is below 1
         */
        public Levels {
            requireLevel("truePeakCeilingDbtp", truePeakCeilingDbtp);
            requireLevel("samplePeakCeilingDbfs", samplePeakCeilingDbfs);
            requireLevel("maxDcOffsetDbfs", maxDcOffsetDbfs);
            requireLevel("silentPeakDbfs", silentPeakDbfs);
            if (clipRunSamples < 1) {
                throw new IllegalArgumentException("clipRunSamples must be at least 1: " + clipRunSamples);
            }
        }
    }

    /**
     * The integrated loudness (ITU-R BS.1770-4) the mix must have, with a tolerance, and the
     * largest true peak it may reach. A miss is {@code level.loudness}.
     *
     * @param targetLufs      the target; empty: no target (nothing is checked)
     * @param toleranceLu     how far the loudness may stand from the target, either way
     * @param maxTruePeakDbtp the largest true peak of the files the target applies to: it tightens
     *                        {@code level.true-peak} for them; empty: the {@link Levels} ceiling,
     *                        for stems only
     * @param appliesTo       which files are measured against the target
     */
    public record Loudness(OptionalDouble targetLufs, double toleranceLu, OptionalDouble maxTruePeakDbtp,
                           Scope appliesTo) {

        /** No loudness target (the music and film presets: their stems are not loudness-normalised). */
        public static final Loudness NONE = new Loudness(OptionalDouble.empty(), 1.0, OptionalDouble.empty(), Scope.MIX);

        /** Which files a loudness target applies to. */
        public enum Scope {
            /** Every mix of the delivery (a mixdown, a printmaster): role {@link Role#MIXDOWN}. */
            MIX,
            /** Every stem and effect stem on its own (libraries and games that take normalised files). */
            STEMS
        }

        /**
         * Validates.
         *
         * @param targetLufs      empty, or finite and between -70 LUFS (BS.1770's absolute gate) and 0
         * @param toleranceLu     finite, {@code >= 0}
         * @param maxTruePeakDbtp empty, or finite and {@code <= 0}
         * @param appliesTo       not {@code null}
         * @throws IllegalArgumentException when a value is out of range
         */
        public Loudness {
            Objects.requireNonNull(targetLufs, "targetLufs must not be null");
            Objects.requireNonNull(maxTruePeakDbtp, "maxTruePeakDbtp must not be null");
            Objects.requireNonNull(appliesTo, "appliesTo must not be null");
            targetLufs.ifPresent(t -> {
                if (!(t >= -70.0 && t <= 0.0)) {
                    throw new IllegalArgumentException("targetLufs must be in -70..0 LUFS: " + t);
                }
            });
            requireTolerance("toleranceLu", toleranceLu);
            maxTruePeakDbtp.ifPresent(tp -> requireLevel("maxTruePeakDbtp", tp));
        }
    }

    /**
     * The thresholds of the null test against the reference mix ({@code mix.gain}, {@code mix.null}).
     *
     * @param gainWarningDb a stem this far (dB) from its level in the mix is a warning
     * @param gainErrorDb   from this far (dB) on, an error
     * @param nullWarningDb a residual above this (dB relative to the mix) leaves something unexplained: a warning
     * @param nullErrorDb   a residual above this (dB relative to the mix) is an error
     */
    public record Mix(double gainWarningDb, double gainErrorDb, double nullWarningDb, double nullErrorDb) {

        /** About the just-noticeable level step for music (0.5-1 dB): a stem this far off is flagged. */
        public static final double GAIN_WARNING_DB = 0.5;

        /** From 1 dB on a level difference changes the balance audibly: an error. */
        public static final double GAIN_ERROR_DB = 1.0;

        /**
         * A null shallower than -50 dB leaves something unexplained: a 24-bit delivery nulls to about
         * -140 dB, and dither, float-to-integer export and resampling stay below -90 dB.
         */
        public static final double NULL_WARNING_DB = NullTestResult.UNEXPLAINED_DB;

        /** An unexplained part louder than -20 dB (relative to the mix) is plainly audible in it: an error. */
        public static final double NULL_ERROR_DB = -20.0;

        /** Today's thresholds of the null test. */
        public static final Mix DEFAULT = new Mix(GAIN_WARNING_DB, GAIN_ERROR_DB, NULL_WARNING_DB, NULL_ERROR_DB);

        /**
         * Validates.
         *
         * @param gainWarningDb finite, {@code > 0}
         * @param gainErrorDb   finite, {@code >= gainWarningDb}
         * @param nullWarningDb finite, {@code <= 0}
         * @param nullErrorDb   finite, {@code >= nullWarningDb} and {@code <= 0}
         * @throws IllegalArgumentException when a value is out of range or the pairs are out of order
         */
        public Mix {
            if (!(gainWarningDb > 0) || Double.isInfinite(gainErrorDb) || !(gainErrorDb >= gainWarningDb)) {
                throw new IllegalArgumentException("mix gain thresholds must satisfy 0 < warning <= error: "
                        + gainWarningDb + ", " + gainErrorDb);
            }
            requireLevel("nullWarningDb", nullWarningDb);
            requireLevel("nullErrorDb", nullErrorDb);
            if (nullErrorDb < nullWarningDb) {
                throw new IllegalArgumentException("mix null thresholds must satisfy warning <= error: "
                        + nullWarningDb + ", " + nullErrorDb);
            }
        }
    }

    private static void requireLevel(String what, double v) {
        if (!Double.isFinite(v) || v > 0) {
            throw new IllegalArgumentException(what + " must be finite and not above 0 dB: " + v);
        }
    }

    private static void requireTolerance(String what, double v) {
        if (!(v >= 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(what + " must be finite and not negative: " + v);
        }
    }

    /**
     * Changes some values of a spec; {@link #build()} validates them and makes a new spec. Not
     * thread-safe; the spec it was made from is unchanged.
     */
    public static final class Builder {
        private String name;
        private String description;
        private String standard;
        private Set<Integer> sampleRates;
        private int minBitDepth;
        private boolean floatAllowed;
        private OptionalInt channels;
        private Map<String, Integer> stemChannels;
        private Names naming;
        private List<ExpectedStem> expected;
        private int minStems;
        private int maxStems;
        private Set<String> fxLabels;
        private Timing timing;
        private Levels levels;
        private Loudness loudness;
        private Mix mix;

        private Builder(DeliverySpec s) {
            name = s.name;
            description = s.description;
            standard = s.standard;
            format(s.format);
            naming = s.naming;
            stems(s.stems);
            timing = s.timing;
            levels = s.levels;
            loudness = s.loudness;
            mix = s.mix;
        }

        /**
         * The name reports show.
         *
         * @param n e.g. a label's or a studio's name
         * @return this builder
         */
        public Builder name(String n) {
            name = n;
            return this;
        }

        /**
         * One line on what the spec is for.
         *
         * @param d e.g. {@code "Acme Records stems for remixers"}
         * @return this builder
         */
        public Builder description(String d) {
            description = d;
            return this;
        }

        /**
         * The standard or guidance the spec follows.
         *
         * @param s e.g. {@code "EBU R 128 v4.0 (2020)"}; empty for none
         * @return this builder
         */
        public Builder standard(String s) {
            standard = s;
            return this;
        }

        /**
         * The whole format group.
         *
         * @param f the format
         * @return this builder
         */
        public Builder format(Format f) {
            sampleRates = f.sampleRates();
            minBitDepth = f.minBitDepth();
            floatAllowed = f.floatAllowed();
            channels = f.channels();
            stemChannels = f.stemChannels();
            return this;
        }

        /**
         * The rates accepted; every file must still share one rate.
         *
         * @param rates Hz, at least one
         * @return this builder
         */
        public Builder sampleRates(int... rates) {
            Set<Integer> s = new LinkedHashSet<>();
            for (int r : rates) {
                s.add(r);
            }
            return sampleRates(s);
        }

        /**
         * The rates accepted; every file must still share one rate.
         *
         * @param rates Hz, not empty
         * @return this builder
         */
        public Builder sampleRates(Set<Integer> rates) {
            sampleRates = Set.copyOf(rates);
            return this;
        }

        /**
         * The minimum integer bit depth and the float policy.
         *
         * @param minBits    the fewest bits an integer PCM file may carry, 1 to 64 (24 for most
         *                   recipients; 16-bit audio padded into 24 bits is still reported)
         * @param allowFloat whether 32-bit float files are accepted
         * @return this builder
         */
        public Builder bitDepth(int minBits, boolean allowFloat) {
            minBitDepth = minBits;
            floatAllowed = allowFloat;
            return this;
        }

        /**
         * The channel count of every stem.
         *
         * @param n 1 to {@link Format#MAX_CHANNELS}
         * @return this builder
         */
        public Builder channels(int n) {
            channels = OptionalInt.of(n);
            return this;
        }

        /**
         * The channel count of one stem, over {@link #channels(int)}.
         *
         * @param label the stem's label ({@code Dialogue}), compared ignoring case
         * @param n     1 to {@link Format#MAX_CHANNELS}
         * @return this builder
         */
        public Builder channels(String label, int n) {
            Map<String, Integer> m = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            m.putAll(stemChannels);
            m.put(Objects.requireNonNull(label, "label must not be null"), n);
            stemChannels = m;
            return this;
        }

        /**
         * The naming convention.
         *
         * @param template the pattern as people read it, e.g. {@code <Artist>-<Title>-<Stem>}
         * @param pattern  the same as a regular expression over the file name without its
         *                 extension, with named groups {@code title} and {@code stem}, optionally
         *                 {@code bpm}
         * @return this builder
         */
        public Builder naming(String template, Pattern pattern) {
            naming = new Names(template, pattern);
            return this;
        }

        /**
         * The whole stems group.
         *
         * @param s the stems
         * @return this builder
         */
        public Builder stems(Stems s) {
            expected = s.expected();
            minStems = s.minCount();
            maxStems = s.maxCount();
            fxLabels = s.fxLabels();
            return this;
        }

        /**
         * The stems expected, replacing the spec's.
         *
         * @param stems e.g. {@code ExpectedStem.named("Dialogue"), ExpectedStem.matching("Foley", "foley|fol").optional()}
         * @return this builder
         */
        public Builder expectedStems(ExpectedStem... stems) {
            expected = List.of(stems);
            return this;
        }

        /**
         * Between {@code min} and {@code max} stems (effect returns count).
         *
         * @param min the fewest, {@code >= 0}
         * @param max the most, {@code >= min}
         * @return this builder
         */
        public Builder stemCount(int min, int max) {
            minStems = min;
            maxStems = max;
            return this;
        }

        /**
         * The labels that mark effect returns ({@link Role#FX}): stems of the reverbs and delays,
         * summed with the others in the null test.
         *
         * @param labels compared ignoring case
         * @return this builder
         */
        public Builder fxLabels(Set<String> labels) {
            fxLabels = Set.copyOf(labels);
            return this;
        }

        /**
         * The duration tolerance: stems whose lengths differ by more are reported.
         *
         * @param seconds finite, {@code >= 0} (default {@link #LENGTH_TOLERANCE_S}, 1 ms)
         * @return this builder
         */
        public Builder lengthTolerance(double seconds) {
            timing = new Timing(seconds, timing.timecodeToleranceSeconds(), timing.requireTimeReference());
            return this;
        }

        /**
         * The start-time tolerance: TimeReferences that differ by more are reported.
         *
         * @param seconds finite, {@code >= 0} (default {@link #TIMECODE_TOLERANCE_S}, 0.5 ms)
         * @return this builder
         */
        public Builder timecodeTolerance(double seconds) {
            timing = new Timing(timing.lengthToleranceSeconds(), seconds, timing.requireTimeReference());
            return this;
        }

        /**
         * Whether every file must carry a Broadcast WAV TimeReference, as picture post-production
         * asks to place stems on the timeline.
         *
         * @param required whether a file without one is reported as an error
         * @return this builder
         */
        public Builder requireTimeReference(boolean required) {
            timing = new Timing(timing.lengthToleranceSeconds(), timing.timecodeToleranceSeconds(), required);
            return this;
        }

        /**
         * The true-peak ceiling (a warning above it; above 0 dBTP an error).
         *
         * @param dbtp finite, {@code <= 0} (default {@link #TRUE_PEAK_CEILING_DBTP}, -1 dBTP)
         * @return this builder
         */
        public Builder truePeakCeiling(double dbtp) {
            levels = new Levels(dbtp, levels.samplePeakCeilingDbfs(), levels.maxDcOffsetDbfs(), levels.silentPeakDbfs(),
                    levels.clipRunSamples());
            return this;
        }

        /**
         * The sample-peak ceiling (a warning above it).
         *
         * @param dbfs finite, {@code <= 0} (default {@link #SAMPLE_PEAK_CEILING_DBFS}, 0 dBFS)
         * @return this builder
         */
        public Builder samplePeakCeiling(double dbfs) {
            levels = new Levels(levels.truePeakCeilingDbtp(), dbfs, levels.maxDcOffsetDbfs(), levels.silentPeakDbfs(),
                    levels.clipRunSamples());
            return this;
        }

        /**
         * The DC-offset limit: a larger offset is a warning.
         *
         * @param dbfs finite, {@code <= 0} (default {@link #MAX_DC_OFFSET_DBFS}, -50 dBFS)
         * @return this builder
         */
        public Builder maxDcOffset(double dbfs) {
            levels = new Levels(levels.truePeakCeilingDbtp(), levels.samplePeakCeilingDbfs(), dbfs,
                    levels.silentPeakDbfs(), levels.clipRunSamples());
            return this;
        }

        /**
         * The peak below which a stem holds no music ({@code level.silent}).
         *
         * @param dbfs finite, {@code <= 0} (default {@link #SILENT_PEAK_DBFS}, -70 dBFS)
         * @return this builder
         */
        public Builder silentPeak(double dbfs) {
            levels = new Levels(levels.truePeakCeilingDbtp(), levels.samplePeakCeilingDbfs(), levels.maxDcOffsetDbfs(),
                    dbfs, levels.clipRunSamples());
            return this;
        }

        /**
         * The run of full-scale samples that makes an integer file clipped ({@code level.clipping}).
         *
         * @param samples {@code >= 1} (default {@link #CLIP_RUN_SAMPLES}, 3)
         * @return this builder
         */
        public Builder clipRunSamples(int samples) {
            levels = new Levels(levels.truePeakCeilingDbtp(), levels.samplePeakCeilingDbfs(), levels.maxDcOffsetDbfs(),
                    levels.silentPeakDbfs(), samples);
            return this;
        }

        /**
         * The whole loudness group.
         *
         * @param l the loudness target, or {@link Loudness#NONE}
         * @return this builder
         */
        public Builder loudness(Loudness l) {
            loudness = Objects.requireNonNull(l, "loudness must not be null");
            return this;
        }

        /**
         * An integrated loudness target for the mix.
         *
         * @param lufs        the target, LUFS (-70 to 0)
         * @param toleranceLu how far the mix may stand from it either way, LU ({@code >= 0})
         * @return this builder
         */
        public Builder loudnessTarget(double lufs, double toleranceLu) {
            loudness = new Loudness(OptionalDouble.of(lufs), toleranceLu, loudness.maxTruePeakDbtp(), loudness.appliesTo());
            return this;
        }

        /**
         * The largest true peak of the files the loudness target applies to.
         *
         * @param dbtp finite, {@code <= 0}
         * @return this builder
         */
        public Builder loudnessMaxTruePeak(double dbtp) {
            loudness = new Loudness(loudness.targetLufs(), loudness.toleranceLu(), OptionalDouble.of(dbtp),
                    loudness.appliesTo());
            return this;
        }

        /**
         * Which files the loudness target applies to.
         *
         * @param scope the mixes (default) or every stem
         * @return this builder
         */
        public Builder loudnessAppliesTo(Loudness.Scope scope) {
            loudness = new Loudness(loudness.targetLufs(), loudness.toleranceLu(), loudness.maxTruePeakDbtp(), scope);
            return this;
        }

        /**
         * The whole timing group.
         *
         * @param t the timing
         * @return this builder
         */
        public Builder timing(Timing t) {
            timing = Objects.requireNonNull(t, "timing must not be null");
            return this;
        }

        /**
         * The whole levels group.
         *
         * @param l the levels
         * @return this builder
         */
        public Builder levels(Levels l) {
            levels = Objects.requireNonNull(l, "levels must not be null");
            return this;
        }

        /**
         * The null test's thresholds.
         *
         * @param m the thresholds ({@link Mix#DEFAULT})
         * @return this builder
         */
        public Builder mix(Mix m) {
            mix = Objects.requireNonNull(m, "mix must not be null");
            return this;
        }

        /**
         * A new spec of these values.
         *
         * @return the spec
         * @throws IllegalArgumentException when a value is out of range (the message names it)
         */
        public DeliverySpec build() {
            return new DeliverySpec(name, description, standard,
                    new Format(sampleRates, minBitDepth, floatAllowed, channels, stemChannels), naming,
                    new Stems(new ArrayList<>(expected), minStems, maxStems, fxLabels), timing, levels, loudness, mix);
        }
    }

    /**
     * The spec in a few words, for logs.
     *
     * @return e.g. {@code DeliverySpec[ebu-r128: -23.0 LUFS +-1.0 LU]}
     */
    @Override
    public String toString() {
        String target = loudness.targetLufs().isPresent()
                ? String.format(Locale.ROOT, ": %.1f LUFS +-%.1f LU", loudness.targetLufs().getAsDouble(),
                        loudness.toleranceLu())
                : "";
        return "DeliverySpec[" + name + target + "]";
    }
}
