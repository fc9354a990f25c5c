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
 * The one pass over one file: opens its sample stream once and feeds every accumulator the
 * checks need, block by block. Memory is one block per file, whatever the file's length.
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
    }

    private FileAnalysis() {
    }

    static Outcome run(Input in, Set<Measurement> kinds, MeasurementRegistry registry) {
        AudioFormat format = in.format().orElseThrow();
        Map<Measurement, Accumulator<?>> accs = new EnumMap<>(Measurement.class);
        for (Measurement m : kinds) {
            registry.get(m).ifPresent(e -> create(in.name(), m, e, format).ifPresent(a -> accs.put(m, a)));
        }
        if (accs.isEmpty()) {
            return new Outcome(Map.of(), Optional.empty());
        }
        Map<Measurement, Accumulator<?>> live = new EnumMap<>(accs);
        Optional<String> failure = Optional.empty();
        double[][] block = new double[format.channels()][BLOCK_FRAMES];
        try (SampleStream s = in.opener().open()) {
            for (int n; (n = s.read(block, 0, BLOCK_FRAMES)) > 0; ) {
                feed(in.name(), live, block, n);
            }
        } catch (IOException e) {
            LOG.warn("{}: could not be read to its end: {}", in.name(), e.getMessage());
            failure = Optional.of(String.valueOf(e.getMessage()));
        }
        return new Outcome(results(in.name(), live), failure);
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
