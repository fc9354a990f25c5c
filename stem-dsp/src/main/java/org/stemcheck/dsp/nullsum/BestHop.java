package org.stemcheck.dsp.nullsum;

import org.stemcheck.dsp.internal.Fft;

/**
 * The full-rate half of {@link LagEstimator}: keeps, per stem, the one hop (the hop layout of
 * {@link HopCorrelator}: a reference stretch of {@code H} samples, the stem over it widened by
 * {@code maxLag} either side) in which the stem is loudest, and at the end locates the offset in
 * that hop's whitened cross-correlation near where the coarse search put it: to the sample and
 * a fraction of it, with the peak's width and the aligned gain. One hop of the loudest material
 * is plenty for that (a pure delay peaks at the same lag in every hop); the whole song's vote
 * on which peak is the right one came from the coarse search. The loudest hop is the stem's, the
 * same for every mix: with several mixes only each mix's reference signal over it is kept per
 * mix. Memory: per stem two float rings of {@code N}, per mix and stem a float stretch of
 * {@code H}. Not thread-safe.
 */
final class BestHop {

    private final int stems;
    private final int maxLag;
    private final int size;
    private final int hop;
    private final LagEstimator.Reference reference;
    private final HopRings rings;
    private final int mixes;
    private final float[][] bestLong;
    /** Per mix and stem: the mix's reference signal (not yet minus the stem) over the stem's loudest hop. */
    private final float[][][] bestRef;
    private final double[] bestEnergy;
    /** Every stem's energy over the hop just completed ({@link HopRings#stemEnergies}). */
    private final double[] hopEnergy;
    private final boolean[] kept;

    BestHop(int stems, int maxLag, LagEstimator.Reference reference, int mixes) {
        this(stems, maxLag, reference, mixes, HopCorrelator.fftSizeFor(maxLag));
    }

    /**
     * @param size the transform size {@code N}: {@link HopCorrelator#fftSizeFor} (hops of at
     *             least {@code N / 2}), or {@link #compactSizeFor} when memory is short (a shorter
     *             loudest hop, about half the memory)
     */
    BestHop(int stems, int maxLag, LagEstimator.Reference reference, int mixes, int size) {
        this.stems = stems;
        this.maxLag = maxLag;
        this.mixes = mixes;
        this.rings = new HopRings(stems, maxLag, mixes, size);
        this.size = rings.size;
        this.hop = rings.hop;
        this.reference = reference;
        this.bestLong = new float[stems][size];
        this.bestRef = new float[mixes][stems][hop];
        this.bestEnergy = new double[stems];
        this.hopEnergy = new double[stems];
        this.kept = new boolean[stems];
    }

    int fftSize() {
        return size;
    }

    /**
     * The smallest transform that still leaves a hop of a quarter of the range (at least 4096
     * samples) beside the {@code 2 maxLag} of the search: a power of two {@code > 2 maxLag}, about
     * half of {@link HopCorrelator#fftSizeFor}. The loudest hop is then shorter (at 48 kHz and
     * +/- 2 s: 1.46 s instead of 6.9 s), still far more than the sub-sample location needs.
     */
    static int compactSizeFor(int maxLag) {
        long need = 2L * maxLag + Math.max(maxLag / 4, 4096);
        int size = Integer.highestOneBit((int) Math.min(Integer.MAX_VALUE / 2, need - 1)) << 1;
        return Math.min(size, HopCorrelator.fftSizeFor(maxLag));
    }

    /** Bytes held for {@code stems} stems and {@code mixes} mixes, with the transient peak of {@link #locate}. */
    static long bytes(int stems, int maxLag, int mixes) {
        return bytes(stems, maxLag, mixes, HopCorrelator.fftSizeFor(maxLag));
    }

    /**
     * As {@link #bytes(int, int, int)} with transforms of {@code size}: per stem the ring and the
     * kept long segment ({@code 8 N}), per mix its ring ({@code 4 N}) and per mix and stem the
     * kept reference ({@code 4 H}); at the end one {@link Workspace} ({@code 26 N + 4 H}, with
     * the reliability weights), {@link LagPeak}'s weights ({@code 8 N}; its correlation is formed
     * in the workspace) and the transform's own tables (up to {@code 24 N}: JTransforms takes 9 MB
     * at 2^19, stemcheck's own transform more).
     */
    static long bytes(int stems, int maxLag, int mixes, int size) {
        long n = size;
        long hop = n - 2L * maxLag;
        return stems * 8L * n + mixes * (stems * 4L * hop + 4L * n) + 58L * n + 4L * hop;
    }

    /** Work arrays of {@link #locate}, made once for all the stems and mixes of one result. */
    static final class Workspace {
        final double[] longWork;
        final double[] shortWork;
        final float[] sp;
        final float[] rp;
        final float[] lng;
        final float[] ref;
        final float[] w;

        Workspace(int size, int hop) {
            longWork = new double[size];
            shortWork = new double[size];
            sp = new float[size / 2 + 1];
            rp = new float[size / 2 + 1];
            lng = new float[size];
            ref = new float[hop];
            w = new float[size / 2 + 1];
        }
    }

    /** A workspace for {@link #locate}. */
    Workspace workspace() {
        return new Workspace(size, hop);
    }

    /** As {@link HopCorrelator#accept}: each stem's mono downmix and each mix's reference. */
    void accept(double[][] mono, double[][] ref, int frames) {
        for (int done = 0; done < frames; ) {
            done += rings.take(mono, ref, done, frames - done);
            if (rings.hopComplete()) {
                long start = rings.hopStart();
                rings.stemEnergies(start, hop, rings.written(), hopEnergy);
                for (int i = 0; i < stems; i++) {
                    double e = hopEnergy[i];
                    if (e > bestEnergy[i]) {
                        bestEnergy[i] = e;
                        kept[i] = true;
                        rings.stem(i, start - maxLag, size, rings.written(), bestLong[i], 0);
                        for (int k = 0; k < mixes; k++) {
                            rings.signal(k, start, hop, rings.written(), bestRef[k][i], 0);
                        }
                    }
                }
                rings.advance();
            }
        }
    }

    /** Energy of stem {@code i} over the reference stretch of the hop from {@code start}, up to {@code limit}. */
    private double energy(int i, long start, long limit) {
        return rings.stemEnergy(i, start, hop, limit);
    }

    /**
     * Stem {@code i}'s offset against mix {@code mix} in its loudest hop (the kept one or a pending
     * one at the end), the peak looked for at lags {@code [from, to]}.
     *
     * @return the offset, with its coherence and peak ratio from this hop alone
     */
    StemOffset locate(int mix, int i, int from, int to, int sampleRate, Fft fft, LagPeak peak, Workspace work) {
        float[] lng = bestLong[i];
        float[] ref = bestRef[mix][i];
        double top = kept[i] ? bestEnergy[i] : 0;
        long written = rings.written();
        for (long start = rings.hopStart(); start < written; start += hop) {
            double e = energy(i, start, written);
            if (e > top) {
                top = e;
                lng = work.lng;
                ref = work.ref;
                rings.stem(i, start - maxLag, size, written, lng, 0);
                rings.signal(mix, start, hop, written, ref, 0);
            }
        }
        double[] longWork = work.longWork;
        double[] shortWork = work.shortWork;
        for (int k = 0; k < size; k++) {
            longWork[k] = lng[k];
        }
        boolean minus = reference == LagEstimator.Reference.MIX_MINUS_OTHERS;
        for (int k = 0; k < hop; k++) {
            // the stem at time start + k is lng[maxLag + k]
            shortWork[k] = minus ? (double) lng[maxLag + k] - ref[k] : ref[k];
        }
        java.util.Arrays.fill(shortWork, hop, size, 0.0);
        fft.forward(longWork);
        fft.forward(shortWork);
        float[] sp = work.sp;
        float[] rp = work.rp;
        java.util.Arrays.fill(sp, 0f);
        java.util.Arrays.fill(rp, 0f);
        HopCorrelator.addPower(longWork, sp);
        HopCorrelator.addPower(shortWork, rp);
        // the cross-spectrum conj(short) * long, in place of the long transform (no third array)
        double[] cross = longWork;
        HopCorrelator.crossInPlace(shortWork, cross);
        float[] w = rings.reliability(sp, rp, sp.length, work.w);
        StemOffset raw = peak.find(i, cross, w, 1.0, sampleRate, from, to);
        if (Double.isNaN(raw.samples())) {
            return raw;
        }
        // the stem over the reference stretch once moved by the offset: k = maxLag + lag + (t - start)
        long shift = maxLag + Math.round(raw.samples());
        double aligned = 0;
        for (int k = 0; k < hop; k++) {
            long at = shift + k;
            if (at >= 0 && at < size) {
                aligned += (double) lng[(int) at] * lng[(int) at];
            }
        }
        double scale = aligned > 0 ? raw.alignedScale() / aligned : Double.NaN;
        return new StemOffset(i, raw.samples(), raw.seconds(), raw.coherence(), raw.peakRatio(),
                raw.peakWidthSamples(), scale, raw.inverted());
    }

}
