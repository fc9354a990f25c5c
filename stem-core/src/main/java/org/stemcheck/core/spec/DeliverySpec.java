package org.stemcheck.core.spec;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

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
     * @return the music preset, the default of {@link org.stemcheck.core.StemSet}
     */
    public static DeliverySpec music() {
        return Presets.get("music");
    }

    /**
     * Film and TV stems (DME): 48 kHz, 24-bit integer PCM, Broadcast WAV with a TimeReference,
     * dialogue, music and effects stems required (foley, backgrounds and M&amp;E optional), named
     * {@code <Title>_<Stem>}, dialogue kept out of the LFE ({@code content.layout}); the stems share
     * one speaker layout, any (5.1, 7.1 ...: {@code docs/film.md}). "FX" means the effects stem
     * here, not effect returns. No loudness target: {@code ebu-r128} and {@code atsc-a85} extend
     * this preset with one for the printmaster.
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
    public SpecBuilder toBuilder() {
        return new SpecBuilder(this);
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

    static void requireLevel(String what, double v) {
        if (!Double.isFinite(v) || v > 0) {
            throw new IllegalArgumentException(what + " must be finite and not above 0 dB: " + v);
        }
    }

    static void requireTolerance(String what, double v) {
        if (!(v >= 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(what + " must be finite and not negative: " + v);
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
