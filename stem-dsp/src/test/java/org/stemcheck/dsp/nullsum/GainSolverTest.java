package org.stemcheck.dsp.nullsum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.stemcheck.io.testing.Verbose;

class GainSolverTest {

    /** Sums of a fit: stems as columns of {@code s} (samples x k), residual {@code e}. */
    record Sums(double[][] gram, double[] withResidual, double residualEnergy, double mixEnergy, long samples) {
        static Sums of(double[][] s, double[] e) {
            int n = s.length;
            int k = s[0].length;
            double[][] g = new double[k][k];
            double[] c = new double[k];
            double energy = 0;
            for (int t = 0; t < n; t++) {
                energy += e[t] * e[t];
                for (int i = 0; i < k; i++) {
                    c[i] += s[t][i] * e[t];
                    for (int j = 0; j < k; j++) {
                        g[i][j] += s[t][i] * s[t][j];
                    }
                }
            }
            return new Sums(g, c, energy, Math.max(energy, 1e-300), n);
        }

        GainSolution solve() {
            return GainSolver.solve(gram, withResidual, residualEnergy, mixEnergy, samples);
        }
    }

    static double[][] stems(Random random, int samples, int k) {
        double[][] s = new double[samples][k];
        for (int t = 0; t < samples; t++) {
            for (int i = 0; i < k; i++) {
                s[t][i] = random.nextGaussian() * (i + 1);
            }
        }
        return s;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 5, 16, 64})
    void exactMixGivesTheInjectedGainsAndFullRank(int k) {
        Random random = new Random(k);
        double[][] s = stems(random, 4 * k + 50, k);
        double[] d = new double[k];
        for (int i = 0; i < k; i++) {
            d[i] = 0.2 * random.nextGaussian();
        }
        double[] e = new double[s.length];
        for (int t = 0; t < s.length; t++) {
            for (int i = 0; i < k; i++) {
                e[t] -= s[t][i] * d[i];
            }
        }
        GainSolution g = Sums.of(s, e).solve();
        assertThat(g.rank()).isEqualTo(k);
        assertThat(g.condition()).isBetween(1.0, 1e3);
        for (int i = 0; i < k; i++) {
            assertThat(g.gains().get(i).scale()).as("stem %d", i).isCloseTo(1 + d[i], within(1e-10));
            assertThat(g.gains().get(i).identifiable()).isTrue();
        }
        assertThat(g.nullDepthDb()).as("nothing left but rounding").isLessThan(-100);
    }

    @Test
    void duplicateStemsAreNotIdentifiableAndLowerTheRank() {
        Random random = new Random(7);
        double[][] s = stems(random, 200, 4);
        for (double[] row : s) {
            row[3] = -0.5 * row[1]; // stem 3 is stem 1 inverted at -6 dB
        }
        double[] e = new double[200];
        for (int t = 0; t < 200; t++) {
            e[t] = 0.1 * s[t][0] + 0.01 * random.nextGaussian();
        }
        GainSolution g = Sums.of(s, e).solve();
        assertThat(g.rank()).isEqualTo(3);
        assertThat(g.gains()).extracting(x -> x.identifiable()).containsExactly(true, false, true, false);
        assertThat(g.gains().get(0).scale()).isCloseTo(0.9, within(0.01));
    }

    @Test
    void silentStemIsLeftOut() {
        Random random = new Random(3);
        double[][] s = stems(random, 100, 3);
        for (double[] row : s) {
            row[1] = 0;
        }
        GainSolution g = Sums.of(s, new double[100]).solve();
        assertThat(g.rank()).isEqualTo(2);
        assertThat(g.gains().get(1).scale()).isEqualTo(1.0);
        assertThat(g.gains().get(0).scale()).isCloseTo(1.0, within(1e-12));
    }

    /**
     * Against an independent solution of the normal equations {@code A y = b} of the unit-diagonal
     * matrix (Gauss-Jordan with partial pivoting, also giving {@code diag(A^-1)} for the standard
     * errors) on random full-rank cases, including nearly collinear stems.
     */
    @Test
    void matchesGaussJordanOnRandomFullRankCases() {
        Random random = new Random(42);
        double worstScale = 0;
        double worstSigma = 0;
        for (int trial = 0; trial < 300; trial++) {
            int k = 1 + random.nextInt(12);
            double[][] s = stems(random, 40 + random.nextInt(200), k);
            if (k > 1 && trial % 3 == 0) {
                for (double[] row : s) {
                    row[k - 1] = row[0] + 1e-3 * row[k - 1]; // nearly a copy: condition about 1e6
                }
            }
            double[] e = new double[s.length];
            for (int t = 0; t < s.length; t++) {
                e[t] = random.nextGaussian();
            }
            Sums sums = Sums.of(s, e);
            GainSolution g = sums.solve();
            double[][] reference = GaussJordan.deltaAndInverseDiagonal(sums.gram(), sums.withResidual());
            double left = sums.residualEnergy();
            for (int i = 0; i < k; i++) {
                left += 2 * reference[0][i] * sums.withResidual()[i];
                for (int j = 0; j < k; j++) {
                    left += reference[0][i] * sums.gram()[i][j] * reference[0][j];
                }
            }
            double variance = Math.max(0, left) / (s.length - k);
            assertThat(g.rank()).isEqualTo(k);
            for (int i = 0; i < k; i++) {
                double scale = 1 + reference[0][i];
                double sigmaDb = 20.0 / Math.log(10) * Math.sqrt(variance * reference[1][i]) / Math.abs(scale);
                worstScale = Math.max(worstScale, Math.abs(g.gains().get(i).scale() - scale) / Math.abs(scale));
                worstSigma = Math.max(worstSigma, Math.abs(g.gains().get(i).standardErrorDb() - sigmaDb) / sigmaDb);
            }
        }
        Verbose.printf("GainSolver vs Gauss-Jordan: worst relative difference %.2e (scale), %.2e (standard error)%n",
                worstScale, worstSigma);
        assertThat(worstScale).isLessThan(1e-9);
        assertThat(worstSigma).isLessThan(1e-9);
    }

    /** Gauss-Jordan elimination with partial pivoting on {@code [A | b | I]}, A the unit-diagonal Gram. */
    static final class GaussJordan {
        static double[][] deltaAndInverseDiagonal(double[][] gram, double[] c) {
            int k = gram.length;
            double[][] m = new double[k][2 * k + 1];
            double[] norm = new double[k];
            for (int i = 0; i < k; i++) {
                norm[i] = Math.sqrt(gram[i][i]);
            }
            for (int i = 0; i < k; i++) {
                for (int j = 0; j < k; j++) {
                    m[i][j] = gram[i][j] / (norm[i] * norm[j]);
                }
                m[i][k] = -c[i] / norm[i];
                m[i][k + 1 + i] = 1;
            }
            for (int col = 0; col < k; col++) {
                int pivot = col;
                for (int r = col + 1; r < k; r++) {
                    if (Math.abs(m[r][col]) > Math.abs(m[pivot][col])) {
                        pivot = r;
                    }
                }
                double[] t = m[col];
                m[col] = m[pivot];
                m[pivot] = t;
                double p = m[col][col];
                for (int j = 0; j < 2 * k + 1; j++) {
                    m[col][j] /= p;
                }
                for (int r = 0; r < k; r++) {
                    if (r != col && m[r][col] != 0) {
                        double f = m[r][col];
                        for (int j = 0; j < 2 * k + 1; j++) {
                            m[r][j] -= f * m[col][j];
                        }
                    }
                }
            }
            double[][] out = new double[2][k];
            for (int i = 0; i < k; i++) {
                out[0][i] = m[i][k] / norm[i];
                out[1][i] = m[i][k + 1 + i] / (norm[i] * norm[i]);
            }
            return out;
        }
    }
}
