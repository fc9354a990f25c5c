package org.stemcheck.core.internal.pipeline;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.stemcheck.core.Measurement;

/**
 * What the per-file measurements of one file gave.
 *
 * @param values      the results by measurement (those that could not be made are absent)
 * @param failure     why the file could not be read to its end, when it could not
 * @param problems    per measurement that could not be made, why (the meter refused the format,
 *                    or it threw); such a measurement is absent from {@code values}
 */
record FileResults(Map<Measurement<?>, Object> values, Optional<String> failure, Map<Measurement<?>, String> problems) {

    static final FileResults NONE = new FileResults(Map.of(), Optional.empty(), Map.of());

    FileResults {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        problems = Collections.unmodifiableMap(new LinkedHashMap<>(problems));
    }

    /** The result of {@code kind}, if measured. */
    <R> Optional<R> get(Measurement<R> kind) {
        Object v = values.get(kind);
        return v == null ? Optional.empty() : Optional.of(kind.cast(v));
    }

    /** These results with one more, measured elsewhere (the set pass's spectrum). */
    <R> FileResults with(Measurement<R> kind, R value) {
        Map<Measurement<?>, Object> all = new LinkedHashMap<>(values);
        all.put(kind, value);
        Map<Measurement<?>, String> p = new LinkedHashMap<>(problems);
        p.remove(kind);
        return new FileResults(all, failure, p);
    }

    /** These results with those of another read of the same file; the first read failure stands. */
    FileResults plus(FileResults other) {
        Map<Measurement<?>, Object> all = new LinkedHashMap<>(values);
        all.putAll(other.values);
        Map<Measurement<?>, String> p = new LinkedHashMap<>(problems);
        p.putAll(other.problems);
        all.keySet().forEach(p::remove);
        return new FileResults(all, failure.or(other::failure), p);
    }

    /** These results with a read failure (the first one stands). */
    FileResults failed(String why) {
        return new FileResults(values, failure.or(() -> Optional.of(why)), problems);
    }
}
