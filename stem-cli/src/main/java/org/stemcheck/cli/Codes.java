package org.stemcheck.cli;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.stemcheck.core.Check;
import org.stemcheck.core.Checks;

/** The finding codes {@code --without} accepts: the checks' ids, and the codes the engine itself makes. */
final class Codes {

    /** Codes no check's id names: made by the engine when a file cannot be read to its end, a check fails or the heap limits the null test. */
    private static final List<String> ENGINE = List.of("format.unreadable", "internal.check-failed", "internal.memory");

    private Codes() {
    }

    /** Every code this run can make; with {@code plugins}, the discovered checks' too. */
    static Set<String> known(boolean plugins) {
        Set<String> out = new TreeSet<>(ENGINE);
        (plugins ? Checks.standardAndDiscovered() : Checks.standard()).stream().map(Check::id).forEach(out::add);
        return out;
    }

    /** ": did you mean X?" for the known code nearest to a mistyped one, or the list of codes of its prefix. */
    static String suggestion(String code, Set<String> known) {
        String nearest = known.stream().min(Comparator.comparingInt(k -> distance(k, code))).orElse("");
        if (!nearest.isEmpty() && distance(nearest, code) <= Math.max(2, code.length() / 4)) {
            return "; did you mean " + nearest + "?";
        }
        String prefix = code.contains(".") ? code.substring(0, code.indexOf('.') + 1) : code;
        List<String> same = known.stream().filter(k -> k.startsWith(prefix)).toList();
        return same.isEmpty() ? "; the codes are listed in docs/findings.md"
                : "; the " + prefix.replace(".", "") + " codes are " + String.join(", ", same);
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
