package org.stemcheck.dsp.internal.set;

import org.stemcheck.dsp.internal.Fft;
import java.util.ArrayList;
import java.util.List;
import org.stemcheck.dsp.set.StemDynamics;
import org.stemcheck.dsp.set.StemTransfer;

/**
 * Per stem and third-octave band: {@code S_xx}, {@code S_xm} and {@code S_xe} (stem x, mix m,
 * residual e) from Hann-windowed frames of about 170 ms with 50 % overlap, summed over channels,
 * frames and the bins of each band. Only complete frames count (the last partial one is left
 * out). Memory: one ring of {@code F} doubles per stem and channel, plus mix and residual.
 */
final class BandTransferAccumulator {

    /** Frame length in seconds, rounded up to a power of two: about 6 Hz bins, 4 in the 25 Hz band at 48 kHz. */
    private static final double FRAME_SECONDS = 0.17;

    private final int stems;
    private final int channels;
    private final int size;
    private final int hop;
    private final Fft fft;
    private final ThirdOctaveBands bands;
    private final double[] window;
    private final double[][][] stemRings;
    private final double[][] mixRing;
    private final double[][] resRing;
    private final double[] work;
    private final double[] mixSpec;
    private final double[] resSpec;
    /** [stem][band][5]: S_xx, Re S_xm, Im S_xm, Re S_xe, Im S_xe. */
    private final double[][][] sums;
    private long written;
    private long nextFrame;

    BandTransferAccumulator(int sampleRate, int stems, int channels) {
        this.stems = stems;
        this.channels = channels;
        this.size = frameSizeFor(sampleRate);
        this.hop = size / 2;
        this.fft = Fft.ofSize(size);
        this.bands = new ThirdOctaveBands(sampleRate, size);
        this.window = new double[size];
        for (int t = 0; t < size; t++) {
            window[t] = 0.5 - 0.5 * Math.cos(2 * Math.PI * t / size);
        }
        this.stemRings = new double[stems][channels][size];
        this.mixRing = new double[channels][size];
        this.resRing = new double[channels][size];
        this.work = new double[size];
        this.mixSpec = new double[size];
        this.resSpec = new double[size];
        this.sums = new double[stems][bands.count()][5];
    }

    /** The frame length: {@link #FRAME_SECONDS} rounded up to a power of two. */
    static int frameSizeFor(int sampleRate) {
        return Integer.highestOneBit((int) Math.ceil(sampleRate * FRAME_SECONDS) - 1) << 1;
    }

    /** Bytes held: the rings of stems, mix and residual, and the work arrays. */
    static long bytes(int sampleRate, int stems, int channels) {
        long f = frameSizeFor(sampleRate);
        return 8L * f * ((stems + 2L) * channels + 4) + 40L * stems * 31;
    }

    /** Stems and mix at {@code [offset, offset + frames)}, residual {@code e[c][0, frames)}. */
    void accept(double[][][] in, double[][] mix, double[][] e, int offset, int frames) {
        int done = 0;
        while (done < frames) {
            long due = nextFrame * hop + size;
            int n = (int) Math.min(frames - done, due - written);
            int at = (int) (written % size);
            for (int c = 0; c < channels; c++) {
                for (int i = 0; i < stems; i++) {
                    copy(in[i][c], offset + done, stemRings[i][c], at, n);
                }
                copy(mix[c], offset + done, mixRing[c], at, n);
                copy(e[c], done, resRing[c], at, n);
            }
            written += n;
            done += n;
            if (written == due) {
                addFrame(due);
                nextFrame++;
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
        for (int c = 0; c < channels; c++) {
            windowed(mixRing[c], start, mixSpec);
            windowed(resRing[c], start, resSpec);
            for (int i = 0; i < stems; i++) {
                windowed(stemRings[i][c], start, work);
                addBands(sums[i]);
            }
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

    private void addBands(double[][] into) {
        int nyquist = size / 2;
        for (int b = 0; b < bands.count(); b++) {
            double[] s = into[b];
            double xx = s[0];
            double xmRe = s[1];
            double xmIm = s[2];
            double xeRe = s[3];
            double xeIm = s[4];
            int end = Math.min(bands.endBin(b), nyquist);
            for (int k = bands.firstBin(b); k < end; k++) {
                double xr = work[2 * k];
                double xi = work[2 * k + 1];
                double mr = mixSpec[2 * k];
                double mi = mixSpec[2 * k + 1];
                double er = resSpec[2 * k];
                double ei = resSpec[2 * k + 1];
                xx += xr * xr + xi * xi;
                xmRe += xr * mr + xi * mi;
                xmIm += xr * mi - xi * mr;
                xeRe += xr * er + xi * ei;
                xeIm += xr * ei - xi * er;
            }
            if (bands.firstBin(b) <= nyquist && nyquist < bands.endBin(b)) {
                // The Nyquist bin is real, packed at index 1.
                double xr = work[1];
                xx += xr * xr;
                xmRe += xr * mixSpec[1];
                xeRe += xr * resSpec[1];
            }
            s[0] = xx;
            s[1] = xmRe;
            s[2] = xmIm;
            s[3] = xeRe;
            s[4] = xeIm;
        }
    }

    /** One transfer per stem; {@code dynamics} supplies the level-dependence part. */
    List<StemTransfer> result(List<StemDynamics> dynamics) {
        List<StemTransfer> out = new ArrayList<>(stems);
        for (int i = 0; i < stems; i++) {
            List<StemTransfer.Band> list = new ArrayList<>(bands.count());
            for (int b = 0; b < bands.count(); b++) {
                list.add(band(b, sums[i][b]));
            }
            out.add(new StemTransfer(i, list, dynamics.get(i)));
        }
        return out;
    }

    private StemTransfer.Band band(int b, double[] s) {
        double xx = s[0];
        double ownRe = xx > 0 ? 1.0 - s[3] / xx : Double.NaN;
        double ownIm = xx > 0 ? -s[4] / xx : Double.NaN;
        double mixMag = xx > 0 ? Math.hypot(s[1], s[2]) / xx : Double.NaN;
        double resMag = xx > 0 ? Math.hypot(s[3], s[4]) / xx : Double.NaN;
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
