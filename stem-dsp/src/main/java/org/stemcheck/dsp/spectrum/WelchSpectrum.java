package org.stemcheck.dsp.spectrum;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.stemcheck.dsp.Accumulator;
import org.stemcheck.dsp.internal.Blocks;
import org.stemcheck.dsp.internal.Db;
import org.stemcheck.dsp.internal.Fft;

/**
 * Welch's averaged periodogram (P. D. Welch, IEEE Trans. Audio Electroacoustics 15(2), 1967):
 * segments of {@code n} frames, periodic Hann window, 50% overlap, per channel, averaged over the
 * channels, and for the mono fold (the mean of all channels; the channel itself for mono input).
 *
 * <p>Memory is bounded: {@code n} samples and {@code n/2 + 1} sums per channel (plus the mono
 * fold), whatever the file's length. Segments are formed by frame count, so the result does not
 * depend on how the signal is split into blocks. Frames after the last whole segment are not used;
 * a file shorter than one segment gives one zero-padded segment. Scaling: see {@link Spectrum}.
 */
public final class WelchSpectrum implements Accumulator<WelchSpectrum.Result> {

    /** Default segment at 48 kHz: 8192 frames, 5.86 Hz bins; scaled with the rate to keep that. */
    public static final int DEFAULT_SIZE_AT_48K = 8192;

    /** Smallest segment accepted. */
    public static final int MIN_SIZE = 16;

    /** Largest segment accepted (1.4 s at 48 kHz; 0.5 MiB per channel buffer). */
    public static final int MAX_SIZE = 1 << 16;

    private final int channels;
    private final int size;
    private final int hop;
    private final double sampleRate;
    private final Fft fft;
    private final double[] window;
    /** Sum of the squared window, {@code sum w[j]^2}, for whole segments. */
    private final double windowPower;
    /**
     * Per channel, the last {@code size} frames as a ring: the current segment starts at
     * {@link #start} (0 or {@code hop}) and wraps, so a hop moves the start instead of the samples.
     */
    private final double[][] buffers;
    private final double[][] sums;
    private final double[][] transforms;
    private final double[] mono;
    private int fill;
    private int start;
    private long segments;

    private WelchSpectrum(int channels, double sampleRate, int size) {
        this.channels = channels;
        this.size = size;
        this.hop = size / 2;
        this.sampleRate = sampleRate;
        this.fft = Fft.ofSize(size);
        this.window = hann(size);
        this.windowPower = sumOfSquares(window, size);
        this.buffers = new double[channels][size];
        this.sums = new double[channels == 1 ? 1 : channels + 1][fft.bins()];
        this.transforms = new double[channels][size];
        this.mono = new double[channels > 2 ? size : 0];
    }

    /**
     * The default segment size for a rate, which keeps bins about 5.9 Hz wide.
     *
     * @param sampleRate the rate in Hz, positive and finite
     * @return the power of two nearest {@code 8192 * rate / 48 kHz}, 256 to 65536
     */
    public static int defaultSize(double sampleRate) {
        Blocks.sampleRate(sampleRate);
        double ideal = DEFAULT_SIZE_AT_48K * sampleRate / 48_000.0;
        int exponent = (int) Math.round(Math.log(ideal) / Math.log(2));
        return 1 << Math.max(8, Math.min(16, exponent));
    }

    /**
     * A Welch spectrum with {@link #defaultSize(double)}.
     *
     * @param channels   1 to 65535
     * @param sampleRate the rate in Hz, positive and finite
     * @return a new accumulator
     * @throws IllegalArgumentException when an argument is out of range
     */
    public static WelchSpectrum create(int channels, double sampleRate) {
        return create(channels, sampleRate, defaultSize(sampleRate));
    }

    /**
     * A Welch spectrum of segments of {@code size} frames: longer segments give finer bins and
     * fewer averages.
     *
     * @param channels   1 to 65535
     * @param sampleRate the rate in Hz, positive and finite
     * @param size       frames per segment, even, {@value #MIN_SIZE} to {@value #MAX_SIZE}
     * @return a new accumulator
     * @throws IllegalArgumentException when an argument is out of range, and also when {@code channels * size} passes
     *                                  {@link Blocks#MAX_BUFFER_SAMPLES} (about 500 channels at 8192)
     */
    public static WelchSpectrum create(int channels, double sampleRate, int size) {
        Blocks.channels(channels);
        Blocks.sampleRate(sampleRate);
        if (size < MIN_SIZE || size > MAX_SIZE || size % 2 != 0) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "size must be even and in %d..%d: %d", MIN_SIZE, MAX_SIZE, size));
        }
        Blocks.buffer(channels, size);
        return new WelchSpectrum(channels, sampleRate, size);
    }

    /** The periodic Hann window, {@code 0.5 - 0.5 cos(2 pi j / n)}, which overlap-adds flat at 50%. */
    private static double[] hann(int n) {
        double[] w = new double[n];
        for (int j = 0; j < n; j++) {
            w[j] = 0.5 - 0.5 * Math.cos(2 * Math.PI * j / n);
        }
        return w;
    }

    private static double sumOfSquares(double[] w, int n) {
        double sum = 0;
        for (int j = 0; j < n; j++) {
            sum += w[j] * w[j];
        }
        return sum;
    }

    @Override
    public void accept(double[][] block, int offset, int frames) {
        Blocks.check(block, offset, frames, channels);
        int done = 0;
        while (done < frames) {
            int n = Math.min(frames - done, size - fill);
            copyIn(block, offset + done, n);
            fill += n;
            done += n;
            if (fill == size) {
                addSegment(size, sums);
                segments++;
                start = (start + hop) % size;
                fill = size - hop;
            }
        }
    }

    /** Copies {@code n} frames (at most to the segment's end) to the ring after the segment's {@code fill} frames. */
    private void copyIn(double[][] block, int from, int n) {
        int at = (start + fill) % size;
        int first = Math.min(n, size - at);
        for (int c = 0; c < channels; c++) {
            System.arraycopy(block[c], from, buffers[c], at, first);
            System.arraycopy(block[c], from + first, buffers[c], 0, n - first);
        }
    }

    /**
     * Windows the first {@code used} frames of each channel's buffer with a Hann window of that
     * length (zero beyond: only a file shorter than one segment has {@code used < size}), transforms them
     * and adds their scaled power to {@code target}; the mono fold is the mean of the channels'
     * transforms (the FFT is linear), so it costs no transform of its own.
     */
    private void addSegment(int used, double[][] target) {
        double[] w = used == size ? window : hann(used);
        double scale = 1.0 / (size * (used == size ? windowPower : sumOfSquares(w, used)));
        for (int c = 0; c < channels; c++) {
            double[] t = transforms[c];
            double[] b = buffers[c];
            // the segment's frame j is ring[(start + j) % size]; zeros from used on
            int wrap = Math.min(used, size - start);
            for (int j = 0; j < wrap; j++) {
                t[j] = b[start + j] * w[j];
            }
            for (int j = wrap; j < used; j++) {
                t[j] = b[j - wrap] * w[j];
            }
            Arrays.fill(t, used, size, 0.0);
            fft.forward(t);
            if (channels != 2) {
                addPower(t, scale, target[c]);
            }
        }
        if (channels == 2) {
            addStereoPower(transforms[0], transforms[1], scale, target);
        } else if (channels > 2) {
            Arrays.fill(mono, 0.0);
            for (double[] t : transforms) {
                for (int j = 0; j < size; j++) {
                    mono[j] += t[j];
                }
            }
            addPower(mono, scale / ((double) channels * channels), target[channels]);
        }
    }

    /**
     * {@link #addPower} for two channels and their mono fold in one pass over the bins: the fold's
     * transform is {@code (L + R) / 2}, formed bin by bin instead of in an array of its own. The
     * same products and sums as the general path (whose fold starts from 0, which changes no
     * square).
     */
    private void addStereoPower(double[] left, double[] right, double scale, double[][] target) {
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
     * Adds the one-sided power of a transform in {@link Fft}'s packed layout: DC and Nyquist once,
     * every other bin twice (its negative twin). The same products as {@link Fft#power} followed
     * by a scaled sum, in one pass without the branch per bin.
     */
    private void addPower(double[] packed, double scale, double[] sum) {
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
     * Adds the segments of {@code other} (same channels, rate and size), e.g. another part of the
     * same file measured on another thread; the segment straddling the seam is not formed.
     *
     * @param other a spectrum of the same channels, rate and size; left unchanged
     * @throws IllegalArgumentException when the channels, rate or size differ
     */
    public void combine(WelchSpectrum other) {
        if (other.channels != channels || other.size != size || other.sampleRate != sampleRate) {
            throw new IllegalArgumentException("spectra differ in channels, rate or size");
        }
        for (int t = 0; t < sums.length; t++) {
            for (int k = 0; k < sums[t].length; k++) {
                sums[t][k] += other.sums[t][k];
            }
        }
        segments += other.segments;
    }

    @Override
    public Result result() {
        double[][] totals = new double[sums.length][];
        for (int t = 0; t < sums.length; t++) {
            totals[t] = sums[t].clone();
        }
        long count = segments;
        if (segments == 0 && fill > 0) {
            addSegment(fill, totals);
            count = 1;
        }
        double binHz = sampleRate / size;
        List<Spectrum> perChannel = new ArrayList<>(channels);
        double[] average = new double[fft.bins()];
        for (int c = 0; c < channels; c++) {
            perChannel.add(toSpectrum(totals[c], count, 1, binHz));
            for (int k = 0; k < average.length; k++) {
                average[k] += totals[c][k];
            }
        }
        Spectrum mono = channels == 1 ? perChannel.get(0) : toSpectrum(totals[channels], count, 1, binHz);
        return new Result(perChannel, toSpectrum(average, count, channels, binHz), mono);
    }

    private static Spectrum toSpectrum(double[] sum, long segments, int channels, double binHz) {
        double[] db = new double[sum.length];
        double scale = segments == 0 ? 0 : 1.0 / ((double) segments * channels);
        for (int k = 0; k < db.length; k++) {
            db[k] = Db.power(sum[k] * scale);
        }
        return new Spectrum(binHz, db, segments);
    }

    /**
     * The spectra.
     *
     * @param channels one spectrum per channel
     * @param average  the mean power over the channels
     * @param mono     the spectrum of the mono fold (mean of the channels)
     */
    public record Result(List<Spectrum> channels, Spectrum average, Spectrum mono) {

        /**
         * Copies the list.
         *
         * @param channels not {@code null}; copied
         * @param average  the mean over the channels
         * @param mono     the mono fold
         */
        public Result {
            channels = List.copyOf(channels);
        }
    }
}
