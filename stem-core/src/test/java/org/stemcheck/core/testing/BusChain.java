package org.stemcheck.core.testing;

/**
 * Bus and mix-bus processing written in the test kit, to build faulty deliveries in code: RBJ
 * shelving biquads, a feed-forward RMS compressor with attack and release, and a look-ahead peak
 * limiter. Every processor is linked across channels (one gain for all, as a stereo bus insert)
 * and returns new arrays; none delays its output (as a DAW's delay compensation leaves it).
 */
public final class BusChain {

    /** Shelf slope S = 1: the steepest without overshoot (R. Bristow-Johnson, "Audio EQ Cookbook"). */
    private static final double SHELF_SLOPE = 1.0;

    /** The RMS detector's averaging time: 10 ms, a typical bus compressor's RMS window. */
    private static final double RMS_WINDOW_MS = 10.0;

    private BusChain() {
    }

    /** A low shelf at {@code hz} of {@code gainDb} (RBJ cookbook, S = 1). */
    public static double[][] lowShelf(double[][] x, double rate, double hz, double gainDb) {
        return biquad(x, shelf(rate, hz, gainDb, false));
    }

    /** A high shelf at {@code hz} of {@code gainDb} (RBJ cookbook, S = 1). */
    public static double[][] highShelf(double[][] x, double rate, double hz, double gainDb) {
        return biquad(x, shelf(rate, hz, gainDb, true));
    }

    /** The magnitude response of that shelf at {@code f} Hz, dB. */
    public static double shelfResponseDb(double rate, double hz, double gainDb, boolean high, double f) {
        double[] c = shelf(rate, hz, gainDb, high);
        double w = 2 * Math.PI * f / rate;
        double nr = c[0] + c[1] * Math.cos(w) + c[2] * Math.cos(2 * w);
        double ni = -c[1] * Math.sin(w) - c[2] * Math.sin(2 * w);
        double dr = 1 + c[3] * Math.cos(w) + c[4] * Math.cos(2 * w);
        double di = -c[3] * Math.sin(w) - c[4] * Math.sin(2 * w);
        return 10 * Math.log10((nr * nr + ni * ni) / (dr * dr + di * di));
    }

    /** b0, b1, b2, a1, a2 normalised by a0, of the cookbook's shelving filters. */
    private static double[] shelf(double rate, double hz, double gainDb, boolean high) {
        double a = Math.pow(10, gainDb / 40);
        double w0 = 2 * Math.PI * hz / rate;
        double cos = Math.cos(w0);
        double alpha = Math.sin(w0) / 2 * Math.sqrt((a + 1 / a) * (1 / SHELF_SLOPE - 1) + 2);
        double sq = 2 * Math.sqrt(a) * alpha;
        double s = high ? -1 : 1;
        double b0 = a * ((a + 1) - s * (a - 1) * cos + sq);
        double b1 = 2 * s * a * ((a - 1) - s * (a + 1) * cos);
        double b2 = a * ((a + 1) - s * (a - 1) * cos - sq);
        double a0 = (a + 1) + s * (a - 1) * cos + sq;
        double a1 = -2 * s * ((a - 1) + s * (a + 1) * cos);
        double a2 = (a + 1) + s * (a - 1) * cos - sq;
        return new double[] {b0 / a0, b1 / a0, b2 / a0, a1 / a0, a2 / a0};
    }

    private static double[][] biquad(double[][] x, double[] c) {
        double[][] y = new double[x.length][];
        for (int ch = 0; ch < x.length; ch++) {
            double[] in = x[ch];
            double[] out = new double[in.length];
            double x1 = 0, x2 = 0, y1 = 0, y2 = 0;
            for (int i = 0; i < in.length; i++) {
                double v = c[0] * in[i] + c[1] * x1 + c[2] * x2 - c[3] * y1 - c[4] * y2;
                x2 = x1;
                x1 = in[i];
                y2 = y1;
                y1 = v;
                out[i] = v;
            }
            y[ch] = out;
        }
        return y;
    }

    /**
     * A feed-forward compressor: the RMS level over all channels (10 ms one-pole on the mean
     * square), a hard knee at {@code thresholdDbfs} with {@code ratio}, the gain reduction
     * smoothed with {@code attackMs} / {@code releaseMs} time constants, then {@code makeupDb}.
     *
     * @return the processed signal; {@code maxReductionDb[0]} receives the largest gain reduction, dB
     */
    public static double[][] compress(double[][] x, double rate, double thresholdDbfs, double ratio,
                                      double attackMs, double releaseMs, double makeupDb, double[] maxReductionDb) {
        int n = x[0].length;
        double rms = coefficient(rate, RMS_WINDOW_MS);
        double att = coefficient(rate, attackMs);
        double rel = coefficient(rate, releaseMs);
        double makeup = Math.pow(10, makeupDb / 20);
        double[][] y = new double[x.length][n];
        double ms = 0;
        double reduction = 0;      // dB, >= 0
        double most = 0;
        for (int i = 0; i < n; i++) {
            double sq = 0;
            for (double[] c : x) {
                sq += c[i] * c[i];
            }
            ms = rms * ms + (1 - rms) * sq / x.length;
            double level = 10 * Math.log10(ms + 1e-30);
            double want = level > thresholdDbfs ? (level - thresholdDbfs) * (1 - 1 / ratio) : 0.0;
            double k = want > reduction ? att : rel;
            reduction = k * reduction + (1 - k) * want;
            most = Math.max(most, reduction);
            double g = makeup * Math.pow(10, -reduction / 20);
            for (int c = 0; c < x.length; c++) {
                y[c][i] = g * x[c][i];
            }
        }
        if (maxReductionDb != null && maxReductionDb.length > 0) {
            maxReductionDb[0] = most;
        }
        return y;
    }

    /**
     * A look-ahead peak limiter: {@code driveDb} of input gain, then a gain that keeps every
     * sample at or under {@code ceilingDbfs}. The needed gain is taken as the minimum over
     * {@code +/- lookaheadMs}, recovers with {@code releaseMs}, and is smoothed by a moving
     * average over the same +/- window, which never rises above the minimum it averages: the
     * ceiling holds exactly and the gain ramps down over the look-ahead before each peak.
     *
     * @return the processed signal; {@code maxReductionDb[0]} receives the largest gain reduction, dB
     */
    public static double[][] limit(double[][] x, double rate, double driveDb, double ceilingDbfs,
                                   double lookaheadMs, double releaseMs, double[] maxReductionDb) {
        int n = x[0].length;
        double drive = Math.pow(10, driveDb / 20);
        double ceiling = Math.pow(10, ceilingDbfs / 20);
        int look = Math.max(1, (int) Math.round(lookaheadMs * rate / 1000));
        double[] need = new double[n];
        for (int i = 0; i < n; i++) {
            double peak = 0;
            for (double[] c : x) {
                peak = Math.max(peak, Math.abs(drive * c[i]));
            }
            need[i] = peak > ceiling ? ceiling / peak : 1.0;
        }
        double[] held = new double[n];
        double rel = coefficient(rate, releaseMs);
        double g = 1.0;
        for (int i = 0; i < n; i++) {
            double m = 1.0;
            for (int k = Math.max(0, i - look); k <= Math.min(n - 1, i + look); k++) {
                m = Math.min(m, need[k]);
            }
            g = Math.min(m, rel * g + (1 - rel));
            held[i] = g;
        }
        double[][] y = new double[x.length][n];
        double most = 0;
        for (int i = 0; i < n; i++) {
            double sum = 0;
            int count = 0;
            for (int k = i - look; k <= i + look; k++) {
                sum += k >= 0 && k < n ? held[k] : 1.0;
                count++;
            }
            double gi = sum / count;
            most = Math.max(most, -20 * Math.log10(gi));
            for (int c = 0; c < x.length; c++) {
                y[c][i] = gi * drive * x[c][i];
            }
        }
        if (maxReductionDb != null && maxReductionDb.length > 0) {
            maxReductionDb[0] = most;
        }
        return y;
    }

    /** The one-pole coefficient of time constant {@code ms}: {@code exp(-1 / (tau fs))}. */
    private static double coefficient(double rate, double ms) {
        return Math.exp(-1.0 / (ms / 1000 * rate));
    }

    /** Sample-wise sum of several signals of one shape. */
    public static double[][] sum(java.util.List<double[][]> parts) {
        double[][] first = parts.get(0);
        double[][] out = new double[first.length][first[0].length];
        for (double[][] p : parts) {
            for (int c = 0; c < out.length; c++) {
                for (int i = 0; i < out[c].length; i++) {
                    out[c][i] += p[c][i];
                }
            }
        }
        return out;
    }
}
