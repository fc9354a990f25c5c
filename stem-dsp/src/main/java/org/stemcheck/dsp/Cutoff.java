package org.stemcheck.dsp;

import java.util.Locale;
import java.util.Objects;

/**
 * The bandwidth of a spectrum: the cut-off frequency above which the level stays more than
 * {@code thresholdDb} below the spectrum's peak region, and how steeply it falls there.
 *
 * <h2>Algorithm</h2>
 * <ol>
 * <li>Smooth the dB spectrum with a moving average over {@value #SMOOTHING_HZ} Hz (levels floored
 *     at {@value #FLOOR_DB} dB), which tames the scatter of Welch estimates without moving an edge.
 * <li>Reference = the highest smoothed level whose smoothing window lies wholly at or above
 *     {@value #MIN_REFERENCE_HZ} Hz and clear of the window's main lobe around DC (so a DC offset
 *     is not the peak).
 * <li>Cut-off = the highest bin whose smoothed level reaches reference - threshold; everything
 *     above it stays below. When that is the last bin the signal is full-band
 *     ({@link #fullBand()}).
 * <li>Drop = mean smoothed level over {@code [fc - 1000, fc - 300]} Hz minus that over
 *     {@code [fc + 300, fc + 1000]} Hz (clamped to the spectrum); the slope divides the drop by
 *     the octaves between the two windows' centres. A lossy codec's low-pass drops more than
 *     {@value #STEEP_DROP_DB} dB across that gap; natural roll-offs (-6 to -24 dB/octave) fall a
 *     few dB.
 * </ol>
 *
 * @param cutoffHz         the cut-off frequency (the Nyquist frequency when full-band)
 * @param referenceDb      the smoothed peak level the threshold is relative to
 * @param thresholdDb      how far below the reference the cut-off is taken (positive dB)
 * @param dropDb           the fall across the cut-off (NaN when there is no room above it)
 * @param slopeDbPerOctave {@code dropDb} per octave (NaN likewise)
 * @param nyquistHz        the highest frequency of the spectrum
 */
public record Cutoff(double cutoffHz, double referenceDb, double thresholdDb, double dropDb,
                     double slopeDbPerOctave, double nyquistHz) {

    /** Default threshold: 60 dB below the peak region (the brief's example; well below music's HF roll-off). */
    public static final double DEFAULT_THRESHOLD_DB = 60.0;

    /** A drop above 40 dB within a few hundred Hz marks a codec low-pass (MP3/AAC encoders' brick walls). */
    public static final double STEEP_DROP_DB = 40.0;

    /** Width of the smoothing window. */
    public static final double SMOOTHING_HZ = 100.0;

    /** The reference ignores bins below 20 Hz, the bottom of the audio band. */
    public static final double MIN_REFERENCE_HZ = 20.0;

    /** Half-width of the Hann window's main lobe in bins (Harris, Proc. IEEE 66(1), 1978, Table 1): DC leaks this far. */
    static final int HANN_MAIN_LOBE_BINS = 2;

    /** Levels below this are treated as this when smoothing (about the float64 noise floor). */
    public static final double FLOOR_DB = -320.0;

    /** Gap between the cut-off and the measuring windows, Hz. */
    static final double GAP_HZ = 300.0;

    /** Far edge of the measuring windows from the cut-off, Hz. */
    static final double REACH_HZ = 1000.0;

    /**
     * {@link #of(Spectrum, double)} with {@link #DEFAULT_THRESHOLD_DB}.
     *
     * @param spectrum the spectrum of a file (its mono fold or average)
     * @return the bandwidth measured
     */
    public static Cutoff of(Spectrum spectrum) {
        return of(spectrum, DEFAULT_THRESHOLD_DB);
    }

    /**
     * Measures the cut-off of {@code spectrum}, {@code thresholdDb} below its peak region.
     *
     * @param spectrum    the spectrum of a file (its mono fold or average)
     * @param thresholdDb how far below the peak region the cut-off is taken, positive dB
     * @return the bandwidth measured
     * @throws IllegalArgumentException when the threshold is not positive and finite
     */
    public static Cutoff of(Spectrum spectrum, double thresholdDb) {
        Objects.requireNonNull(spectrum, "spectrum must not be null");
        if (!(thresholdDb > 0) || Double.isInfinite(thresholdDb)) {
            throw new IllegalArgumentException("thresholdDb must be positive: " + thresholdDb);
        }
        double[] level = smooth(spectrum);
        int lowest = Math.max(HANN_MAIN_LOBE_BINS + 1, (int) Math.ceil(MIN_REFERENCE_HZ / spectrum.binHz()));
        int first = Math.min(level.length - 1, lowest + smoothingHalfWidth(spectrum));
        double reference = FLOOR_DB;
        for (int k = first; k < level.length; k++) {
            reference = Math.max(reference, level[k]);
        }
        double limit = reference - thresholdDb;
        int edge = level.length - 1;
        while (edge > 0 && level[edge] < limit) {
            edge--;
        }
        double fc = spectrum.frequency(edge);
        double below = mean(level, spectrum, fc - REACH_HZ, fc - GAP_HZ);
        double above = mean(level, spectrum, fc + GAP_HZ, fc + REACH_HZ);
        double drop = below - above;
        double centreBelow = Math.max(spectrum.binHz(), fc - (REACH_HZ + GAP_HZ) / 2);
        double centreAbove = fc + (REACH_HZ + GAP_HZ) / 2;
        double octaves = Math.log(centreAbove / centreBelow) / Math.log(2);
        return new Cutoff(fc, reference, thresholdDb, drop, drop / octaves, spectrum.nyquistHz());
    }

    /**
     * Whether nothing was cut.
     *
     * @return true when the level reaches the threshold in the last bin
     */
    public boolean fullBand() {
        return cutoffHz >= nyquistHz;
    }

    /**
     * Whether the fall at the cut-off is as steep as a codec low-pass: the sign of a stem that
     * went through MP3 or AAC on its way.
     *
     * @return true when not full-band and the drop is above {@value #STEEP_DROP_DB} dB
     */
    public boolean steep() {
        return !fullBand() && dropDb > STEEP_DROP_DB;
    }

    private static int smoothingHalfWidth(Spectrum spectrum) {
        return (int) Math.round(SMOOTHING_HZ / 2 / spectrum.binHz());
    }

    private static double[] smooth(Spectrum spectrum) {
        int bins = spectrum.bins();
        int half = smoothingHalfWidth(spectrum);
        double[] prefix = new double[bins + 1];
        for (int k = 0; k < bins; k++) {
            double db = spectrum.powerDb(k);
            prefix[k + 1] = prefix[k] + (db > FLOOR_DB ? db : FLOOR_DB);
        }
        double[] out = new double[bins];
        for (int k = 0; k < bins; k++) {
            int lo = Math.max(0, k - half);
            int hi = Math.min(bins - 1, k + half);
            out[k] = (prefix[hi + 1] - prefix[lo]) / (hi - lo + 1);
        }
        return out;
    }

    /** Mean of {@code level} over bins centred in {@code [fromHz, toHz]}; NaN when none is. */
    private static double mean(double[] level, Spectrum spectrum, double fromHz, double toHz) {
        int lo = Math.max(0, (int) Math.ceil(fromHz / spectrum.binHz()));
        int hi = Math.min(level.length - 1, (int) Math.floor(toHz / spectrum.binHz()));
        if (hi < lo) {
            return Double.NaN;
        }
        double s = 0;
        for (int k = lo; k <= hi; k++) {
            s += level[k];
        }
        return s / (hi - lo + 1);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "Cutoff[%.0f Hz, drop %.1f dB (%.1f dB/oct)%s]",
                cutoffHz, dropDb, slopeDbPerOctave, steep() ? ", steep" : "");
    }
}
