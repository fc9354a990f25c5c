package org.stemcheck.core.internal.spec;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Typed reads of spec-file values: each names the key's path and says what was expected and what was found. */
final class Values {

    private Values() {
    }

    static Json.Obj object(Json v, String path) {
        if (v instanceof Json.Obj o) {
            return o;
        }
        throw new SpecError(path, v, "expected an object, got " + v.describe());
    }

    static Json.Arr array(Json v, String path) {
        if (v instanceof Json.Arr a) {
            return a;
        }
        throw new SpecError(path, v, "expected an array, got " + v.describe());
    }

    static boolean bool(Json v, String path) {
        if (v instanceof Json.Bool b) {
            return b.value();
        }
        throw new SpecError(path, v, "expected true or false, got " + v.describe());
    }

    static String string(Json v, String path) {
        if (v instanceof Json.Str s) {
            return s.value();
        }
        throw new SpecError(path, v, "expected a string, got " + v.describe());
    }

    static String nonBlank(Json v, String path) {
        String s = string(v, path);
        if (s.isBlank()) {
            throw new SpecError(path, v, "expected a non-empty string, got " + v.describe());
        }
        return s;
    }

    /** A number in {@code [lo, hi]}, in the unit the key's name carries. */
    static double number(Json v, String path, double lo, double hi) {
        if (!(v instanceof Json.Num n)) {
            throw new SpecError(path, v, "expected a number, got " + v.describe());
        }
        double d = n.value().doubleValue();
        if (!(d >= lo && d <= hi)) {
            throw new SpecError(path, v, "expected a number from " + plain(lo) + " to " + plain(hi) + ", got " + n.text());
        }
        return d;
    }

    /** A number in {@code [lo, hi]}, or empty for {@code null}. */
    static Optional<Double> nullableNumber(Json v, String path, double lo, double hi) {
        if (v instanceof Json.Null) {
            return Optional.empty();
        }
        if (!(v instanceof Json.Num)) {
            throw new SpecError(path, v, "expected a number or null, got " + v.describe());
        }
        return Optional.of(number(v, path, lo, hi));
    }

    /** A whole number in {@code [lo, hi]} ({@code 24} and {@code 24.0} are whole; {@code 24.5} is not). */
    static int integer(Json v, String path, int lo, int hi) {
        if (!(v instanceof Json.Num n)) {
            throw new SpecError(path, v, "expected a whole number, got " + v.describe());
        }
        BigDecimal d = n.value();
        boolean whole = d.signum() == 0 || d.stripTrailingZeros().scale() <= 0;
        if (!whole || d.compareTo(BigDecimal.valueOf(lo)) < 0 || d.compareTo(BigDecimal.valueOf(hi)) > 0) {
            throw new SpecError(path, v, "expected a whole number from " + lo + " to " + hi + ", got " + n.text());
        }
        return d.intValueExact();
    }

    /** Refuses keys other than {@code known}, suggesting the nearest. */
    static void onlyKeys(Json.Obj o, String path, List<String> known) {
        for (Map.Entry<String, Json> e : o.members().entrySet()) {
            if (!known.contains(e.getKey())) {
                String where = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
                String hint = nearest(e.getKey(), known).map(k -> "did you mean " + k + "? ").orElse("");
                throw new SpecError(where, e.getValue(), "unknown key; " + hint + "("
                        + (path.isEmpty() ? "a spec file" : path) + " takes " + String.join(", ", known) + ")");
            }
        }
    }

    /**
     * The known key a mistyped one most likely meant: the nearest by edit distance, if it is near
     * (a third of the key's length, at least 2 edits), or one holding every word of it
     * ({@code true_peak_dbtp} for {@code true_peak_ceiling_dbtp}).
     */
    static Optional<String> nearest(String key, List<String> known) {
        List<String> words = List.of(key.toLowerCase(Locale.ROOT).split("_"));
        return known.stream()
                .filter(k -> distance(k, key) <= Math.max(2, key.length() / 3)
                        || List.of(k.toLowerCase(Locale.ROOT).split("_")).containsAll(words))
                .min(Comparator.comparingInt(k -> distance(k, key)));
    }

    /** Levenshtein distance, ignoring case. */
    static int distance(String a, String b) {
        a = a.toLowerCase(Locale.ROOT);
        b = b.toLowerCase(Locale.ROOT);
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    /** {@code -70}, {@code 0.5}: a bound as people write it. */
    static String plain(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
