package org.stemcheck.dsp.internal.set;

/**
 * The coefficient table of a rational-ratio resampler: a Kaiser-windowed sinc low-pass, sampled
 * at {@code up} phases between input samples. See {@code org.stemcheck.dsp.nullsum.Resampler} for
 * the specification this design meets.
 *
 * <p>Design (Kaiser, "Nonrecursive digital filter design using the I0-sinh window function",
 * 1974; formulas as in Oppenheim and Schafer, Discrete-Time Signal Processing, 3rd ed., 7.6):
 * {@code beta = 0.1102 (A - 8.7)} for {@code A > 50} dB, and length
 * {@code M = (A - 8) / (2.285 dw)} with {@code dw} the transition width in radians per sample,
 * here per input sample. The kernel {@code h(t) = 2 fc / fin * sinc(2 fc t / fin) * w(t / K)},
 * {@code t} in input samples, {@code |t| < K}.
 */
public final class PolyphaseFilter {

    /** Stopband attenuation designed for, dB (the Kaiser formula's A). */
    public static final double ATTENUATION_DB = 120.0;

    /** Passband edge as a fraction of the lower of the two rates: 20 kHz at 44.1 kHz. */
    public static final double PASSBAND = 0.4535;

    /** Stopband edge as a fraction of the lower rate: its Nyquist frequency. */
    public static final double STOPBAND = 0.5;

    /** Bound on the table (up phases x 2K taps): 16 MiB of doubles. */
    static final int MAX_TABLE = 1 << 21;

    private final int up;
    private final int down;
    private final int halfWidth;
    private final double[][] taps;

    PolyphaseFilter(int inRate, int outRate) {
        int g = gcd(inRate, outRate);
        this.up = outRate / g;
        this.down = inRate / g;
        double low = Math.min(inRate, outRate);
        double transition = (STOPBAND - PASSBAND) * low / inRate;
        double cutoff = (STOPBAND + PASSBAND) / 2 * low / inRate;
        double length = (ATTENUATION_DB - 8.0) / (2.285 * 2 * Math.PI * transition);
        this.halfWidth = (int) Math.ceil(length / 2) + 1;
        if ((long) up * 2 * halfWidth > MAX_TABLE) {
            throw new IllegalArgumentException("resampling " + inRate + " -> " + outRate
                    + " Hz needs a table of " + (long) up * 2 * halfWidth + " taps (max " + MAX_TABLE + ")");
        }
        this.taps = new double[up][2 * halfWidth];
        double beta = 0.1102 * (ATTENUATION_DB - 8.7);
        for (int p = 0; p < up; p++) {
            double sum = 0;
            for (int j = 0; j < 2 * halfWidth; j++) {
                double t = (double) p / up + halfWidth - 1 - j;
                double v = kernel(t, cutoff, beta);
                taps[p][j] = v;
                sum += v;
            }
            for (int j = 0; j < 2 * halfWidth; j++) {
                taps[p][j] /= sum;
            }
        }
    }

    private double kernel(double t, double cutoff, double beta) {
        double r = t / halfWidth;
        if (Math.abs(r) >= 1.0) {
            return 0.0;
        }
        double x = 2 * cutoff * t;
        double sinc = x == 0 ? 1.0 : Math.sin(Math.PI * x) / (Math.PI * x);
        return 2 * cutoff * sinc * besselI0(beta * Math.sqrt(1 - r * r)) / besselI0(beta);
    }

    /** Modified Bessel function of the first kind, order 0, by its power series. */
    static double besselI0(double x) {
        double sum = 1;
        double term = 1;
        double q = x * x / 4;
        for (int k = 1; k < 500 && term > sum * 1e-17; k++) {
            term *= q / ((double) k * k);
            sum += term;
        }
        return sum;
    }

    static int gcd(int a, int b) {
        while (b != 0) {
            int t = a % b;
            a = b;
            b = t;
        }
        return a;
    }

    int up() {
        return up;
    }

    int down() {
        return down;
    }

    /** Input samples each side of the output instant that the kernel reaches. */
    int halfWidth() {
        return halfWidth;
    }

    /** Taps for phase {@code p}, to multiply input samples {@code n0 - K + 1 .. n0 + K}. */
    double[] phase(int p) {
        return taps[p];
    }
}
