package org.stemcheck.core.internal.delivery;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads title, stem label and tempo from a file name, and splits names into words. */
public final class Naming {

    private static final Pattern LEADING_TRACK_NUMBER = Pattern.compile("^\\d{1,3}\\s*[-_. ]\\s*");
    /** Between words: non-letters, a lower-to-upper change ("KickIn"), an acronym's end ("FXReturns"). */
    private static final Pattern WORD_BREAK = Pattern.compile(
            "[^\\p{L}\\p{N}]+|(?<=\\p{Ll})(?=\\p{Lu})|(?<=\\p{Lu})(?=\\p{Lu}\\p{Ll})");

    private Naming() {
    }

    /**
     * What a name says.
     *
     * @param matched true when the name follows the spec's pattern
     * @param title   the title, where the pattern matched
     * @param label   the stem label: the pattern's stem, or else the whole name less a leading track number
     * @param bpm     the tempo, where the pattern carries one
     */
    public record Parsed(boolean matched, Optional<String> title, Optional<String> label, OptionalDouble bpm) {
    }

    /** Reads {@code fileName} against {@code pattern} (named groups title, stem and optionally bpm). */
    public static Parsed parse(String fileName, Pattern pattern) {
        String base = Sources.baseName(fileName).strip();
        Matcher m = pattern.matcher(underscored(base));
        if (m.matches()) {
            Optional<String> title = group(m, "title", base);
            Optional<String> stem = group(m, "stem", base);
            OptionalDouble bpm = group(m, "bpm", base).map(b -> OptionalDouble.of(Double.parseDouble(b.replace(',', '.'))))
                    .orElse(OptionalDouble.empty());
            if (title.isPresent() && stem.isPresent()) {
                return new Parsed(true, title, stem, bpm);
            }
        }
        String label = LEADING_TRACK_NUMBER.matcher(base).replaceFirst("").strip();
        return new Parsed(false, Optional.empty(), Optional.of(label.isEmpty() ? base : label), OptionalDouble.empty());
    }

    /**
     * The name with its separators made underscores, keeping its length (so that groups can be
     * cut from the original): a name with underscores is kept; otherwise {@code " - "} separators,
     * or failing those single hyphens, are read as underscores.
     */
    static String underscored(String base) {
        if (base.indexOf('_') >= 0) {
            return base;
        }
        if (base.contains(" - ")) {
            return base.replace(" - ", " _ ");
        }
        return base.replace('-', '_');
    }

    /** A group's text as the original name spells it. */
    private static Optional<String> group(Matcher m, String name, String original) {
        try {
            int start = m.start(name);
            if (start < 0) {
                return Optional.empty();
            }
            String v = original.substring(start, m.end(name)).strip();
            return v.isEmpty() ? Optional.empty() : Optional.of(v);
        } catch (IllegalArgumentException noSuchGroup) {
            return Optional.empty();
        }
    }

    /**
     * The words of a name in lower case, split at non-letters, non-digits and lower-to-upper case
     * changes ({@code "KickIn_01"} gives {@code kick, in, 01}; {@code "BassDI"} gives {@code bass, di};
     * {@code "FXReturns"} gives {@code fx, returns}).
     */
    public static List<String> words(String name) {
        List<String> out = new ArrayList<>();
        for (String w : WORD_BREAK.split(Sources.baseName(name))) {
            if (!w.isEmpty()) {
                out.add(w.toLowerCase(Locale.ROOT));
            }
        }
        return out;
    }

    /** A title or label reduced to letters and digits in lower case, for comparing names. */
    public static String normalised(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
    }
}
