package org.stemcheck.core.spec;

import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The stems the recipient expects.
 *
 * @param expected  stems that must (or may) be there, by label or pattern
 * @param minCount  the fewest stems expected (effect returns count)
 * @param maxCount  the most stems expected; far more suggests raw multitracks
 * @param fxLabels  labels that mark an effect-return stem ({@link org.stemcheck.core.file.Role#FX}), compared ignoring case
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
