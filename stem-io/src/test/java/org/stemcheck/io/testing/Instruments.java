package org.stemcheck.io.testing;

import java.util.Random;

/**
 * Generated stand-ins for stems, mono at {@link #RATE}: a plucked bass line, a sung vowel with
 * vibrato, a drum pattern of noise bursts over kick thumps, and a look-ahead limiter.
 */
public final class Instruments {

    public static final int RATE = 48_000;

    private Instruments() {
    }

    /** A bass line: decaying notes E1-A1-B1-G1 (41-62 Hz, with harmonics 2 and 3), one per 0.5 s, played at four velocities. */
    public static double[] bassLine(double seconds, double amplitude) {
        double[] notes = {41.2, 55.0, 61.7, 49.0};
        double[] velocity = {1.0, 0.7, 0.85, 0.6, 0.9};
        int n = frames(seconds);
        int note = RATE / 2;
        double[] x = new double[n];
        double phase = 0;
        for (int i = 0; i < n; i++) {
            double f = notes[(i / note) % notes.length];
            double t = (i % note) / (double) RATE;
            phase += 2 * Math.PI * f / RATE;
            double env = velocity[(i / note) % velocity.length] * Math.exp(-t * 3);
            x[i] = amplitude * env * (Math.sin(phase) + 0.4 * Math.sin(2 * phase) + 0.2 * Math.sin(3 * phase)) / 1.6;
        }
        return x;
    }

    /**
     * A sung "ah": fundamental around {@code f0} Hz with 5.5 Hz vibrato of 3 %, harmonics up to
     * 4 kHz weighted by formants at 800 and 1200 Hz (an /a/), phrases of 0.9 s with 0.1 s breaths,
     * each phrase at its own level (0, -4, -2, -6, -3 dB).
     */
    public static double[] vowel(double seconds, double f0, double amplitude) {
        return voice(seconds, f0, amplitude, true);
    }

    /** The same vowel held without a break (a choir pad): no attacks after the first. */
    public static double[] pad(double seconds, double f0, double amplitude) {
        return voice(seconds, f0, amplitude, false);
    }

    private static double[] voice(double seconds, double f0, double amplitude, boolean breaths) {
        int n = frames(seconds);
        double[] x = new double[n];
        double phase = 0;
        int harmonics = (int) (4000 / f0);
        double[] weight = new double[harmonics + 1];
        double sum = 0;
        for (int h = 1; h <= harmonics; h++) {
            double fh = h * f0;
            weight[h] = formant(fh, 800, 150) + 0.6 * formant(fh, 1200, 200) + 0.3 / h;
            sum += weight[h];
        }
        int phrase = breaths ? RATE : Integer.MAX_VALUE;
        double[] level = {1.0, 0.63, 0.79, 0.5, 0.71};
        for (int i = 0; i < n; i++) {
            double t = i / (double) RATE;
            double f = f0 * (1 + 0.03 * Math.sin(2 * Math.PI * 5.5 * t));
            phase += 2 * Math.PI * f / RATE;
            int k = i % phrase;
            double env = k < 0.9 * phrase ? Math.min(1, k / (0.05 * RATE)) * level[(i / phrase) % level.length] : 0;
            double v = 0;
            for (int h = 1; h <= harmonics; h++) {
                v += weight[h] * Math.sin(h * phase);
            }
            x[i] = amplitude * env * v / sum;
        }
        return x;
    }

    private static double formant(double f, double centre, double width) {
        double d = (f - centre) / width;
        return 1 / (1 + d * d);
    }

    /** A drum pattern: a noise burst (hi-hat/snare) every 250 ms and a kick (a 120-50 Hz sweep) every 500 ms. */
    public static double[] drums(double seconds, double amplitude, long seed) {
        Random rnd = new Random(seed);
        int n = frames(seconds);
        double[] x = new double[n];
        int step = RATE / 4;
        for (int i = 0; i < n; i++) {
            int k = i % step;
            double t = k / (double) RATE;
            double v = rnd.nextGaussian() * 0.5 * Math.exp(-t * 30);
            if ((i / step) % 2 == 0) {
                v += Math.sin(2 * Math.PI * (50 * t + 70 * (1 - Math.exp(-t * 30)) / 30)) * Math.exp(-t * 40);
            }
            x[i] = amplitude * v;
        }
        return x;
    }

    /**
     * A look-ahead peak limiter (2 ms): the gain reaches what each sample needs before it comes
     * (the minimum over the window ahead), then recovers with a 60 ms exponential release, so that
     * no output sample exceeds {@code ceiling}. The input is driven so that its peak would land
     * {@code driveDb} above the ceiling.
     */
    public static double[] limit(double[] x, double ceiling, double driveDb) {
        double max = 0;
        for (double v : x) {
            max = Math.max(max, Math.abs(v));
        }
        double pre = ceiling / max * Math.pow(10, driveDb / 20);
        int ahead = RATE / 500;
        int n = x.length;
        double[] need = new double[n];
        for (int i = 0; i < n; i++) {
            double a = Math.abs(x[i] * pre);
            need[i] = a > ceiling ? ceiling / a : 1;
        }
        double[] out = new double[n];
        double g = 1;
        double release = Math.exp(-1 / (0.060 * RATE));
        for (int i = 0; i < n; i++) {
            double target = 1;
            for (int j = i; j < Math.min(n, i + ahead); j++) {
                target = Math.min(target, need[j]);
            }
            g = target < g ? target : 1 - (1 - g) * release;
            g = Math.min(g, need[i]);
            out[i] = x[i] * pre * g;
        }
        return out;
    }

    /** The same signal in both channels. */
    public static double[][] stereo(double[] mono) {
        return new double[][] {mono, mono.clone()};
    }

    private static int frames(double seconds) {
        return (int) Math.round(seconds * RATE);
    }
}
