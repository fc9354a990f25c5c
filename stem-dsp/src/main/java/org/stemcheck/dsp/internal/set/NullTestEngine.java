package org.stemcheck.dsp.internal.set;

import java.util.List;
import org.stemcheck.dsp.set.GainSolution;
import org.stemcheck.dsp.set.NullResult;
import org.stemcheck.dsp.set.StemDynamics;
import org.stemcheck.dsp.set.StemOffset;

/**
 * Runs the set kernels over aligned blocks of all stems and the mix: cuts each block into
 * chunks of at most {@link #CHUNK} frames that never cross a 100 ms segment boundary, computes
 * the residual once per chunk ({@link NullSumKernel}) and feeds every accumulator. Behind
 * {@code org.stemcheck.dsp.set.NullTest}; not thread-safe.
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
    private final BandTransferAccumulator transfer;
    private final boolean referenceIsMix;
    /** Only the offsets are measured: no residual trace, gains, dynamics or transfers. */
    private final boolean offsetsOnly;
    private Aligner aligner;
    private long frames;
    private int inSegment;

    /**
     * @param maxLag the largest offset searched, in samples (validated by the caller)
     * @param lateBy per stem, an offset to undo before measuring (samples, positive = late), or
     *               an empty array for none (validated by the caller: within {@code +/- maxLag})
     */
    public NullTestEngine(int sampleRate, int stems, int channels, int maxLag, int[] lateBy) {
        this(sampleRate, stems, channels, maxLag, LagEstimator.Reference.MIX_MINUS_OTHERS, false);
        this.aligner = lateBy.length == 0 ? null : new Aligner(lateBy, channels, CHUNK);
    }

    /**
     * An engine that measures the offsets only ({@link #offsets}): the residual is formed for the
     * offset reference, and nothing else is accumulated (no Gram matrix, band transfer or trace).
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
        this.transfer = offsetsOnly ? null : new BandTransferAccumulator(sampleRate, stems, channels);
        this.referenceIsMix = reference == LagEstimator.Reference.MIX;
    }

    /** An estimate of the heap this engine holds at its peak (during {@link #result}), bytes. */
    public static long estimateBytes(int sampleRate, int stems, int channels, int maxLag, boolean aligned) {
        long scratch = 8L * CHUNK * (channels + stems + 1);
        if (aligned) {
            scratch += 8L * (stems + 1) * channels * (2L * maxLag + 2L * CHUNK);
        }
        long meter = 24L * ResidualMeter.MAX_SEGMENTS;
        long gram = 8L * stems * stems + 64L * stems;
        return scratch + meter + gram + LagEstimator.bytes(sampleRate, stems, maxLag)
                + BandTransferAccumulator.bytes(sampleRate, stems, channels);
    }

    /** Arrays already validated by the caller. */
    public void accept(double[][][] in, double[][] mix, int offset, int count) {
        if (aligner == null) {
            measure(in, mix, offset, count);
            return;
        }
        for (int done = 0; done < count; done += CHUNK) {
            int ready = aligner.push(in, mix, offset + done, Math.min(CHUNK, count - done));
            measure(aligner.stems(), aligner.mix(), 0, ready);
        }
    }

    private void measure(double[][][] in, double[][] mix, int offset, int count) {
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
        transfer.accept(in, mix, residual, offset, n);
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

    /** Everything so far; does not change the state (more blocks may follow). */
    public NullResult result() {
        if (offsetsOnly) {
            throw new IllegalStateException("this engine measures the offsets only");
        }
        GainSolution gains = GainSolver.solve(gram.gram(), gram.withResidual(), gram.residualEnergy(),
                gram.mixEnergy(), frames * channels);
        List<StemDynamics> dyn = dynamics.result();
        return new NullResult(sampleRate, frames, meter.result(), gains, lags.result(sampleRate),
                transfer.result(dyn));
    }
}
