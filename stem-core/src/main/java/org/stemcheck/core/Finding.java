package org.stemcheck.core;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

import org.stemcheck.core.file.StemFile;

/**
 * One thing a check found: a stable {@code code} (see {@code docs/findings.md}), how much it matters, the files
 * it concerns, a one-line message with the numbers in it, the numbers themselves, where in time
 * (if anywhere) and what to do about it.
 *
 * <pre>{@code
 * Finding.error("format.sample-rate", "Bass is 44.1 kHz, the other 6 stems are 48 kHz")
 *        .withFiles("Song_Bass_120bpm.wav")
 *        .withMeasurement("sample_rate_hz", 44100)
 *        .withFix("re-export Bass at 48 kHz from the session; do not resample");
 * }</pre>
 *
 * <p>Immutable; the {@code with...} methods return new instances. {@code measurements} keeps its
 * insertion order; a value that is not finite is written as JSON {@code null}.
 *
 * @param code         stable code, {@code prefix.name} in lower case ({@code mix.gain}, {@code acme.loudness-spec})
 * @param severity     how much it matters
 * @param files        the file names concerned (may be empty for the set as a whole)
 * @param message      for a person, with the numbers in it; any text (a file name in it may hold
 *                     line breaks or escape sequences: {@link ReportFormat} writers escape it)
 * @param measurements the numbers, by name, in a stable order
 * @param where        time spans in seconds where the problem sits, the worst first, at most {@link #MAX_SPANS}
 * @param fix          a suggested fix, or an empty string
 */
public record Finding(
        String code,
        Severity severity,
        List<String> files,
        String message,
        Map<String, Double> measurements,
        List<Span> where,
        String fix) {

    /** At most this many spans are kept in {@code where} (FINDINGS.md: "at most 20, the worst first"). */
    public static final int MAX_SPANS = 20;

    private static final Pattern CODE = Pattern.compile("[a-z0-9]+(?:[.][a-z0-9][a-z0-9-]*)+");

    /**
     * A stretch of time in a file.
     *
     * @param startSeconds where it starts
     * @param endSeconds   where it ends, not before the start
     */
    public record Span(double startSeconds, double endSeconds) {
        /**
         * Checks the order of the bounds.
         *
         * @param startSeconds seconds from the file's first sample
         * @param endSeconds   seconds from the file's first sample, {@code >= startSeconds}
         * @throws IllegalArgumentException when the span ends before it starts (or a bound is NaN)
         */
        public Span {
            if (!(startSeconds <= endSeconds)) {
                throw new IllegalArgumentException("span must not end before it starts: " + startSeconds + " > " + endSeconds);
            }
        }
    }

    /**
     * Validates and copies the parts; prefer {@link #error}, {@link #warning}, {@link #info} and
     * the {@code with...} methods.
     *
     * @param code         lower-case {@code prefix.name}
     * @param severity     not {@code null}
     * @param files        copied
     * @param message      not {@code null}
     * @param measurements copied in iteration order; no {@code null} name or value
     * @param where        copied, the first {@link #MAX_SPANS} only
     * @param fix          not {@code null}; empty for none
     * @throws IllegalArgumentException when the code is not {@code prefix.name} in lower case
     */
    public Finding {
        Objects.requireNonNull(code, "code must not be null");
        if (!CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("code must look like 'prefix.name' in lower case: " + code);
        }
        Objects.requireNonNull(severity, "severity must not be null");
        files = List.copyOf(files);
        Objects.requireNonNull(message, "message must not be null");
        Map<String, Double> copy = new LinkedHashMap<>();
        measurements.forEach((k, v) -> copy.put(Objects.requireNonNull(k, "measurement name"),
                Objects.requireNonNull(v, "measurement value")));
        measurements = Collections.unmodifiableMap(copy);
        where = List.copyOf(where.size() > MAX_SPANS ? where.subList(0, MAX_SPANS) : where);
        Objects.requireNonNull(fix, "fix must not be null");
    }

    /**
     * A finding that means the recipient cannot use the delivery as it is: a report with one
     * fails.
     *
     * @param code    lower-case {@code prefix.name}, e.g. {@code format.sample-rate}
     * @param message for a person, with the numbers in it (any text; writers escape it)
     * @return a finding with no files, numbers, spans or fix yet
     * @throws IllegalArgumentException when the code is malformed
     */
    public static Finding error(String code, String message) {
        return of(Severity.ERROR, code, message);
    }

    /**
     * A finding that is very likely a problem, for a person to look at.
     *
     * @param code    lower-case {@code prefix.name}
     * @param message for a person, with the numbers in it (any text; writers escape it)
     * @return a finding with no files, numbers, spans or fix yet
     * @throws IllegalArgumentException when the code is malformed
     */
    public static Finding warning(String code, String message) {
        return of(Severity.WARNING, code, message);
    }

    /**
     * A fact worth knowing, never a problem by itself (the measured loudness, say).
     *
     * @param code    lower-case {@code prefix.name}
     * @param message for a person, with the numbers in it (any text; writers escape it)
     * @return a finding with no files, numbers, spans or fix yet
     * @throws IllegalArgumentException when the code is malformed
     */
    public static Finding info(String code, String message) {
        return of(Severity.INFO, code, message);
    }

    /**
     * A finding of the given severity.
     *
     * @param severity how much it matters
     * @param code     lower-case {@code prefix.name}
     * @param message  for a person, with the numbers in it (any text; writers escape it)
     * @return a finding with no files, numbers, spans or fix yet
     * @throws IllegalArgumentException when the code is malformed
     */
    public static Finding of(Severity severity, String code, String message) {
        return new Finding(code, severity, List.of(), message, Map.of(), List.of(), "");
    }

    /**
     * The same finding about these files.
     *
     * @param names file names as in {@link StemFile#name()}
     * @return a new finding; this one is unchanged
     */
    public Finding withFiles(String... names) {
        return withFiles(List.of(names));
    }

    /**
     * The same finding about these files.
     *
     * @param names file names as in {@link StemFile#name()}
     * @return a new finding; this one is unchanged
     */
    public Finding withFiles(List<String> names) {
        return new Finding(code, severity, names, message, measurements, where, fix);
    }

    /**
     * The same finding with one more number (replacing one of the same name). Put the unit in
     * the name, as the built-in checks do ({@code gain_db}, {@code sample_rate_hz}).
     *
     * @param name  a stable snake_case name, the JSON key
     * @param value the number; not finite is written as JSON {@code null}
     * @return a new finding; this one is unchanged
     */
    public Finding withMeasurement(String name, double value) {
        Map<String, Double> m = new LinkedHashMap<>(measurements);
        m.put(name, value);
        return new Finding(code, severity, files, message, m, where, fix);
    }

    /**
     * The same finding with these time spans.
     *
     * @param spans where the problem sits, the worst first; past {@link #MAX_SPANS} are dropped
     * @return a new finding; this one is unchanged
     */
    public Finding withWhere(List<Span> spans) {
        return new Finding(code, severity, files, message, measurements, spans, fix);
    }

    /**
     * The same finding with a suggested fix.
     *
     * @param suggestion what to do, for the person who exported the stems ("re-export Bass at
     *                   48 kHz from the session")
     * @return a new finding; this one is unchanged
     */
    public Finding withFix(String suggestion) {
        return new Finding(code, severity, files, message, measurements, where, suggestion);
    }

    /**
     * The same finding at another severity (a check or a spec may raise or lower it).
     *
     * @param s the new severity
     * @return a new finding; this one is unchanged
     */
    public Finding withSeverity(Severity s) {
        return new Finding(code, s, files, message, measurements, where, fix);
    }

    @Override
    public String toString() {
        return severity.name() + " " + code + " " + files + ": " + message;
    }
}
