package org.stemcheck.dsp.nullsum;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.stemcheck.dsp.Spectrum;
import org.stemcheck.dsp.WelchSpectrum;
import org.stemcheck.dsp.internal.Db;
import org.stemcheck.dsp.internal.Fft;
import org.stemcheck.dsp.internal.WelchPower;
import org.stemcheck.dsp.internal.set.ThirdOctaveBands;

/**
 * Everything the null test measures from short-time spectra, for the stems against one or more
 * mixes at once, from Hann-windowed frames of about 170 ms with 50 % overlap (Welch's layout):
 * <ul>
 *   <li>per mix, stem and third-octave band: {@code S_xx}, {@code S_xm} and {@code S_xe} (stem x,
 *       mix m, residual {@code e = sum(stems) - m}), summed over channels, frames and the bins of
 *       the band: the {@link StemTransfer}s;</li>
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
    private final ThirdOctaveBands bands;
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
    /** [stem][band][3]: S_xx, Re S_xS, Im S_xS (the same for every mix). */
    private final double[][][] stemSums;
    /** [mix][stem][band][2]: Re S_xm, Im S_xm. */
    private final double[][][][] sums;
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
        this.bands = new ThirdOctaveBands(sampleRate, size);
        this.window = WelchPower.hann(size);
        this.stemRings = new double[stems][channels][size];
        this.mixRings = new double[mixes][channels][size];
        this.stemSpec = new double[stems][channels][size];
        this.mixSpec = new double[channels][size];
        this.resSpec = new double[size];
        this.sumSpec = new double[channels][size];
        this.stemSums = new double[stems][bands.count()][3];
        this.sums = new double[mixes][stems][bands.count()][2];
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
        for (int c = 0; c < channels; c++) {
            double[] sum = sumSpec[c];
            Arrays.fill(sum, 0.0);
            for (int i = 0; i < stems; i++) {
                double[] x = stemSpec[i][c];
                windowed(stemRings[i][c], start, x);
                addPower(x, stemPower[i]);
                for (int t = 0; t < size; t++) {
                    sum[t] += x[t];
                }
            }
            for (int i = 0; i < stems; i++) {
                addStemBands(stemSpec[i][c], sum, stemSums[i]);
            }
        }
        for (int i = 0; stemWelch != null && i < stems; i++) {
            WelchPower.add(stemSpec[i], size, welchScale, stemWelch[i], welchScratch);
        }
        for (int k = 0; k < mixes; k++) {
            for (int c = 0; c < channels; c++) {
                double[] mix = mixSpec[c];
                windowed(mixRings[k][c], start, mix);
                double[] sum = sumSpec[c];
                for (int t = 0; t < size; t++) {
                    resSpec[t] = sum[t] - mix[t];
                }
                addPower(mix, mixPower[k]);
                addPower(resSpec, resPower[k]);
                for (int i = 0; i < stems; i++) {
                    addMixBands(stemSpec[i][c], mix, sums[k][i]);
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
        for (int c = 0; c < channels; c++) {
            for (int i = 0; i < stems; i++) {
                windowed(stemRings[i][c], start, stemSpec[i][c]);
            }
        }
        for (int i = 0; i < stems; i++) {
            WelchPower.add(stemSpec[i], size, welchScale, stemWelch[i], welchScratch);
        }
        for (int k = 0; k < mixes; k++) {
            for (int c = 0; c < channels; c++) {
                windowed(mixRings[k][c], start, mixSpec[c]);
            }
            WelchPower.add(mixSpec, size, welchScale, mixWelch[k], welchScratch);
        }
    }

    private void windowed(double[] ring, int start, double[] out) {
        int first = size - start;
        for (int t = 0; t < first; t++) {
            out[t] = ring[start + t] * window[t];
        }
        for (int t = first; t < size; t++) {
            out[t] = ring[t - first] * window[t];
        }
        fft.forward(out);
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

    /** Adds {@code S_xx} and {@code S_xy = sum conj(X) Y} over each band's bins to {@code into[band][0..2]}. */
    private void addStemBands(double[] x, double[] y, double[][] into) {
        int nyquist = size / 2;
        for (int b = 0; b < bands.count(); b++) {
            double[] s = into[b];
            double xx = s[0];
            double re = s[1];
            double im = s[2];
            int end = Math.min(bands.endBin(b), nyquist);
            for (int k = bands.firstBin(b); k < end; k++) {
                double xr = x[2 * k];
                double xi = x[2 * k + 1];
                double yr = y[2 * k];
                double yi = y[2 * k + 1];
                xx += xr * xr + xi * xi;
                re += xr * yr + xi * yi;
                im += xr * yi - xi * yr;
            }
            if (bands.firstBin(b) <= nyquist && nyquist < bands.endBin(b)) {
                // The Nyquist bin is real, packed at index 1.
                xx += x[1] * x[1];
                re += x[1] * y[1];
            }
            s[0] = xx;
            s[1] = re;
            s[2] = im;
        }
    }

    /** Adds {@code S_xy = sum conj(X) Y} over each band's bins to {@code into[band][0..1]}. */
    private void addMixBands(double[] x, double[] y, double[][] into) {
        int nyquist = size / 2;
        for (int b = 0; b < bands.count(); b++) {
            double[] s = into[b];
            double re = s[0];
            double im = s[1];
            int end = Math.min(bands.endBin(b), nyquist);
            for (int k = bands.firstBin(b); k < end; k++) {
                double xr = x[2 * k];
                double xi = x[2 * k + 1];
                double yr = y[2 * k];
                double yi = y[2 * k + 1];
                re += xr * yr + xi * yi;
                im += xr * yi - xi * yr;
            }
            if (bands.firstBin(b) <= nyquist && nyquist < bands.endBin(b)) {
                re += x[1] * y[1];
            }
            s[0] = re;
            s[1] = im;
        }
    }

    /** One transfer per stem against mix {@code k}; {@code dynamics} supplies the level-dependence part. */
    List<StemTransfer> transfers(int k, List<StemDynamics> dynamics) {
        List<StemTransfer> out = new ArrayList<>(stems);
        for (int i = 0; i < stems; i++) {
            List<StemTransfer.Band> list = new ArrayList<>(bands.count());
            for (int b = 0; b < bands.count(); b++) {
                list.add(band(b, stemSums[i][b], sums[k][i][b]));
            }
            out.add(new StemTransfer(i, list, dynamics.get(i)));
        }
        return out;
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

    /** Band {@code b} from the stem's {@code S_xx, S_xS} and the mix's {@code S_xm}: {@code S_xe = S_xS - S_xm}. */
    private StemTransfer.Band band(int b, double[] stem, double[] mix) {
        double xx = stem[0];
        double xeRe = stem[1] - mix[0];
        double xeIm = stem[2] - mix[1];
        double ownRe = xx > 0 ? 1.0 - xeRe / xx : Double.NaN;
        double ownIm = xx > 0 ? -xeIm / xx : Double.NaN;
        double mixMag = xx > 0 ? Math.hypot(mix[0], mix[1]) / xx : Double.NaN;
        double resMag = xx > 0 ? Math.hypot(xeRe, xeIm) / xx : Double.NaN;
        return new StemTransfer.Band(bands.centre(b), bands.low(b), bands.high(b),
                amplitudeDb(Math.hypot(ownRe, ownIm)), Math.atan2(ownIm, ownRe),
                amplitudeDb(mixMag), amplitudeDb(resMag));
    }

    private static double amplitudeDb(double gain) {
        if (Double.isNaN(gain)) {
            return Double.NaN;
        }
        return Math.max(-200.0, 20.0 * Math.log10(gain));
    }
}
