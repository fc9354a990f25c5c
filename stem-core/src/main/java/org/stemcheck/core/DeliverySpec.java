package org.stemcheck.core;

import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * What the recipient asked for: sample rates, bit depth, naming, stem count, timecode. Every
 * threshold can be changed with a {@code with...} method, which returns a new spec.
 *
 * <pre>{@code
 * DeliverySpec spec = DeliverySpec.music().withSampleRates(Set.of(48_000)).withLengthTolerance(0.010);
 * }</pre>
 *
 * @param name                  a short name for reports ({@code "music"}, {@code "film"})
 * @param sampleRates           the rates accepted, in Hz (one rate shared by every file either way)
 * @param minBitDepth           the fewest bits an integer PCM file may carry
 * @param floatAllowed          whether IEEE float files are accepted
 * @param nameTemplate          the naming pattern for people, e.g. {@code <Title>_<Stem>_<bpm>bpm}
 * @param namePattern           the same as a regular expression over the file name without its
 *                              extension, with named groups {@code title}, {@code stem} and
 *                              optionally {@code bpm}
 * @param minStems              the fewest stems expected
 * @param maxStems              the most stems expected
 * @param requireTimeReference  whether every file must carry a BWF TimeReference
 * @param expectedStems         stem labels that must be present (e.g. dialogue, music, effects)
 * @param fxLabels              labels that mark an effect-return stem, compared ignoring case
 * @param lengthToleranceSeconds    stems whose durations differ by more than this differ
 * @param timecodeToleranceSeconds  start times that differ by more than this differ
 * @param truePeakCeilingDbtp   true peaks above this ceiling (dBTP) are a warning; above 0 dBTP an error
 * @param maxDcOffsetDbfs       a DC offset above this level (dBFS) is a warning
 */
public record DeliverySpec(
        String name,
        Set<Integer> sampleRates,
        int minBitDepth,
        boolean floatAllowed,
        String nameTemplate,
        Pattern namePattern,
        int minStems,
        int maxStems,
        boolean requireTimeReference,
        List<String> expectedStems,
        Set<String> fxLabels,
        double lengthToleranceSeconds,
        double timecodeToleranceSeconds,
        double truePeakCeilingDbtp,
        double maxDcOffsetDbfs) {

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
     * A DC offset above -50 dBFS (0.3% of full scale) is a fault, not music: FINDINGS.md's default,
     * some 30 dB above the offsets of healthy converters and plug-ins (typically below -80 dBFS).
     */
    public static final double MAX_DC_OFFSET_DBFS = -50.0;

    /**
     * Validates and copies the parts; prefer {@link #music()} or {@link #film()} and the
     * {@code with...} methods.
     *
     * @param name                     not {@code null}
     * @param sampleRates              not empty; copied
     * @param minBitDepth              1 to 64
     * @param floatAllowed             as wanted
     * @param nameTemplate             not {@code null}
     * @param namePattern              with the named groups {@code title} and {@code stem}
     * @param minStems                 {@code >= 0}
     * @param maxStems                 {@code >= minStems}
     * @param requireTimeReference     as wanted
     * @param expectedStems            copied
     * @param fxLabels                 copied into a case-insensitive set
     * @param lengthToleranceSeconds   finite, {@code >= 0}
     * @param timecodeToleranceSeconds finite, {@code >= 0}
     * @param truePeakCeilingDbtp      finite
     * @param maxDcOffsetDbfs          finite
     * @throws IllegalArgumentException when a rate set is empty, a bit depth is outside 1..64, the
     *         pattern lacks the {@code title} or {@code stem} group, the stem counts are out of
     *         order, a tolerance is negative or not finite, or a
     *         level limit is not finite
     */
    public DeliverySpec {
        Objects.requireNonNull(name, "name must not be null");
        sampleRates = Set.copyOf(sampleRates);
        if (sampleRates.isEmpty()) {
            throw new IllegalArgumentException("sampleRates must not be empty");
        }
        if (minBitDepth < 1 || minBitDepth > 64) {
            throw new IllegalArgumentException("minBitDepth must be in 1..64: " + minBitDepth);
        }
        Objects.requireNonNull(nameTemplate, "nameTemplate must not be null");
        Objects.requireNonNull(namePattern, "namePattern must not be null");
        if (!namePattern.pattern().contains("?<title>") || !namePattern.pattern().contains("?<stem>")) {
            throw new IllegalArgumentException("namePattern needs the named groups 'title' and 'stem': " + namePattern);
        }
        if (minStems < 0 || maxStems < minStems) {
            throw new IllegalArgumentException("stem counts must satisfy 0 <= min <= max: " + minStems + ", " + maxStems);
        }
        expectedStems = List.copyOf(expectedStems);
        TreeSet<String> fx = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        fx.addAll(fxLabels);
        fxLabels = Collections.unmodifiableSet(fx);
        requireTolerance("lengthToleranceSeconds", lengthToleranceSeconds);
        requireTolerance("timecodeToleranceSeconds", timecodeToleranceSeconds);
        requireLevel("truePeakCeilingDbtp", truePeakCeilingDbtp);
        requireLevel("maxDcOffsetDbfs", maxDcOffsetDbfs);
    }

    private static void requireLevel(String what, double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException(what + " must be finite: " + v);
        }
    }

    private static void requireTolerance(String what, double v) {
        if (!(v >= 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(what + " must be finite and not negative: " + v);
        }
    }

    /**
     * Music stems for mastering, mixing or remixing: one common rate shared by every file, 24-bit
     * or float, WAV or AIFF, named {@code <Title>_<Stem>_<bpm>bpm}, 5 to 12 stems. True peaks
     * above -1 dBTP are a warning, DC above -50 dBFS is a warning.
     *
     * @return the music spec, the default of {@link StemSet}
     */
    public static DeliverySpec music() {
        return new DeliverySpec("music", COMMON_RATES, DELIVERY_BITS, true, "<Title>_<Stem>_<bpm>bpm", MUSIC_PATTERN,
                5, 12, false, List.of(), Set.of("FX", "Reverb", "Verb", "Delay", "Returns", "Return", "Reverbs", "Delays"),
                LENGTH_TOLERANCE_S, TIMECODE_TOLERANCE_S,
                TRUE_PEAK_CEILING_DBTP, MAX_DC_OFFSET_DBFS);
    }

    /**
     * Film and TV stems (DME): 48 kHz, 24-bit integer PCM, Broadcast WAV with a TimeReference,
     * dialogue, music and effects stems, named {@code <Title>_<Stem>}. "FX" means the effects
     * stem here, not effect returns.
     *
     * @return the film spec
     */
    public static DeliverySpec film() {
        return new DeliverySpec("film", Set.of(FILM_RATE), DELIVERY_BITS, false, "<Title>_<Stem>", FILM_PATTERN,
                3, 12, true, List.of("Dialogue", "Music", "Effects"), Set.of("Reverb", "Verb", "Returns"),
                LENGTH_TOLERANCE_S, TIMECODE_TOLERANCE_S,
                TRUE_PEAK_CEILING_DBTP, MAX_DC_OFFSET_DBFS);
    }

    /**
     * The same spec under another name, e.g. a label's or a studio's.
     *
     * @param n the name shown in reports
     * @return a new spec; this one is unchanged
     */
    public DeliverySpec withName(String n) {
        return new DeliverySpec(n, sampleRates, minBitDepth, floatAllowed, nameTemplate, namePattern, minStems, maxStems,
                requireTimeReference, expectedStems, fxLabels, lengthToleranceSeconds, timecodeToleranceSeconds,
                truePeakCeilingDbtp, maxDcOffsetDbfs);
    }

    /**
     * The same spec accepting these rates; every file must still share one rate.
     *
     * @param rates the rates accepted, Hz, not empty
     * @return a new spec; this one is unchanged
     * @throws IllegalArgumentException when {@code rates} is empty
     */
    public DeliverySpec withSampleRates(Set<Integer> rates) {
        return new DeliverySpec(name, rates, minBitDepth, floatAllowed, nameTemplate, namePattern, minStems, maxStems,
                requireTimeReference, expectedStems, fxLabels, lengthToleranceSeconds, timecodeToleranceSeconds,
                truePeakCeilingDbtp, maxDcOffsetDbfs);
    }

    /**
     * The same spec with another minimum integer bit depth and float policy.
     *
     * @param minBits    the fewest bits an integer PCM file may carry, 1 to 64 (24 for most
     *                   recipients; 16-bit audio padded into 24 bits is still reported)
     * @param allowFloat whether 32-bit float files are accepted
     * @return a new spec; this one is unchanged
     * @throws IllegalArgumentException when {@code minBits} is out of range
     */
    public DeliverySpec withBitDepth(int minBits, boolean allowFloat) {
        return new DeliverySpec(name, sampleRates, minBits, allowFloat, nameTemplate, namePattern, minStems, maxStems,
                requireTimeReference, expectedStems, fxLabels, lengthToleranceSeconds, timecodeToleranceSeconds,
                truePeakCeilingDbtp, maxDcOffsetDbfs);
    }

    /**
     * The same spec with another naming convention.
     *
     * @param template the pattern as people read it, e.g. {@code <Artist>-<Title>-<Stem>}
     * @param pattern  the same as a regular expression over the file name without its extension,
     *                 with named groups {@code title} and {@code stem}, optionally {@code bpm}
     * @return a new spec; this one is unchanged
     * @throws IllegalArgumentException when the pattern lacks the {@code title} or {@code stem} group
     */
    public DeliverySpec withNamePattern(String template, Pattern pattern) {
        return new DeliverySpec(name, sampleRates, minBitDepth, floatAllowed, template, pattern, minStems, maxStems,
                requireTimeReference, expectedStems, fxLabels, lengthToleranceSeconds, timecodeToleranceSeconds,
                truePeakCeilingDbtp, maxDcOffsetDbfs);
    }

    /**
     * The same spec expecting between {@code min} and {@code max} stems (effect returns count).
     *
     * @param min the fewest stems, {@code >= 0}
     * @param max the most stems, {@code >= min}
     * @return a new spec; this one is unchanged
     * @throws IllegalArgumentException when the counts are out of order
     */
    public DeliverySpec withStemCount(int min, int max) {
        return new DeliverySpec(name, sampleRates, minBitDepth, floatAllowed, nameTemplate, namePattern, min, max,
                requireTimeReference, expectedStems, fxLabels, lengthToleranceSeconds, timecodeToleranceSeconds,
                truePeakCeilingDbtp, maxDcOffsetDbfs);
    }

    /**
     * The same spec, requiring (or not) a Broadcast WAV TimeReference in every file, as picture
     * post-production does to place stems on the timeline.
     *
     * @param required whether a file without one is reported
     * @return a new spec; this one is unchanged
     */
    public DeliverySpec withRequireTimeReference(boolean required) {
        return new DeliverySpec(name, sampleRates, minBitDepth, floatAllowed, nameTemplate, namePattern, minStems, maxStems,
                required, expectedStems, fxLabels, lengthToleranceSeconds, timecodeToleranceSeconds,
                truePeakCeilingDbtp, maxDcOffsetDbfs);
    }

    /**
     * The same spec expecting these stem labels, each of which must be present.
     *
     * @param labels stem labels as they appear in the file names ({@code Dialogue}, {@code Music})
     * @return a new spec; this one is unchanged
     */
    public DeliverySpec withExpectedStems(List<String> labels) {
        return new DeliverySpec(name, sampleRates, minBitDepth, floatAllowed, nameTemplate, namePattern, minStems, maxStems,
                requireTimeReference, labels, fxLabels, lengthToleranceSeconds, timecodeToleranceSeconds,
                truePeakCeilingDbtp, maxDcOffsetDbfs);
    }

    /**
     * The same spec treating these labels as effect returns ({@link Role#FX}): stems of the
     * reverbs and delays, summed with the others in the null test.
     *
     * @param labels stem labels, compared ignoring case
     * @return a new spec; this one is unchanged
     */
    public DeliverySpec withFxLabels(Set<String> labels) {
        return new DeliverySpec(name, sampleRates, minBitDepth, floatAllowed, nameTemplate, namePattern, minStems, maxStems,
                requireTimeReference, expectedStems, labels, lengthToleranceSeconds, timecodeToleranceSeconds,
                truePeakCeilingDbtp, maxDcOffsetDbfs);
    }

    /**
     * The same spec with another duration tolerance: stems whose lengths differ by more are
     * reported.
     *
     * @param seconds finite, {@code >= 0} (default {@link #LENGTH_TOLERANCE_S}, 1 ms)
     * @return a new spec; this one is unchanged
     * @throws IllegalArgumentException when {@code seconds} is negative or not finite
     */
    public DeliverySpec withLengthTolerance(double seconds) {
        return new DeliverySpec(name, sampleRates, minBitDepth, floatAllowed, nameTemplate, namePattern, minStems, maxStems,
                requireTimeReference, expectedStems, fxLabels, seconds, timecodeToleranceSeconds,
                truePeakCeilingDbtp, maxDcOffsetDbfs);
    }

    /**
     * The same spec with another start-time tolerance: TimeReferences that differ by more are
     * reported.
     *
     * @param seconds finite, {@code >= 0} (default {@link #TIMECODE_TOLERANCE_S}, 0.5 ms)
     * @return a new spec; this one is unchanged
     * @throws IllegalArgumentException when {@code seconds} is negative or not finite
     */
    public DeliverySpec withTimecodeTolerance(double seconds) {
        return new DeliverySpec(name, sampleRates, minBitDepth, floatAllowed, nameTemplate, namePattern, minStems, maxStems,
                requireTimeReference, expectedStems, fxLabels, lengthToleranceSeconds, seconds,
                truePeakCeilingDbtp, maxDcOffsetDbfs);
    }

    /**
     * Whether a stem label names an effect return under this spec.
     *
     * @param label the stem part of a file name ({@code Reverb})
     * @return true when it is one of {@link #fxLabels()}, ignoring case
     */
    public boolean isFxLabel(String label) {
        return fxLabels.contains(label);
    }

    /**
     * The same spec with another true-peak ceiling (a warning above it; above 0 dBTP an error).
     *
     * @param dbtp the ceiling, dBTP, finite (default {@link #TRUE_PEAK_CEILING_DBTP}, -1 dBTP;
     *             -2 dBTP for some streaming services' lossy encodes)
     * @return a new spec; this one is unchanged
     * @throws IllegalArgumentException when {@code dbtp} is not finite
     */
    public DeliverySpec withTruePeakCeiling(double dbtp) {
        return new DeliverySpec(name, sampleRates, minBitDepth, floatAllowed, nameTemplate, namePattern, minStems, maxStems,
                requireTimeReference, expectedStems, fxLabels, lengthToleranceSeconds, timecodeToleranceSeconds,
                dbtp, maxDcOffsetDbfs);
    }

    /**
     * The same spec with another DC-offset limit: a larger offset is a warning.
     *
     * @param dbfs the limit, dBFS, finite (default {@link #MAX_DC_OFFSET_DBFS}, -50 dBFS)
     * @return a new spec; this one is unchanged
     * @throws IllegalArgumentException when {@code dbfs} is not finite
     */
    public DeliverySpec withMaxDcOffset(double dbfs) {
        return new DeliverySpec(name, sampleRates, minBitDepth, floatAllowed, nameTemplate, namePattern, minStems, maxStems,
                requireTimeReference, expectedStems, fxLabels, lengthToleranceSeconds, timecodeToleranceSeconds,
                truePeakCeilingDbtp, dbfs);
    }
}
