package org.stemcheck.dsp.spectrum;

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

    @Override
    public double[] powerDb() {
        return powerDb.clone();
    }

    /** Bins, {@code n/2 + 1}. */
    public int bins() {
        return powerDb.length;
    }

    /** The centre frequency of bin {@code k} in Hz. */
    public double frequency(int k) {
        return k * binHz;
    }

    /** The power of bin {@code k} in dB. */
    public double powerDb(int k) {
        return powerDb[k];
    }

    /** The Nyquist frequency (the last bin). */
    public double nyquistHz() {
        return frequency(bins() - 1);
    }

    /** The bin whose centre is nearest {@code hz}, clamped to the range. */
    public int bin(double hz) {
        long k = Math.round(hz / binHz);
        return (int) Math.max(0, Math.min(bins() - 1, k));
    }

    /** The bin of the largest power (the lowest such bin on ties). */
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
