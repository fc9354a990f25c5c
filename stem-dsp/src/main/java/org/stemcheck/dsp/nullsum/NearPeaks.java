package org.stemcheck.dsp.nullsum;

/**
 * Which of the whitened correlation's near-equal peaks is the offset, by the plain correlation
 * ({@link LagPeak}'s choice for a peak that is not clear).
 */
final class NearPeaks {

    private NearPeaks() {
    }

    /**
     * Among the whitened correlation's peaks in {@code [lo, hi]} at least {@link #NEAR_PEAK_SHARE}
     * as high as the highest (at most {@link #NEAR_PEAKS} of them, the highest first), the one
     * where the plain correlation is largest with the same sign: where the stem, moved, explains
     * most of its part of the mix. Whitening makes a part that repeats every beat correlate nearly
     * alike at each repetition, and the highest of those peaks is then a matter of chance (an LMMS
     * bass line two ticks late peaked 2 s away); the plain correlation still counts every note, and
     * only the true offset lines them all up.
     */
    static int plainlyBest(double[] corr, int best, int lo, int hi, double[] spectrum) {
        double floor = NEAR_PEAK_SHARE * Math.abs(corr[best]);
        int[] peaks = new int[NEAR_PEAKS];
        int found = 0;
        for (int k = lo; k <= hi; k++) {
            double v = Math.abs(corr[k]);
            if (v < floor || k > lo && Math.abs(corr[k - 1]) > v || k < hi && Math.abs(corr[k + 1]) >= v) {
                continue;
            }
            // keep the NEAR_PEAKS highest, sorted by height
            int at = found < NEAR_PEAKS ? found++ : NEAR_PEAKS;
            while (at > 0 && Math.abs(corr[peaks[at - 1]]) < v) {
                if (at < NEAR_PEAKS) {
                    peaks[at] = peaks[at - 1];
                }
                at--;
            }
            if (at < NEAR_PEAKS) {
                peaks[at] = k;
            }
        }
        int chosen = best;
        double most = Math.abs(LagPeak.interpolate(spectrum, best));
        for (int p = 0; p < found; p++) {
            int k = peaks[p];
            double plain = LagPeak.interpolate(spectrum, k);
            if ((plain < 0) == (corr[k] < 0) && Math.abs(plain) > most) {
                chosen = k;
                most = Math.abs(plain);
            }
        }
        return chosen;
    }

    /** Peaks of the whitened correlation at least this share of the highest are weighed by the plain one: half. */
    static final double NEAR_PEAK_SHARE = 0.5;

    /** At most this many such peaks are weighed (each costs one evaluation over the spectrum). */
    static final int NEAR_PEAKS = 8;
}
