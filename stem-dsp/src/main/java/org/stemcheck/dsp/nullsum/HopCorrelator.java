package org.stemcheck.dsp.nullsum;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.stemcheck.dsp.internal.Fft;
import org.stemcheck.dsp.internal.set.NullSumKernel;

/**
 * One stage of {@link LagEstimator} (the whole-length one; alone when the rate is not
 * decimated). Time offset of each stem against the mix within {@code +/- maxLag} samples: the exact linear
 * cross-correlation over the whole length, accumulated as a cross-spectrum, then PHAT-weighted.
 *
 * <h2>Algorithm</h2>
 * The timeline is cut into hops of {@code H = N - 2 maxLag} samples ({@code N} the FFT size,
 * the smallest power of two {@code >= 4 maxLag}, so {@code H >= N/2}). For hop {@code b} starting
 * at {@code t0}, the reference over {@code [t0, t0 + H)} (zero-padded to {@code N}) and the stem
 * over {@code [t0 - maxLag, t0 + H + maxLag)} are transformed and {@code conj(R) S} is summed.
 * No lag within range wraps, so the sum is the spectrum of the exact full-length correlation
 * {@code c(d) = sum_t ref(t) stem(t + d)}, with no window bias towards small lags; a stem's
 * content near the start and end counts like everything else. At the end each bin is divided by
 * its magnitude (PHAT: phase only, every frequency one vote), weighted by how much of the
 * reference in that bin is this stem (see {@link #reliability}), and transformed back; the largest
 * |c| is the offset, refined to a fraction of a sample by maximising the band-limited
 * interpolation of c (evaluated from the spectrum) between the neighbouring samples.
 *
 * <h2>Reference</h2>
 * {@link Reference#MIX_MINUS_OTHERS} (the default) correlates each stem with
 * {@code mix - sum_{j != i} stem_j = stem_i - e}: what the mix holds of this stem. The other
 * stems' energy is gone from the reference, so in every bin the phase is this stem's phase and
 * PHAT does not amplify other stems' bins into noise; an offset or wrong-gain other stem leaves
 * only its own (uncorrelated) error behind. It never relies on the stems summing: for the
 * offset stem itself the reference is exactly its true, aligned part of the mix.
 * {@link Reference#MIX} (plain mix) costs one FFT per hop less per stem, but every louder stem
 * adds phase noise; the tests measure the difference.
 *
 * <p>Memory: per stem a float ring of {@code N} samples, a cross-spectrum of {@code N} doubles and
 * two power spectra of {@code N/2} floats (16 N bytes; N = 2^19 for 2 s at 48 kHz: 8 MB per
 * stem). Not thread-safe.
 */
final class HopCorrelator {

    private final int stems;
    private final int maxLag;
    private final int size;
    private final int hop;
    private final LagEstimator.Reference reference;
    /** Bins from this one up carry no vote (decimation leaves them aliased); {@code size / 2 + 1} for all. */
    private final int usedBins;
    private final Fft fft;
    private final HopRings rings;
    private final int mixes;
    /** Per mix and stem, the summed cross-spectrum. */
    private final double[][][] spectra;
    /** Per stem and bin: summed power of the long stem segments (the same for every mix). */
    private final float[][] stemPower;
    /** Per mix, stem and bin: summed power of the short references. */
    private final float[][][] refPower;
    /** Per mix, the short reference's transform. */
    private final double[][] shortWork;
    private final double[] longWork;
    /** Per stem: energy of the mono downmix fed so far. */
    private final double[] stemEnergy;

    /**
     * @param usedBins bins {@code [0, usedBins)} of the {@code size / 2 + 1} vote; the rest is left out
     * @param mixes    how many references are correlated with the same stems: each stem's long
     *                 segment is transformed once a hop for all of them
     */
    HopCorrelator(int stems, int maxLag, LagEstimator.Reference reference, int usedBins, int mixes) {
        if (maxLag < 1 || maxLag > (1 << 20)) {
            throw new IllegalArgumentException("maxLag out of range 1..2^20: " + maxLag);
        }
        this.stems = stems;
        this.maxLag = maxLag;
        this.mixes = mixes;
        this.rings = new HopRings(stems, maxLag, mixes);
        this.size = rings.size;
        this.hop = rings.hop;
        this.reference = reference;
        this.usedBins = Math.min(usedBins, size / 2 + 1);
        this.fft = Fft.ofSize(size);
        this.spectra = new double[mixes][stems][size];
        this.stemPower = new float[stems][size / 2 + 1];
        this.refPower = new float[mixes][stems][size / 2 + 1];
        this.stemEnergy = new double[stems];
        this.shortWork = new double[mixes][size];
        this.longWork = new double[size];
    }

    int fftSize() {
        return size;
    }

    /** The smallest power of two {@code >= 4 maxLag}. */
    static int fftSizeFor(int maxLag) {
        return HopRings.fftSizeFor(maxLag);
    }

    /** Bytes held for {@code stems} stems and {@code mixes} mixes, with the transient peak of {@link #result}. */
    static long bytes(int stems, int maxLag, int mixes) {
        long n = fftSizeFor(maxLag);
        // at the end: LagPeak (8 N), one stem's copies (14 N), the transform's tables (up to 24 N)
        return stems * 6L * n + mixes * (stems * 10L * n + 12L * n) + 46L * n;
    }

    /**
     * Takes the next {@code frames} samples of each stem's mono downmix and of each mix's reference
     * signal: the mono residual {@code e} for {@link Reference#MIX_MINUS_OTHERS}, the mono mix for
     * {@link Reference#MIX}.
     */
    void accept(double[][] mono, double[][] ref, int frames) {
        accept(mono, ref, 0, frames);
    }

    /** As {@link #accept(double[][], double[][], int)}, from index {@code offset} of every array. */
    void accept(double[][] mono, double[][] ref, int offset, int frames) {
        for (int done = offset, end = offset + frames; done < end; ) {
            int n = rings.take(mono, ref, done, end - done);
            for (int i = 0; i < stems; i++) {
                stemEnergy[i] += NullSumKernel.energy(mono[i], done, n);
            }
            done += n;
            if (rings.hopComplete()) {
                addHop(rings.hopStart(), rings.written());
                rings.advance();
            }
        }
    }

    /**
     * The offsets against mix {@code mix} over everything accepted so far. The pending hops are
     * zero-padded and added to a copy, one stem at a time (so the extra memory is one stem's
     * spectra, not all of them).
     */
    List<StemOffset> result(int mix, int sampleRate) {
        List<StemOffset> out = new ArrayList<>(stems);
        // the peak's correlation in longWork, free once a stem's pending hops are added
        LagPeak peak = new LagPeak(fft, maxLag, Math.max(1, sampleRate / 1000), longWork);
        double[] shrt = shortWork[mix];
        // one stem's copies at a time, made once for all the stems
        double[] acc = new double[size];
        float[] sp = new float[size / 2 + 1];
        float[] rp = new float[size / 2 + 1];
        float[] w = new float[size / 2 + 1];
        for (int i = 0; i < stems; i++) {
            System.arraycopy(spectra[mix][i], 0, acc, 0, size);
            System.arraycopy(stemPower[i], 0, sp, 0, sp.length);
            System.arraycopy(refPower[mix][i], 0, rp, 0, rp.length);
            long written = rings.written();
            for (long start = rings.hopStart(); start < written; start += hop) {
                fillShort(start, written, i, mix, shrt);
                fft.forward(shrt);
                rings.stem(i, start - maxLag, size, written, longWork, 0);
                fft.forward(longWork);
                accumulate(shrt, longWork, acc);
                addPower(longWork, sp);
                addPower(shrt, rp);
            }
            out.add(peak.find(i, acc, rings.reliability(sp, rp, usedBins, w), stemEnergy[i], sampleRate));
        }
        return out;
    }

    /**
     * Adds the hop from {@code start} of every stem against every mix, reading samples at or after
     * {@code limit} as zeros: each stem's long segment is transformed once; the mix's reference
     * once a hop ({@link Reference#MIX}) or once a stem ({@link Reference#MIX_MINUS_OTHERS}).
     */
    private void addHop(long start, long limit) {
        if (reference == LagEstimator.Reference.MIX) {
            for (int k = 0; k < mixes; k++) {
                fillShort(start, limit, 0, k, shortWork[k]);
                fft.forward(shortWork[k]);
            }
        }
        for (int i = 0; i < stems; i++) {
            rings.stem(i, start - maxLag, size, limit, longWork, 0);
            fft.forward(longWork);
            addPower(longWork, stemPower[i]);
            for (int k = 0; k < mixes; k++) {
                if (reference == LagEstimator.Reference.MIX_MINUS_OTHERS) {
                    fillShort(start, limit, i, k, shortWork[k]);
                    fft.forward(shortWork[k]);
                }
                accumulate(shortWork[k], longWork, spectra[k][i]);
                addPower(shortWork[k], refPower[k][i]);
            }
        }
    }

    /** Stem {@code i}'s reference against mix {@code mix} over {@code [start, start + hop)}, zero-padded. */
    private void fillShort(long start, long limit, int i, int mix, double[] out) {
        rings.reference(i, mix, start, hop, limit, reference, out, 0);
        Arrays.fill(out, hop, size, 0.0);
    }

    /** {@code power[k] += |X[k]|^2} for the packed spectrum {@code x}. */
    static void addPower(double[] x, float[] power) {
        int half = x.length / 2;
        power[0] += (float) (x[0] * x[0]);
        power[half] += (float) (x[1] * x[1]);
        for (int k = 1; k < half; k++) {
            power[k] += (float) (x[2 * k] * x[2 * k] + x[2 * k + 1] * x[2 * k + 1]);
        }
    }

    /** {@code y = conj(x) * y} in the packed real-FFT layout: {@link #accumulate} into zeros, without the third array. */
    static void crossInPlace(double[] x, double[] y) {
        y[0] = 0.0 + x[0] * y[0];
        y[1] = 0.0 + x[1] * y[1];
        for (int k = 2; k < x.length; k += 2) {
            double xr = x[k];
            double xi = x[k + 1];
            double yr = y[k];
            double yi = y[k + 1];
            y[k] = 0.0 + (xr * yr + xi * yi);
            y[k + 1] = 0.0 + (xr * yi - xi * yr);
        }
    }

    /** {@code acc += conj(x) * y} in the packed real-FFT layout. */
    static void accumulate(double[] x, double[] y, double[] acc) {
        acc[0] += x[0] * y[0];
        acc[1] += x[1] * y[1];
        for (int k = 2; k < x.length; k += 2) {
            double xr = x[k];
            double xi = x[k + 1];
            double yr = y[k];
            double yi = y[k + 1];
            acc[k] += xr * yr + xi * yi;
            acc[k + 1] += xr * yi - xi * yr;
        }
    }
}
