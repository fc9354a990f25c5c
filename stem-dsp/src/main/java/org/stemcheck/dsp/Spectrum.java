package org.stemcheck.dsp;

import java.util.Locale;
import java.util.Objects;

/**
 * A one-sided power spectrum: bin {@code k} is centred on {@code k * binHz}, {@code k = 0 .. n/2}.
 *
 * <p>Power is per bin, relative to full scale, scaled so that the bins sum to the mean square of
 * the signal (Parseval, corrected for the window's power): white noise of RMS {@code s} reads
 * {@code s^2 / (n/2)} per bin, and a band's power is the sum of its bins. Zero power is negative
 * infinity dB.
 *
 * @param binHz    spacing of the bins, {@code sampleRate / n}
 * @param powerDb  power of each bin in dB re full scale squared (copied in and out)
 * @param segments segments averaged (0 for no data)
 */
public record Spectrum(double binHz, double[] powerDb, long segments) {

    /**
     * Checks and copies.
     *
     * @param binHz    positive and finite
     * @param powerDb  at least 2 bins; copied
     * @param segments {@code >= 0}
     * @throws IllegalArgumentException when {@code binHz} is not positive and finite or there are
     *                                  fewer than 2 bins
     */
    public Spectrum {
        Objects.requireNonNull(powerDb, "powerDb must not be null");
        if (!(binHz > 0) || Double.isInfinite(binHz)) {
            throw new IllegalArgumentException("binHz must be positive and finite: " + binHz);
        }
        if (powerDb.length < 2) {
            throw new IllegalArgumentException("a spectrum needs at least 2 bins: " + powerDb.length);
        }
        powerDb = powerDb.clone();
    }

    /**
     * The power of every bin.
     *
     * @return a copy, dB re full scale squared, bin 0 (DC) to Nyquist
     */
    @Override
    public double[] powerDb() {
        return powerDb.clone();
    }

    /**
     * The power of all bins together.
     *
     * @return linear (full scale squared), bins without a finite power left out
     */
    public double totalPower() {
        double sum = 0;
        for (double db : powerDb) {
            double p = Math.pow(10, db / 10);
            sum += Double.isFinite(p) ? p : 0.0;
        }
        return sum;
    }

    /**
     * Number of bins.
     *
     * @return {@code n/2 + 1} for segments of {@code n} frames
     */
    public int bins() {
        return powerDb.length;
    }

    /**
     * The centre frequency of a bin.
     *
     * @param k the bin, from 0 (not checked)
     * @return {@code k * binHz}, Hz
     */
    public double frequency(int k) {
        return k * binHz;
    }

    /**
     * The power of one bin.
     *
     * @param k the bin, {@code 0 <= k < bins()}
     * @return dB re full scale squared; {@code -infinity} for no power
     * @throws ArrayIndexOutOfBoundsException when {@code k} is out of range
     */
    public double powerDb(int k) {
        return powerDb[k];
    }

    /**
     * The Nyquist frequency, half the sample rate.
     *
     * @return the frequency of the last bin, Hz
     */
    public double nyquistHz() {
        return frequency(bins() - 1);
    }

    /**
     * The bin whose centre is nearest a frequency.
     *
     * @param hz the frequency, Hz
     * @return the bin, clamped to {@code 0 .. bins() - 1}
     */
    public int bin(double hz) {
        long k = Math.round(hz / binHz);
        return (int) Math.max(0, Math.min(bins() - 1, k));
    }

    /**
     * The bin of the largest power.
     *
     * @return the bin (the lowest such bin on ties)
     */
    public int peakBin() {
        int best = 0;
        for (int k = 1; k < powerDb.length; k++) {
            if (powerDb[k] > powerDb[best]) {
                best = k;
            }
        }
        return best;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "Spectrum[%d bins of %.3f Hz, %d segments]",
                bins(), binHz, segments);
    }
}
