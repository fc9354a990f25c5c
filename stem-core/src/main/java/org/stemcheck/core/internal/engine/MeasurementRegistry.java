package org.stemcheck.core.internal.engine;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.stemcheck.core.Measurement;
import org.stemcheck.dsp.Accumulator;
import org.stemcheck.dsp.LoudnessMeter;
import org.stemcheck.dsp.LoudnessResult;
import org.stemcheck.dsp.TruePeakMeter;
import org.stemcheck.dsp.TruePeakResult;
import org.stemcheck.dsp.content.ContentDigest;
import org.stemcheck.dsp.content.ContentHash;
import org.stemcheck.dsp.content.Fingerprinter;
import org.stemcheck.dsp.features.StemFeatures;
import org.stemcheck.dsp.level.BitDepth;
import org.stemcheck.dsp.level.ChannelStats;
import org.stemcheck.dsp.level.ClipRuns;
import org.stemcheck.dsp.level.LevelTimeline;
import org.stemcheck.dsp.level.SampleStats;
import org.stemcheck.dsp.level.StereoCorrelation;
import org.stemcheck.dsp.spectrum.Cutoff;
import org.stemcheck.dsp.spectrum.WelchSpectrum;
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

    /** For measurements that fill no report field. */
    static final Facts NO_FACTS = (result, facts) -> { };

    /** One registered measurement. */
    public record Entry(AccumulatorFactory factory, Facts facts) {
        public Entry {
            Objects.requireNonNull(factory, "factory");
            Objects.requireNonNull(facts, "facts");
        }
    }

    private static final MeasurementRegistry STANDARD = empty()
            .with(Measurement.SAMPLE_STATS, f -> SampleStats.create(f.channels()), MeasurementRegistry::levels)
            .with(Measurement.CLIP_RUNS, ClipRuns::forFormat, NO_FACTS)
            .with(Measurement.TRUE_PEAK, TruePeakMeter::forFormat,
                    (r, facts) -> facts.put("true_peak_dbtp", centi(((TruePeakResult) r).maxTruePeakDbtp())))
            .with(Measurement.LOUDNESS, LoudnessMeter::forFormat,
                    (r, facts) -> facts.put("integrated_lufs", centi(((LoudnessResult) r).integratedLufs())))
            .with(Measurement.BIT_DEPTH, BitDepth::forFormat, MeasurementRegistry::bits)
            .with(Measurement.SPECTRUM, f -> WelchSpectrum.create(f.channels(), f.sampleRate()),
                    MeasurementRegistry::bandwidth)
            .with(Measurement.CONTENT_HASH, f -> ContentHash.create(f.channels()), NO_FACTS)
            .with(Measurement.CONTENT_DIGEST, f -> ContentDigest.create(f.channels()), NO_FACTS)
            .with(Measurement.FINGERPRINT, f -> Fingerprinter.create(f.channels(), f.sampleRate()), NO_FACTS)
            .with(Measurement.TIMELINE, f -> LevelTimeline.create(f.channels(), f.sampleRate()), NO_FACTS)
            .with(Measurement.CORRELATION, f -> StereoCorrelation.create(f.channels(), f.sampleRate()), NO_FACTS)
            .with(Measurement.FEATURES, f -> StemFeatures.create(f.sampleRate(), f.channels()), NO_FACTS);

    private final Map<Measurement, Entry> entries;

    private MeasurementRegistry(Map<Measurement, Entry> entries) {
        this.entries = Collections.unmodifiableMap(entries);
    }

    /** The measurements of this build: one {@code .with(...)} line per stem-dsp accumulator. */
    public static MeasurementRegistry standard() {
        return STANDARD;
    }

    /** peak_dbfs, rms_dbfs, and dc_dbfs (the channel with the largest offset). */
    private static void levels(Object result, Map<String, Double> facts) {
        SampleStats.Result r = (SampleStats.Result) result;
        facts.put("peak_dbfs", centi(r.peakDbfs()));
        facts.put("rms_dbfs", centi(r.rmsDbfs()));
        facts.put("dc_dbfs", centi(r.channels().stream().mapToDouble(ChannelStats::dcDbfs).max().orElse(Double.NaN)));
    }

    /** A level in dB to 0.01 dB, the report's resolution (non-finite values stay as they are: JSON null). */
    static double centi(double db) {
        return Double.isFinite(db) ? Math.round(db * 100) / 100.0 : db;
    }

    /** effective_bits, where the samples show one (not for silence or true float content). */
    private static void bits(Object result, Map<String, Double> facts) {
        ((BitDepth.Result) result).effectiveBits().ifPresent(b -> facts.put("effective_bits", (double) b));
    }

    /** bandwidth_hz: the cut-off of the channels' average spectrum, 60 dB below its peak region. */
    private static void bandwidth(Object result, Map<String, Double> facts) {
        WelchSpectrum.Result r = (WelchSpectrum.Result) result;
        if (r.average().segments() > 0) {
            facts.put("bandwidth_hz", (double) Math.round(Cutoff.of(r.average()).cutoffHz()));
        }
    }

    /**
     * Whether {@link Measurement#SPECTRUM} is the standard Welch spectrum, which the set pass can
     * measure from its own transforms instead of a file's accumulator (not when a registry put
     * another spectrum in its place).
     *
     * @return true when the spectrum's entry is the standard registry's
     */
    public boolean standardSpectrum() {
        Entry e = entries.get(Measurement.SPECTRUM);
        return e != null && e == STANDARD.entries.get(Measurement.SPECTRUM);
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

    /**
     * The measurements that fill report fields ({@code peak_dbfs}, {@code integrated_lufs} ...): the
     * engine adds them to the pass whenever it decodes the files, so the report carries every field
     * this build can measure, whichever checks ran.
     */
    public Set<Measurement> reported() {
        Set<Measurement> out = EnumSet.noneOf(Measurement.class);
        entries.forEach((m, e) -> {
            if (e.facts() != NO_FACTS) {
                out.add(m);
            }
        });
        return out;
    }

    /** The entry for {@code kind}, if registered. */
    public Optional<Entry> get(Measurement kind) {
        return Optional.ofNullable(entries.get(kind));
    }
}
