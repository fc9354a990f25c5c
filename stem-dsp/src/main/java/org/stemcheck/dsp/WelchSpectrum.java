package org.stemcheck.dsp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.stemcheck.dsp.internal.Blocks;
import org.stemcheck.dsp.internal.Fft;
import org.stemcheck.dsp.internal.SegmentTransforms;
import org.stemcheck.dsp.internal.WelchPower;

/**
 * Welch's averaged periodogram (P. D. Welch, IEEE Trans. Audio Electroacoustics 15(2), 1967):
 * segments of {@code n} frames, periodic Hann window, 50% overlap, per channel, averaged over the
 * channels, and for the mono fold (the mean of all channels; the channel itself for mono input).
 *
 * <p>Memory is bounded: {@code n} samples and {@code n/2 + 1} sums per channel (plus the mono
 * fold), whatever the file's length. Segments are formed by frame count, so the result does not
 * depend on how the signal is split into blocks. Frames after the last whole segment are not used;
 * a file shorter than one segment gives one zero-padded segment. Scaling: see {@link Spectrum}.
 * A segment's channel equal to the one before it (dual mono), or silent, costs no transform of
 * its own (the same result to the bit).
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
        this.window = WelchPower.hann(size);
        this.windowPower = WelchPower.sumOfSquares(window, size);
        this.buffers = new double[channels][size];
        this.sums = WelchPower.sums(channels, size);
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
     * length (zero beyond: only a file shorter than one segment has {@code used < size}), transforms
     * them and adds their scaled power to {@code target} ({@link WelchPower#add}).
     */
    private void addSegment(int used, double[][] target) {
        double[] w = used == size ? window : WelchPower.hann(used);
        double scale = 1.0 / (size * (used == size ? windowPower : WelchPower.sumOfSquares(w, used)));
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
        }
        // only the power is read: silence and a channel equal to the one before cost no transform
        SegmentTransforms.forward(fft, transforms, true);
        WelchPower.add(transforms, size, scale, target, mono);
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
        List<Spectrum> spectra = new ArrayList<>(channels + 2);
        for (double[] db : WelchPower.powerDb(totals, channels, count)) {
            spectra.add(new Spectrum(sampleRate / size, db, count));
        }
        return new Result(spectra.subList(0, channels), spectra.get(channels), spectra.get(channels + 1));
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
