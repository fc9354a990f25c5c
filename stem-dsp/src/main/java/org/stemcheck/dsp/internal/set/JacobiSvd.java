package org.stemcheck.dsp.internal.set;

import java.util.Arrays;

/**
 * The singular value decomposition {@code A = U diag(sigma) V^T} of a small square matrix by
 * one-sided Jacobi rotations (Hestenes' method): plane rotations of pairs of columns of
 * {@code W = A V} until every pair is orthogonal to working precision; then {@code sigma_j = |w_j|}
 * and {@code u_j = w_j / sigma_j}. Golub and Van Loan, "Matrix Computations", 4th ed., section
 * 8.6.3; the rotation is the symmetric Schur pair of section 8.5.2 applied to the 2x2 Gram matrix
 * of the two columns. Jacobi methods compute the small singular values of a well-scaled matrix to
 * high relative accuracy (Demmel and Veselic, SIAM J. Matrix Anal. Appl. 13(4), 1992), which is
 * what the rank decision of the null test's gain solver needs.
 *
 * <p>For the sizes of a null test (at most 64 stems) a sweep costs {@code k^3} multiply-adds and
 * converges quadratically, typically in 6 to 10 sweeps.
 */
public final class JacobiSvd {

    /**
     * Two columns count as orthogonal when {@code |w_p . w_q| <= ORTHOGONAL * |w_p| |w_q|}: about
     * 4.5 units of double rounding (eps = 2^-52 = 2.2e-16), near LAPACK dgesvj's {@code sqrt(k) eps}
     * for the orders here (k &lt;= 64: 2.2e-16 to 1.8e-15).
     */
    private static final double ORTHOGONAL = 1e-15;

    /** Quadratic convergence needs far fewer; a bound so that a NaN cannot loop forever. */
    private static final int MAX_SWEEPS = 100;

    private final double[] sigma;
    /** Columns of U and V, {@code u[j]} the j-th left singular vector, sorted by falling sigma. */
    private final double[][] u;
    private final double[][] v;

    private JacobiSvd(double[] sigma, double[][] u, double[][] v) {
        this.sigma = sigma;
        this.u = u;
        this.v = v;
    }

    /**
     * Decomposes {@code a} (square, finite, {@code a[row][col]}); {@code a} is not changed.
     *
     * @throws IllegalArgumentException if {@code a} is not square or holds a non-finite entry
     */
    public static JacobiSvd of(double[][] a) {
        int k = a.length;
        double[][] w = new double[k][k]; // w[j] = column j of A V
        double[][] v = new double[k][k];
        for (int j = 0; j < k; j++) {
            if (a[j].length != k) {
                throw new IllegalArgumentException("matrix must be square: row " + j + " has " + a[j].length);
            }
            v[j][j] = 1.0;
            for (int i = 0; i < k; i++) {
                if (!Double.isFinite(a[i][j])) {
                    throw new IllegalArgumentException("matrix entry (" + i + ", " + j + ") is not finite");
                }
                w[j][i] = a[i][j];
            }
        }
        for (int sweep = 0; sweep < MAX_SWEEPS && rotateAllPairs(w, v); sweep++) {
            // each sweep rotates every pair that is not yet orthogonal
        }
        return sorted(w, v);
    }

    /** One cyclic sweep over all pairs (row order); false when every pair was already orthogonal. */
    private static boolean rotateAllPairs(double[][] w, double[][] v) {
        boolean rotated = false;
        int k = w.length;
        for (int p = 0; p < k - 1; p++) {
            for (int q = p + 1; q < k; q++) {
                double alpha = dot(w[p], w[p]);
                double beta = dot(w[q], w[q]);
                double gamma = dot(w[p], w[q]);
                if (gamma == 0 || Math.abs(gamma) <= ORTHOGONAL * Math.sqrt(alpha) * Math.sqrt(beta)) {
                    continue;
                }
                rotated = true;
                // the rotation that diagonalises [[alpha, gamma], [gamma, beta]] (G&VL 8.5.2), smaller angle
                double zeta = (beta - alpha) / (2 * gamma);
                double t = Math.signum(zeta) / (Math.abs(zeta) + Math.sqrt(1 + zeta * zeta));
                if (zeta == 0) {
                    t = 1;
                }
                double c = 1 / Math.sqrt(1 + t * t);
                double s = c * t;
                rotate(w[p], w[q], c, s);
                rotate(v[p], v[q], c, s);
            }
        }
        return rotated;
    }

    private static void rotate(double[] x, double[] y, double c, double s) {
        for (int i = 0; i < x.length; i++) {
            double a = x[i];
            double b = y[i];
            x[i] = c * a - s * b;
            y[i] = s * a + c * b;
        }
    }

    private static double dot(double[] x, double[] y) {
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            sum += x[i] * y[i];
        }
        return sum;
    }

    /** Norms of the converged columns, sorted falling, with the matching columns of U and V. */
    private static JacobiSvd sorted(double[][] w, double[][] v) {
        int k = w.length;
        double[] norms = new double[k];
        Integer[] order = new Integer[k];
        for (int j = 0; j < k; j++) {
            norms[j] = Math.sqrt(dot(w[j], w[j]));
            order[j] = j;
        }
        Arrays.sort(order, (x, y) -> Double.compare(norms[y], norms[x]));
        double[] sigma = new double[k];
        double[][] u = new double[k][];
        double[][] vs = new double[k][];
        for (int s = 0; s < k; s++) {
            int j = order[s];
            sigma[s] = norms[j];
            u[s] = w[j];
            if (norms[j] > 0) {
                for (int i = 0; i < k; i++) {
                    u[s][i] /= norms[j];
                }
            }
            vs[s] = v[j];
        }
        return new JacobiSvd(sigma, u, vs);
    }

    /** Number of singular values, the matrix's order. */
    public int size() {
        return sigma.length;
    }

    /** The s-th largest singular value. */
    public double sigma(int s) {
        return sigma[s];
    }

    /** Entry {@code i} of the left singular vector of {@link #sigma(int) sigma(s)}; 0 where sigma is 0. */
    public double u(int i, int s) {
        return u[s][i];
    }

    /** Entry {@code i} of the right singular vector of {@link #sigma(int) sigma(s)}. */
    public double v(int i, int s) {
        return v[s][i];
    }
}
