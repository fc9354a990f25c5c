package org.stemcheck.dsp.internal.loudness;

import org.stemcheck.dsp.internal.Series;
import java.util.Objects;

/**
 * The loudness accumulator behind {@code org.stemcheck.dsp.LoudnessMeter}.
 *
 * <p>K-weighted, channel-weighted energy is summed in 10 ms cells; cell {@code k} spans frames
 * {@code [round(k fs/100), round((k+1) fs/100))}, exactly 480 frames at 48 kHz (rates that are
 * not a multiple of 100 Hz get cells of alternating length). The last 300 cells (3 s) are kept
 * in a ring. After each cell: the momentary window (the last 40 cells, 400 ms) and the
 * short-term window (300 cells, 3 s) are evaluated, only once they lie entirely inside the
 * audio; every 10th cell (100 ms) the momentary window is also a BS.1770 gating block (400 ms,
 * 75 % overlap) and both values go to the timeline.
 *
 * <p>Memory: fixed state of about 3 KB plus, per 100 ms of audio, one {@code double} (the gating
 * block, kept exactly) and two {@code float}s (the timeline, whose short-term values also feed the
 * loudness range): 16 bytes per 100 ms, 576 KB per hour, 1.15 MB for a 2-hour file.
 */
public final class LoudnessEngine {

    /** Cells per second: 10 ms evaluation step (EBU Tech 3341 case 13 needs finer than 100 ms). */
    public static final int CELLS_PER_SECOND = 100;
    /** Momentary window, cells (BS.1770-4 Annex 1 / Tech 3341 section 2.1: 400 ms). */
    public static final int MOMENTARY_CELLS = 40;
    /** Short-term window, cells (Tech 3341 section 2.1: 3 s). */
    public static final int SHORT_TERM_CELLS = 300;
    /** Cells per gating-block hop and timeline step (BS.1770-4: 75 % overlap of 400 ms = 100 ms). */
    public static final int HOP_CELLS = 10;

    private final double sampleRate;
    private final double[] weights;
    private final KFilterBank filters;
    private final double[] ring = new double[SHORT_TERM_CELLS];
    private long cells;
    private long frames;
    private long cellEnd;
    private double maxMomentary = Double.NaN;
    private double maxShortTerm = Double.NaN;
    private final Series blocks = Series.ofDoubles();
    private final Series momentaryTimeline = Series.ofFloats();
    private final Series shortTermTimeline = Series.ofFloats();

    /**
     * @param sampleRate frames per second
     * @param weights    the BS.1770 weight of each channel (0 drops a channel)
     * @param weighting  the frequency weighting
     */
    public LoudnessEngine(double sampleRate, double[] weights, KWeighting weighting) {
        this.sampleRate = sampleRate;
        this.weights = weights.clone();
        this.filters = new KFilterBank(Objects.requireNonNull(weighting, "weighting"), weights.length);
        this.cellEnd = boundary(1);
    }

    private long boundary(long cell) {
        return Math.round(cell * sampleRate / CELLS_PER_SECOND);
    }

    /** Channels this engine expects. */
    public int channels() {
        return weights.length;
    }

    /** Frames accepted so far. */
    public long frames() {
        return frames;
    }

    /** Feeds {@code count} frames of every channel (arguments already checked). */
    public void accept(double[][] block, int offset, int count) {
        int done = 0;
        while (done < count) {
            int n = (int) Math.min(count - done, cellEnd - frames);
            filters.process(block, offset + done, n);
            done += n;
            frames += n;
            if (frames == cellEnd) {
                closeCell();
            }
        }
    }

    private void closeCell() {
        ring[(int) (cells % SHORT_TERM_CELLS)] = filters.takeWeightedEnergy(weights);
        cells++;
        cellEnd = boundary(cells + 1);
        double momentary = windowPower(MOMENTARY_CELLS);
        double shortTerm = windowPower(SHORT_TERM_CELLS);
        maxMomentary = max(maxMomentary, momentary);
        maxShortTerm = max(maxShortTerm, shortTerm);
        if (cells % HOP_CELLS == 0) {
            if (!Double.isNaN(momentary)) {
                blocks.add(momentary);
            }
            momentaryTimeline.add((float) Gating.lufs(momentary));
            shortTermTimeline.add((float) Gating.lufs(shortTerm));
        }
    }

    private static double max(double a, double b) {
        return Double.isNaN(a) || b > a ? b : a;
    }

    /** Mean square over the last {@code n} cells; NaN until that many cells exist. */
    private double windowPower(int n) {
        if (cells < n) {
            return Double.NaN;
        }
        double sum = 0;
        for (long k = cells - n; k < cells; k++) {
            sum += ring[(int) (k % SHORT_TERM_CELLS)];
        }
        return sum / (boundary(cells) - boundary(cells - n));
    }

    /** The highest momentary mean square (every 10 ms), NaN before 400 ms. */
    public double maxMomentaryPower() {
        return maxMomentary;
    }

    /** The highest short-term mean square (every 10 ms), NaN before 3 s. */
    public double maxShortTermPower() {
        return maxShortTerm;
    }

    /** {@code {integrated LUFS, relative gate LUFS}}, see {@link Gating#integrated}. */
    public double[] integrated() {
        return Gating.integrated(blocks);
    }

    /** {@code {LRA LU, low LUFS, high LUFS}}, see {@link Gating#range}. */
    public double[] range() {
        return Gating.range(shortTermTimeline.toFloatArray());
    }

    /** Gating blocks so far. */
    public int blockCount() {
        return blocks.size();
    }

    /** Momentary loudness every 100 ms, LUFS; entry {@code i} ends at {@code (i+1)/10} s. */
    public float[] momentaryTimeline() {
        return momentaryTimeline.toFloatArray();
    }

    /** Short-term loudness every 100 ms, LUFS, NaN before 3 s. */
    public float[] shortTermTimeline() {
        return shortTermTimeline.toFloatArray();
    }
}
