package org.stemcheck.dsp.nullsum;

import java.util.ArrayList;
import java.util.List;
import org.stemcheck.dsp.internal.Fft;
import org.stemcheck.dsp.internal.set.CicDecimator;

/**
 * Time offset of each stem against the mix within {@code +/- maxLag} samples, from the
 * PHAT-weighted cross-correlation of each stem's mono downmix with a reference (see
 * {@link HopCorrelator} for the algorithm and {@link Reference} for the reference), in two
 * stages so that the cost does not grow with the full rate's large transforms:
 * <ol>
 * <li><b>coarse</b>, over the whole length: every stream is brought down to about
 * {@link #COARSE_RATE} ({@link CicDecimator}) and correlated there; only the lower
 * {@link #COARSE_USED_BAND} of the new rate votes (above, the decimation folds). This decides
 * which peak is the offset, and gives the peak's coherence and ratio to the next one
 * (whole-song figures: a stretch of periodic material cannot fool them);</li>
 * <li><b>fine</b>, at the full rate in the one hop where the stem is loudest ({@link BestHop}):
 * the peak near the coarse answer ({@link #FINE_WINDOW} coarse samples either side), to the
 * sample and a fraction of it, with its width and the aligned gain.</li>
 * </ol>
 * The full-rate search runs alone (one stage, the whole length) when the rate is too low to
 * decimate or the range too small to need it.
 *
 * <p>Cost per frame and stem: a 29-tap filter every fourth frame and the coarse transforms
 * (a quarter of the length, at a quarter of the size: about a fifth of the full-rate search),
 * plus a copy of the loudest hop. Not thread-safe.
 */
final class LagEstimator {

    /** What each stem is correlated with. */
    enum Reference { MIX, MIX_MINUS_OTHERS }

    /**
     * The coarse stage's rate, at least, Hz: the factor is {@code floor(rate / COARSE_RATE)}
     * (4 at 48 kHz). Its voting band (below) then reaches 3 kHz, where every kind of stem has
     * partials or onsets.
     */
    static final double COARSE_RATE = 12_000;

    /**
     * Share of the coarse rate that votes: bins up to a quarter of it (half its band). What the
     * decimator folds there comes from three quarters of the rate and more, at least
     * {@code 4 * 20 log10(3)} = 38 dB down (fourth-order CIC; see {@link CicDecimator}).
     */
    static final double COARSE_USED_BAND = 0.25;

    /** Half-width of the fine search around the coarse peak, in coarse samples. */
    static final int FINE_WINDOW = 2;

    /** A fine peak wider than this many coarse samples takes the coarse offset (see {@link #combine}). */
    static final double WIDE_PEAK = 2.0;

    /** The coarse search's range at least, in coarse samples: below it one stage suffices. */
    private static final int MIN_COARSE_LAG = 64;

    /** Frames the decimators take at once. */
    private static final int BLOCK = 4096;

    private final int stems;
    private final int maxLag;
    private final int factor;
    private final HopCorrelator whole;
    private final BestHop fine;
    private final int mixes;
    private final CicDecimator[] decimators;
    private final double[][] coarseMono;
    private final double[][] coarseRef;
    /** The offsets over two parts of the song, fed what the whole-length stage takes; or null. */
    private HalvesProbe halves;
    /** The one reference of {@link #accept(double[][], double[], int)}, as the stages take them. */
    private final double[][] oneRef = new double[1][];

    /**
     * @param sampleRate the rate of the streams, Hz
     * @param maxLag     the search range, samples (1 .. 2^20)
     */
    LagEstimator(int sampleRate, int stems, int maxLag, Reference reference) {
        this(sampleRate, stems, maxLag, reference, 1);
    }

    /**
     * @param mixes how many mixes' references are fed along with the same stems (the stems' share
     *              of the work, decimation and transforms, is done once for all)
     */
    LagEstimator(int sampleRate, int stems, int maxLag, Reference reference, int mixes) {
        this(sampleRate, stems, maxLag, reference, mixes, false);
    }

    /**
     * @param compact a fine stage of {@link BestHop#compactSizeFor} (a shorter loudest hop, about
     *                half the memory) instead of the full size: for a heap too small for the latter
     */
    LagEstimator(int sampleRate, int stems, int maxLag, Reference reference, int mixes, boolean compact) {
        if (maxLag < 1 || maxLag > (1 << 20)) {
            throw new IllegalArgumentException("maxLag out of range 1..2^20: " + maxLag);
        }
        this.stems = stems;
        this.maxLag = maxLag;
        this.mixes = mixes;
        this.factor = factorFor(sampleRate, maxLag);
        if (factor == 1) {
            this.whole = new HopCorrelator(stems, maxLag, reference, Integer.MAX_VALUE, mixes);
            this.fine = null;
            this.decimators = null;
            this.coarseMono = null;
            this.coarseRef = null;
            return;
        }
        int coarseLag = coarseLag(maxLag, factor);
        int coarseSize = HopCorrelator.fftSizeFor(coarseLag);
        int used = (int) Math.floor(COARSE_USED_BAND * coarseSize) + 1;
        this.whole = new HopCorrelator(stems, coarseLag, reference, used, mixes);
        this.fine = new BestHop(stems, maxLag, reference, mixes, fineSize(maxLag, compact));
        this.decimators = new CicDecimator[stems + mixes];
        for (int i = 0; i < decimators.length; i++) {
            decimators[i] = new CicDecimator(factor, BLOCK);
        }
        int out = CicDecimator.maxOutput(BLOCK, factor);
        this.coarseMono = new double[stems][out];
        this.coarseRef = new double[mixes][out];
    }

    /** The decimation factor for a rate and range: 1 (one full-rate stage) when either is small. */
    static int factorFor(int sampleRate, int maxLag) {
        int f = (int) Math.floor(sampleRate / COARSE_RATE);
        return f < 2 || maxLag / f < MIN_COARSE_LAG ? 1 : f;
    }

    private static int coarseLag(int maxLag, int factor) {
        return (maxLag + factor - 1) / factor;
    }

    /** The whole-length stage's decimation factor: 1 when it runs at the full rate. */
    int factor() {
        return factor;
    }

    /** From now on, also feeds {@code probe} what the whole-length stage takes (before the first block). */
    void feed(HalvesProbe probe) {
        this.halves = probe;
    }

    /** The full-rate transform size (the fine stage's, or the single stage's). */
    int fftSize() {
        return fine == null ? whole.fftSize() * factor : fine.fftSize();
    }

    /** The fine stage's transform size: full, or compact when memory is short. */
    private static int fineSize(int maxLag, boolean compact) {
        return compact ? BestHop.compactSizeFor(maxLag) : HopCorrelator.fftSizeFor(maxLag);
    }

    /** Bytes held for {@code stems} stems and {@code mixes} mixes, with the transient peak of {@link #result}. */
    static long bytes(int sampleRate, int stems, int maxLag, int mixes) {
        return bytes(sampleRate, stems, maxLag, mixes, false);
    }

    /** As {@link #bytes(int, int, int, int)}, with a compact fine stage or not. */
    static long bytes(int sampleRate, int stems, int maxLag, int mixes, boolean compact) {
        int f = factorFor(sampleRate, maxLag);
        if (f == 1) {
            return HopCorrelator.bytes(stems, maxLag, mixes);
        }
        return HopCorrelator.bytes(stems, coarseLag(maxLag, f), mixes)
                + BestHop.bytes(stems, maxLag, mixes, fineSize(maxLag, compact))
                + 8L * (stems + mixes) * (BLOCK + 32);
    }

    /** Whether a compact fine stage would hold less than the full one (false when there is no fine stage). */
    static boolean compactSaves(int sampleRate, int maxLag) {
        return factorFor(sampleRate, maxLag) > 1 && BestHop.compactSizeFor(maxLag) < HopCorrelator.fftSizeFor(maxLag);
    }

    /**
     * Takes the next {@code frames} samples of each stem's mono downmix and of the reference
     * signal: the mono residual {@code e} for {@link Reference#MIX_MINUS_OTHERS}, the mono mix for
     * {@link Reference#MIX}. Only for an estimator of one mix.
     */
    void accept(double[][] mono, double[] ref, int frames) {
        oneRef[0] = ref;
        accept(mono, oneRef, frames);
        oneRef[0] = null;
    }

    /** As {@link #accept(double[][], double[], int)}, with one reference per mix. */
    void accept(double[][] mono, double[][] ref, int frames) {
        if (factor == 1) {
            whole.accept(mono, ref, frames);
            if (halves != null) {
                halves.accept(mono, ref, frames);
            }
            return;
        }
        fine.accept(mono, ref, frames);
        for (int done = 0; done < frames; done += BLOCK) {
            int n = Math.min(BLOCK, frames - done);
            int got = 0;
            for (int i = 0; i < stems; i++) {
                got = decimators[i].process(mono[i], done, n, coarseMono[i]);
            }
            for (int k = 0; k < mixes; k++) {
                decimators[stems + k].process(ref[k], done, n, coarseRef[k]);
            }
            whole.accept(coarseMono, coarseRef, got);
            if (halves != null) {
                halves.accept(coarseMono, coarseRef, got);
            }
        }
    }


    /**
     * One stem's offset from both stages. The fine stage searches the whole range in the stem's
     * loudest hop. Where the coarse search (the whole length) found a coherent peak, it has the
     * last word: when the two agree (within {@link #FINE_WINDOW} coarse samples) the clearer
     * figures of the two stand; when they do not, the fine peak near the coarse one is taken,
     * with the coarse figures, so that material that repeats (a loop a bar long) stays flagged
     * ambiguous however clear one hop looks. A stem whose fine peak is wider than
     * {@link #WIDE_PEAK} coarse samples has its spectrum within the coarse band, where the whole
     * length locates it better than one hop: its offset is then the coarse one. Without a
     * coherent coarse peak (a stem with little below the coarse band) the fine stage answers alone.
     */
    private StemOffset combine(int mix, int i, StemOffset c, int sampleRate, Fft fft, LagPeak peak,
                               BestHop.Workspace work) {
        StemOffset f = fine.locate(mix, i, -maxLag, maxLag, sampleRate, fft, peak, work);
        if (Double.isNaN(c.samples()) || c.coherence() < StemOffset.CONFIDENT_COHERENCE) {
            return Double.isNaN(f.samples()) && !Double.isNaN(c.samples()) ? scaled(c, factor, sampleRate) : f;
        }
        double centre = c.samples() * factor;
        double window = (double) FINE_WINDOW * factor;
        if (!Double.isNaN(f.samples()) && Math.abs(f.samples() - centre) <= window) {
            double lag = f.peakWidthSamples() > WIDE_PEAK * factor ? centre : f.samples();
            return new StemOffset(i, lag, lag / sampleRate, Math.max(c.coherence(), f.coherence()),
                    Math.max(c.peakRatio(), f.peakRatio()), f.peakWidthSamples(), f.alignedScale(), f.inverted());
        }
        int from = (int) Math.max(-maxLag, Math.round(centre - window));
        int to = (int) Math.min(maxLag, Math.round(centre + window));
        StemOffset near = fine.locate(mix, i, from, to, sampleRate, fft, peak, work);
        if (Double.isNaN(near.samples())) {
            return scaled(c, factor, sampleRate);
        }
        double lag = near.peakWidthSamples() > WIDE_PEAK * factor ? centre : near.samples();
        return new StemOffset(i, lag, lag / sampleRate, c.coherence(), c.peakRatio(),
                near.peakWidthSamples(), near.alignedScale(), near.inverted());
    }

    /** An offset measured on streams decimated by {@code factor}, in full-rate samples. */
    static StemOffset scaled(StemOffset c, int factor, int sampleRate) {
        double lag = c.samples() * factor;
        return new StemOffset(c.stem(), lag, lag / sampleRate, c.coherence(), c.peakRatio(),
                c.peakWidthSamples() * factor, c.alignedScale(), c.inverted());
    }

    /** The offsets over everything accepted so far (of an estimator of one mix). */
    List<StemOffset> result(int sampleRate) {
        return result(0, sampleRate);
    }

    /** The offsets against mix {@code mix} over everything accepted so far. */
    List<StemOffset> result(int mix, int sampleRate) {
        if (factor == 1) {
            return whole.result(mix, sampleRate);
        }
        List<StemOffset> coarse = whole.result(mix, (int) Math.round((double) sampleRate / factor));
        Fft fft = Fft.ofSize(fine.fftSize());
        BestHop.Workspace work = fine.workspace();
        // the correlation in the short transform's array, free once the cross-spectrum is formed
        LagPeak peak = new LagPeak(fft, maxLag, Math.max(1, sampleRate / 1000), work.shortWork);
        List<StemOffset> out = new ArrayList<>(stems);
        for (int i = 0; i < stems; i++) {
            out.add(combine(mix, i, coarse.get(i), sampleRate, fft, peak, work));
        }
        return out;
    }
}
