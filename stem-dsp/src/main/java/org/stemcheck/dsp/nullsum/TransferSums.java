package org.stemcheck.dsp.nullsum;

import java.util.ArrayList;
import java.util.List;

import org.stemcheck.dsp.internal.set.ThirdOctaveBands;

/**
 * The third-octave cross-spectra behind the {@link StemTransfer}s, summed frame by frame for
 * {@link FrameSpectra} from its transforms (packed as {@code Fft} leaves them): per stem and band
 * {@code S_xx} and {@code S_xS} (stem x, {@code S = sum_i X_i}: the same for every mix), and per
 * mix, stem and band {@code S_xm}. A transfer's residual term is {@code S_xe = S_xS - S_xm}
 * (the transform is linear), so the residual needs no sums of its own. Not thread-safe.
 */
final class TransferSums {

    private final ThirdOctaveBands bands;
    private final int size;
    private final int stems;
    /** [stem][band][3]: S_xx, Re S_xS, Im S_xS (the same for every mix). */
    private final double[][][] stemSums;
    /** [mix][stem][band][2]: Re S_xm, Im S_xm. */
    private final double[][][][] sums;

    /**
     * @param bands the third-octave bands over the frame's bins
     * @param size  the frame length, {@code F}
     */
    TransferSums(ThirdOctaveBands bands, int size, int stems, int mixes) {
        this.bands = bands;
        this.size = size;
        this.stems = stems;
        this.stemSums = new double[stems][bands.count()][3];
        this.sums = new double[mixes][stems][bands.count()][2];
    }

    /** Adds stem {@code i}'s frame {@code x} against the stems' sum {@code sum} (one channel). */
    void addStem(int i, double[] x, double[] sum) {
        addStemBands(x, sum, stemSums[i]);
    }

    /** Adds stem {@code i}'s frame {@code x} against mix {@code k}'s frame {@code mix} (one channel). */
    void addMix(int k, int i, double[] x, double[] mix) {
        addMixBands(x, mix, sums[k][i]);
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
