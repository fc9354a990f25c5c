package org.stemcheck.dsp.nullsum;

import org.stemcheck.dsp.internal.Fft;

/**
 * Turns one accumulated cross-spectrum (packed real-FFT layout, lag {@code d} at index
 * {@code d + maxLag}) into an offset: PHAT weighting, inverse transform, the largest |c| within
 * {@code +/- maxLag}, sub-sample refinement and the peak's quality figures.
 */
final class LagPeak {

    /**
     * Bins whose cross-spectrum magnitude is below this fraction of the largest are left out of
     * the PHAT sum (set to 0 rather than given a random unit phasor). 1e-12 in |S_xy| is -120 dB,
     * about -60 dB per signal: empty bands (above a stem's low-pass, silence) carry no phase.
     */
    static final double EMPTY_BIN = 1e-12;

    /** Newton steps of the sub-sample search before it falls back to the golden section (it converges in 3 to 5). */
    private static final int NEWTON_STEPS = 12;

    /** A Newton step below this, in samples, ends the search: far below what the offsets are good for. */
    private static final double NEWTON_TOLERANCE = 1e-9;

    /**
     * Golden-section steps of the sub-sample search over 2 samples: 2 * 0.618^32 ~ 4e-7 samples,
     * far below what the offsets are good for (about 1e-4 samples on clean material, docs/accuracy.md).
     */
    private static final int REFINE_STEPS = 32;

    /** Offsets under half a sample are never a displacement ({@code StemOffset.displaced}): not checked against lag 0. */
    private static final double MIN_MOVE_SAMPLES = 0.5;

    /** Caps the reported peak ratio when nothing else rises at all (JSON-friendly, no infinity). */
    private static final double MAX_PEAK_RATIO = 1000.0;

    private final Fft fft;
    private final int maxLag;
    private final int exclusion;
    private final double[] weights;
    private final double[] corr;

    LagPeak(Fft fft, int maxLag, int exclusion) {
        this(fft, maxLag, exclusion, new double[fft.size()]);
    }

    /**
     * @param corr where the correlation is formed, at least {@code fft.size()} long: a caller's
     *             work array it no longer needs while {@link #find} runs (overwritten by each call)
     */
    LagPeak(Fft fft, int maxLag, int exclusion, double[] corr) {
        if (corr.length < fft.size()) {
            throw new IllegalArgumentException("corr must hold " + fft.size() + " points: " + corr.length);
        }
        this.fft = fft;
        this.maxLag = maxLag;
        this.exclusion = exclusion;
        this.weights = new double[fft.size()];
        this.corr = corr;
    }

    /**
     * @param spectrum    the accumulated cross-spectrum, packed
     * @param reliability per bin 0..1, multiplies the PHAT weight (see LagEstimator)
     */
    StemOffset find(int stem, double[] spectrum, float[] reliability, double stemEnergy, int sampleRate) {
        return find(stem, spectrum, reliability, stemEnergy, sampleRate, -maxLag, maxLag);
    }

    /**
     * As {@link #find(int, double[], float[], double, int)}, with the peak looked for at lags
     * {@code [from, to]} only (within {@code +/- maxLag}); the peak ratio still compares with
     * every other lag.
     */
    StemOffset find(int stem, double[] spectrum, float[] reliability, double stemEnergy, int sampleRate,
                    int from, int to) {
        int n = fft.size();
        double used = phat(spectrum, reliability);
        if (!(used > 0)) {
            return new StemOffset(stem, Double.NaN, Double.NaN, 0.0, Double.NaN, Double.NaN, Double.NaN, false);
        }
        System.arraycopy(weights, 0, corr, 0, n);
        fft.inverse(corr);
        int lo = Math.max(0, from + maxLag);
        int hi = Math.min(2 * maxLag, to + maxLag);
        // The highest local maximum inside the range: a maximum on the range's edge is no peak (the
        // correlation still rises past it). The generated electro song's four-on-the-floor kick and
        // sub bass, which repeat every beat, peaked on the coarse search's edge (-2 s) three times
        // higher than at their true offset, and were moved there.
        int best = -1;
        for (int k = lo + 1; k < hi; k++) {
            double v = Math.abs(corr[k]);
            if ((best < 0 || v > Math.abs(corr[best])) && v >= Math.abs(corr[k - 1]) && v >= Math.abs(corr[k + 1])) {
                best = k;
            }
        }
        if (best < 0) {
            best = Math.abs(corr[lo]) >= Math.abs(corr[hi]) ? lo : hi;
        }
        double second = secondPeak(best);
        if (second * StemOffset.CLEAR_PEAK_RATIO > Math.abs(corr[best])) {
            best = NearPeaks.plainlyBest(corr, best, lo, hi, spectrum);
            second = secondPeak(best);
        }
        double top = Math.abs(corr[best]);
        boolean inverted = corr[best] < 0;
        double tau = refine(best, inverted ? -1.0 : 1.0);
        double lag = tau - maxLag;
        double coherence = Math.min(1.0, top * n / used);
        double ratio = second > 0 ? Math.min(MAX_PEAK_RATIO, top / second) : MAX_PEAK_RATIO;
        double scale = stemEnergy > 0 ? interpolate(spectrum, tau) / stemEnergy : Double.NaN;
        double width = halfHeightWidth(best, inverted ? -1.0 : 1.0);
        if (!supported(lag, scale, inverted, spectrum, stemEnergy)) {
            ratio = Math.min(ratio, 1.0);
        }
        return new StemOffset(stem, lag, lag / sampleRate, coherence, ratio, width, scale, inverted);
    }

    /** The highest |c| further than the exclusion from {@code best}. */
    private double secondPeak(int best) {
        double second = 0;
        for (int k = 0; k <= 2 * maxLag; k++) {
            if (Math.abs(k - best) > exclusion) {
                second = Math.max(second, Math.abs(corr[k]));
            }
        }
        return second;
    }

    /**
     * Whether the plain (unweighted) correlation backs a peak away from lag 0: moved by the
     * offset, the stem must explain more of its part of the mix than where it is,
     * {@code |c(lag)| > |c(0)|}, with the sign of the whitened peak. A true delay always does (a signal correlates best with itself
     * unshifted); the whitened correlation of a stem of a few steady partials may not: its bins
     * off the partials hold only leakage (the onsets and fades), which PHAT raises to full votes
     * and which, where the reference is other stems' leakage (a loud periodic tone's click at its
     * start, others left in the reference by a common mix gain), line up into a sharp peak a few
     * samples off. And a strictly periodic stem correlates alike at every multiple of its period.
     * Either way the offset is ambiguous: the caller reports it with a peak ratio of 1.
     */
    private boolean supported(double lag, double scale, boolean inverted, double[] spectrum, double stemEnergy) {
        if (Math.abs(lag) < MIN_MOVE_SAMPLES || !(stemEnergy > 0)) {
            return true;
        }
        double inPlace = interpolate(spectrum, maxLag) / stemEnergy;
        return (scale < 0) == inverted && Math.abs(scale) > Math.abs(inPlace);
    }

    /** Full width of the peak at half its height, from the integer-lag correlation, in samples. */
    private double halfHeightWidth(int best, double sign) {
        double half = sign * corr[best] / 2;
        return edge(best, sign, half, 1) + edge(best, sign, half, -1);
    }

    /** Distance from {@code best} to where {@code sign * corr} falls below {@code half}, one side. */
    private double edge(int best, double sign, double half, int step) {
        int k = best;
        while (k + step >= 0 && k + step <= 2 * maxLag && sign * corr[k + step] >= half) {
            k += step;
        }
        if (k + step < 0 || k + step > 2 * maxLag) {
            return Math.abs(k - best);
        }
        double above = sign * corr[k];
        double below = sign * corr[k + step];
        return Math.abs(k - best) + (above - half) / (above - below);
    }

    /**
     * Fills {@code weights} with the unit phasors of the non-empty bins times their reliability;
     * returns the sum of the weights over the full (two-sided) spectrum.
     */
    private double phat(double[] s, float[] reliability) {
        int n = s.length;
        double largest = Math.max(Math.abs(s[0]), Math.abs(s[1]));
        for (int k = 2; k < n; k += 2) {
            largest = Math.max(largest, magnitude(s[k], s[k + 1]));
        }
        if (!(largest > 0) || !Double.isFinite(largest)) {
            return 0;
        }
        double floor = largest * EMPTY_BIN;
        double used = 0;
        for (int k = 0; k < 2; k++) {
            double r = reliability[k == 0 ? 0 : n / 2];
            boolean on = Math.abs(s[k]) > floor;
            weights[k] = on ? Math.signum(s[k]) * r : 0.0;
            used += on ? r : 0;
        }
        for (int k = 2; k < n; k += 2) {
            double mag = magnitude(s[k], s[k + 1]);
            double r = reliability[k / 2];
            boolean on = mag > floor;
            weights[k] = on ? r * s[k] / mag : 0.0;
            weights[k + 1] = on ? r * s[k + 1] / mag : 0.0;
            used += on ? 2 * r : 0;
        }
        return used;
    }

    /**
     * {@code |re + i im|} without {@link Math#hypot}'s care for overflow, which costs about ten
     * times as much and is not needed here: the sums are of products of audio samples, far from
     * {@code 1e154} (squares stay finite); a square below the smallest double reads as an empty bin,
     * as it should.
     */
    private static double magnitude(double re, double im) {
        return Math.sqrt(re * re + im * im);
    }

    /**
     * Maximises {@code sign * c(tau)} near {@code best}: Newton's method on the band-limited
     * correlation's slope from the integer peak (a few passes over the spectrum where the search
     * below takes {@value #REFINE_STEPS}), falling back to the golden-section search over
     * {@code [best - 1, best + 1]} when a step leaves that interval or the curve is not a cap.
     */
    private double refine(int best, double sign) {
        double tau = best;
        double[] d = new double[3];
        for (int step = 0; step < NEWTON_STEPS; step++) {
            derivatives(weights, tau, d);
            double slope = sign * d[1];
            double curve = sign * d[2];
            if (!(curve < 0)) {
                break;
            }
            double move = -slope / curve;
            tau += move;
            if (!(Math.abs(tau - best) <= 1.0)) {
                break;
            }
            if (Math.abs(move) < NEWTON_TOLERANCE) {
                return tau;
            }
        }
        return golden(best, sign);
    }

    /** Maximises {@code sign * c(tau)} over {@code [best - 1, best + 1]} by golden-section search. */
    private double golden(int best, double sign) {
        double golden = (Math.sqrt(5) - 1) / 2;
        double lo = best - 1.0;
        double hi = best + 1.0;
        double x1 = hi - golden * (hi - lo);
        double x2 = lo + golden * (hi - lo);
        double f1 = sign * interpolate(weights, x1);
        double f2 = sign * interpolate(weights, x2);
        for (int step = 0; step < REFINE_STEPS; step++) {
            if (f1 < f2) {
                lo = x1;
                x1 = x2;
                f1 = f2;
                x2 = lo + golden * (hi - lo);
                f2 = sign * interpolate(weights, x2);
            } else {
                hi = x2;
                x2 = x1;
                f2 = f1;
                x1 = hi - golden * (hi - lo);
                f1 = sign * interpolate(weights, x1);
            }
        }
        return (lo + hi) / 2;
    }

    /**
     * The band-limited correlation {@code c(tau)} of {@link #interpolate} and its first and second
     * derivatives in {@code tau}, into {@code out[0..2]}, in one pass over the spectrum (two
     * phasor chains, bins {@code k} and {@code k + 1}):
     * {@code N c' = -pi W_{N/2} sin(pi tau) - 2 sum_k theta_k Im(W_k e^{i theta_k tau})} and
     * {@code N c'' = -pi^2 W_{N/2} cos(pi tau) - 2 sum_k theta_k^2 Re(W_k e^{i theta_k tau})},
     * {@code theta_k = 2 pi k / N}.
     */
    static void derivatives(double[] weights, double tau, double[] out) {
        int n = weights.length;
        int half = n / 2;
        double step = 2 * Math.PI * tau / n;
        double c2 = Math.cos(2 * step);
        double s2 = Math.sin(2 * step);
        double r0 = Math.cos(step);
        double i0 = Math.sin(step);
        double r1 = c2;
        double i1 = s2;
        double re0 = 0;
        double im0 = 0;
        double cu0 = 0;
        double re1 = 0;
        double im1 = 0;
        double cu1 = 0;
        int k = 1;
        for (; k + 1 < half; k += 2) {
            double wr = weights[2 * k];
            double wi = weights[2 * k + 1];
            double re = wr * r0 - wi * i0;
            re0 += re;
            im0 += k * (wr * i0 + wi * r0);
            cu0 += (double) k * k * re;
            double vr = weights[2 * k + 2];
            double vi = weights[2 * k + 3];
            double rf = vr * r1 - vi * i1;
            re1 += rf;
            im1 += (k + 1) * (vr * i1 + vi * r1);
            cu1 += (double) (k + 1) * (k + 1) * rf;
            double t0 = r0 * c2 - i0 * s2;
            i0 = r0 * s2 + i0 * c2;
            r0 = t0;
            double t1 = r1 * c2 - i1 * s2;
            i1 = r1 * s2 + i1 * c2;
            r1 = t1;
        }
        double sumRe = re0 + re1;
        double sumIm = im0 + im1;
        double sumCurve = cu0 + cu1;
        for (; k < half; k++) {
            double pr = Math.cos(k * step);
            double pi = Math.sin(k * step);
            double re = weights[2 * k] * pr - weights[2 * k + 1] * pi;
            sumRe += re;
            sumIm += k * (weights[2 * k] * pi + weights[2 * k + 1] * pr);
            sumCurve += (double) k * k * re;
        }
        double theta = 2 * Math.PI / n;
        double nyq = weights[1];
        out[0] = (weights[0] + nyq * Math.cos(Math.PI * tau) + 2 * sumRe) / n;
        out[1] = (-Math.PI * nyq * Math.sin(Math.PI * tau) - 2 * theta * sumIm) / n;
        out[2] = (-Math.PI * Math.PI * nyq * Math.cos(Math.PI * tau) - 2 * theta * theta * sumCurve) / n;
    }

    /**
     * The band-limited correlation at a fractional index, straight from a packed spectrum:
     * {@code N c(tau) = W0 + W_{N/2} cos(pi tau) + 2 sum_k Re(W_k e^{2 pi i k tau / N})}.
     */
    static double interpolate(double[] weights, double tau) {
        int n = weights.length;
        int half = n / 2;
        double step = 2 * Math.PI * tau / n;
        // Four independent phasor chains (bins k, k+1, k+2, k+3, each advanced by 4 bins a
        // step): a single chain is one long dependency of multiplies, four keep the pipeline full.
        double c4 = Math.cos(4 * step);
        double s4 = Math.sin(4 * step);
        double r0 = Math.cos(step);
        double i0 = Math.sin(step);
        double r1 = Math.cos(2 * step);
        double i1 = Math.sin(2 * step);
        double r2 = Math.cos(3 * step);
        double i2 = Math.sin(3 * step);
        double r3 = c4;
        double i3 = s4;
        double a0 = 0;
        double a1 = 0;
        double a2 = 0;
        double a3 = 0;
        int k = 1;
        for (; k + 3 < half; k += 4) {
            a0 += weights[2 * k] * r0 - weights[2 * k + 1] * i0;
            a1 += weights[2 * k + 2] * r1 - weights[2 * k + 3] * i1;
            a2 += weights[2 * k + 4] * r2 - weights[2 * k + 5] * i2;
            a3 += weights[2 * k + 6] * r3 - weights[2 * k + 7] * i3;
            double t0 = r0 * c4 - i0 * s4;
            i0 = r0 * s4 + i0 * c4;
            r0 = t0;
            double t1 = r1 * c4 - i1 * s4;
            i1 = r1 * s4 + i1 * c4;
            r1 = t1;
            double t2 = r2 * c4 - i2 * s4;
            i2 = r2 * s4 + i2 * c4;
            r2 = t2;
            double t3 = r3 * c4 - i3 * s4;
            i3 = r3 * s4 + i3 * c4;
            r3 = t3;
        }
        double sum = (a0 + a1) + (a2 + a3);
        for (; k < half; k++) {
            sum += weights[2 * k] * Math.cos(k * step) - weights[2 * k + 1] * Math.sin(k * step);
        }
        return (weights[0] + weights[1] * Math.cos(Math.PI * tau) + 2 * sum) / n;
    }
}
