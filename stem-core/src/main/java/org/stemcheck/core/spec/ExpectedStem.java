package org.stemcheck.core.spec;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

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
