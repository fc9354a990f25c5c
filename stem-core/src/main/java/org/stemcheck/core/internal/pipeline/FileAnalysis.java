package org.stemcheck.core.internal.pipeline;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stemcheck.core.file.ChannelLayout;
import org.stemcheck.core.Measurement;
import org.stemcheck.core.internal.delivery.Source;
import org.stemcheck.dsp.Accumulator;
import org.stemcheck.dsp.Accumulators;
import org.stemcheck.dsp.NonFiniteSamples;
import org.stemcheck.io.AudioFormat;
import org.stemcheck.io.SampleStream;

/**
 * The per-file measurements of one file: every accumulator the run needs, fed block by block as
 * one {@link Accumulator}. Whoever reads the file feeds it: {@link #readAll} on its own, or the
 * set pass through the file's queue ({@link DeliveryFile}). Memory is the accumulators' state,
 * whatever the file's length. Not thread-safe: one thread at a time.
 *
 * <p>A meter that refuses the file's format, or throws while fed, costs that measurement only: it
 * is left out and the reason kept ({@link FileResults#problems()}).
 */
final class FileAnalysis implements Accumulator<FileResults> {

    /** Frames per block wherever the engine reads a file: the set pass and a file read on its own. */
    static final int BLOCK_FRAMES = Accumulators.BLOCK_FRAMES;

    private static final Logger LOG = LoggerFactory.getLogger(FileAnalysis.class);

    private final String name;
    /** Whether the file is floating point: its blocks are cleaned of non-finite samples before the meters see them. */
    private final boolean floating;
    private final int channels;
    private final double rate;
    private final ProgressTracker progress;
    private final Map<Measurement<?>, Accumulator<?>> live;
    private final Map<Measurement<?>, String> problems;

    private FileAnalysis(String name, AudioFormat format, Map<Measurement<?>, Accumulator<?>> live,
                         Map<Measurement<?>, String> problems, ProgressTracker progress) {
        this.name = name;
        this.rate = format.sampleRate();
        this.progress = progress;
        this.floating = format.isFloat();
        this.channels = format.channels();
        this.live = live;
        this.problems = problems;
    }

    /**
     * The accumulators of {@code kinds} for one file, ready to be fed.
     *
     * @param name     the file's name, for the log
     * @param format   the file's sample format
     * @param kinds    the measurements wanted
     * @param registry how to make each
     */
    static FileAnalysis create(String name, AudioFormat format, Set<Measurement<?>> kinds, Measurements registry) {
        return create(name, format, ChannelLayout.of(format), kinds, registry, ProgressTracker.NONE);
    }

    /**
     * As {@link #create(String, AudioFormat, Set, Measurements)}, for a file of the given speaker
     * layout (the spec's channel order for a file without a mask), counting the audio read in
     * {@code progress}.
     */
    static FileAnalysis create(String name, AudioFormat format, ChannelLayout layout, Set<Measurement<?>> kinds,
                               Measurements registry, ProgressTracker progress) {
        Map<Measurement<?>, Accumulator<?>> accs = new LinkedHashMap<>();
        Map<Measurement<?>, String> problems = new LinkedHashMap<>();
        for (Measurement<?> m : kinds) {
            registry.get(m).ifPresent(e -> {
                try {
                    accs.put(m, e.factory().apply(format, layout));
                } catch (IllegalArgumentException ex) {
                    // A meter's limit (a rate it does not take ...), an expected condition: no stack trace.
                    LOG.debug("{}: {} cannot be measured for {}: {}", name, m, format, ex.getMessage());
                    problems.put(m, "cannot be measured for this format: " + ex.getMessage());
                } catch (RuntimeException ex) {
                    LOG.warn("{}: measurement {} cannot be made for {}; left out", name, m, format, ex);
                    problems.put(m, "failed: " + ex);
                }
            });
        }
        return new FileAnalysis(name, format, accs, problems, progress);
    }

    /** True when some accumulator wants the samples (otherwise the file need not be decoded for it). */
    boolean wantsSamples() {
        return !live.isEmpty();
    }

    /**
     * Feeds the block to every accumulator still live; one that throws is left out and its reason
     * kept. In a floating-point file the non-finite samples are counted first
     * ({@link Measurement#NON_FINITE}) and then set to 0 in the block, so that one NaN does not
     * turn every other measurement of the file into NaN.
     */
    @Override
    public void accept(double[][] block, int offset, int frames) {
        progress.read(frames, rate);
        if (floating) {
            Accumulator<?> nonFinite = live.get(Measurement.NON_FINITE);
            if (nonFinite != null) {
                feedOne(Measurement.NON_FINITE, nonFinite, block, offset, frames);
            }
            NonFiniteSamples.zero(block, channels, offset, frames);
        }
        var it = live.entrySet().iterator();
        while (it.hasNext()) {
            var e = it.next();
            if (floating && e.getKey() == Measurement.NON_FINITE) {
                continue;
            }
            try {
                e.getValue().accept(block, offset, frames);
            } catch (RuntimeException ex) {
                LOG.warn("{}: measurement {} failed and is left out", name, e.getKey(), ex);
                problems.put(e.getKey(), "failed: " + ex);
                it.remove();
            }
        }
    }

    private void feedOne(Measurement<?> m, Accumulator<?> acc, double[][] block, int offset, int frames) {
        try {
            acc.accept(block, offset, frames);
        } catch (RuntimeException ex) {
            LOG.warn("{}: measurement {} failed and is left out", name, m, ex);
            problems.put(m, "failed: " + ex);
            live.remove(m);
        }
    }

    /** The results of the accumulators still live. */
    @Override
    public FileResults result() {
        Map<Measurement<?>, Object> out = new LinkedHashMap<>();
        Map<Measurement<?>, String> p = new LinkedHashMap<>(problems);
        live.forEach((m, acc) -> {
            try {
                Object r = acc.result();
                if (r != null) {
                    out.put(m, r);
                }
            } catch (RuntimeException e) {
                LOG.warn("{}: measurement {} failed and is left out", name, m, e);
                p.put(m, "failed: " + e);
            }
        });
        return new FileResults(out, java.util.Optional.empty(), p);
    }

    /** Opens the file's samples once and feeds them all; a read failure is kept in the results. */
    FileResults readAll(Source source) {
        if (!wantsSamples()) {
            return result();
        }
        double[][] block = new double[source.format().orElseThrow().channels()][BLOCK_FRAMES];
        String failure = null;
        try (SampleStream s = source.opener().open()) {
            for (int n; (n = s.read(block, 0, BLOCK_FRAMES)) > 0; ) {
                accept(block, 0, n);
            }
        } catch (IOException e) {
            failure = String.valueOf(e.getMessage());
            LOG.debug("{}: could not be read to its end: {}", name, failure);
        }
        FileResults r = result();
        progress.fileDone();
        return failure == null ? r : r.failed(failure);
    }
}
