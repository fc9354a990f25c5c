package org.stemcheck.dsp.nullsum;

import java.util.List;
import org.stemcheck.dsp.StereoCorrelation;
import org.stemcheck.dsp.internal.set.GramAccumulator;
import org.stemcheck.dsp.internal.set.NullSumKernel;

/**
 * Runs the set kernels of one mix over aligned blocks of all stems and that mix: cuts each block
 * into chunks of at most {@link #CHUNK} frames that never cross a 100 ms segment boundary,
 * computes the residual once per chunk ({@link NullSumKernel}) and feeds every accumulator. The
 * spectral measurements, which share the stems' transforms between mixes, are
 * {@link FrameSpectra}'s; {@link NullSumEngine} runs both. Not thread-safe.
 */
final class MixEngine {

    /** Frames per internal chunk: bounds the scratch arrays whatever block size the caller uses. */
    static final int CHUNK = 4096;

    /** Segment length of the residual trace and the dynamics regression, seconds. */
    static final double SEGMENT_SECONDS = 0.1;

    private final int sampleRate;
    private final int stems;
    private final int channels;
    private final int segmentFrames;
    private final double[][] residual;
    /** The mono residual of the last chunk: the offset search's reference for this mix. */
    private final double[] monoResidual;
    private final double[] residualEnergy;
    private final double[] mixEnergy;
    private final ResidualMeter meter;
    private final GramAccumulator gram;
    private final DynamicsAccumulator dynamics;
    /** The residual's two channels alike or not; null for other than two channels (or residual only). */
    private final StereoCorrelation correlation;
    /**
     * Whether only the residual is computed, for the offset search ({@link #monoResidual()}): the
     * residual's level, the gains and the dynamics come from a screen of the same frames
     * ({@link #result(FrameSpectra, int, List, List, NullResult)}).
     */
    private final boolean residualOnly;
    private long frames;
    private int inSegment;

    /**
     * An engine of one mix among those of a {@link NullSumEngine}, which searches the offsets of all of
     * them at once (from {@link #monoResidual()}).
     *
     * @param stemsFrom the engine of another mix, fed every chunk just before this one, whose
     *                  stem products ({@link GramAccumulator}) this one reads; or null
     */
    MixEngine(int sampleRate, int stems, int channels, MixEngine stemsFrom) {
        this(sampleRate, stems, channels, stemsFrom, false);
    }

    /**
     * As {@link #MixEngine(int, int, int, MixEngine)}; with {@code residualOnly}, only the residual
     * for the offset search is computed (cut into the same chunks), and the rest is a screen's.
     */
    MixEngine(int sampleRate, int stems, int channels, MixEngine stemsFrom, boolean residualOnly) {
        this.residualOnly = residualOnly;
        this.sampleRate = sampleRate;
        this.stems = stems;
        this.channels = channels;
        this.segmentFrames = (int) Math.round(sampleRate * SEGMENT_SECONDS);
        this.residual = new double[channels][CHUNK];
        this.monoResidual = new double[CHUNK];
        this.residualEnergy = new double[channels];
        this.mixEnergy = new double[channels];
        this.meter = residualOnly ? null : new ResidualMeter(sampleRate, channels, segmentFrames);
        this.gram = residualOnly ? null : new GramAccumulator(stems, stemsFrom == null ? null : stemsFrom.gram);
        this.dynamics = residualOnly ? null : new DynamicsAccumulator(stems, channels);
        this.correlation = channels != 2 || residualOnly ? null : StereoCorrelation.create(2, sampleRate);
    }

    /** An estimate of the heap this engine holds, bytes, without the offset search. */
    static long estimateBytes(int stems, int channels) {
        long scratch = 8L * CHUNK * (channels + 1);
        long meter = 24L * ResidualMeter.MAX_SEGMENTS;
        long gram = (8L * stems * stems + 64L * stems) * (channels + 1);
        return scratch + meter + gram;
    }

    /** The most frames the next {@link #chunk} may take: up to {@link #CHUNK}, never across a segment boundary. */
    int room() {
        return Math.min(CHUNK, segmentFrames - inSegment);
    }

    /** Takes {@code n <= room()} frames; afterwards {@link #monoResidual()} holds their mono residual. */
    void chunk(double[][][] in, double[][] mix, int offset, int n) {
        if (residualOnly) {
            for (int c = 0; c < channels; c++) {
                NullSumKernel.residual(in, c, mix[c], offset, n, residual[c]);
            }
            inSegment += n;
            if (inSegment == segmentFrames) {
                inSegment = 0;
            }
            monoResidual(n);
            frames += n;
            return;
        }
        double sumPeak = 0;
        double mixPeak = 0;
        for (int c = 0; c < channels; c++) {
            residualEnergy[c] = NullSumKernel.residual(in, c, mix[c], offset, n, residual[c]);
            mixEnergy[c] = NullSumKernel.energy(mix[c], offset, n);
            double[] e = residual[c];
            double[] m = mix[c];
            for (int t = 0; t < n; t++) {
                double y = m[offset + t];
                sumPeak = Math.max(sumPeak, Math.abs(e[t] + y));
                mixPeak = Math.max(mixPeak, Math.abs(y));
            }
        }
        meter.peaks(sumPeak, mixPeak);
        inSegment += n;
        boolean closes = inSegment == segmentFrames;
        meter.accept(residualEnergy, mixEnergy, n, closes);
        gram.accept(in, residual, offset, n, residualEnergy, mixEnergy);
        dynamics.accept(gram, closes ? segmentFrames : 0);
        if (correlation != null) {
            correlation.accept(residual, 0, n);
        }
        if (closes) {
            inSegment = 0;
        }
        monoResidual(n);
        frames += n;
    }

    /** The channels' residuals of the last {@code n} frames summed into {@link #monoResidual}. */
    private void monoResidual(int n) {
        System.arraycopy(residual[0], 0, monoResidual, 0, n);
        for (int c = 1; c < channels; c++) {
            double[] x = residual[c];
            for (int t = 0; t < n; t++) {
                monoResidual[t] += x[t];
            }
        }
    }

    /** Frames taken so far. */
    long frames() {
        return frames;
    }

    /** The mono (channel sum) residual of the last {@link #chunk}, from index 0. */
    double[] monoResidual() {
        return monoResidual;
    }

    /** Mono (channel sum) of every stem over {@code [offset, offset + n)} into {@code mono[stem][0 ..]}. */
    static void downmix(double[][][] in, int offset, int n, double[][] mono) {
        int channels = in.length == 0 ? 0 : in[0].length;
        for (int i = 0; i < in.length; i++) {
            double[] m = mono[i];
            System.arraycopy(in[i][0], offset, m, 0, n);
            for (int c = 1; c < channels; c++) {
                double[] x = in[i][c];
                for (int t = 0; t < n; t++) {
                    m[t] += x[offset + t];
                }
            }
        }
    }

    /**
     * Everything so far; does not change the state (more blocks may follow).
     *
     * @param spectra the spectral measurements fed the same blocks
     * @param mix     this engine's mix among those {@code spectra} measures
     * @param offsets the offsets against this mix
     * @param halves  the offsets against this mix over two parts of the song, or none
     */
    NullResult result(FrameSpectra spectra, int mix, List<StemOffset> offsets, List<HalfOffsets> halves) {
        List<StemDynamics> dyn = dynamics.result();
        List<StemTransfer> transfers = spectra.transfers(mix, dyn);
        NullSpectra power = spectra.spectra(mix);
        return new NullResult(sampleRate, frames, residual(), gains(), offsets, transfers, power, halves,
                channelGains());
    }

    /**
     * Everything so far, of an engine that computes the residual only: the plain residual, the
     * gains and the dynamics are {@code screen}'s (a screen's result over the same frames, cut into
     * the same chunks: what this engine would have summed, to the bit), the rest is measured here.
     *
     * @param spectra the spectral measurements fed the same blocks
     * @param mix     this engine's mix among those {@code spectra} measures
     * @param offsets the offsets against this mix
     * @param halves  the offsets against this mix over two parts of the song, or none
     * @param screen  the screen's result against this mix
     */
    NullResult result(FrameSpectra spectra, int mix, List<StemOffset> offsets, List<HalfOffsets> halves,
                      NullResult screen) {
        List<StemDynamics> dyn = new java.util.ArrayList<>();
        for (StemTransfer t : screen.transfers()) {
            dyn.add(t.dynamics());
        }
        List<StemTransfer> transfers = spectra.transfers(mix, dyn);
        NullSpectra power = spectra.spectra(mix);
        return new NullResult(sampleRate, frames, screen.residual(), screen.gains(), offsets, transfers, power,
                halves, screen.channelGains());
    }

    /**
     * What a screen measures ({@link NullSum#screen}): the plain residual, the gains and the
     * dynamics, the same to the bit as in {@link #result}; no offsets or halves, each stem's
     * transfer without bands (its dynamics only), and no spectra ({@code null}).
     */
    NullResult screenResult() {
        List<StemTransfer> transfers = new java.util.ArrayList<>();
        for (StemDynamics d : dynamics.result()) {
            transfers.add(new StemTransfer(d.stem(), List.of(), d));
        }
        return new NullResult(sampleRate, frames, residual(), gains(), List.of(), transfers, null, List.of(),
                channelGains());
    }

    private GainSolution gains() {
        return GainSolver.solve(gram.gram(), gram.withResidual(), gram.residualEnergy(), gram.mixEnergy(),
                frames * channels);
    }

    private List<GainSolution> channelGains() {
        List<GainSolution> perChannel = new java.util.ArrayList<>();
        for (int c = 0; channels > 1 && c < gram.channels(); c++) {
            perChannel.add(GainSolver.solve(gram.channelGram(c), gram.channelWithResidual(c),
                    gram.channelResidualEnergy(c), gram.channelMixEnergy(c), frames));
        }
        return perChannel;
    }

    private NullResidual residual() {
        double r = correlation == null ? Double.NaN : correlation.result().overall();
        return meter.result(r);
    }

    /** Each stem's energy over the mix's (about their means, all channels), dB: -200 for a silent stem, NaN for a silent mix. */
    double[] stemLevelsDb() {
        if (residualOnly) {
            throw new IllegalStateException("the stems' levels are the screen's: this null sum computes the residual only");
        }
        double[] out = new double[stems];
        double[][] g = gram.gram();
        double mix = gram.mixEnergy();
        for (int i = 0; i < out.length; i++) {
            out[i] = org.stemcheck.dsp.internal.set.Decibels.ratio(g[i][i], mix);
        }
        return out;
    }
}
