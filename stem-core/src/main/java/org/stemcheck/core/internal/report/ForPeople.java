package org.stemcheck.core.internal.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.stemcheck.core.Finding;

/**
 * What of a finding the text and HTML reports show a person, as against the JSON report, which
 * keeps everything: the measurements a person can use, named in words with their unit
 * ({@code gain 3.01 dB} for {@code gain_db}), without the fields that are there for programs; and
 * the time spans merged where they touch and in time order.
 */
public final class ForPeople {

    /**
     * Measurement keys that are for programs, not people: a fit's statistics and its raw scale,
     * counters of the engine, and 0/1 flags that the message already says in words.
     */
    static final Set<String> HIDDEN = Set.of("standard_error_db", "scale", "passes", "reference_given",
            "mixbus_processing", "check_failed", "inverted");

    /**
     * Spans closer than this are one stretch: the null test's 100 ms segments and the meters' runs
     * meet end to start, up to rounding of their edges to whole samples (1 ms is 48 samples at 48 kHz).
     */
    static final double MERGE_GAP_S = 0.001;

    /** Key suffixes and the unit each stands for, longest first (so {@code _dbfs} wins over {@code _db}). */
    private static final List<String[]> UNITS = List.of(
            new String[] {"_samples", "samples"}, new String[] {"_dbfs", "dBFS"}, new String[] {"_dbtp", "dBTP"},
            new String[] {"_lufs", "LUFS"}, new String[] {"_bits", "bits"}, new String[] {"_ppm", "ppm"},
            new String[] {"_db", "dB"}, new String[] {"_lu", "LU"}, new String[] {"_hz", "Hz"},
            new String[] {"_ms", "ms"}, new String[] {"_s", "s"});

    private ForPeople() {
    }

    /** One measurement as shown: {@code label} in words, {@code unit} (empty when it has none) and the value. */
    public record Shown(String label, String unit, double value) {
    }

    /**
     * The measurements a person is shown, in the finding's order, internal ones left out.
     *
     * @param measurements a finding's measurements
     * @return the shown ones, labelled
     */
    public static List<Shown> measurements(Map<String, Double> measurements) {
        List<Shown> out = new ArrayList<>();
        for (Map.Entry<String, Double> e : measurements.entrySet()) {
            if (!HIDDEN.contains(e.getKey())) {
                out.add(shown(e.getKey(), e.getValue()));
            }
        }
        return out;
    }

    static Shown shown(String key, double value) {
        for (String[] u : UNITS) {
            if (key.endsWith(u[0]) && key.length() > u[0].length()) {
                return new Shown(words(key.substring(0, key.length() - u[0].length())), u[1], value);
            }
        }
        return new Shown(words(key), "", value);
    }

    private static String words(String key) {
        return key.replace('_', ' ');
    }

    /**
     * The spans in time order, those that overlap or touch (within {@link #MERGE_GAP_S}) merged into one.
     *
     * @param spans a finding's {@code where}, in any order (the JSON keeps them worst first)
     * @return the stretches, earliest first
     */
    public static List<Finding.Span> spans(List<Finding.Span> spans) {
        List<Finding.Span> sorted = new ArrayList<>(spans);
        sorted.sort(Comparator.comparingDouble(Finding.Span::startSeconds).thenComparingDouble(Finding.Span::endSeconds));
        List<Finding.Span> out = new ArrayList<>();
        for (Finding.Span s : sorted) {
            if (!out.isEmpty() && s.startSeconds() <= out.get(out.size() - 1).endSeconds() + MERGE_GAP_S) {
                Finding.Span last = out.remove(out.size() - 1);
                out.add(new Finding.Span(last.startSeconds(), Math.max(last.endSeconds(), s.endSeconds())));
            } else {
                out.add(s);
            }
        }
        return out;
    }
}
