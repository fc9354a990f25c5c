package org.stemcheck.dsp.content;

import java.util.Arrays;

import org.stemcheck.dsp.internal.Fft;

/**
 * The power spectrum of one frame per hop (Hann window), summed per band, and the frame's spectral
 * centroid, weighted by the frame's power into a mean and a spread. Fixed memory; not thread-safe.
 */
final class BandMeter {

    /** Band edges in Hz: sub, low, low-mid, presence (1-4 kHz), high, air (above 8 kHz). */
    static final double[] EDGES = {120, 300, 1000, 4000, 8000};

    private final Fft fft;
    private final double[] window;
    private final double[] data;
    /** Band b holds bins {@code firstBin[b] .. firstBin[b + 1])}; bin 0 (DC) is in none. */
    private final int[] firstBin;
    private final double binHz;
    private final double[] bands = new double[EDGES.length + 1];
    private double weight;
    private double weightedCentroid;
    private double weightedCentroidSquared;

    BandMeter(double sampleRate, int hop) {
        int n = Math.max(64, Integer.highestOneBit(Math.max(2, hop)));
        this.fft = Fft.ofSize(n);
        this.window = new double[n];
        for (int i = 0; i < n; i++) {
            window[i] = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / n);
        }
        this.data = new double[n];
        this.binHz = sampleRate / n;
        this.firstBin = new int[EDGES.length + 2];
        Arrays.fill(firstBin, fft.bins());
        firstBin[0] = 1;
        for (int k = fft.bins() - 1; k >= 1; k--) {
            int b = 0;
            while (b < EDGES.length && k * binHz >= EDGES[b]) {
                b++;
            }
            firstBin[b] = k; // bins rise with k, so the lowest bin of band b is written last
        }
        for (int b = EDGES.length; b >= 1; b--) {
            firstBin[b] = Math.min(firstBin[b], firstBin[b + 1]); // a band without bins starts where the next does
        }
    }

    /** Samples per frame: at most {@code hop}. */
    int size() {
        return fft.size();
    }

    /** Analyses {@code x[0 .. size())}, a sounding frame. */
    void accept(double[] x) {
        int n = fft.size();
        for (int i = 0; i < n; i++) {
            data[i] = x[i] * window[i];
        }
        fft.forward(data);
        // the power of bin k straight from the packed transform (as Fft.power), band by band
        double total = 0;
        double moment = 0;
        int half = n / 2;
        for (int b = 0; b < bands.length; b++) {
            double sum = bands[b];
            for (int k = firstBin[b]; k < firstBin[b + 1]; k++) {
                double p = k == half ? data[1] * data[1] : data[2 * k] * data[2 * k] + data[2 * k + 1] * data[2 * k + 1];
                sum += p;
                total += p;
                moment += p * k * binHz;
            }
            bands[b] = sum;
        }
        if (total > 0) {
            double c = moment / total;
            weight += total;
            weightedCentroid += total * c;
            weightedCentroidSquared += total * c * c;
        }
    }

    /** Each band's share of the power of all analysed frames (zeros when nothing was analysed). */
    double[] shares() {
        double total = 0;
        for (double b : bands) {
            total += b;
        }
        double[] out = new double[bands.length];
        for (int i = 0; i < out.length && total > 0; i++) {
            out[i] = bands[i] / total;
        }
        return out;
    }

    /** The power-weighted mean of the frames' spectral centroids, in Hz (NaN when nothing was analysed). */
    double centroid() {
        return weight > 0 ? weightedCentroid / weight : Double.NaN;
    }

    /** The power-weighted standard deviation of the frames' centroids, in Hz. */
    double centroidSpread() {
        if (!(weight > 0)) {
            return Double.NaN;
        }
        double m = centroid();
        return Math.sqrt(Math.max(0, weightedCentroidSquared / weight - m * m));
    }
}
