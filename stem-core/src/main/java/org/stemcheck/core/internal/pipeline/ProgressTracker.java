package org.stemcheck.core.internal.pipeline;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stemcheck.core.Progress;

/**
 * Counts the audio a run has read and tells a listener, at most every {@link #INTERVAL_NANOS}
 * (a display needs no more) and once whenever the stage changes. Fed from the analysis threads;
 * whichever thread crosses an interval calls the listener, which must be quick and thread-safe. A
 * listener that throws is dropped (logged once): a progress display must never cost the report.
 */
final class ProgressTracker {

    /** A display refreshed ten times a second looks live; more is wasted work. */
    static final long INTERVAL_NANOS = 100_000_000L;

    private static final Logger LOG = LoggerFactory.getLogger(ProgressTracker.class);

    /** Counts nothing: for runs without a listener. */
    static final ProgressTracker NONE = new ProgressTracker(null, "", List.of());

    private final AtomicReference<Consumer<Progress>> listener;
    private final String delivery;
    private final int files;
    private final double seconds;
    private final AtomicLong microsDone = new AtomicLong();
    private final AtomicInteger filesDone = new AtomicInteger();
    private final AtomicLong lastNanos = new AtomicLong(System.nanoTime() - INTERVAL_NANOS);
    private volatile Progress.Stage stage = Progress.Stage.READING;

    /**
     * @param durations the seconds of audio of each file to read
     */
    ProgressTracker(Consumer<Progress> listener, String delivery, List<Double> durations) {
        this.listener = new AtomicReference<>(listener);
        this.delivery = delivery;
        this.files = durations.size();
        this.seconds = durations.stream().mapToDouble(Double::doubleValue).sum();
    }

    /** {@code frames} more frames of a file at {@code rate} were read. */
    void read(long frames, double rate) {
        if (listener.get() == null) {
            return;
        }
        microsDone.addAndGet(Math.round(frames * 1e6 / rate));
        long now = System.nanoTime();
        long last = lastNanos.get();
        if (now - last >= INTERVAL_NANOS && lastNanos.compareAndSet(last, now)) {
            tell();
        }
    }

    /** A file was read to its end. */
    void fileDone() {
        if (listener.get() != null) {
            filesDone.incrementAndGet();
        }
    }

    /** The run moved on to another stage (the listener hears it at once). */
    void stage(Progress.Stage next) {
        stage = next;
        tell();
    }

    private void tell() {
        Consumer<Progress> l = listener.get();
        if (l == null) {
            return;
        }
        try {
            l.accept(new Progress(delivery, stage, files, filesDone.get(), seconds,
                    Math.min(seconds, microsDone.get() / 1e6)));
        } catch (RuntimeException e) {
            if (listener.getAndSet(null) != null) {
                LOG.warn("the progress listener failed; no more progress for {}", delivery, e);
            }
        }
    }
}
