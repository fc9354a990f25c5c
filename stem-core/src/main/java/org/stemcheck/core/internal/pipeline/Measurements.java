package org.stemcheck.core.internal.pipeline;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Function;

import org.stemcheck.core.file.ChannelLayout;
import org.stemcheck.core.Measurement;
import org.stemcheck.dsp.Accumulator;
import org.stemcheck.dsp.NonFiniteSamples;
import org.stemcheck.dsp.TruePeakMeter;
import org.stemcheck.dsp.content.ContentDigest;
import org.stemcheck.dsp.content.ContentHash;
import org.stemcheck.dsp.content.Fingerprinter;
import org.stemcheck.dsp.content.StemFeatures;
import org.stemcheck.dsp.BitDepth;
import org.stemcheck.dsp.ChannelStats;
import org.stemcheck.dsp.ClipRuns;
import org.stemcheck.dsp.LevelTimeline;
import org.stemcheck.dsp.SampleStats;
import org.stemcheck.dsp.StereoCorrelation;
import org.stemcheck.dsp.Cutoff;
import org.stemcheck.dsp.WelchSpectrum;
import org.stemcheck.io.AudioFormat;

/**
 * Which per-file {@link Measurement}s this build computes, and how: for each, the stem-dsp
 * {@link Accumulator} fed in the one pass over a file, and how its result fills the file's fields
 * in the report ({@code peak_dbfs}, {@code true_peak_dbtp} ...).
 *
 * <p><b>Adding a per-file measurement</b> is a constant in {@link Measurement} and one
 * {@code .with(...)} line in {@link #standard()}, e.g.
 * <pre>{@code
 * .with(Measurement.TRUE_PEAK, TruePeakMeter::forFormat,
 *       (r, facts) -> facts.put("true_peak_dbtp", centi(r.maxTruePeakDbtp())))
 * }</pre>
 * The engine feeds it wherever the file is read (on its own or by the set pass) and a check reads
 * it with {@code ctx.measurement(file, Measurement.TRUE_PEAK)}.
 *
 * <p>Immutable and thread-safe.
 */
public final class Measurements {

    /**
     * One registered measurement.
     *
     * @param <R>     its result
     * @param kind    the key
     * @param factory the accumulator for a file of a format and speaker layout (the layout as the
     *                run resolved it: the file's mask, or the spec's channel order)
     * @param facts   copies the result's numbers into the report's per-file fields, or null when
     *                it fills none
     */
    public record Entry<R>(Measurement<R> kind,
                           BiFunction<AudioFormat, ChannelLayout, ? extends Accumulator<R>> factory,
                           BiConsumer<R, Map<String, Double>> facts) {
        /** Checks the key and the factory. */
        public Entry {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(factory, "factory");
        }

        /** Fills the report fields from a result of this measurement (an {@code Object} from a results map). */
        void fill(Object result, Map<String, Double> out) {
            if (facts != null) {
                facts.accept(kind.cast(result), out);
            }
        }
    }

    private static final Measurements STANDARD = empty()
            .with(Measurement.SAMPLE_STATS, f -> SampleStats.create(f.channels()), Measurements::levels)
            .with(Measurement.NON_FINITE, NonFiniteSamples::forFormat, null)
            .with(Measurement.CLIP_RUNS, ClipRuns::forFormat, null)
            .with(Measurement.TRUE_PEAK, TruePeakMeter::forFormat,
                    (r, facts) -> facts.put("true_peak_dbtp", centi(r.maxTruePeakDbtp())))
            .withLayout(Measurement.LOUDNESS, LoudnessWeights::meter,
                    (r, facts) -> facts.put("integrated_lufs", centi(r.integratedLufs())))
            .with(Measurement.BIT_DEPTH, BitDepth::forFormat,
                    (r, facts) -> r.effectiveBits().ifPresent(b -> facts.put("effective_bits", (double) b)))
            .with(Measurement.SPECTRUM, f -> WelchSpectrum.create(f.channels(), f.sampleRate()),
                    Measurements::bandwidth)
            .with(Measurement.CONTENT_HASH, f -> ContentHash.create(f.channels()), null)
            .with(Measurement.CONTENT_DIGEST, f -> ContentDigest.create(f.channels()), null)
            .with(Measurement.FINGERPRINT, f -> Fingerprinter.create(f.channels(), f.sampleRate()), null)
            .with(Measurement.TIMELINE, f -> LevelTimeline.create(f.channels(), f.sampleRate()), null)
            .with(Measurement.CORRELATION, f -> StereoCorrelation.create(f.channels(), f.sampleRate()), null)
            .with(Measurement.FEATURES, f -> StemFeatures.create(f.sampleRate(), f.channels()), null);

    private final Map<Measurement<?>, Entry<?>> entries;

    private Measurements(Map<Measurement<?>, Entry<?>> entries) {
        this.entries = Collections.unmodifiableMap(entries);
    }

    /** The measurements of this build: one {@code .with(...)} line per stem-dsp accumulator. */
    public static Measurements standard() {
        return STANDARD;
    }

    /** A registry with nothing registered. */
    public static Measurements empty() {
        return new Measurements(new LinkedHashMap<>());
    }

    /**
     * This registry plus (or replacing) one measurement.
     *
     * @param facts how the result fills the report's fields; null for none
     * @throws IllegalArgumentException for {@link Measurement#NULL_TEST}, which is not per file
     */
    public <R> Measurements with(Measurement<R> kind, Function<AudioFormat, ? extends Accumulator<R>> factory,
                                 BiConsumer<R, Map<String, Double>> facts) {
        Objects.requireNonNull(factory, "factory");
        return withLayout(kind, (format, layout) -> factory.apply(format), facts);
    }

    /**
     * This registry plus (or replacing) one measurement whose accumulator depends on which speaker
     * each channel feeds (loudness: the BS.1770 channel weights).
     *
     * @param facts how the result fills the report's fields; null for none
     * @throws IllegalArgumentException for {@link Measurement#NULL_TEST}, which is not per file
     */
    public <R> Measurements withLayout(Measurement<R> kind,
                                       BiFunction<AudioFormat, ChannelLayout, ? extends Accumulator<R>> factory,
                                       BiConsumer<R, Map<String, Double>> facts) {
        Objects.requireNonNull(kind, "kind");
        if (!kind.perFile()) {
            throw new IllegalArgumentException(kind + " is not a per-file measurement");
        }
        Map<Measurement<?>, Entry<?>> copy = new LinkedHashMap<>(entries);
        copy.put(kind, new Entry<>(kind, factory, facts));
        return new Measurements(copy);
    }

    /** peak_dbfs, rms_dbfs, and dc_dbfs (the channel with the largest offset). */
    private static void levels(SampleStats.Result r, Map<String, Double> facts) {
        facts.put("peak_dbfs", centi(r.peakDbfs()));
        facts.put("rms_dbfs", centi(r.rmsDbfs()));
        facts.put("dc_dbfs", centi(r.channels().stream().mapToDouble(ChannelStats::dcDbfs).max().orElse(Double.NaN)));
    }

    /** bandwidth_hz: the cut-off of the channels' average spectrum, 60 dB below its peak region. */
    private static void bandwidth(WelchSpectrum.Result r, Map<String, Double> facts) {
        if (r.average().segments() > 0) {
            facts.put("bandwidth_hz", (double) Math.round(Cutoff.of(r.average()).cutoffHz()));
        }
    }

    /** A level in dB to 0.01 dB, the report's resolution (non-finite values stay as they are: JSON null). */
    static double centi(double db) {
        return Double.isFinite(db) ? Math.round(db * 100) / 100.0 : db;
    }

    /**
     * Whether {@link Measurement#SPECTRUM} is the standard Welch spectrum, which the set pass can
     * measure from its own transforms instead of a file's accumulator (not when a registry put
     * another spectrum in its place).
     */
    public boolean standardSpectrum() {
        Entry<?> e = entries.get(Measurement.SPECTRUM);
        return e != null && e == STANDARD.entries.get(Measurement.SPECTRUM);
    }

    /** True when {@code kind} is registered (the null test is the set pass's, always available). */
    public boolean has(Measurement<?> kind) {
        return !kind.perFile() || entries.containsKey(kind);
    }

    /**
     * The measurements that fill report fields: the engine adds them whenever it decodes the
     * files, so the report carries every field this build can measure, whichever checks ran.
     */
    public Set<Measurement<?>> reported() {
        Set<Measurement<?>> out = new java.util.LinkedHashSet<>();
        entries.forEach((m, e) -> {
            if (e.facts() != null) {
                out.add(m);
            }
        });
        return out;
    }

    /** The entry for {@code kind}, if registered. */
    public Optional<Entry<?>> get(Measurement<?> kind) {
        return Optional.ofNullable(entries.get(kind));
    }

    /** The registered measurements, in registration order. */
    Set<Measurement<?>> kinds() {
        return entries.keySet();
    }
}
