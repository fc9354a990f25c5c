package org.stemcheck.core.internal.nulltest;

import java.util.Arrays;

/**
 * How much more the mix turns one stem down on its loudest passages than on its quiet ones: the
 * gain reduction of a compressor the mix applies to the stem and the stem lacks, in dB.
 *
 * <p>Per 100 ms segment where the stem sounds, the least-squares gain of the stem into its own
 * part of the mix, {@code g = <x, x - e> / <x, x>} with {@code e = sum(stems) - mix}, is kept
 * with the stem's level. The reduction is the median gain of the quieter half of the segments
 * minus the median gain of the loudest tenth: 0 for a plain gain, the compressor's typical gain
 * reduction on the hits for a compressor acting on peaks (whose effect a straight-line fit over
 * the whole level range, {@code StemDynamics.slope}, dilutes with the quiet passages it leaves
 * alone). Memory: two doubles per segment (a 10-minute song: 6000 segments). Not thread-safe.
 */
final class LoudPassages {

    /** Segment length: 100 ms, as {@code StemDynamics} (a compressor's release spans a few of them). */
    static final double SEGMENT_SECONDS = 0.1;

    /** Segments quieter than this (stem mean square, dBFS) hold no music to judge (as {@code StemDynamics.ACTIVE_DBFS}). */
    static final double ACTIVE_DBFS = -70.0;

    /** The loudest tenth of the segments are the passages a compressor acts on. */
    static final double LOUD_SHARE = 0.1;

    /** Fewest segments for a reading: 2 s of sound, at least two loud segments against ten quiet ones. */
    static final int MIN_SEGMENTS = 20;

    private final int segmentFrames;
    private final double active;
    private double self;
    private double withResidual;
    private int frames;
    private double[] levels = new double[64];
    private double[] gains = new double[64];
    private int count;

    LoudPassages(double rate, int channels) {
        this.segmentFrames = Math.max(1, (int) Math.round(SEGMENT_SECONDS * rate));
        this.active = Math.pow(10, ACTIVE_DBFS / 10) * segmentFrames * channels;
    }

    /** Adds frames {@code [from, from + n)} of the stem {@code x} and the residual {@code e}, {@code [channel][frame]}. */
    void accept(double[][] x, double[][] e, int n) {
        int done = 0;
        while (done < n) {
            int take = Math.min(n - done, segmentFrames - frames);
            for (int c = 0; c < x.length; c++) {
                double[] xc = x[c];
                double[] ec = e[c];
                for (int i = done; i < done + take; i++) {
                    self += xc[i] * xc[i];
                    withResidual += xc[i] * ec[i];
                }
            }
            frames += take;
            done += take;
            if (frames == segmentFrames) {
                close(x.length);
            }
        }
    }

    private void close(int channels) {
        if (self > active && Double.isFinite(withResidual)) {
            double g = Math.abs(1.0 - withResidual / self);
            if (count == levels.length) {
                levels = Arrays.copyOf(levels, 2 * count);
                gains = Arrays.copyOf(gains, 2 * count);
            }
            levels[count] = 10 * Math.log10(self / ((double) segmentFrames * channels));
            gains[count] = 20 * Math.log10(Math.max(g, 1e-6));
            count++;
        }
        self = 0;
        withResidual = 0;
        frames = 0;
    }

    /** The gain reduction on the loudest passages against the quieter half, dB (positive: turned down more); NaN with too few segments. */
    double reductionDb() {
        if (count < MIN_SEGMENTS) {
            return Double.NaN;
        }
        Integer[] order = new Integer[count];
        for (int i = 0; i < count; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(levels[a], levels[b]));
        int loud = Math.max(2, (int) Math.round(LOUD_SHARE * count));
        double[] quiet = new double[count / 2];
        for (int i = 0; i < quiet.length; i++) {
            quiet[i] = gains[order[i]];
        }
        double[] top = new double[loud];
        for (int i = 0; i < loud; i++) {
            top[i] = gains[order[count - 1 - i]];
        }
        return MixbusJudge.median(quiet) - MixbusJudge.median(top);
    }
}
