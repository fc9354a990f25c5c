package org.stemcheck.dsp.nullsum;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.stemcheck.dsp.internal.set.Decibels;
import org.stemcheck.dsp.internal.set.JacobiSvd;

/**
 * Least-squares gains from the accumulated sums: minimise {@code ||e + sum_i d_i stem_i||^2}
 * over the gain corrections {@code d} (gain {@code = 1 + d}), i.e. solve {@code G d = -c}.
 *
 * <p>Rank-safe: silent stems are left out; the rest of {@code G} is scaled to a unit diagonal
 * (so the condition number does not depend on levels) and solved by SVD ({@link JacobiSvd}), dropping singular
 * values below {@link #RCOND} times the largest (minimum-norm pseudo-inverse). A stem whose
 * column has weight in a dropped singular direction is reported as not identifiable (a duplicate
 * or a linear combination of others).
 */
final class GainSolver {

    /**
     * Relative cut-off for singular values of the unit-diagonal Gram matrix. Data matrices in
     * double precision resolve about 1e-8 relative (half the 16 digits, the Gram squares it);
     * 1e-10 keeps genuinely different stems and drops exact or numerically exact duplicates.
     */
    static final double RCOND = 1e-10;

    /** Stems with less energy than this fraction of the loudest stem are silent (-150 dB). */
    static final double SILENT_RELATIVE = 1e-15;

    /** A stem is tied to a dropped direction when its weight there exceeds this. */
    private static final double NULL_SPACE_WEIGHT = 1e-6;

    private GainSolver() {
    }

    /**
     * @param samples frames times channels accumulated (the degrees of freedom of the fit)
     */
    static GainSolution solve(double[][] gram, double[] withResidual, double residualEnergy, double mixEnergy,
                              long samples) {
        int n = gram.length;
        if (!allFinite(gram, withResidual)) {
            return notANumber(n);
        }
        Fit fit = new Fit(n);
        int[] active = activeStems(gram);
        if (active.length > 0) {
            fitActive(gram, withResidual, active, fit);
        }
        double left = residualAfter(gram, withResidual, residualEnergy, fit.delta);
        double variance = samples > fit.rank ? left / (samples - fit.rank) : Double.NaN;
        return new GainSolution(gains(fit.delta, fit.identifiable, fit.inverseDiagonal, variance), fit.rank,
                fit.condition, Decibels.ratio(left, mixEnergy));
    }

    /** The solution being built: gain corrections, identifiability, diag of G^+, rank, condition. */
    private static final class Fit {
        final double[] delta;
        final boolean[] identifiable;
        final double[] inverseDiagonal;
        int rank;
        double condition = Double.NaN;

        Fit(int n) {
            delta = new double[n];
            identifiable = new boolean[n];
            inverseDiagonal = new double[n];
        }
    }

    /** Scales the active part of G to a unit diagonal and solves it by truncated SVD. */
    private static void fitActive(double[][] gram, double[] withResidual, int[] active, Fit fit) {
        int k = active.length;
        double[] norm = new double[k];
        double[][] a = new double[k][k];
        double[] rhs = new double[k];
        for (int p = 0; p < k; p++) {
            norm[p] = Math.sqrt(gram[active[p]][active[p]]);
        }
        for (int p = 0; p < k; p++) {
            rhs[p] = -withResidual[active[p]] / norm[p];
            for (int q = 0; q < k; q++) {
                a[p][q] = gram[active[p]][active[q]] / (norm[p] * norm[q]);
            }
        }
        JacobiSvd svd = JacobiSvd.of(a);
        double[] sigma = new double[k];
        for (int s = 0; s < k; s++) {
            sigma[s] = svd.sigma(s);
        }
        double[] y = new double[k];
        double[] inverse = new double[k];
        boolean[] tied = new boolean[k];
        for (int s = 0; s < k; s++) {
            if (sigma[s] > sigma[0] * RCOND) {
                fit.rank++;
                double coef = 0;
                for (int p = 0; p < k; p++) {
                    coef += svd.u(p, s) * rhs[p];
                }
                for (int p = 0; p < k; p++) {
                    y[p] += svd.v(p, s) * coef / sigma[s];
                    inverse[p] += svd.v(p, s) * svd.v(p, s) / sigma[s];
                }
            } else {
                for (int p = 0; p < k; p++) {
                    tied[p] |= Math.abs(svd.v(p, s)) > NULL_SPACE_WEIGHT;
                }
            }
        }
        fit.condition = sigma[0] / sigma[fit.rank - 1];
        for (int p = 0; p < k; p++) {
            fit.inverseDiagonal[active[p]] = inverse[p] / (norm[p] * norm[p]);
            fit.delta[active[p]] = y[p] / norm[p];
            fit.identifiable[active[p]] = !tied[p];
        }
    }

    /** {@code ||e + S d||^2 = E + 2 d.c + d^T G d}, clamped at 0 (rounding). */
    private static double residualAfter(double[][] gram, double[] withResidual, double residualEnergy,
                                        double[] delta) {
        double left = residualEnergy;
        for (int i = 0; i < delta.length; i++) {
            left += 2 * delta[i] * withResidual[i];
            for (int j = 0; j < delta.length; j++) {
                left += delta[i] * gram[i][j] * delta[j];
            }
        }
        return Math.max(0.0, left);
    }

    private static boolean allFinite(double[][] gram, double[] withResidual) {
        for (int i = 0; i < gram.length; i++) {
            if (!Double.isFinite(withResidual[i])) {
                return false;
            }
            for (double g : gram[i]) {
                if (!Double.isFinite(g)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Non-finite samples (NaN or infinite floats in a file) leave nothing to solve. */
    private static GainSolution notANumber(int n) {
        List<StemGain> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(new StemGain(i, Double.NaN, Double.NaN, Double.NaN, false, false));
        }
        return new GainSolution(out, 0, Double.NaN, Double.NaN);
    }

    private static int[] activeStems(double[][] gram) {
        double loudest = 0;
        for (int i = 0; i < gram.length; i++) {
            loudest = Math.max(loudest, gram[i][i]);
        }
        int[] active = new int[gram.length];
        int k = 0;
        for (int i = 0; i < gram.length; i++) {
            if (gram[i][i] > loudest * SILENT_RELATIVE && gram[i][i] > 0) {
                active[k++] = i;
            }
        }
        return Arrays.copyOf(active, k);
    }

    private static List<StemGain> gains(double[] delta, boolean[] identifiable, double[] inverseDiagonal,
                                        double variance) {
        List<StemGain> out = new ArrayList<>(delta.length);
        for (int i = 0; i < delta.length; i++) {
            double scale = 1.0 + delta[i];
            double errorDb = identifiable[i] ? -20.0 * Math.log10(Math.abs(scale)) : Double.NaN;
            double sigma = Math.sqrt(variance * inverseDiagonal[i]);
            double sigmaDb = identifiable[i] ? 20.0 / Math.log(10) * sigma / Math.abs(scale) : Double.NaN;
            out.add(new StemGain(i, scale, errorDb, sigmaDb, scale < 0, identifiable[i]));
        }
        return out;
    }
}
