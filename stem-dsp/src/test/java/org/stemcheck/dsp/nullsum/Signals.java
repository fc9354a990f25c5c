package org.stemcheck.dsp.nullsum;

import java.util.SplittableRandom;

/** Test signals built in code: noises, filters, a drum-like click train, tones, delays. */
final class Signals {

    static final int RATE = 48_000;

    private Signals() {
    }

    /** White noise, uniform in [-a, a). */
    static double[] noise(long seed, int n, double a) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] x = new double[n];
        for (int t = 0; t < n; t++) {
            x[t] = a * (2 * r.nextDouble() - 1);
        }
        return x;
    }

    /**
     * A drum-like pattern at {@code bpm}: on every beat a short decaying burst of fresh noise
     * (different on every hit, as played drums are) plus a 60 Hz kick thump.
     */
    static double[] drums(long seed, int n, double bpm, int rate) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] x = new double[n];
        int beat = (int) Math.round(rate * 60.0 / bpm);
        for (int start = 0; start < n; start += beat) {
            double level = 0.5 + 0.5 * r.nextDouble();
            for (int t = 0; t < rate / 5 && start + t < n; t++) {
                double env = Math.exp(-t / (0.03 * rate));
                double kick = Math.sin(2 * Math.PI * 60 * t / rate) * Math.exp(-t / (0.08 * rate));
                x[start + t] += level * (0.3 * env * (2 * r.nextDouble() - 1) + 0.4 * kick);
            }
        }
        return x;
    }

    /** A strictly periodic click train: the same 2 ms click on every beat. */
    static double[] clicks(int n, double bpm, int rate) {
        double[] x = new double[n];
        int beat = (int) Math.round(rate * 60.0 / bpm);
        SplittableRandom r = new SplittableRandom(7);
        double[] click = new double[rate / 500];
        for (int t = 0; t < click.length; t++) {
            click[t] = 0.5 * (2 * r.nextDouble() - 1) * Math.exp(-t / (0.0005 * rate));
        }
        for (int start = 0; start < n; start += beat) {
            for (int t = 0; t < click.length && start + t < n; t++) {
                x[start + t] = click[t];
            }
        }
        return x;
    }

    /** A sum of sines with a slow tremolo. */
    static double[] tones(int n, int rate, double... hz) {
        double[] x = new double[n];
        for (int t = 0; t < n; t++) {
            double env = 0.6 + 0.4 * Math.sin(2 * Math.PI * 0.7 * t / rate);
            for (int k = 0; k < hz.length; k++) {
                x[t] += env * 0.1 * Math.sin(2 * Math.PI * hz[k] * t / rate + k);
            }
        }
        return x;
    }

    /** {@code y[t] = x[t - d]}, zeros outside (d < 0: early). */
    static double[] delay(double[] x, int d) {
        double[] y = new double[x.length];
        for (int t = 0; t < x.length; t++) {
            int s = t - d;
            y[t] = s >= 0 && s < x.length ? x[s] : 0.0;
        }
        return y;
    }

    /**
     * A fractional delay by {@code d} samples: a Blackman-windowed sinc, 70 taps symmetric about
     * {@code d} (exactly linear phase, so the delay is exactly {@code d} at every frequency).
     */
    static double[] fractionalDelay(double[] x, double d) {
        int half = 35;
        int first = (int) Math.floor(d) - half + 1;
        int taps = 2 * half;
        double[] h = new double[taps];
        for (int j = 0; j < taps; j++) {
            double u = first + j - d;
            double sinc = u == 0 ? 1 : Math.sin(Math.PI * u) / (Math.PI * u);
            double w = 0.42 + 0.5 * Math.cos(Math.PI * u / (half + 1)) + 0.08 * Math.cos(2 * Math.PI * u / (half + 1));
            h[j] = sinc * w;
        }
        double[] y = new double[x.length];
        for (int t = 0; t < x.length; t++) {
            double s = 0;
            for (int j = 0; j < taps; j++) {
                int k = t - (first + j);
                if (k >= 0 && k < x.length) {
                    s += h[j] * x[k];
                }
            }
            y[t] = s;
        }
        return y;
    }

    static double[] scale(double[] x, double g) {
        double[] y = new double[x.length];
        for (int t = 0; t < x.length; t++) {
            y[t] = g * x[t];
        }
        return y;
    }

    /** Stereo from mono: left as is, right scaled (a simple pan). */
    static double[][] pan(double[] x, double right) {
        return new double[][] {x.clone(), scale(x, right)};
    }

    /** The mix, summed in double and stored as 32-bit float (a float mixdown). */
    static double[][] mix(double[][][] stems) {
        int channels = stems[0].length;
        int n = stems[0][0].length;
        double[][] m = new double[channels][n];
        for (int c = 0; c < channels; c++) {
            for (int t = 0; t < n; t++) {
                double s = 0;
                for (double[][] stem : stems) {
                    s += stem[c][t];
                }
                m[c][t] = (float) s;
            }
        }
        return m;
    }

    /** Feeds everything in blocks of {@code block} frames and returns the result. */
    static NullResult run(double[][][] stems, double[][] mix, int block) {
        NullSum test = NullSum.create(NullSumSetup.of(RATE, stems.length, mix.length));
        int n = mix[0].length;
        for (int at = 0; at < n; at += block) {
            test.accept(stems, mix, at, Math.min(block, n - at));
        }
        return test.result();
    }

    /** Biquad coefficients {b0, b1, b2, a1, a2} (a0 normalised to 1). */
    static double[] filter(double[] x, double[] c) {
        double[] y = new double[x.length];
        double x1 = 0;
        double x2 = 0;
        double y1 = 0;
        double y2 = 0;
        for (int t = 0; t < x.length; t++) {
            double v = c[0] * x[t] + c[1] * x1 + c[2] * x2 - c[3] * y1 - c[4] * y2;
            x2 = x1;
            x1 = x[t];
            y2 = y1;
            y1 = v;
            y[t] = v;
        }
        return y;
    }

    /** RBJ Audio EQ Cookbook low-pass (R. Bristow-Johnson), Q = 1/sqrt(2). */
    static double[] lowPass(double hz, int rate) {
        double w = 2 * Math.PI * hz / rate;
        double alpha = Math.sin(w) / (2 / Math.sqrt(2));
        double cos = Math.cos(w);
        double a0 = 1 + alpha;
        return new double[] {(1 - cos) / 2 / a0, (1 - cos) / a0, (1 - cos) / 2 / a0, -2 * cos / a0, (1 - alpha) / a0};
    }

    /** RBJ Audio EQ Cookbook high-shelf, shelf slope S = 1, {@code gainDb} above {@code hz}. */
    static double[] highShelf(double hz, double gainDb, int rate) {
        double a = Math.pow(10, gainDb / 40);
        double w = 2 * Math.PI * hz / rate;
        double cos = Math.cos(w);
        double alpha = Math.sin(w) / 2 * Math.sqrt((a + 1 / a) * (1 / 1.0 - 1) + 2);
        double sq = 2 * Math.sqrt(a) * alpha;
        double a0 = (a + 1) - (a - 1) * cos + sq;
        return new double[] {
            a * ((a + 1) + (a - 1) * cos + sq) / a0,
            -2 * a * ((a - 1) + (a + 1) * cos) / a0,
            a * ((a + 1) + (a - 1) * cos - sq) / a0,
            2 * ((a - 1) - (a + 1) * cos) / a0,
            ((a + 1) - (a - 1) * cos - sq) / a0};
    }
}
