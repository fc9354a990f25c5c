package org.stemcheck.core.internal.engine;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stemcheck.core.Measurement;
import org.stemcheck.core.internal.Input;
import org.stemcheck.dsp.Accumulator;
import org.stemcheck.io.AudioFormat;
import org.stemcheck.io.SampleStream;

/**
 * The per-file measurements of one file: every accumulator the checks need, fed block by block,
 * either by {@link #run} (opens the file's sample stream once and reads it to its end) or from
 * outside, one block at a time, by the engine's {@link FileActor} when the set pass is the file's
 * only reader. Memory is one block per file, whatever the file's length. Not thread-safe: one
 * thread at a time (the actor hands it from worker to worker with a happens-before edge).
 */
final class FileAnalysis {

    /** Frames per block: 8192 frames is 64 KiB per channel, small next to any L2 cache slice of a core. */
    static final int BLOCK_FRAMES = 8192;

    private static final Logger LOG = LoggerFactory.getLogger(FileAnalysis.class);

    /**
     * What one file gave.
     *
     * @param results measurements by kind (those whose accumulator failed are absent)
     * @param failure why the file could not be read to its end, when it could not
     */
    record Outcome(Map<Measurement, Object> results, Optional<String> failure) {

        /** This outcome with one more measurement (one measured elsewhere, such as by the set pass). */
        Outcome with(Measurement kind, Object result) {
            Map<Measurement, Object> all = new EnumMap<>(Measurement.class);
            all.putAll(results);
            all.put(kind, result);
            return new Outcome(Collections.unmodifiableMap(all), failure);
        }

        /** This outcome with the measurements of another read of the same file; the first failure stands. */
        Outcome plus(Outcome other) {
            Map<Measurement, Object> all = new EnumMap<>(Measurement.class);
            all.putAll(results);
            all.putAll(other.results);
            return new Outcome(Collections.unmodifiableMap(all), failure.or(other::failure));
        }
    }

    private final String name;
    private final Map<Measurement, Accumulator<?>> live;
    private Optional<String> failure = Optional.empty();

    private FileAnalysis(String name, Map<Measurement, Accumulator<?>> live) {
        this.name = name;
        this.live = live;
    }

    /**
     * The accumulators of {@code kinds} for one file, ready to be fed block by block (by
     * {@link #run} or, for a file the set pass reads, by the engine's per-file actor).
     *
     * @param name     the file's name, for the log
     * @param format   the file's sample format
     * @param kinds    the measurements wanted
     * @param registry how to make each
     * @return the analysis, fed nothing yet
     */
    static FileAnalysis create(String name, AudioFormat format, Set<Measurement> kinds, MeasurementRegistry registry) {
        Map<Measurement, Accumulator<?>> accs = new EnumMap<>(Measurement.class);
        for (Measurement m : kinds) {
            registry.get(m).ifPresent(e -> create(name, m, e, format).ifPresent(a -> accs.put(m, a)));
        }
        return new FileAnalysis(name, accs);
    }

    /** @return true when some accumulator wants the samples (otherwise the file need not be decoded for it) */
    boolean wantsSamples() {
        return !live.isEmpty();
    }

    /**
     * Feeds the next decoded block to every accumulator still live; one that throws is left out.
     *
     * @param block the samples, {@code block[c][0..n)} per channel
     * @param n     frames in the block
     */
    void accept(double[][] block, int n) {
        feed(name, live, block, n);
    }

    /**
     * Records that the file could not be read to its end (the accumulators keep what they saw).
     *
     * @param why the reader's message
     */
    void fail(String why) {
        LOG.warn("{}: could not be read to its end: {}", name, why);
        failure = Optional.of(why);
    }

    /** @return the results of the accumulators still live, and the read failure if any */
    Outcome outcome() {
        if (live.isEmpty() && failure.isEmpty()) {
            return new Outcome(Map.of(), Optional.empty());
        }
        return new Outcome(results(name, live), failure);
    }

    static Outcome run(Input in, Set<Measurement> kinds, MeasurementRegistry registry) {
        FileAnalysis a = create(in.name(), in.format().orElseThrow(), kinds, registry);
        if (!a.wantsSamples()) {
            return a.outcome();
        }
        double[][] block = new double[in.format().orElseThrow().channels()][BLOCK_FRAMES];
        try (SampleStream s = in.opener().open()) {
            for (int n; (n = s.read(block, 0, BLOCK_FRAMES)) > 0; ) {
                a.accept(block, n);
            }
        } catch (IOException e) {
            a.fail(String.valueOf(e.getMessage()));
        }
        return a.outcome();
    }

    /** The accumulator, or none when its factory refuses this format (a bug or a limit of the meter, not of the file). */
    private static Optional<Accumulator<?>> create(String name, Measurement m, MeasurementRegistry.Entry e,
                                                   AudioFormat format) {
        try {
            return Optional.of(e.factory().create(format));
        } catch (RuntimeException ex) {
            LOG.warn("{}: measurement {} cannot be made for {}; left out", name, m, format, ex);
            return Optional.empty();
        }
    }

    private static void feed(String name, Map<Measurement, Accumulator<?>> live, double[][] block, int n) {
        List<Measurement> failed = new ArrayList<>();
        live.forEach((m, acc) -> {
            try {
                acc.accept(block, 0, n);
            } catch (RuntimeException e) {
                LOG.warn("{}: measurement {} failed and is left out", name, m, e);
                failed.add(m);
            }
        });
        failed.forEach(live::remove);
    }

    private static Map<Measurement, Object> results(String name, Map<Measurement, Accumulator<?>> live) {
        Map<Measurement, Object> out = new EnumMap<>(Measurement.class);
        live.forEach((m, acc) -> {
            try {
                Object r = acc.result();
                if (r != null) {
                    out.put(m, r);
                }
            } catch (RuntimeException e) {
                LOG.warn("{}: measurement {} failed and is left out", name, m, e);
            }
        });
        return Collections.unmodifiableMap(out);
    }
}
