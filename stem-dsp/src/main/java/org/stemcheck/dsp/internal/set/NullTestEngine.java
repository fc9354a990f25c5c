package org.stemcheck.dsp.internal.set;

import java.util.List;
import org.stemcheck.dsp.set.GainSolution;
import org.stemcheck.dsp.set.NullSpectra;
import org.stemcheck.dsp.set.NullResult;
import org.stemcheck.dsp.set.StemDynamics;
import org.stemcheck.dsp.set.StemOffset;
import org.stemcheck.dsp.set.StemTransfer;

/**
 * Runs the set kernels of one mix over aligned blocks of all stems and that mix: cuts each block
 * into chunks of at most {@link #CHUNK} frames that never cross a 100 ms segment boundary,
 * computes the residual once per chunk ({@link NullSumKernel}) and feeds every accumulator. The
 * spectral measurements, which share the stems' transforms between mixes, are
 * {@link FrameSpectra}'s; {@link SetEngine} runs both. Also the offsets-only engine behind
 * {@code org.stemcheck.dsp.set.OffsetSearch}. Not thread-safe.
 */
public final class NullTestEngine {

    /** Frames per internal chunk: bounds the scratch arrays whatever block size the caller uses. */
    static final int CHUNK = 4096;

    /** Segment length of the residual trace and the dynamics regression, seconds. */
    static final double SEGMENT_SECONDS = 0.1;

    private final int sampleRate;
    private final int stems;
    private final int channels;
    private final int segmentFrames;
    private final double[][] residual;
    private final double[][] mono;
    private final double[] monoResidual;
    private final double[] residualEnergy;
    private final double[] mixEnergy;
    private final ResidualMeter meter;
    private final GramAccumulator gram;
    private final DynamicsAccumulator dynamics;
    private final LagEstimator lags;
    private final boolean referenceIsMix;
    /** Only the offsets are measured: no residual trace, gains or dynamics. */
    private final boolean offsetsOnly;
    private long frames;
    private int inSegment;

    /** @param maxLag the largest offset searched, in samples (validated by the caller) */
    NullTestEngine(int sampleRate, int stems, int channels, int maxLag) {
        this(sampleRate, stems, channels, maxLag, LagEstimator.Reference.MIX_MINUS_OTHERS, false);
    }

    /**
     * An engine that measures the offsets only ({@link #offsets}): the residual is formed for the
     * offset reference, and nothing else is accumulated (no Gram matrix, dynamics or trace).
     * Each offset is a whole-length average (the coarse stage of {@link LagEstimator} alone).
     */
    public static NullTestEngine offsetsOnly(int sampleRate, int stems, int channels, int maxLag) {
        return new NullTestEngine(sampleRate, stems, channels, maxLag, LagEstimator.Reference.MIX_MINUS_OTHERS, true);
    }

    NullTestEngine(int sampleRate, int stems, int channels, int maxLag, LagEstimator.Reference reference) {
        this(sampleRate, stems, channels, maxLag, reference, false);
    }

    private NullTestEngine(int sampleRate, int stems, int channels, int maxLag, LagEstimator.Reference reference,
                           boolean offsetsOnly) {
        this.offsetsOnly = offsetsOnly;
        this.sampleRate = sampleRate;
        this.stems = stems;
        this.channels = channels;
        this.segmentFrames = (int) Math.round(sampleRate * SEGMENT_SECONDS);
        this.residual = new double[channels][CHUNK];
        this.mono = new double[stems][CHUNK];
        this.monoResidual = new double[CHUNK];
        this.residualEnergy = new double[channels];
        this.mixEnergy = new double[channels];
        this.meter = offsetsOnly ? null : new ResidualMeter(sampleRate, channels, segmentFrames);
        this.gram = offsetsOnly ? null : new GramAccumulator(stems);
        this.dynamics = offsetsOnly ? null : new DynamicsAccumulator(stems, channels);
        this.lags = new LagEstimator(sampleRate, stems, maxLag, reference, offsetsOnly);
        this.referenceIsMix = reference == LagEstimator.Reference.MIX;
    }

    /** An estimate of the heap this engine holds at its peak (during {@link #result}), bytes. */
    static long estimateBytes(int sampleRate, int stems, int channels, int maxLag) {
        long scratch = 8L * CHUNK * (channels + stems + 1);
        long meter = 24L * ResidualMeter.MAX_SEGMENTS;
        long gram = 8L * stems * stems + 64L * stems;
        return scratch + meter + gram + LagEstimator.bytes(sampleRate, stems, maxLag);
    }

    /** Arrays already validated by the caller. */
    public void accept(double[][][] in, double[][] mix, int offset, int count) {
        int done = 0;
        while (done < count) {
            int n = Math.min(Math.min(CHUNK, count - done), segmentFrames - inSegment);
            chunk(in, mix, offset + done, n);
            done += n;
        }
    }

    private void chunk(double[][][] in, double[][] mix, int offset, int n) {
        if (offsetsOnly) {
            for (int c = 0; c < channels; c++) {
                NullSumKernel.residual(in, c, mix[c], offset, n, residual[c]);
            }
            downmix(in, mix, offset, n);
            lags.accept(mono, monoResidual, n);
            frames += n;
            return;
        }
        for (int c = 0; c < channels; c++) {
            residualEnergy[c] = NullSumKernel.residual(in, c, mix[c], offset, n, residual[c]);
            mixEnergy[c] = NullSumKernel.energy(mix[c], offset, n);
        }
        inSegment += n;
        boolean closes = inSegment == segmentFrames;
        meter.accept(residualEnergy, mixEnergy, n, closes);
        gram.accept(in, residual, offset, n, sum(residualEnergy), sum(mixEnergy));
        dynamics.accept(gram, closes ? segmentFrames : 0);
        downmix(in, mix, offset, n);
        lags.accept(mono, monoResidual, n);
        if (closes) {
            inSegment = 0;
        }
        frames += n;
    }

    /** Mono (channel sum) of every stem, and of the residual (or of the mix, for the MIX reference). */
    private void downmix(double[][][] in, double[][] mix, int offset, int n) {
        for (int i = 0; i < stems; i++) {
            double[] m = mono[i];
            System.arraycopy(in[i][0], offset, m, 0, n);
            for (int c = 1; c < channels; c++) {
                double[] x = in[i][c];
                for (int t = 0; t < n; t++) {
                    m[t] += x[offset + t];
                }
            }
        }
        if (referenceIsMix) {
            System.arraycopy(mix[0], offset, monoResidual, 0, n);
        } else {
            System.arraycopy(residual[0], 0, monoResidual, 0, n);
        }
        for (int c = 1; c < channels; c++) {
            double[] x = referenceIsMix ? mix[c] : residual[c];
            int from = referenceIsMix ? offset : 0;
            for (int t = 0; t < n; t++) {
                monoResidual[t] += x[from + t];
            }
        }
    }

    private static double sum(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s;
    }

    /** The offsets so far (all an {@link #offsetsOnly} engine measures); does not change the state. */
    public List<StemOffset> offsets() {
        return lags.result(sampleRate);
    }

    /**
     * Everything so far; does not change the state (more blocks may follow).
     *
     * @param spectra the spectral measurements fed the same blocks
     * @param mix     this engine's mix among those {@code spectra} measures
     */
    NullResult result(FrameSpectra spectra, int mix) {
        if (offsetsOnly) {
            throw new IllegalStateException("this engine measures the offsets only");
        }
        GainSolution gains = GainSolver.solve(gram.gram(), gram.withResidual(), gram.residualEnergy(),
                gram.mixEnergy(), frames * channels);
        List<StemDynamics> dyn = dynamics.result();
        List<StemTransfer> transfers = spectra.transfers(mix, dyn);
        NullSpectra power = spectra.spectra(mix);
        return new NullResult(sampleRate, frames, meter.result(), gains, lags.result(sampleRate), transfers, power);
    }
}
