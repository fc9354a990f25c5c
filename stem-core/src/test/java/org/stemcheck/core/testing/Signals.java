package org.stemcheck.core.testing;

import java.util.Random;

import org.jtransforms.fft.DoubleFFT_1D;

/** Test signals made in code: noise, sines, a steep FIR low-pass (a codec's or resampler's wall), fades, a codec made in code. */
public final class Signals {

    private Signals() {
    }

    /** Uniform white noise of peak {@code amp}, reproducible from {@code seed}. */
    public static double[] noise(int frames, double amp, long seed) {
        Random rnd = new Random(seed);
        double[] x = new double[frames];
        for (int i = 0; i < frames; i++) {
            x[i] = amp * (2 * rnd.nextDouble() - 1);
        }
        return x;
    }

    /** A sine of {@code hz} at {@code rate} and peak {@code amp}. */
    public static double[] sine(int frames, double hz, double rate, double amp) {
        double[] x = new double[frames];
        for (int i = 0; i < frames; i++) {
            x[i] = amp * Math.sin(2 * Math.PI * hz * i / rate);
        }
        return x;
    }

    /** The same signal with {@link Delivery#fade} applied: it ends with its tail, then silence. */
    public static double[] faded(double[] x) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = x[i] * Delivery.fade((double) i / x.length);
        }
        return y;
    }

    /**
     * A brick-wall low-pass: a windowed-sinc FIR ({@code taps} odd, Blackman window, stop band about
     * -74 dB) applied twice, so nothing above {@code cutoffHz} survives above the 24-bit floor.
     */
    public static double[] lowPass(double[] x, double cutoffHz, double rate, int taps) {
        double[] h = new double[taps];
        int m = taps - 1;
        double fc = cutoffHz / rate;
        double sum = 0;
        for (int n = 0; n < taps; n++) {
            double k = n - m / 2.0;
            double sinc = k == 0 ? 2 * fc : Math.sin(2 * Math.PI * fc * k) / (Math.PI * k);
            double w = 0.42 - 0.5 * Math.cos(2 * Math.PI * n / m) + 0.08 * Math.cos(4 * Math.PI * n / m);
            h[n] = sinc * w;
            sum += h[n];
        }
        for (int n = 0; n < taps; n++) {
            h[n] /= sum;
        }
        return convolve(convolve(x, h), h);
    }

    private static double[] convolve(double[] x, double[] h) {
        double[] y = new double[x.length];
        int half = h.length / 2;
        for (int i = 0; i < x.length; i++) {
            double s = 0;
            for (int n = 0; n < h.length; n++) {
                int j = i + half - n;
                if (j >= 0 && j < x.length) {
                    s += h[n] * x[j];
                }
            }
            y[i] = s;
        }
        return y;
    }

    /** Each sample times {@code g}. */
    public static double[] gain(double[] x, double g) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = g * x[i];
        }
        return y;
    }

    /** {@code a x + b y}, channel by channel ({@code y} at least as long as {@code x}). */
    public static double[][] blend(double a, double[][] x, double b, double[][] y) {
        double[][] out = new double[x.length][];
        for (int c = 0; c < x.length; c++) {
            out[c] = new double[x[c].length];
            for (int t = 0; t < x[c].length; t++) {
                out[c][t] = a * x[c][t] + b * y[c][t];
            }
        }
        return out;
    }

    /** Two channels. */
    public static double[][] stereo(double[] l, double[] r) {
        return new double[][] {l, r};
    }

    /**
     * {@code x} as a lossy codec gives it back, made in code: frame by frame (2048 samples, half
     * overlapping, square-root Hann windows in and out, which add back to {@code x} untouched),
     * every bin above {@code cutoffHz} is zeroed (the codec's low-pass: it spends no bits there)
     * and every bin below gets noise {@code noiseDb} under its own magnitude, at a phase drawn anew
     * (its quantisation noise, which follows the signal in time and frequency). Each channel and
     * each file draws its own noise from {@code seed}.
     */
    public static double[][] lossy(double[][] x, double rate, double cutoffHz, double noiseDb, long seed) {
        int top = (int) Math.min(FRAME / 2 - 1, Math.floor(cutoffHz / rate * FRAME));
        double g = Math.pow(10, noiseDb / 20);
        Random rnd = new Random(seed);
        return framewise(x, () -> { }, (f, c) -> {
            f[1] = 0.0;                                   // the Nyquist bin
            for (int k = 1; k < FRAME / 2; k++) {
                if (k > top) {
                    f[2 * k] = 0.0;
                    f[2 * k + 1] = 0.0;
                    continue;
                }
                double noise = g * Math.hypot(f[2 * k], f[2 * k + 1]);
                double phase = 2 * Math.PI * rnd.nextDouble();
                f[2 * k] += noise * Math.cos(phase);
                f[2 * k + 1] += noise * Math.sin(phase);
            }
        });
    }

    /**
     * A codec's noise substitution (AAC's PNS) in {@code [fromHz, toHz]}, made in code: frame by
     * frame (as {@link #lossy}), a {@code share} of each bin's power there is replaced by noise of
     * that power at a phase drawn anew, so the band keeps its level but only {@code 1 - share} of
     * it is the signal. What a coder short of bits does to the top octaves of a dense mix.
     */
    public static double[][] noiseSubstituted(double[][] x, double rate, double fromHz, double toHz, double share,
                                              long seed) {
        int lo = (int) Math.ceil(fromHz / rate * FRAME);
        int hi = (int) Math.min(FRAME / 2 - 1, Math.floor(toHz / rate * FRAME));
        double keep = Math.sqrt(1 - share);
        double swap = Math.sqrt(share);
        Random rnd = new Random(seed);
        return framewise(x, () -> { }, (f, c) -> {
            for (int k = Math.max(1, lo); k <= hi; k++) {
                double mag = Math.hypot(f[2 * k], f[2 * k + 1]);
                double phase = 2 * Math.PI * rnd.nextDouble();
                f[2 * k] = keep * f[2 * k] + swap * mag * Math.cos(phase);
                f[2 * k + 1] = keep * f[2 * k + 1] + swap * mag * Math.sin(phase);
            }
        });
    }

    /**
     * {@link #lossy(double[][], double, double, double, long)} with the noise drawn from {@code seed}:
     * 30 to 40 dB under the signal, the range of AAC at 128-256 kbit/s and MP3 at 128-320 kbit/s
     * (ffmpeg's AAC at 256 kbit/s left -31 to -46 dB of error on most LMMS stems,
     * scripts/lmms/lossy.py). The cut-off is the codec's, one for every file it coded (ffmpeg's
     * AAC: 20 kHz at 256 kbit/s, 16 kHz at 128; LAME: 19.7 kHz at 256, 17 kHz at 128).
     */
    public static double[][] lossy(double[][] x, double rate, double cutoffHz, long seed) {
        Random rnd = new Random(seed);
        double noise = -30 - 10 * rnd.nextDouble();
        return lossy(x, rate, Math.min(cutoffHz, 0.45 * rate), noise, rnd.nextLong());
    }

    /** A codec's cut-off drawn from {@code seed}: 16 to 19 kHz. */
    public static double codecCutoffHz(long seed) {
        return 16_000 + 3_000 * new Random(seed).nextDouble();
    }

    /**
     * Another render of {@code x}: the same short-time magnitude spectra with every phase drawn
     * anew (2048-point frames, half overlapping, square-root Hann windows in and out, one draw
     * per frame and bin shared by the channels, so the stereo image stays): what a synth with
     * random phases or per-render noise gives when rendered again. It sounds alike and correlates
     * with {@code x} hardly at all.
     */
    public static double[][] renderedAgain(double[][] x, long seed) {
        Random rnd = new Random(seed);
        double[] phase = new double[FRAME / 2];
        return framewise(x, () -> {
            for (int k = 1; k < FRAME / 2; k++) {
                phase[k] = 2 * Math.PI * rnd.nextDouble();
            }
        }, (f, c) -> {
            for (int k = 1; k < FRAME / 2; k++) {
                double mag = Math.hypot(f[2 * k], f[2 * k + 1]);
                f[2 * k] = mag * Math.cos(phase[k]);
                f[2 * k + 1] = mag * Math.sin(phase[k]);
            }
        });
    }

    /** The frames of {@link #framewise}: 2048 samples, half overlapping. */
    private static final int FRAME = 2048;

    /** A change to one channel's spectrum of a frame, in place ({@code f} packed as JTransforms' {@code realForward}). */
    private interface SpectrumChange {
        void apply(double[] f, int channel);
    }

    /**
     * {@code x} changed frame by frame in the frequency domain: {@link #FRAME}-sample frames, half
     * overlapping, square-root Hann windows in and out (which add back to {@code x} untouched
     * where nothing is changed); {@code eachFrame} runs before a frame's channels, then
     * {@code change} on each channel's spectrum.
     */
    private static double[][] framewise(double[][] x, Runnable eachFrame, SpectrumChange change) {
        int hop = FRAME / 2;
        double[] w = new double[FRAME];
        for (int i = 0; i < FRAME; i++) {
            w[i] = Math.sqrt(0.5 - 0.5 * Math.cos(2 * Math.PI * i / FRAME));
        }
        DoubleFFT_1D fft = new DoubleFFT_1D(FRAME);
        int len = x[0].length;
        double[][] y = new double[x.length][len];
        double[] f = new double[FRAME];
        for (int start = -hop; start < len; start += hop) {
            eachFrame.run();
            for (int c = 0; c < x.length; c++) {
                for (int i = 0; i < FRAME; i++) {
                    int t = start + i;
                    f[i] = t >= 0 && t < len ? x[c][t] * w[i] : 0.0;
                }
                fft.realForward(f);
                change.apply(f, c);
                fft.realInverse(f, true);
                for (int i = 0; i < FRAME; i++) {
                    int t = start + i;
                    if (t >= 0 && t < len) {
                        y[c][t] += f[i] * w[i];
                    }
                }
            }
        }
        return y;
    }
}
