package org.stemcheck.dsp.internal;

import java.util.Arrays;

/**
 * The power sums of Welch's method from transformed segments, and the power spectra in dB made of
 * them: one code path for {@code org.stemcheck.dsp.WelchSpectrum}, which windows and transforms a
 * file's segments itself, and for the null test's short-time spectra, which transform the same
 * segments of every stem and mix anyway and hand them here, so that a file's spectrum costs no
 * transform of its own and is the same to the last bit.
 *
 * <p>Sums per segment: per channel {@code |X_c|^2 * scale} (one-sided: every bin but DC and
 * Nyquist twice), and, for more than one channel, the mono fold's {@code |mean_c X_c|^2 * scale}
 * (the transform is linear, so the fold costs no transform). Static methods; thread-safe.
 */
public final class WelchPower {

    private WelchPower() {
    }

    /**
     * The periodic Hann window of {@code n} points, {@code 0.5 - 0.5 cos(2 pi j / n)}, which
     * overlap-adds flat at 50 %.
     *
     * @param n points
     * @return the window
     */
    public static double[] hann(int n) {
        double[] w = new double[n];
        for (int j = 0; j < n; j++) {
            w[j] = 0.5 - 0.5 * Math.cos(2 * Math.PI * j / n);
        }
        return w;
    }

    /**
     * {@code sum w[j]^2} over the first {@code n} points.
     *
     * @param w a window
     * @param n points summed
     * @return the sum
     */
    public static double sumOfSquares(double[] w, int n) {
        double sum = 0;
        for (int j = 0; j < n; j++) {
            sum += w[j] * w[j];
        }
        return sum;
    }

    /**
     * The sums' layout: one array per channel, plus one for the mono fold when there is more
     * than one channel, each of {@code size / 2 + 1} bins.
     *
     * @param channels channels, at least 1
     * @param size     segment length, even
     * @return zeroed sums
     */
    public static double[][] sums(int channels, int size) {
        return new double[channels == 1 ? 1 : channels + 1][size / 2 + 1];
    }

    /**
     * Adds one segment's power to {@code target}.
     *
     * @param transforms per channel, the segment's forward transform in {@link Fft}'s packed layout
     * @param size       the transform size
     * @param scale      {@code 1 / (size * sum w^2)} of the segment's window
     * @param target     sums as {@link #sums} lays them out
     * @param mono       scratch of {@code size} doubles for more than two channels (else unused)
     */
    public static void add(double[][] transforms, int size, double scale, double[][] target, double[] mono) {
        int channels = transforms.length;
        if (channels == 2) {
            addStereo(transforms[0], transforms[1], size, scale, target);
            return;
        }
        for (int c = 0; c < channels; c++) {
            addPower(transforms[c], size, scale, target[c]);
        }
        if (channels > 2) {
            Arrays.fill(mono, 0, size, 0.0);
            for (double[] t : transforms) {
                for (int j = 0; j < size; j++) {
                    mono[j] += t[j];
                }
            }
            addPower(mono, size, scale / ((double) channels * channels), target[channels]);
        }
    }

    /**
     * {@link #addPower} for two channels and their mono fold in one pass over the bins: the fold's
     * transform is {@code (L + R) / 2}, formed bin by bin instead of in an array of its own.
     */
    private static void addStereo(double[] left, double[] right, int size, double scale, double[][] target) {
        double[] sumL = target[0];
        double[] sumR = target[1];
        double[] sumM = target[2];
        double monoScale = scale / 4.0;
        int half = size / 2;
        sumL[0] += left[0] * left[0] * scale;
        sumL[half] += left[1] * left[1] * scale;
        sumR[0] += right[0] * right[0] * scale;
        sumR[half] += right[1] * right[1] * scale;
        double m0 = left[0] + right[0];
        double m1 = left[1] + right[1];
        sumM[0] += m0 * m0 * monoScale;
        sumM[half] += m1 * m1 * monoScale;
        double twice = 2 * scale;
        double monoTwice = 2 * monoScale;
        for (int k = 1; k < half; k++) {
            double lr = left[2 * k];
            double li = left[2 * k + 1];
            double rr = right[2 * k];
            double ri = right[2 * k + 1];
            sumL[k] += (lr * lr + li * li) * twice;
            sumR[k] += (rr * rr + ri * ri) * twice;
            double mr = lr + rr;
            double mi = li + ri;
            sumM[k] += (mr * mr + mi * mi) * monoTwice;
        }
    }

    /**
     * Adds the one-sided power of a packed transform: DC and Nyquist once, every other bin twice
     * (its negative twin).
     */
    private static void addPower(double[] packed, int size, double scale, double[] sum) {
        int half = size / 2;
        double twice = 2 * scale;
        sum[0] += packed[0] * packed[0] * scale;
        sum[half] += packed[1] * packed[1] * scale;
        for (int k = 1; k < half; k++) {
            double re = packed[2 * k];
            double im = packed[2 * k + 1];
            sum[k] += (re * re + im * im) * twice;
        }
    }

    /**
     * The power spectra of {@code segments} segments' sums, in dB: one row per channel, then the
     * channels' mean power, then the mono fold (for one channel, the channel's own row again).
     *
     * @param totals   sums as {@link #sums} lays them out
     * @param channels channels
     * @param segments segments summed (with none, every bin's power is 0: negative infinity dB)
     * @return {@code channels + 2} rows of {@code size / 2 + 1} bins, dB re full scale squared
     */
    public static double[][] powerDb(double[][] totals, int channels, long segments) {
        double[][] out = new double[channels + 2][];
        double[] average = new double[totals[0].length];
        for (int c = 0; c < channels; c++) {
            out[c] = toDb(totals[c], segments, 1);
            for (int k = 0; k < average.length; k++) {
                average[k] += totals[c][k];
            }
        }
        out[channels] = toDb(average, segments, channels);
        out[channels + 1] = channels == 1 ? out[0] : toDb(totals[channels], segments, 1);
        return out;
    }

    private static double[] toDb(double[] sum, long segments, int channels) {
        double[] db = new double[sum.length];
        double scale = segments == 0 ? 0 : 1.0 / ((double) segments * channels);
        for (int k = 0; k < db.length; k++) {
            db[k] = Db.power(sum[k] * scale);
        }
        return db;
    }
}
