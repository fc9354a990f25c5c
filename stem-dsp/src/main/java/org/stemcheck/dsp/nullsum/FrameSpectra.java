package org.stemcheck.dsp.nullsum;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.stemcheck.dsp.Spectrum;
import org.stemcheck.dsp.WelchSpectrum;
import org.stemcheck.dsp.internal.Db;
import org.stemcheck.dsp.internal.Fft;
import org.stemcheck.dsp.internal.SegmentTransforms;
import org.stemcheck.dsp.internal.WelchPower;
import org.stemcheck.dsp.internal.set.ThirdOctaveBands;

/**
 * Everything the null test measures from short-time spectra, for the stems against one or more
 * mixes at once, from Hann-windowed frames of about 170 ms with 50 % overlap (Welch's layout):
 * <ul>
 *   <li>per mix, stem and third-octave band: {@code S_xx}, {@code S_xm} and {@code S_xe} (stem x,
 *       mix m, residual {@code e = sum(stems) - m}), summed over channels, frames and the bins of
 *       the band: the {@link StemTransfer}s ({@link TransferSums});</li>
 *   <li>per bin, the power of every stem, of every mix and of every residual, summed over
 *       channels and frames: the {@link NullSpectra}.</li>
 * </ul>
 * Each frame costs one transform per stem and channel, shared by all mixes, and one per mix and
 * channel; the residual's transform is {@code S - M} with {@code S = sum_i X_i} (the transform is
 * linear), so it costs none. The mix-independent sums ({@code S_xx} and {@code S_xS}) are formed
 * once for all mixes, and {@code S_xe = S_xS - S_xm} per mix. Only complete frames count (the last partial one is left out). Memory: one ring and
 * one transform of {@code F} doubles per stem and channel, one ring per mix and channel, and
 * {@code 3F/2} doubles of power sums per stem and mix.
 *
 * <p>When asked ({@code welch}), it also sums every stem's and mix's power per channel and of its
 * mono fold as {@link WelchSpectrum} does ({@link WelchPower}): the frames are Welch's segments
 * (periodic Hann, 50 % overlap, from frame 0) and their transforms are made here anyway, so each
 * file's Welch spectrum comes without a transform of its own.
 *
 * <p>Made {@code welchOnly} (a screening null test, {@link NullSum#screen}), it transforms every
 * stem and mix as before but sums only their Welch spectra: no band sums, no power spectra, no
 * residual. The Welch sums are the same, to the bit, as those of the full spectra: the same
 * transforms of the same frames through the same {@link WelchPower#add}. Not thread-safe.
 */
final class FrameSpectra {

    /** Frame length in seconds, rounded up to a power of two: about 6 Hz bins, 4 in the 25 Hz band at 48 kHz. */
    private static final double FRAME_SECONDS = 0.17;

    private final int stems;
    private final int mixes;
    private final int channels;
    private final int sampleRate;
    private final int size;
    private final int hop;
    private final Fft fft;
    /** The third-octave cross-spectra behind the transfers. */
    private final TransferSums bandSums;
    private final double[] window;
    private final double[][][] stemRings;
    private final double[][][] mixRings;
    /** The current frame's transforms of every stem and channel, packed as {@link Fft} leaves them. */
    private final double[][][] stemSpec;
    /** Per channel, the current frame's {@code S = sum_i X_i}. */
    private final double[][] sumSpec;
    /** Per channel, the current frame's transform of the mix being summed. */
    private final double[][] mixSpec;
    private final double[] resSpec;
    /** Per bin {@code 0 .. F/2}, |X|^2 summed over channels and frames: [stem][bin], [mix][bin]. */
    private final double[][] stemPower;
    private final double[][] mixPower;
    private final double[][] resPower;
    /** Welch's sums ({@link WelchPower#sums}) per stem and per mix, or null when not asked for. */
    private final double[][][] stemWelch;
    private final double[][][] mixWelch;
    private final double welchScale;
    private final double[] welchScratch;
    /** Only the files' Welch spectra are summed (no transfers, no power spectra). */
    private final boolean welchOnly;
    private long written;
    private long frames;

    /**
     * @param welch whether to sum each stem's and mix's Welch spectrum ({@link #stemWelch}, {@link #mixWelch})
     */
    FrameSpectra(int sampleRate, int stems, int channels, int mixes, boolean welch) {
        this(sampleRate, stems, channels, mixes, welch, false);
    }

    /**
     * @param welch     whether to sum each stem's and mix's Welch spectrum
     * @param welchOnly whether to sum nothing else (then {@code welch} must be true)
     */
    FrameSpectra(int sampleRate, int stems, int channels, int mixes, boolean welch, boolean welchOnly) {
        if (welchOnly && !welch) {
            throw new IllegalArgumentException("welchOnly spectra must sum the Welch spectra");
        }
        this.welchOnly = welchOnly;
        this.stems = stems;
        this.mixes = mixes;
        this.channels = channels;
        this.sampleRate = sampleRate;
        this.size = frameSizeFor(sampleRate);
        this.hop = size / 2;
        this.fft = Fft.ofSize(size);
        this.bandSums = new TransferSums(new ThirdOctaveBands(sampleRate, size), size, stems, mixes);
        this.window = WelchPower.hann(size);
        this.stemRings = new double[stems][channels][size];
        this.mixRings = new double[mixes][channels][size];
        this.stemSpec = new double[stems][channels][size];
        this.mixSpec = new double[channels][size];
        this.resSpec = new double[size];
        this.sumSpec = new double[channels][size];
        int bins = size / 2 + 1;
        this.stemPower = new double[stems][bins];
        this.mixPower = new double[mixes][bins];
        this.resPower = new double[mixes][bins];
        this.stemWelch = welch ? new double[stems][][] : null;
        this.mixWelch = welch ? new double[mixes][][] : null;
        for (int i = 0; welch && i < stems; i++) {
            stemWelch[i] = WelchPower.sums(channels, size);
        }
        for (int k = 0; welch && k < mixes; k++) {
            mixWelch[k] = WelchPower.sums(channels, size);
        }
        this.welchScale = 1.0 / (size * WelchPower.sumOfSquares(window, size));
        this.welchScratch = welch && channels > 2 ? new double[size] : null;
    }

    /** The frame length: {@link #FRAME_SECONDS} rounded up to a power of two. */
    static int frameSizeFor(int sampleRate) {
        return Integer.highestOneBit((int) Math.ceil(sampleRate * FRAME_SECONDS) - 1) << 1;
    }

    /** Bytes held: rings and transforms of the stems, rings of the mixes, work arrays and sums. */
    static long bytes(int sampleRate, int stems, int channels, int mixes, boolean welch) {
        long f = frameSizeFor(sampleRate);
        long welchSums = welch ? 8L * (f / 2 + 1) * (channels + 1) * (stems + mixes) + 8L * f : 0;
        return 8L * f * (2L * stems * channels + (long) mixes * channels + 2L * channels + 1)
                + 8L * (f / 2 + 1) * (stems + 2L * mixes) + 40L * mixes * stems * 31 + welchSums;
    }

    /** @return the complete frames so far */
    long frames() {
        return frames;
    }

    /** Stems and mixes at {@code [offset, offset + count)}. */
    void accept(double[][][] in, double[][][] mix, int offset, int count) {
        int done = 0;
        while (done < count) {
            long due = frames * hop + size;
            int n = (int) Math.min(count - done, due - written);
            int at = (int) (written % size);
            for (int c = 0; c < channels; c++) {
                for (int i = 0; i < stems; i++) {
                    copy(in[i][c], offset + done, stemRings[i][c], at, n);
                }
                for (int k = 0; k < mixes; k++) {
                    copy(mix[k][c], offset + done, mixRings[k][c], at, n);
                }
            }
            written += n;
            done += n;
            if (written == due) {
                addFrame(due);
                frames++;
            }
        }
    }

    private void copy(double[] src, int from, double[] ring, int at, int n) {
        int first = Math.min(n, size - at);
        System.arraycopy(src, from, ring, at, first);
        System.arraycopy(src, from + first, ring, 0, n - first);
    }

    /** The frame ending at {@code end} (exclusive) is the whole content of every ring. */
    private void addFrame(long end) {
        int start = (int) (end % size);
        if (welchOnly) {
            addWelchFrame(start);
            return;
        }
        for (int i = 0; i < stems; i++) {
            transform(stemRings[i], start, stemSpec[i], false);
        }
        for (int c = 0; c < channels; c++) {
            double[] sum = sumSpec[c];
            Arrays.fill(sum, 0.0);
            for (int i = 0; i < stems; i++) {
                double[] x = stemSpec[i][c];
                addPower(x, stemPower[i]);
                for (int t = 0; t < size; t++) {
                    sum[t] += x[t];
                }
            }
            for (int i = 0; i < stems; i++) {
                bandSums.addStem(i, stemSpec[i][c], sum);
            }
        }
        for (int i = 0; stemWelch != null && i < stems; i++) {
            WelchPower.add(stemSpec[i], size, welchScale, stemWelch[i], welchScratch);
        }
        for (int k = 0; k < mixes; k++) {
            transform(mixRings[k], start, mixSpec, false);
            for (int c = 0; c < channels; c++) {
                double[] mix = mixSpec[c];
                double[] sum = sumSpec[c];
                for (int t = 0; t < size; t++) {
                    resSpec[t] = sum[t] - mix[t];
                }
                addPower(mix, mixPower[k]);
                addPower(resSpec, resPower[k]);
                for (int i = 0; i < stems; i++) {
                    bandSums.addMix(k, i, stemSpec[i][c], mix);
                }
            }
            if (mixWelch != null) {
                WelchPower.add(mixSpec, size, welchScale, mixWelch[k], welchScratch);
            }
        }
    }

    /**
     * The Welch sums alone of the frame starting at ring index {@code start}: the same transforms
     * and the same {@link WelchPower#add} calls, in the same order, as {@link #addFrame} makes.
     */
    private void addWelchFrame(int start) {
        for (int i = 0; i < stems; i++) {
            transform(stemRings[i], start, stemSpec[i], true);
        }
        for (int i = 0; i < stems; i++) {
            WelchPower.add(stemSpec[i], size, welchScale, stemWelch[i], welchScratch);
        }
        for (int k = 0; k < mixes; k++) {
            transform(mixRings[k], start, mixSpec, true);
            WelchPower.add(mixSpec, size, welchScale, mixWelch[k], welchScratch);
        }
    }

    /**
     * Windows every channel's frame (from ring index {@code start}) into {@code out} and transforms
     * them ({@link SegmentTransforms}: a channel equal to the one before it, or with
     * {@code powerOnly} silent, costs no transform; the same result to the bit).
     */
    private void transform(double[][] rings, int start, double[][] out, boolean powerOnly) {
        for (int c = 0; c < channels; c++) {
            windowed(rings[c], start, out[c]);
        }
        SegmentTransforms.forward(fft, out, powerOnly);
    }

    private void windowed(double[] ring, int start, double[] out) {
        int first = size - start;
        for (int t = 0; t < first; t++) {
            out[t] = ring[start + t] * window[t];
        }
        for (int t = first; t < size; t++) {
            out[t] = ring[t - first] * window[t];
        }
    }

    /** Adds {@code |X_k|^2} per bin {@code 0 .. F/2} (DC and Nyquist packed at 0 and 1). */
    private void addPower(double[] packed, double[] sum) {
        int half = size / 2;
        sum[0] += packed[0] * packed[0];
        sum[half] += packed[1] * packed[1];
        for (int k = 1; k < half; k++) {
            double re = packed[2 * k];
            double im = packed[2 * k + 1];
            sum[k] += re * re + im * im;
        }
    }

    /** One transfer per stem against mix {@code k}; {@code dynamics} supplies the level-dependence part. */
    List<StemTransfer> transfers(int k, List<StemDynamics> dynamics) {
        return bandSums.transfers(k, dynamics);
    }

    /**
     * Stem {@code i}'s Welch spectrum over the complete frames fed, as {@link WelchSpectrum} with
     * this frame size measures the same samples (with at least one complete frame).
     *
     * @throws IllegalStateException when not asked for at construction
     */
    WelchSpectrum.Result stemWelch(int i) {
        if (stemWelch == null) {
            throw new IllegalStateException("these spectra sum no Welch spectra");
        }
        return welch(stemWelch[i]);
    }

    /** As {@link #stemWelch}, of mix {@code k}. */
    WelchSpectrum.Result mixWelch(int k) {
        if (mixWelch == null) {
            throw new IllegalStateException("these spectra sum no Welch spectra");
        }
        return welch(mixWelch[k]);
    }

    /** The spectra of one file's Welch sums over the complete frames so far. */
    private WelchSpectrum.Result welch(double[][] sums) {
        List<Spectrum> spectra = new ArrayList<>(channels + 2);
        for (double[] db : WelchPower.powerDb(sums, channels, frames)) {
            spectra.add(new Spectrum((double) sampleRate / size, db, frames));
        }
        return new WelchSpectrum.Result(spectra.subList(0, channels), spectra.get(channels), spectra.get(channels + 1));
    }

    /** The power spectra of the residual against mix {@code k}, of that mix and of every stem. */
    NullSpectra spectra(int k) {
        List<Spectrum> perStem = new ArrayList<>(stems);
        for (double[] p : stemPower) {
            perStem.add(spectrum(p));
        }
        return new NullSpectra(spectrum(resPower[k]), spectrum(mixPower[k]), perStem);
    }

    /**
     * Welch's scaling ({@code org.stemcheck.dsp.WelchSpectrum}, whose frames these are):
     * one-sided power over {@code F * sum(w^2)}, the mean over frames and channels.
     */
    private Spectrum spectrum(double[] sum) {
        double windowPower = 0;
        for (double w : window) {
            windowPower += w * w;
        }
        double scale = frames == 0 ? 0 : 1.0 / (size * windowPower * frames * channels);
        double[] db = new double[sum.length];
        for (int k = 0; k < db.length; k++) {
            boolean edge = k == 0 || k == db.length - 1;
            db[k] = Db.power(sum[k] * scale * (edge ? 1 : 2));
        }
        return new Spectrum((double) sampleRate / size, db, frames);
    }
}
