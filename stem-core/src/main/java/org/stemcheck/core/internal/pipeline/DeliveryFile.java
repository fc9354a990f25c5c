package org.stemcheck.core.internal.pipeline;

import java.util.Set;
import java.util.concurrent.Executor;

import org.stemcheck.core.Measurement;
import org.stemcheck.core.file.StemFile;
import org.stemcheck.core.internal.delivery.Source;
import org.stemcheck.core.internal.setpass.FileSink;
import org.stemcheck.core.internal.setpass.PassFile;
import org.stemcheck.dsp.QueuedAccumulator;
import org.stemcheck.dsp.WelchSpectrum;

/**
 * One file of a delivery during a run: what the checks see of it ({@link #info()}), how to read it
 * ({@link #source()}), and its own measurements ({@link FileAnalysis}), which are the sink of its
 * decoded blocks whoever reads them. Read on its own, the file feeds its analysis directly
 * ({@link #readAlone}); read by the set pass, it is the pass's {@link FileSink}: each block is
 * queued to the analysis on the run's pool ({@link QueuedAccumulator}) while the pass goes on, and
 * the pass may hand it the file's Welch spectrum, measured from the pass's own transforms.
 *
 * <p>Thread-safety: the engine's thread prepares the file and reads its results; the set pass (on
 * the same thread) feeds it; the analysis runs on the pool through the queue.
 */
final class DeliveryFile implements PassFile, FileSink {

    private final StemFile info;
    private final Source source;
    private FileAnalysis analysis;
    private QueuedAccumulator<FileResults> queue;
    private boolean spectrumFromPass;
    private WelchSpectrum.Result spectrum;
    private boolean ended;
    private String failure;
    private ProgressTracker progress = ProgressTracker.NONE;

    DeliveryFile(StemFile info, Source source) {
        this.info = info;
        this.source = source;
    }

    @Override
    public StemFile info() {
        return info;
    }

    @Override
    public Source source() {
        return source;
    }

    /** The file's speaker layout as the run resolved it (its mask, or the spec's channel order). */
    private org.stemcheck.core.file.ChannelLayout layout() {
        return info.layout().orElseGet(() -> org.stemcheck.core.file.ChannelLayout.of(source.format().orElseThrow()));
    }

    /** Whether the file can be decoded. */
    boolean readable() {
        return info.readable() && source.readable();
    }

    /** The file's measurements, read on their own (the calling thread reads the whole file). */
    FileResults readAlone(Set<Measurement<?>> kinds, Measurements registry, ProgressTracker progress) {
        return FileAnalysis.create(info.name(), source.format().orElseThrow(), layout(), kinds, registry, progress).readAll(source);
    }

    /**
     * Makes the file the set pass's sink: its analysis will be fed from the pass's reads, on
     * {@code pool}.
     *
     * @param kinds            the measurements wanted
     * @param spectrumFromPass whether the pass measures the file's Welch spectrum (then left out of
     *                         the analysis)
     * @return true when the pass has anything to hand the file (otherwise it need not be a sink)
     */
    boolean sinkFor(Set<Measurement<?>> kinds, Measurements registry, boolean spectrumFromPass, Executor pool,
                    ProgressTracker progress) {
        this.progress = progress;
        Set<Measurement<?>> own = kinds;
        if (spectrumFromPass) {
            own = new java.util.LinkedHashSet<>(kinds);
            own.remove(Measurement.SPECTRUM);
        }
        this.analysis = FileAnalysis.create(info.name(), source.format().orElseThrow(), layout(), own, registry,
                progress);
        this.spectrumFromPass = spectrumFromPass;
        if (analysis.wantsSamples()) {
            this.queue = QueuedAccumulator.on(pool, analysis, source.format().orElseThrow().channels(),
                    FileAnalysis.BLOCK_FRAMES);
        }
        return analysis.wantsSamples() || spectrumFromPass;
    }

    @Override
    public FileSink sink() {
        return analysis != null && (queue != null || spectrumFromPass) ? this : null;
    }

    @Override
    public void accept(double[][] block, int n) {
        if (queue != null) {
            queue.accept(block, 0, n);
        }
    }

    @Override
    public void end() {
        ended = true;
        progress.fileDone();
    }

    @Override
    public void fail(String why) {
        ended = true;
        failure = why;
        progress.fileDone();
    }

    @Override
    public boolean wantsSpectrum() {
        return spectrumFromPass;
    }

    @Override
    public void spectrum(WelchSpectrum.Result s) {
        if (spectrumFromPass) {
            this.spectrum = s;
        }
    }

    /** True once the set pass read the file to its end (or to a read failure). */
    boolean passEnded() {
        return ended;
    }

    /** Whether the spectrum the pass was to measure is still missing (then the file must be read for it). */
    boolean spectrumMissing() {
        return spectrumFromPass && spectrum == null;
    }

    /**
     * What the pass's reads gave: the analysis's results (waiting for the queue to drain), the
     * spectrum the pass measured, and the read failure. Call once {@link #passEnded()}.
     *
     * @throws IllegalStateException when feeding the analysis failed (an {@link Error} in a meter)
     */
    FileResults passResults() {
        FileResults r = queue != null ? queue.result() : analysis.result();
        if (spectrum != null) {
            r = r.with(Measurement.SPECTRUM, spectrum);
        }
        return failure == null ? r : r.failed(failure);
    }

    /**
     * Makes the file no sink after {@link #sinkFor} failed half-way (out of heap): the pass then
     * streams it for the null test only, and it is read on its own.
     */
    void noSink() {
        if (queue != null) {
            queue.cancel();
        }
        queue = null;
        analysis = null;
        spectrumFromPass = false;
    }

    /**
     * Drops what the pass fed, and the analysis and queue themselves, so that their heap is free
     * for the file's own read: the file is read again on its own.
     */
    void abandonPass() {
        noSink();
    }
}
