package org.stemcheck.core.internal.checks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

import org.stemcheck.core.file.StemFile;

/** Finds what most files agree on, so that a finding names the odd ones out. */
final class Groups {

    private Groups() {
    }

    /** Files by key, keys in order of first appearance. */
    static <K> Map<K, List<StemFile>> by(List<StemFile> files, Function<StemFile, K> key) {
        Map<K, List<StemFile>> out = new LinkedHashMap<>();
        for (StemFile f : files) {
            out.computeIfAbsent(key.apply(f), k -> new ArrayList<>()).add(f);
        }
        return out;
    }

    /** The key of the largest group; among equals, one that is {@code preferred}, else the first. */
    static <K> K majority(Map<K, List<StemFile>> groups, Predicate<K> preferred) {
        K best = null;
        int bestSize = -1;
        boolean bestPreferred = false;
        for (Map.Entry<K, List<StemFile>> e : groups.entrySet()) {
            int size = e.getValue().size();
            boolean pref = preferred.test(e.getKey());
            if (size > bestSize || (size == bestSize && pref && !bestPreferred)) {
                best = e.getKey();
                bestSize = size;
                bestPreferred = pref;
            }
        }
        return best;
    }

    /**
     * The value most files share within {@code tolerance}: the value of the file with the most
     * others within tolerance of it (among equals, the larger value).
     */
    static double consensus(List<StemFile> files, ToDoubleFunction<StemFile> value, double tolerance) {
        double best = Double.NaN;
        int bestCount = -1;
        for (StemFile f : files) {
            double v = value.applyAsDouble(f);
            int count = 0;
            for (StemFile g : files) {
                if (Math.abs(value.applyAsDouble(g) - v) <= tolerance) {
                    count++;
                }
            }
            if (count > bestCount || (count == bestCount && v > best)) {
                best = v;
                bestCount = count;
            }
        }
        return best;
    }
}
