package org.stemcheck.core.internal.engine;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.stemcheck.core.Measurement;
import org.stemcheck.dsp.Accumulator;
import org.stemcheck.dsp.features.StemFeatures;
import org.stemcheck.io.AudioFormat;

/**
 * Which {@link Measurement}s this build can compute, and how: for each, a factory of the
 * stem-dsp {@link Accumulator} fed in the one pass over a file, and how its result fills the
 * per-file fields of the report ({@code peak_dbfs}, {@code true_peak_dbtp} ...).
 *
 * <p><b>Wiring a new accumulator is one line in {@link #standard()}</b>, e.g.
 * <pre>{@code
 * .with(Measurement.TRUE_PEAK, f -> new TruePeakMeter(f.sampleRate(), f.channels()),
 *       (r, facts) -> facts.put("true_peak_dbtp", ((TruePeak) r).dbtp()))
 * }</pre>
 * A check whose needs are not all registered is skipped (logged at debug level).
 * {@link Measurement#HEADER} is always available; {@link Measurement#NULL_TEST} belongs to the
 * set pass, not to this per-file registry.
 *
 * <p>Immutable and thread-safe.
 */
public final class MeasurementRegistry {

    /** Builds the accumulator for one file. */
    @FunctionalInterface
    public interface AccumulatorFactory {
        Accumulator<?> create(AudioFormat format);
    }

    /** Copies a result's numbers into the report's per-file fields (by their JSON names). */
    @FunctionalInterface
    public interface Facts {
        void fill(Object result, Map<String, Double> facts);
    }

    /** One registered measurement. */
    public record Entry(AccumulatorFactory factory, Facts facts) {
        public Entry {
            Objects.requireNonNull(factory, "factory");
            Objects.requireNonNull(facts, "facts");
        }
    }

    private static final MeasurementRegistry STANDARD = new MeasurementRegistry(new EnumMap<>(Measurement.class));

    private final Map<Measurement, Entry> entries;

    private MeasurementRegistry(Map<Measurement, Entry> entries) {
        this.entries = Collections.unmodifiableMap(entries);
    }

    /**
     * The measurements of this build. Add one {@code .with(...)} per stem-dsp accumulator as it
     * lands; until then no file is decoded and the measurement-based checks are skipped.
     */
    public static MeasurementRegistry standard() {
        return STANDARD
                .with(Measurement.FEATURES, f -> StemFeatures.create(f.sampleRate(), f.channels()), (r, facts) -> { })
        // .with(Measurement.SAMPLE_STATS, f -> new SampleStats(f.channels()), (r, facts) -> ...)
        // .with(Measurement.TRUE_PEAK, f -> new TruePeakMeter(f), (r, facts) -> ...)
        // .with(Measurement.LOUDNESS, f -> new LoudnessMeter(f), (r, facts) -> ...)
        ;
    }

    /** A registry with nothing registered. */
    public static MeasurementRegistry empty() {
        return new MeasurementRegistry(new EnumMap<>(Measurement.class));
    }

    /** This registry plus (or replacing) one measurement. */
    public MeasurementRegistry with(Measurement kind, AccumulatorFactory factory, Facts facts) {
        Objects.requireNonNull(kind, "kind");
        if (kind == Measurement.HEADER || kind == Measurement.NULL_TEST) {
            throw new IllegalArgumentException(kind + " is not a per-file accumulator measurement");
        }
        Map<Measurement, Entry> copy = new EnumMap<>(Measurement.class);
        copy.putAll(entries);
        copy.put(kind, new Entry(factory, facts));
        return new MeasurementRegistry(copy);
    }

    /** True when {@code kind} can be computed: the header always, others when registered. */
    public boolean has(Measurement kind) {
        return kind == Measurement.HEADER || entries.containsKey(kind);
    }

    /** The entry for {@code kind}, if registered. */
    public Optional<Entry> get(Measurement kind) {
        return Optional.ofNullable(entries.get(kind));
    }
}
