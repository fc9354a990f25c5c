package org.stemcheck.dsp.internal;

/**
 * A complex FFT of a power-of-two size {@code m = n1 * n2} by the four-step method (Bailey,
 * "FFTs in external or hierarchical memory", J. Supercomputing 4, 1990; Van Loan, "Computational
 * Frameworks for the Fast Fourier Transform", SIAM 1992, section 3.3.1): {@code n2} DFTs of
 * {@code n1} points, a twiddle multiplication, a transpose, {@code n1} DFTs of {@code n2} points.
 *
 * <p>Each set of short DFTs runs as one "vector" FFT whose elements are whole rows (separate
 * arrays): every radix-2 butterfly combines two rows into two rows of another buffer, index by
 * index. A loop of that shape (out of place, every array at the same index) is what C2's
 * SuperWord vectorises on JDK 17; butterflies inside one array at run-time strides are not
 * ({@code docs/benchmarks.md}). Bit reversal costs nothing: the decimation-in-frequency stages
 * leave the rows in bit-reversed order, and the next step simply reads row {@code rev(k)}.
 */
final class RowFft implements ComplexPlan {

    private final int n1;
    private final int n2;
    /** Step 1: {@code n1} rows of {@code n2} (input {@code z[n2 j1 + j2]} at row j1, entry j2), ping-pong. */
    private final double[][] aRe;
    private final double[][] aIm;
    private final double[][] bRe;
    private final double[][] bIm;
    /** Step 4: {@code n2} rows of {@code n1}, ping-pong. */
    private final double[][] cRe;
    private final double[][] cIm;
    private final double[][] dRe;
    private final double[][] dIm;
    /** {@code exp(-2 pi i t / n1)} and {@code / n2}, {@code t < n / 2}. */
    private final double[] w1Re;
    private final double[] w1Im;
    private final double[] w2Re;
    private final double[] w2Im;
    /** Step 2 by physical row p of step 1's result (frequency k1 = rev1[p]): {@code exp(-2 pi i j2 k1 / m)}. */
    private final double[][] tRe;
    private final double[][] tIm;
    private final int[] rev1;
    private final int[] rev2;
    /** Where step 1 and step 4 leave their results (which buffer of each pair). */
    private final double[][] step1Re;
    private final double[][] step1Im;
    private final double[][] resultRe;
    private final double[][] resultIm;

    RowFft(int size) {
        if (size < 4 || Integer.bitCount(size) != 1) {
            throw new IllegalArgumentException("size must be a power of two of at least 4: " + size);
        }
        int bits = Integer.numberOfTrailingZeros(size);
        this.n1 = 1 << (bits / 2);
        this.n2 = size / n1;
        this.aRe = new double[n1][n2];
        this.aIm = new double[n1][n2];
        this.bRe = new double[n1][n2];
        this.bIm = new double[n1][n2];
        this.cRe = new double[n2][n1];
        this.cIm = new double[n2][n1];
        this.dRe = new double[n2][n1];
        this.dIm = new double[n2][n1];
        this.w1Re = new double[n1 / 2];
        this.w1Im = new double[n1 / 2];
        for (int t = 0; t < n1 / 2; t++) {
            w1Re[t] = Twiddles.cos(t, n1);
            w1Im[t] = -Twiddles.sin(t, n1);
        }
        this.w2Re = new double[n2 / 2];
        this.w2Im = new double[n2 / 2];
        for (int t = 0; t < n2 / 2; t++) {
            w2Re[t] = Twiddles.cos(t, n2);
            w2Im[t] = -Twiddles.sin(t, n2);
        }
        this.rev1 = Twiddles.bitReversal(n1);
        this.rev2 = Twiddles.bitReversal(n2);
        this.tRe = new double[n1][n2];
        this.tIm = new double[n1][n2];
        for (int p = 0; p < n1; p++) {
            for (int j2 = 0; j2 < n2; j2++) {
                long t = (long) j2 * rev1[p];
                tRe[p][j2] = Twiddles.cos(t, size);
                tIm[p][j2] = -Twiddles.sin(t, size);
            }
        }
        boolean oddStages1 = (Integer.numberOfTrailingZeros(n1) & 1) != 0;
        this.step1Re = oddStages1 ? bRe : aRe;
        this.step1Im = oddStages1 ? bIm : aIm;
        boolean oddStages2 = (Integer.numberOfTrailingZeros(n2) & 1) != 0;
        this.resultRe = oddStages2 ? dRe : cRe;
        this.resultIm = oddStages2 ? dIm : cIm;
    }

    @Override
    public int inRows() {
        return n1;
    }

    @Override
    public int inLength() {
        return n2;
    }

    @Override
    public double[] inRe(int row) {
        return aRe[row];
    }

    @Override
    public double[] inIm(int row) {
        return aIm[row];
    }

    @Override
    public void transform() {
        rowStages(aRe, aIm, bRe, bIm, w1Re, w1Im);
        twiddleAndTranspose();
        rowStages(cRe, cIm, dRe, dIm, w2Re, w2Im);
    }

    @Override
    public int outRows() {
        return n2;
    }

    @Override
    public int outLength() {
        return n1;
    }

    @Override
    public double[] outRe(int row) {
        return resultRe[rev2[row]];
    }

    @Override
    public double[] outIm(int row) {
        return resultIm[rev2[row]];
    }

    /**
     * Radix-2 decimation-in-frequency stages across the rows of {@code x}, ping-pong with {@code y}
     * (Gentleman and Sande 1966; Van Loan Algorithm 1.6.1 transposed): row p of the result holds
     * frequency {@code rev(p)}. The last stage's buffer is {@code x} after an even number of stages.
     */
    private static void rowStages(double[][] xRe, double[][] xIm, double[][] yRe, double[][] yIm,
                                  double[] wRe, double[] wIm) {
        int rows = xRe.length;
        int len = xRe[0].length;
        double[][] sRe = xRe;
        double[][] sIm = xIm;
        double[][] dRe = yRe;
        double[][] dIm = yIm;
        for (int half = rows / 2, step = 1; half >= 1; half /= 2, step *= 2) {
            for (int start = 0; start < rows; start += 2 * half) {
                int q0 = start + half;
                sumDiff(sRe[start], sIm[start], sRe[q0], sIm[q0], dRe[start], dIm[start], dRe[q0], dIm[q0], len);
                for (int j = 1; j < half; j++) {
                    int p = start + j;
                    int q = p + half;
                    sumDiffTwiddle(sRe[p], sIm[p], sRe[q], sIm[q], dRe[p], dIm[p], dRe[q], dIm[q],
                            wRe[j * step], wIm[j * step], len);
                }
            }
            double[][] t = sRe;
            sRe = dRe;
            dRe = t;
            t = sIm;
            sIm = dIm;
            dIm = t;
        }
    }

    /** {@code s = p + q}, {@code d = p - q}, element by element. */
    private static void sumDiff(double[] pRe, double[] pIm, double[] qRe, double[] qIm,
                                double[] sRe, double[] sIm, double[] dRe, double[] dIm, int len) {
        for (int k = 0; k < len; k++) {
            double ar = pRe[k];
            double ai = pIm[k];
            double br = qRe[k];
            double bi = qIm[k];
            sRe[k] = ar + br;
            sIm[k] = ai + bi;
            dRe[k] = ar - br;
            dIm[k] = ai - bi;
        }
    }

    /** {@code s = p + q}, {@code d = (p - q) w}, element by element. */
    private static void sumDiffTwiddle(double[] pRe, double[] pIm, double[] qRe, double[] qIm,
                                       double[] sRe, double[] sIm, double[] dRe, double[] dIm,
                                       double wr, double wi, int len) {
        for (int k = 0; k < len; k++) {
            double ar = pRe[k];
            double ai = pIm[k];
            double br = qRe[k];
            double bi = qIm[k];
            sRe[k] = ar + br;
            sIm[k] = ai + bi;
            double xr = ar - br;
            double xi = ai - bi;
            dRe[k] = wr * xr - wi * xi;
            dIm[k] = wr * xi + wi * xr;
        }
    }

    /** Step 2 and 3: {@code c[j2][k1] = step1[p][j2] * exp(-2 pi i j2 k1 / m)}, p the row of k1. */
    private void twiddleAndTranspose() {
        for (int p = 0; p < n1; p++) {
            int k1 = rev1[p];
            double[] xr = step1Re[p];
            double[] xi = step1Im[p];
            double[] tr = tRe[p];
            double[] ti = tIm[p];
            for (int j2 = 0; j2 < n2; j2++) {
                double a = xr[j2];
                double b = xi[j2];
                cRe[j2][k1] = a * tr[j2] - b * ti[j2];
                cIm[j2][k1] = a * ti[j2] + b * tr[j2];
            }
        }
    }
}
