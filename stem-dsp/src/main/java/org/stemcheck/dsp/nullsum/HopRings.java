package org.stemcheck.dsp.nullsum;

import java.util.Arrays;

/**
 * The recent samples of every stem's mono downmix and of one reference per mix (the stems are
 * correlated with each mix's) in float rings of {@code N} samples, cut into the hops of {@link HopCorrelator}'s layout: hop {@code b} is the
 * reference stretch {@code [b H, b H + H)} ({@code H = N - 2 maxLag}) and is complete once the
 * samples up to {@code maxLag} past its end are in (the stem's segment reaches that far). The
 * ring always holds the whole segment of the hop being completed. Shared by
 * {@link HopCorrelator} (every hop) and {@link BestHop} (the loudest hop). Not thread-safe.
 */
final class HopRings {

    final int stems;
    final int maxLag;
    /** Ring length and transform size {@code N}: the smallest power of two {@code >= 4 maxLag}, or a compact one. */
    final int size;
    /** Reference stretch per hop {@code H = N - 2 maxLag} ({@code >= N / 2} unless compact). */
    final int hop;
    /** How many references (mixes). */
    final int references;
    private final float[][] rings;
    private final float[][] refs;
    private long written;
    private long nextHop;

    HopRings(int stems, int maxLag, int references) {
        this(stems, maxLag, references, fftSizeFor(maxLag));
    }

    /**
     * Rings of {@code size} samples: hops of {@code size - 2 maxLag}. Smaller than
     * {@link #fftSizeFor} when memory is short ({@link BestHop#compactSizeFor}).
     */
    HopRings(int stems, int maxLag, int references, int size) {
        if (size <= 2 * maxLag) {
            throw new IllegalArgumentException("ring of " + size + " leaves no hop at maxLag " + maxLag);
        }
        this.stems = stems;
        this.maxLag = maxLag;
        this.references = references;
        this.size = size;
        this.hop = size - 2 * maxLag;
        this.rings = new float[stems][size];
        this.refs = new float[references][size];
    }

    /** The smallest power of two {@code >= 4 maxLag}. */
    static int fftSizeFor(int maxLag) {
        return Integer.highestOneBit(4 * maxLag - 1) << 1;
    }

    /**
     * Copies samples {@code [from, from + n)} of each stem and of each reference, {@code n} at
     * most {@code frames} and never past the end of the hop being completed.
     *
     * @return {@code n}, the samples taken
     */
    int take(double[][] mono, double[][] reference, int from, int frames) {
        long due = nextHop * hop + hop + maxLag;
        int n = (int) Math.min(frames, due - written);
        int at = (int) (written % size);
        int first = Math.min(n, size - at);
        for (int i = 0; i < stems; i++) {
            copy(mono[i], from, rings[i], at, first, n);
        }
        for (int k = 0; k < references; k++) {
            copy(reference[k], from, refs[k], at, first, n);
        }
        written += n;
        return n;
    }

    private static void copy(double[] src, int from, float[] ring, int at, int first, int n) {
        for (int t = 0; t < first; t++) {
            ring[at + t] = (float) src[from + t];
        }
        for (int t = first; t < n; t++) {
            ring[t - first] = (float) src[from + t];
        }
    }

    /** @return true when the hop from {@link #hopStart()} is complete: call {@link #advance()} after using it */
    boolean hopComplete() {
        return written == nextHop * hop + hop + maxLag;
    }

    /** @return the first sample of the hop being completed (at the end: of the first pending one) */
    long hopStart() {
        return nextHop * hop;
    }

    /** Moves on to the next hop. */
    void advance() {
        nextHop++;
    }

    /** @return samples taken so far: the limit past which {@link #stem(int, long, int, long, double[], int)} and {@link #reference} read zeros */
    long written() {
        return written;
    }

    /**
     * Copies stem {@code i} over {@code [t, t + n)} (in the ring: within {@code size} of the newest
     * sample) into {@code out[at ..]}, zeros outside {@code [0, limit)}.
     */
    void stem(int i, long t, int n, long limit, double[] out, int at) {
        float[] ring = rings[i];
        long from = Math.max(t, 0);
        long to = Math.max(from, Math.min(t + n, limit));
        Arrays.fill(out, at, at + (int) (from - t), 0.0);
        int k = at + (int) (from - t);
        for (long p = from; p < to; ) {
            int r = (int) (p % size);
            int run = (int) Math.min(to - p, size - r);
            for (int j = 0; j < run; j++) {
                out[k + j] = ring[r + j];
            }
            k += run;
            p += run;
        }
        Arrays.fill(out, k, at + n, 0.0);
    }

    /** As {@link #stem(int, long, int, long, double[], int)}, into floats. */
    void stem(int i, long t, int n, long limit, float[] out, int at) {
        copy(rings[i], t, n, limit, out, at);
    }

    /** The reference signal of mix {@code mix} itself over {@code [t, t + n)}, as {@link #stem(int, long, int, long, float[], int)}. */
    void signal(int mix, long t, int n, long limit, float[] out, int at) {
        copy(refs[mix], t, n, limit, out, at);
    }

    private void copy(float[] ring, long t, int n, long limit, float[] out, int at) {
        long from = Math.max(t, 0);
        long to = Math.max(from, Math.min(t + n, limit));
        Arrays.fill(out, at, at + (int) (from - t), 0f);
        int k = at + (int) (from - t);
        for (long p = from; p < to; ) {
            int r = (int) (p % size);
            int run = (int) Math.min(to - p, size - r);
            System.arraycopy(ring, r, out, k, run);
            k += run;
            p += run;
        }
        Arrays.fill(out, k, at + n, 0f);
    }

    /**
     * Every stem's {@link #stemEnergy} over {@code [t, t + n)} up to {@code limit}, into
     * {@code out[stem]}: each the same running sum, in the same order, as {@link #stemEnergy}
     * makes (the same bits), four stems in one loop, whose independent sums keep the adder busy
     * where one waits on its previous addition every sample.
     */
    void stemEnergies(long t, int n, long limit, double[] out) {
        long from = Math.max(t, 0);
        long to = Math.min(t + n, limit);
        int stems = rings.length;
        int i = 0;
        for (; i + 4 <= stems; i += 4) {
            float[] a = rings[i];
            float[] b = rings[i + 1];
            float[] c = rings[i + 2];
            float[] d = rings[i + 3];
            double ea = 0;
            double eb = 0;
            double ec = 0;
            double ed = 0;
            for (long p = from; p < to; ) {
                int r = (int) (p % size);
                int run = (int) Math.min(to - p, size - r);
                for (int j = 0; j < run; j++) {
                    double xa = a[r + j];
                    double xb = b[r + j];
                    double xc = c[r + j];
                    double xd = d[r + j];
                    ea += xa * xa;
                    eb += xb * xb;
                    ec += xc * xc;
                    ed += xd * xd;
                }
                p += run;
            }
            out[i] = ea;
            out[i + 1] = eb;
            out[i + 2] = ec;
            out[i + 3] = ed;
        }
        if (i + 2 <= stems) {
            float[] a = rings[i];
            float[] b = rings[i + 1];
            double ea = 0;
            double eb = 0;
            for (long p = from; p < to; ) {
                int r = (int) (p % size);
                int run = (int) Math.min(to - p, size - r);
                for (int j = 0; j < run; j++) {
                    double xa = a[r + j];
                    double xb = b[r + j];
                    ea += xa * xa;
                    eb += xb * xb;
                }
                p += run;
            }
            out[i] = ea;
            out[i + 1] = eb;
            i += 2;
        }
        for (; i < stems; i++) {
            out[i] = stemEnergy(i, t, n, limit);
        }
    }

    /** The energy of stem {@code i} over {@code [t, t + n)}, samples outside {@code [0, limit)} counting as zeros. */
    double stemEnergy(int i, long t, int n, long limit) {
        float[] ring = rings[i];
        long from = Math.max(t, 0);
        long to = Math.min(t + n, limit);
        double e = 0;
        for (long p = from; p < to; ) {
            int r = (int) (p % size);
            int run = (int) Math.min(to - p, size - r);
            for (int j = 0; j < run; j++) {
                double x = ring[r + j];
                e += x * x;
            }
            p += run;
        }
        return e;
    }

    /**
     * Stem {@code i}'s correlation reference against mix {@code mix} over {@code [t, t + n)} into
     * {@code out[at ..]}, zeros outside {@code [0, limit)}: the reference signal itself for
     * {@link LagEstimator.Reference#MIX}, or stem {@code i} minus it (the mix minus the other stems)
     * for {@link LagEstimator.Reference#MIX_MINUS_OTHERS}.
     */
    void reference(int i, int mix, long t, int n, long limit, LagEstimator.Reference kind, double[] out, int at) {
        float[] ref = refs[mix];
        long from = Math.max(t, 0);
        long to = Math.max(from, Math.min(t + n, limit));
        Arrays.fill(out, at, at + (int) (from - t), 0.0);
        int k = at + (int) (from - t);
        boolean minus = kind == LagEstimator.Reference.MIX_MINUS_OTHERS;
        float[] ring = rings[i];
        for (long p = from; p < to; ) {
            int r = (int) (p % size);
            int run = (int) Math.min(to - p, size - r);
            if (minus) {
                for (int j = 0; j < run; j++) {
                    out[k + j] = (double) ring[r + j] - ref[r + j];
                }
            } else {
                for (int j = 0; j < run; j++) {
                    out[k + j] = ref[r + j];
                }
            }
            k += run;
            p += run;
        }
        Arrays.fill(out, k, at + n, 0.0);
    }


    /**
     * Per bin, how much of the reference is this stem: {@code min(1, S_ss / S_rr)}, the stem's
     * power (long segments, scaled to the short ones' length) over the reference's. It stands in
     * for the signal-to-noise ratio of the maximum-likelihood (Hannan-Thomson) weighting (Knapp and
     * Carter, IEEE Trans. ASSP 24(4), 1976): bins where the stem only leaks and another stem's
     * error fills the reference get no vote, instead of a full PHAT vote for a random phase.
     *
     * @param sp summed power of the stem's long segments, per bin
     * @param rp summed power of the short references, per bin
     * @param used bins {@code [0, used)} get a weight; the rest none
     * @return the weights, one per bin
     */
    float[] reliability(float[] sp, float[] rp, int used) {
        return reliability(sp, rp, used, new float[sp.length]);
    }

    /** As {@link #reliability(float[], float[], int)}, into {@code w} (as long as {@code sp}), which it returns. */
    float[] reliability(float[] sp, float[] rp, int used, float[] w) {
        java.util.Arrays.fill(w, 0f);
        double lengths = (double) hop / size;
        for (int k = 0; k < Math.min(used, w.length); k++) {
            double ratio = rp[k] > 0 ? sp[k] * lengths / rp[k] : 0.0;
            w[k] = (float) Math.min(1.0, ratio);
        }
        return w;
    }
}
