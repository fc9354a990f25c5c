package org.stemcheck.dsp.nullsum;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.stemcheck.dsp.internal.set.Decibels;

/**
 * Residual and mix energy per channel over the whole length, and a trace of both per segment.
 * The trace starts at 100 ms segments; when it would pass {@link #MAX_SEGMENTS} it merges
 * neighbours pairwise and doubles the segment length, so memory stays bounded for any length
 * (a two-hour film keeps 400 ms segments).
 */
final class ResidualMeter {

    /** Bound on the stored trace (2 x 8 bytes each: 512 KiB). */
    static final int MAX_SEGMENTS = 1 << 15;

    private final int sampleRate;
    private final int baseFrames;
    private final double[] channelResidual;
    private final double[] channelMix;
    private final double[] traceResidual = new double[MAX_SEGMENTS];
    private final double[] traceMix = new double[MAX_SEGMENTS];
    private final long[] traceFrames = new long[MAX_SEGMENTS];
    private int segments;
    private int basePerSegment = 1;
    private int baseInLast;
    private double openResidual;
    private double openMix;
    private long openFrames;
    private double sumPeak;
    private double mixPeak;

    ResidualMeter(int sampleRate, int channels, int baseFrames) {
        this.sampleRate = sampleRate;
        this.baseFrames = baseFrames;
        this.channelResidual = new double[channels];
        this.channelMix = new double[channels];
    }

    /** Adds one chunk's energies per channel; {@code closes} ends the current base segment. */
    /** Takes the peaks of a chunk: of the stems' sum and of the mix. */
    void peaks(double sum, double mix) {
        sumPeak = Math.max(sumPeak, sum);
        mixPeak = Math.max(mixPeak, mix);
    }

    void accept(double[] residual, double[] mix, int frames, boolean closes) {
        for (int c = 0; c < residual.length; c++) {
            channelResidual[c] += residual[c];
            channelMix[c] += mix[c];
            openResidual += residual[c];
            openMix += mix[c];
        }
        openFrames += frames;
        if (closes) {
            closeBase();
        }
    }

    private void closeBase() {
        if (baseInLast == 0) {
            if (segments == MAX_SEGMENTS) {
                mergePairs();
            }
            segments++;
        }
        int last = segments - 1;
        traceResidual[last] += openResidual;
        traceMix[last] += openMix;
        traceFrames[last] += openFrames;
        openResidual = 0;
        openMix = 0;
        openFrames = 0;
        baseInLast = (baseInLast + 1) % basePerSegment;
    }

    private void mergePairs() {
        for (int s = 0; s < MAX_SEGMENTS / 2; s++) {
            traceResidual[s] = traceResidual[2 * s] + traceResidual[2 * s + 1];
            traceMix[s] = traceMix[2 * s] + traceMix[2 * s + 1];
            traceFrames[s] = traceFrames[2 * s] + traceFrames[2 * s + 1];
        }
        Arrays.fill(traceResidual, MAX_SEGMENTS / 2, MAX_SEGMENTS, 0.0);
        Arrays.fill(traceMix, MAX_SEGMENTS / 2, MAX_SEGMENTS, 0.0);
        Arrays.fill(traceFrames, MAX_SEGMENTS / 2, MAX_SEGMENTS, 0L);
        segments = MAX_SEGMENTS / 2;
        basePerSegment *= 2;
    }

    NullResidual result(double channelCorrelation) {
        int channels = channelResidual.length;
        List<Double> perChannel = new ArrayList<>(channels);
        double res = 0;
        double mix = 0;
        for (int c = 0; c < channels; c++) {
            perChannel.add(Decibels.ratio(channelResidual[c], channelMix[c]));
            res += channelResidual[c];
            mix += channelMix[c];
        }
        List<NullResidual.Segment> trace = new ArrayList<>(segments + 1);
        long start = 0;
        for (int s = 0; s < segments; s++) {
            boolean merge = s == segments - 1 && baseInLast != 0;
            long frames = traceFrames[s] + (merge ? openFrames : 0);
            double r = traceResidual[s] + (merge ? openResidual : 0);
            double m = traceMix[s] + (merge ? openMix : 0);
            trace.add(segment(start, frames, r, m, channels));
            start += frames;
        }
        if (openFrames > 0 && (segments == 0 || baseInLast == 0)) {
            trace.add(segment(start, openFrames, openResidual, openMix, channels));
        }
        return new NullResidual(perChannel, Decibels.ratio(res, mix),
                (double) baseFrames * basePerSegment / sampleRate, trace, channelCorrelation,
                sumPeak, mixPeak);
    }

    private NullResidual.Segment segment(long start, long frames, double res, double mix, int channels) {
        double n = (double) frames * channels;
        return new NullResidual.Segment((double) start / sampleRate, (double) (start + frames) / sampleRate,
                Math.sqrt(res / n), Math.sqrt(mix / n));
    }
}
