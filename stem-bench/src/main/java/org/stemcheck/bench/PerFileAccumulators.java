package org.stemcheck.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import org.stemcheck.dsp.Accumulator;
import org.stemcheck.dsp.LoudnessMeter;
import org.stemcheck.dsp.TruePeakMeter;
import org.stemcheck.dsp.content.ContentDigest;
import org.stemcheck.dsp.content.ContentHash;
import org.stemcheck.dsp.content.Fingerprinter;
import org.stemcheck.dsp.content.StemFeatures;
import org.stemcheck.dsp.BitDepth;
import org.stemcheck.dsp.ClipRuns;
import org.stemcheck.dsp.LevelTimeline;
import org.stemcheck.dsp.SampleStats;
import org.stemcheck.dsp.StereoCorrelation;
import org.stemcheck.dsp.WelchSpectrum;
import org.stemcheck.io.AudioFormat;

/**
 * The accumulators stemcheck feeds in its one pass over every file, by name, built the way
 * stem-core's {@code MeasurementRegistry.standard()} builds them (that registry is internal to
 * stem-core; keep this list in step with it). The SHA-256 content hash is registered there too, but
 * only a check that needs it puts it in the pass; the built-in duplicate check uses the cheaper
 * content digest.
 */
public final class PerFileAccumulators {

    /** Factories in registry order: those the built-in checks' needs put in the pass. */
    static final Map<String, Function<AudioFormat, Accumulator<?>>> ALL = build();

    /**
     * Registered but in no built-in check's needs, so not in the pass unless a plug-in check asks:
     * creatable by name for a benchmark, not in {@link #names()}.
     */
    static final Map<String, Function<AudioFormat, Accumulator<?>>> ON_REQUEST =
            Map.of("contentHash", f -> ContentHash.create(f.channels()));

    private PerFileAccumulators() {
    }

    private static Map<String, Function<AudioFormat, Accumulator<?>>> build() {
        Map<String, Function<AudioFormat, Accumulator<?>>> m = new LinkedHashMap<>();
        m.put("sampleStats", f -> SampleStats.create(f.channels()));
        m.put("clipRuns", ClipRuns::forFormat);
        m.put("truePeak", TruePeakMeter::forFormat);
        m.put("loudness", LoudnessMeter::forFormat);
        m.put("bitDepth", BitDepth::forFormat);
        m.put("welch", f -> WelchSpectrum.create(f.channels(), f.sampleRate()));
        m.put("contentDigest", f -> ContentDigest.create(f.channels()));
        m.put("fingerprint", f -> Fingerprinter.create(f.channels(), f.sampleRate()));
        m.put("timeline", f -> LevelTimeline.create(f.channels(), f.sampleRate()));
        m.put("correlation", f -> StereoCorrelation.create(f.channels(), f.sampleRate()));
        m.put("features", f -> StemFeatures.create(f.sampleRate(), f.channels()));
        return m;
    }

    /** The names, in registry order. */
    public static Iterable<String> names() {
        return ALL.keySet();
    }

    /**
     * A new accumulator.
     *
     * @param name   one of {@link #names()}
     * @param format the file's format
     * @return a fresh accumulator
     */
    public static Accumulator<?> create(String name, AudioFormat format) {
        Function<AudioFormat, Accumulator<?>> f = ALL.getOrDefault(name, ON_REQUEST.get(name));
        if (f == null) {
            throw new IllegalArgumentException("unknown accumulator " + name + "; known: " + ALL.keySet()
                    + " and " + ON_REQUEST.keySet());
        }
        return f.apply(format);
    }
}
