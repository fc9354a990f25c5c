package org.stemcheck.core.testing;

import org.stemcheck.core.Plots;

/** Plain computations of the plot series for tests (not the engine's meters). */
final class PlotSeries {

    private PlotSeries() {
    }

    /** RMS over both channels in windows of {@code window} seconds, in dBFS. */
    static Plots.Series level(double[][] ch, int rate, double window) {
        int n = (int) Math.round(window * rate);
        int count = ch[0].length / n;
        double[] y = new double[count];
        for (int w = 0; w < count; w++) {
            double sum = 0;
            for (double[] c : ch) {
                for (int i = w * n; i < (w + 1) * n; i++) {
                    sum += c[i] * c[i];
                }
            }
            y[w] = 10 * Math.log10(sum / (n * ch.length));
        }
        return Plots.Series.uniform(window / 2, window, y);
    }

    /** Mean square in 3 s windows every 0.1 s, minus 0.691 dB (BS.1770 offset), without K-weighting. */
    static Plots.Series loudness(double[][] ch, int rate) {
        int win = 3 * rate;
        int hop = rate / 10;
        int count = Math.max(0, (ch[0].length - win) / hop + 1);
        double[] y = new double[count];
        for (int w = 0; w < count; w++) {
            double sum = 0;
            for (double[] c : ch) {
                for (int i = w * hop; i < w * hop + win; i++) {
                    sum += c[i] * c[i];
                }
            }
            y[w] = -0.691 + 10 * Math.log10(sum / win);
        }
        return Plots.Series.uniform(3.0, 0.1, y);
    }

    /** Power at 160 log-spaced frequencies from 20 Hz to 23.9 kHz, averaged over Hann windows of 4096 frames. */
    static Plots.Series spectrum(double[][] ch, int rate) {
        int n = 4096;
        int points = 160;
        double[] hz = new double[points];
        double[] db = new double[points];
        double[] window = new double[n];
        double wsum = 0;
        for (int i = 0; i < n; i++) {
            window[i] = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / (n - 1));
            wsum += window[i];
        }
        int frames = Math.min(8, ch[0].length / n);
        for (int k = 0; k < points; k++) {
            double f = 20 * Math.pow(23_900.0 / 20, k / (points - 1.0));
            hz[k] = f;
            double w = 2 * Math.PI * f / rate;
            double power = 0;
            for (int fr = 0; fr < frames; fr++) {
                int start = fr * (ch[0].length - n) / Math.max(1, frames - 1);
                for (double[] c : ch) {
                    double re = 0;
                    double im = 0;
                    double cr = 1;
                    double ci = 0;
                    double dr = Math.cos(w);
                    double di = Math.sin(w);
                    for (int i = 0; i < n; i++) {
                        double v = c[start + i] * window[i];
                        re += v * cr;
                        im -= v * ci;
                        double t = cr * dr - ci * di; // the phasor e^{i w i}, turned by one step
                        ci = cr * di + ci * dr;
                        cr = t;
                    }
                    power += (re * re + im * im) / (wsum * wsum);
                }
            }
            db[k] = 10 * Math.log10(power / (frames * ch.length) + 1e-20);
        }
        return Plots.Series.of(hz, db);
    }
}
