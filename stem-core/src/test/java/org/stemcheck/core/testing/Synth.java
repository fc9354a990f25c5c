package org.stemcheck.core.testing;

import java.util.Random;

/** Song-like test signals, stereo, made of sines, decays and noise (nothing recorded). */
final class Synth {

    private static final double BEAT = 0.5; // 120 bpm

    private Synth() {
    }

    static double[][] drums(int frames, int rate, Random rnd) {
        double[][] out = new double[2][frames];
        for (int i = 0; i < frames; i++) {
            double t = i / (double) rate;
            double inBeat = t % BEAT;
            double kick = 0.5 * Math.exp(-inBeat * 18) * Math.sin(2 * Math.PI * 55 * inBeat * (1 + Math.exp(-inBeat * 40)));
            double inHat = t % (BEAT / 2);
            double hat = 0.12 * Math.exp(-inHat * 60) * rnd.nextGaussian();
            out[0][i] = kick + hat;
            out[1][i] = kick + 0.8 * hat;
        }
        return out;
    }

    static double[][] bass(int frames, int rate) {
        double[] notes = {55.0, 55.0, 43.65, 49.0};
        double[][] out = new double[2][frames];
        for (int i = 0; i < frames; i++) {
            double t = i / (double) rate;
            double f = notes[(int) (t / 1.5) % notes.length];
            double env = 0.35 * Math.exp(-(t % 1.5) * 1.2);
            double v = env * (Math.sin(2 * Math.PI * f * t) + 0.3 * Math.sin(4 * Math.PI * f * t));
            out[0][i] = v;
            out[1][i] = v;
        }
        return out;
    }

    static double[][] chords(int frames, int rate, double level) {
        double[][] chords = {{261.6, 329.6, 392.0}, {220.0, 261.6, 329.6}, {174.6, 220.0, 261.6}};
        double[][] out = new double[2][frames];
        for (int i = 0; i < frames; i++) {
            double t = i / (double) rate;
            double[] c = chords[(int) (t / 2) % chords.length];
            double env = level * (1 - Math.exp(-(t % 2) * 30)) * Math.exp(-(t % 2) * 0.8);
            double v = 0;
            for (double f : c) {
                v += Math.sin(2 * Math.PI * f * t) + 0.25 * Math.sin(6 * Math.PI * f * t);
            }
            out[0][i] = env * v;
            out[1][i] = 0.7 * env * v;
        }
        return out;
    }

    static double[][] plucks(int frames, int rate, Random rnd) {
        double[][] out = new double[2][frames];
        for (int i = 0; i < frames; i++) {
            double t = i / (double) rate;
            double in = t % (BEAT / 2);
            double f = 196.0 * (1 + (int) (t / BEAT) % 3 * 0.25);
            double v = 0;
            for (int h = 1; h <= 12; h++) {
                v += Math.sin(2 * Math.PI * f * h * t) / h;
            }
            double s = 0.12 * Math.exp(-in * 10) * v + 0.02 * rnd.nextGaussian();
            out[0][i] = 0.6 * s;
            out[1][i] = s;
        }
        return out;
    }

    static double[][] voice(int frames, int rate) {
        double[][] out = new double[2][frames];
        for (int i = 0; i < frames; i++) {
            double t = i / (double) rate;
            double phrase = t % 2.0;
            double env = phrase > 0.3 && phrase < 1.6 ? 0.2 * Math.sin(Math.PI * (phrase - 0.3) / 1.3) : 0;
            double f = 330 * (1 + 0.01 * Math.sin(2 * Math.PI * 5.5 * t));
            double v = 0;
            for (int h = 1; h <= 8; h++) {
                v += Math.sin(2 * Math.PI * f * h * t) / (h * h);
            }
            out[0][i] = env * v;
            out[1][i] = env * v;
        }
        return out;
    }

    static double[][] pad(int frames, int rate, Random rnd) {
        double[][] out = chords(frames, rate, 0.0);
        for (int i = 0; i < frames; i++) {
            double t = i / (double) rate;
            double env = 0.05 * Math.min(1, t / 2);
            double v = Math.sin(2 * Math.PI * 130.8 * t) + Math.sin(2 * Math.PI * 196.0 * t) + 0.05 * rnd.nextGaussian();
            out[0][i] = env * v;
            out[1][i] = env * Math.sin(2 * Math.PI * 131.2 * t) + env * Math.sin(2 * Math.PI * 196.4 * t);
        }
        return out;
    }

    static double[][] tails(int frames, int rate, Random rnd) {
        double[][] out = new double[2][frames];
        for (int i = 0; i < frames; i++) {
            double t = i / (double) rate;
            double env = 0.03 * Math.exp(-(t % 1.0) * 3);
            out[0][i] = env * rnd.nextGaussian();
            out[1][i] = env * rnd.nextGaussian();
        }
        return out;
    }

    /** A 127-tap windowed-sinc low-pass at {@code cutoff} Hz (a lossy codec's band limit). */
    static double[][] lowPass(double[][] in, int rate, double cutoff) {
        int taps = 127;
        double[] h = new double[taps];
        double fc = cutoff / rate;
        for (int k = 0; k < taps; k++) {
            int m = k - taps / 2;
            double sinc = m == 0 ? 2 * fc : Math.sin(2 * Math.PI * fc * m) / (Math.PI * m);
            h[k] = sinc * (0.42 - 0.5 * Math.cos(2 * Math.PI * k / (taps - 1)) + 0.08 * Math.cos(4 * Math.PI * k / (taps - 1)));
        }
        double[][] out = new double[in.length][in[0].length];
        for (int c = 0; c < in.length; c++) {
            for (int i = 0; i < in[c].length; i++) {
                double acc = 0;
                for (int k = 0; k < taps; k++) {
                    int j = i - k + taps / 2;
                    if (j >= 0 && j < in[c].length) {
                        acc += h[k] * in[c][j];
                    }
                }
                out[c][i] = acc;
            }
        }
        return out;
    }

    static double[][] cut(double[][] in, int frames) {
        double[][] out = new double[in.length][];
        for (int c = 0; c < in.length; c++) {
            out[c] = java.util.Arrays.copyOf(in[c], frames);
        }
        return out;
    }

    static double[][] delay(double[][] in, int frames) {
        double[][] out = new double[in.length][in[0].length];
        for (int c = 0; c < in.length; c++) {
            System.arraycopy(in[c], 0, out[c], frames, in[c].length - frames);
        }
        return out;
    }

    static double[][] sum(double[][]... parts) {
        double[][] out = new double[2][parts[0][0].length];
        for (double[][] p : parts) {
            addInto(out, p);
        }
        return out;
    }

    static void addInto(double[][] acc, double[][] p) {
        for (int c = 0; c < acc.length; c++) {
            for (int i = 0; i < Math.min(acc[c].length, p[c].length); i++) {
                acc[c][i] += p[c][i];
            }
        }
    }

    static double[][] scale(double[][] in, double g) {
        double[][] out = new double[in.length][in[0].length];
        for (int c = 0; c < in.length; c++) {
            for (int i = 0; i < in[c].length; i++) {
                out[c][i] = g * in[c][i];
            }
        }
        return out;
    }
}
