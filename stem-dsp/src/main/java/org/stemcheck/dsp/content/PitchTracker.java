package org.stemcheck.dsp.content;

import java.util.Arrays;

import org.stemcheck.dsp.internal.Biquad;
import org.stemcheck.dsp.internal.Fft;

/**
 * A fundamental-frequency tracker on a decimated signal: the signal is low-passed and decimated to
 * about {@value #TARGET_RATE} Hz, and on request the latest frame is analysed with the YIN
 * cumulative-mean-normalised difference (de Cheveigne and Kawahara, "YIN, a fundamental frequency
 * estimator for speech and music", JASA 111(4), 2002, steps 2-4), whose difference function is
 * computed from an FFT cross-correlation. Voiced frames go into a 1/12-octave histogram.
 * Memory is fixed (one frame); not thread-safe.
 */
final class PitchTracker {

    /** Rate after decimation: 6 kHz keeps voice and bass fundamentals (below 1 kHz) and their first harmonics. */
    static final double TARGET_RATE = 6000;
    /** Lowest fundamental sought: below the lowest bass string (E1 = 41.2 Hz). */
    static final double F0_MIN = 40;
    /** Highest fundamental sought: above a soprano's top (C6 = 1047 Hz) is not needed for classing. */
    static final double F0_MAX = 1000;
    /** YIN absolute threshold; the paper's Table 2 finds 0.10-0.15 best, 0.15 accepts a little more breath. */
    static final double YIN_THRESHOLD = 0.15;
    /** Analysis window: 40 ms holds more than one period of the lowest fundamental (25 ms at 40 Hz). */
    static final double WINDOW_SECONDS = 0.040;
    /** Histogram: 1/12 octave (a semitone) per bin from {@link #F0_MIN}. */
    static final int BINS_PER_OCTAVE = 12;
    static final int BINS = 6 * BINS_PER_OCTAVE;

    private final int factor;
    private final double rate;
    /** The anti-alias low-pass and the decimation, or null when the input rate is already low. */
    private final BiquadDecimator decimator;
    private final int window;
    private final int tauMin;
    private final int tauMax;
    private final double[] ring;
    private int ringPos;
    private long decimated;
    private final Fft fft;
    private final double[] a;
    private final double[] b;
    private final double[] d;
    private final double[] prefix;
    private final long[] histogram = new long[BINS];
    /** Kept samples of the current {@link #accept(double[], int, int)} call. */
    private double[] kept = new double[0];
    private long voiced;

    PitchTracker(double sampleRate) {
        this.factor = Math.max(1, (int) Math.round(sampleRate / TARGET_RATE));
        this.rate = sampleRate / factor;
        double cutoff = 0.4 * rate;
        this.decimator = factor > 1 ? new BiquadDecimator(Biquad.lowPass(sampleRate, cutoff, 0.5412),
                Biquad.lowPass(sampleRate, cutoff, 1.3066), factor) : null;
        this.window = Math.max(8, (int) Math.round(WINDOW_SECONDS * rate));
        this.tauMin = Math.max(2, (int) Math.floor(rate / F0_MAX));
        this.tauMax = Math.max(tauMin + 2, (int) Math.ceil(rate / F0_MIN));
        int length = window + tauMax + 1;
        this.ring = new double[length];
        int n = Integer.highestOneBit(length - 1) << 1;
        this.fft = Fft.ofSize(Math.max(2, n));
        this.a = new double[fft.size()];
        this.b = new double[fft.size()];
        this.d = new double[tauMax + 1];
        this.prefix = new double[length + 1];
    }

    /** Takes one mono sample at the input rate. */
    void accept(double x) {
        if (decimator == null) {
            keep(x);
            return;
        }
        if (decimator.accept(x)) {
            keep(decimator.last());
        }
    }

    /**
     * Takes {@code n} mono samples at the input rate from {@code x[from ..]}: the same as
     * {@link #accept(double)} on each in turn.
     */
    void accept(double[] x, int from, int n) {
        if (decimator == null) {
            for (int i = 0; i < n; i++) {
                keep(x[from + i]);
            }
            return;
        }
        if (kept.length < n / factor + 1) {
            kept = new double[n / factor + 1];
        }
        int m = decimator.accept(x, from, n, kept);
        for (int i = 0; i < m; i++) {
            keep(kept[i]);
        }
    }

    /** Appends one sample at the decimated rate. */
    private void keep(double y) {
        ring[ringPos] = y;
        ringPos = ringPos + 1 == ring.length ? 0 : ringPos + 1;
        decimated++;
    }

    /** Analyses the latest frame; counts it when voiced. Returns the f0 in Hz, or NaN when unvoiced. */
    double analyse() {
        if (decimated < ring.length) {
            return Double.NaN;
        }
        double f0 = estimate();
        if (!Double.isNaN(f0)) {
            int bin = (int) Math.floor(BINS_PER_OCTAVE * Math.log(f0 / F0_MIN) / Math.log(2));
            histogram[Math.max(0, Math.min(BINS - 1, bin))]++;
            voiced++;
        }
        return f0;
    }

    private double estimate() {
        int length = ring.length;
        Arrays.fill(a, 0);
        Arrays.fill(b, 0);
        for (int i = 0; i < length; i++) {
            b[i] = ring[(ringPos + i) % length];
            prefix[i + 1] = prefix[i] + b[i] * b[i];
        }
        System.arraycopy(b, 0, a, 0, window);
        double energy = prefix[window];
        if (!(energy > 0)) {
            return Double.NaN;
        }
        fft.forward(a);
        fft.forward(b);
        crossSpectrum(a, b);
        fft.inverse(b);
        // d(tau) = sum_j (x_j - x_{j+tau})^2 = E(0) + E(tau) - 2 r(tau), YIN eq. 7
        double running = 0;
        for (int tau = 1; tau <= tauMax; tau++) {
            double eTau = prefix[tau + window] - prefix[tau];
            double diff = Math.max(0, energy + eTau - 2 * b[tau]);
            running += diff;
            d[tau] = running > 0 ? diff * tau / running : 1;
        }
        for (int tau = tauMin; tau < tauMax; tau++) {
            if (d[tau] < YIN_THRESHOLD) {
                while (tau + 1 < tauMax && d[tau + 1] < d[tau]) {
                    tau++;
                }
                return rate / interpolate(tau);
            }
        }
        return Double.NaN;
    }

    /** Parabolic interpolation of the dip at {@code tau} (YIN step 5). */
    private double interpolate(int tau) {
        double l = d[tau - 1];
        double c = d[tau];
        double r = d[tau + 1];
        double den = l - 2 * c + r;
        return den > 0 ? tau + 0.5 * (l - r) / den : tau;
    }

    /** b := conj(A) * B in the packed layout of {@link Fft}. */
    private void crossSpectrum(double[] fa, double[] fb) {
        fb[0] = fa[0] * fb[0];
        fb[1] = fa[1] * fb[1];
        for (int k = 2; k < fft.size(); k += 2) {
            double ar = fa[k];
            double ai = fa[k + 1];
            double br = fb[k];
            double bi = fb[k + 1];
            fb[k] = ar * br + ai * bi;
            fb[k + 1] = ar * bi - ai * br;
        }
    }

    long voiced() {
        return voiced;
    }

    /** The f0 below which {@code q} of the voiced frames lie (bin centres), NaN when none was voiced. */
    double quantile(double q) {
        if (voiced == 0) {
            return Double.NaN;
        }
        double target = q * voiced;
        long seen = 0;
        for (int i = 0; i < BINS; i++) {
            seen += histogram[i];
            if (seen >= target && histogram[i] > 0) {
                return F0_MIN * Math.pow(2, (i + 0.5) / BINS_PER_OCTAVE);
            }
        }
        return F0_MIN * Math.pow(2, (BINS - 0.5) / BINS_PER_OCTAVE);
    }
}
