package org.stemcheck.dsp.internal.set;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;
import org.junit.jupiter.api.Test;

/** Temporary: JacobiSvd against the commons-math3 SVD it replaces, on random unit-diagonal Gram matrices. */
class GainSolverAgainstCommonsMathTest {

    @Test
    void singularValuesAndSolutionsMatchCommonsMath() {
        Random random = new Random(2026);
        double worstSigma = 0;
        double worstY = 0;
        double worstInv = 0;
        double worstCond = 0;
        int cases = 0;
        for (int trial = 0; trial < 2000; trial++) {
            int k = 1 + random.nextInt(trial < 1900 ? 16 : 64);
            double[][] s = GainSolverTest.stems(random, k + 5 + random.nextInt(300), k);
            if (k > 1 && trial % 4 == 0) {
                for (double[] row : s) {
                    row[k - 1] = row[0] + 1e-4 * row[k - 1];
                }
            }
            GainSolverTest.Sums sums = GainSolverTest.Sums.of(s, new double[s.length]);
            double[][] a = new double[k][k];
            double[] rhs = new double[k];
            for (int p = 0; p < k; p++) {
                rhs[p] = random.nextGaussian();
                for (int q = 0; q < k; q++) {
                    a[p][q] = sums.gram()[p][q] / Math.sqrt(sums.gram()[p][p] * sums.gram()[q][q]);
                }
            }
            SingularValueDecomposition old = new SingularValueDecomposition(new Array2DRowRealMatrix(a));
            JacobiSvd ours = JacobiSvd.of(a);
            double[] so = old.getSingularValues();
            double[] yOld = new double[k];
            double[] yNew = new double[k];
            double[] iOld = new double[k];
            double[] iNew = new double[k];
            for (int t = 0; t < k; t++) {
                worstSigma = Math.max(worstSigma, Math.abs(ours.sigma(t) - so[t]) / so[0]);
                double co = 0;
                double cn = 0;
                for (int p = 0; p < k; p++) {
                    co += old.getU().getEntry(p, t) * rhs[p];
                    cn += ours.u(p, t) * rhs[p];
                }
                for (int p = 0; p < k; p++) {
                    yOld[p] += old.getV().getEntry(p, t) * co / so[t];
                    yNew[p] += ours.v(p, t) * cn / ours.sigma(t);
                    iOld[p] += old.getV().getEntry(p, t) * old.getV().getEntry(p, t) / so[t];
                    iNew[p] += ours.v(p, t) * ours.v(p, t) / ours.sigma(t);
                }
            }
            double cond = so[0] / so[k - 1];
            worstCond = Math.max(worstCond, Math.abs(ours.sigma(0) / ours.sigma(k - 1) - cond) / cond);
            double yNorm = 0;
            for (int p = 0; p < k; p++) {
                yNorm = Math.max(yNorm, Math.abs(yOld[p]));
            }
            for (int p = 0; p < k; p++) {
                // relative to the conditioning: both solutions carry cond * eps of rounding
                worstY = Math.max(worstY, Math.abs(yNew[p] - yOld[p]) / yNorm / cond);
                worstInv = Math.max(worstInv, Math.abs(iNew[p] - iOld[p]) / iOld[p] / cond);
            }
            cases++;
        }
        System.out.printf("JacobiSvd vs commons-math3 over %d cases: sigma %.2e of sigma_max, condition %.2e,"
                + " solution %.2e x cond, diag(A^-1) %.2e x cond%n", cases, worstSigma, worstCond, worstY, worstInv);
        assertThat(worstSigma).isLessThan(1e-13);
        assertThat(worstY).isLessThan(1e-12);
        assertThat(worstInv).isLessThan(1e-12);
    }
}
