package org.stemcheck.dsp;

import java.util.Random;

/** Test signals built in code: sines, noise, filters, quantisation. */
public final class Signals {

    private Signals() {
    }

    /** {@code amplitude * sin(2 pi f t)} of {@code frames} frames. */
    public static double[] sine(double amplitude, double hz, double rate, int frames) {
        double[] x = new double[frames];
        for (int i = 0; i < frames; i++) {
            x[i] = amplitude * Math.sin(2 * Math.PI * hz * i / rate);
        }
        return x;
    }

    /** Gaussian white noise of standard deviation {@code sigma}, reproducible from {@code seed}. */
    public static double[] noise(double sigma, int frames, long seed) {
        Random random = new Random(seed);
        double[] x = new double[frames];
        for (int i = 0; i < frames; i++) {
            x[i] = sigma * random.nextGaussian();
        }
        return x;
    }

    /** Rounds every sample to the {@code bits}-bit grid (full scale 1.0), clipped to the codes. */
    public static double[] quantise(double[] x, int bits) {
        double scale = Math.scalb(1.0, bits - 1);
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double v = Math.round(x[i] * scale);
            y[i] = Math.max(-scale, Math.min(scale - 1, v)) / scale;
        }
        return y;
    }

    /** {@code gain * x}. */
    public static double[] scale(double[] x, double gain) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = gain * x[i];
        }
        return y;
    }

    /** Direct-form FIR filtering (zero initial state), output as long as the input. */
    public static double[] fir(double[] x, double[] taps) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double s = 0;
            int m = Math.min(taps.length, i + 1);
            for (int k = 0; k < m; k++) {
                s += taps[k] * x[i - k];
            }
            y[i] = s;
        }
        return y;
    }

    /**
     * A windowed-sinc low-pass: {@code taps} (odd) Blackman-windowed taps with the -6 dB point at
     * {@code cutoffHz}; stop band about -74 dB, transition about {@code 5.5 rate / taps} wide.
     */
    public static double[] lowPassTaps(double cutoffHz, double rate, int taps) {
        double fc = cutoffHz / rate;
        int mid = taps / 2;
        double[] h = new double[taps];
        double sum = 0;
        for (int i = 0; i < taps; i++) {
            int m = i - mid;
            double sinc = m == 0 ? 2 * fc : Math.sin(2 * Math.PI * fc * m) / (Math.PI * m);
            double w = 0.42 - 0.5 * Math.cos(2 * Math.PI * i / (taps - 1))
                    + 0.08 * Math.cos(4 * Math.PI * i / (taps - 1));
            h[i] = sinc * w;
            sum += h[i];
        }
        for (int i = 0; i < taps; i++) {
            h[i] /= sum;
        }
        return h;
    }

    /** A one-pole low-pass {@code y += a (x - y)} with its -3 dB point near {@code cutoffHz}. */
    public static double[] onePole(double[] x, double cutoffHz, double rate) {
        double a = 1 - Math.exp(-2 * Math.PI * cutoffHz / rate);
        double[] y = new double[x.length];
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += a * (x[i] - s);
            y[i] = s;
        }
        return y;
    }
}
