package org.stemcheck.core.spec;

import java.util.Objects;
import java.util.regex.Pattern;

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
