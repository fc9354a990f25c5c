package org.stemcheck.dsp.internal.set;

import java.util.ArrayList;
import java.util.List;

/**
 * Base-10 third-octave bands mapped onto the bins of one FFT size: exact midband frequencies
 * {@code 1000 * 10^(k/10)} Hz and edges at {@code 10^(+/-1/20)} around them (IEC 61260-1:2014,
 * 5.2 and 5.4, base-ten system, fractional-octave designator b = 3). Nominal 20 Hz (k = -17) to
 * 20 kHz (k = 13); bands without a bin below Nyquist are dropped.
 */
public final class ThirdOctaveBands {

    /** Lowest band index k (nominal 20 Hz). */
    private static final int FIRST = -17;

    /** Highest band index k (nominal 20 kHz). */
    private static final int LAST = 13;

    private final double[] centre;
    private final double[] low;
    private final double[] high;
    private final int[] firstBin;
    private final int[] endBin;

    public ThirdOctaveBands(int sampleRate, int fftSize) {
        double binHz = (double) sampleRate / fftSize;
        int nyquistBin = fftSize / 2;
        List<double[]> kept = new ArrayList<>();
        for (int k = FIRST; k <= LAST; k++) {
            double c = 1000.0 * Math.pow(10.0, k / 10.0);
            double lo = c * Math.pow(10.0, -1.0 / 20.0);
            double hi = c * Math.pow(10.0, 1.0 / 20.0);
            int b0 = Math.max(1, (int) Math.ceil(lo / binHz));
            int b1 = Math.min(nyquistBin + 1, (int) Math.ceil(hi / binHz));
            if (b1 > b0) {
                kept.add(new double[] {c, lo, hi, b0, b1});
            }
        }
        int n = kept.size();
        centre = new double[n];
        low = new double[n];
        high = new double[n];
        firstBin = new int[n];
        endBin = new int[n];
        for (int i = 0; i < n; i++) {
            double[] b = kept.get(i);
            centre[i] = b[0];
            low[i] = b[1];
            high[i] = b[2];
            firstBin[i] = (int) b[3];
            endBin[i] = (int) b[4];
        }
    }

    public int count() {
        return centre.length;
    }

    public double centre(int band) {
        return centre[band];
    }

    public double low(int band) {
        return low[band];
    }

    public double high(int band) {
        return high[band];
    }

    /** First FFT bin of the band. */
    public int firstBin(int band) {
        return firstBin[band];
    }

    /** One past the last FFT bin of the band (may be {@code fftSize/2 + 1}: the Nyquist bin). */
    public int endBin(int band) {
        return endBin[band];
    }
}
