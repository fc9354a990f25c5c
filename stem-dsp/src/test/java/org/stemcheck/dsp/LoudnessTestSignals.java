package org.stemcheck.dsp;

import java.util.Arrays;
import java.util.List;

/** Tone sequences built in code, streamed block by block into accumulators. */
public final class LoudnessTestSignals {

    private LoudnessTestSignals() {
    }

    /**
     * A stretch of a sine on every channel, each channel at its own peak level.
     *
     * @param seconds   duration (frames = round(seconds x fs))
     * @param frequency Hz
     * @param phaseDeg  phase at the segment start, degrees
     * @param dbfs      peak level of each channel, dBFS; -infinity for silence
     */
    public record Segment(double seconds, double frequency, double phaseDeg, double... dbfs) {
    }

    /** A 1 kHz segment, phase 0, every channel at {@code dbfs}, for {@code channels} channels. */
    public static Segment tone(double seconds, double dbfs, int channels) {
        double[] levels = new double[channels];
        Arrays.fill(levels, dbfs);
        return new Segment(seconds, 1000, 0, levels);
    }

    /** Silence on {@code channels} channels. */
    public static Segment silence(double seconds, int channels) {
        return tone(seconds, Double.NEGATIVE_INFINITY, channels);
    }

    /** Feeds the segments, in order, in blocks of {@code blockFrames}, to every accumulator. */
    public static void feed(double sampleRate, int blockFrames, List<? extends Accumulator<?>> meters,
            Segment... segments) {
        int channels = segments[0].dbfs().length;
        double[][] block = new double[channels][blockFrames];
        for (Segment s : segments) {
            long frames = Math.round(s.seconds() * sampleRate);
            double w = 2 * Math.PI * s.frequency() / sampleRate;
            double phase = Math.toRadians(s.phaseDeg());
            for (long start = 0; start < frames; start += blockFrames) {
                int n = (int) Math.min(blockFrames, frames - start);
                for (int c = 0; c < channels; c++) {
                    double amp = Math.pow(10, s.dbfs()[c] / 20);
                    for (int i = 0; i < n; i++) {
                        block[c][i] = amp * Math.sin(w * (start + i) + phase);
                    }
                }
                for (Accumulator<?> m : meters) {
                    m.accept(block, 0, n);
                }
            }
        }
    }

    /** Loudness of the segments fed in blocks of 4096 to a meter of {@code channels} channels in their usual layout. */
    public static LoudnessResult loudness(double sampleRate, int channels, Segment... segments) {
        LoudnessMeter meter = LoudnessMeter.of(sampleRate, channels);
        feed(sampleRate, 4096, List.of(meter), segments);
        return meter.result();
    }
}
