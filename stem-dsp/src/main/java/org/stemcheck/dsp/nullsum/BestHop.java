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
    private final boolean[] kept;

    BestHop(int stems, int maxLag, LagEstimator.Reference reference, int mixes) {
        this.stems = stems;
        this.maxLag = maxLag;
        this.mixes = mixes;
        this.rings = new HopRings(stems, maxLag, mixes);
        this.size = rings.size;
        this.hop = rings.hop;
        this.reference = reference;
        this.bestLong = new float[stems][size];
        this.bestRef = new float[mixes][stems][hop];
        this.bestEnergy = new double[stems];
        this.kept = new boolean[stems];
    }

    int fftSize() {
        return size;
    }

    /** Bytes held for {@code stems} stems and {@code mixes} mixes, with the transient peak of {@link #locate}. */
    static long bytes(int stems, int maxLag, int mixes) {
        long n = HopCorrelator.fftSizeFor(maxLag);
        return stems * 8L * n + mixes * (stems * 4L * n + 4L * n) + 40L * n;
    }

    /** As {@link HopCorrelator#accept}: each stem's mono downmix and each mix's reference. */
    void accept(double[][] mono, double[][] ref, int frames) {
        for (int done = 0; done < frames; ) {
            done += rings.take(mono, ref, done, frames - done);
            if (rings.hopComplete()) {
                long start = rings.hopStart();
                for (int i = 0; i < stems; i++) {
                    double e = energy(i, start, rings.written());
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
    StemOffset locate(int mix, int i, int from, int to, int sampleRate, Fft fft, LagPeak peak) {
        float[] lng = bestLong[i];
        float[] ref = bestRef[mix][i];
        double top = kept[i] ? bestEnergy[i] : 0;
        long written = rings.written();
        for (long start = rings.hopStart(); start < written; start += hop) {
            double e = energy(i, start, written);
            if (e > top) {
                top = e;
                lng = new float[size];
                ref = new float[hop];
                rings.stem(i, start - maxLag, size, written, lng, 0);
                rings.signal(mix, start, hop, written, ref, 0);
            }
        }
        double[] longWork = new double[size];
        double[] shortWork = new double[size];
        for (int k = 0; k < size; k++) {
            longWork[k] = lng[k];
        }
        boolean minus = reference == LagEstimator.Reference.MIX_MINUS_OTHERS;
        for (int k = 0; k < hop; k++) {
            // the stem at time start + k is lng[maxLag + k]
            shortWork[k] = minus ? (double) lng[maxLag + k] - ref[k] : ref[k];
        }
        fft.forward(longWork);
        fft.forward(shortWork);
        float[] sp = new float[size / 2 + 1];
        float[] rp = new float[size / 2 + 1];
        HopCorrelator.addPower(longWork, sp);
        HopCorrelator.addPower(shortWork, rp);
        double[] cross = new double[size];
        HopCorrelator.accumulate(shortWork, longWork, cross);
        float[] w = rings.reliability(sp, rp, sp.length);
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
