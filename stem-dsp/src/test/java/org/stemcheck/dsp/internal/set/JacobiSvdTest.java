package org.stemcheck.dsp.internal.set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JacobiSvdTest {

    /** Eigenvalues (= singular values) of the 5x5 Hilbert matrix, to 16 digits (Todd 1954; any CAS). */
    private static final double[] HILBERT5 = {1.567050691098231, 0.2085342186110133, 0.01140749162341981,
            3.058980401511917e-4, 3.287928772171863e-6};

    static double[][] hilbert(int k) {
        double[][] h = new double[k][k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                h[i][j] = 1.0 / (i + j + 1);
            }
        }
        return h;
    }

    @Test
    void hilbertMatrixSingularValuesToRelativeAccuracy() {
        JacobiSvd svd = JacobiSvd.of(hilbert(5));
        for (int s = 0; s < 5; s++) {
            assertThat(svd.sigma(s)).as("sigma %d", s).isCloseTo(HILBERT5[s], within(HILBERT5[s] * 1e-11));
        }
    }

    @Test
    void hilbertTwelveIsIllConditionedButReconstructs() {
        double[][] h = hilbert(12);
        JacobiSvd svd = JacobiSvd.of(h);
        assertThat(svd.sigma(0) / svd.sigma(11)).as("cond(H12) is about 1.7e16").isGreaterThan(1e15);
        assertReconstructs(h, svd, 1e-15);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 7, 16, 64})
    void randomMatricesReconstructWithOrthonormalFactors(int k) {
        Random random = new Random(k);
        double[][] a = new double[k][k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                a[i][j] = random.nextGaussian();
            }
        }
        JacobiSvd svd = JacobiSvd.of(a);
        assertReconstructs(a, svd, 1e-14);
        for (int s = 0; s < k; s++) {
            if (s > 0) {
                assertThat(svd.sigma(s)).isLessThanOrEqualTo(svd.sigma(s - 1));
            }
            for (int t = 0; t < k; t++) {
                double uu = 0;
                double vv = 0;
                for (int i = 0; i < k; i++) {
                    uu += svd.u(i, s) * svd.u(i, t);
                    vv += svd.v(i, s) * svd.v(i, t);
                }
                assertThat(uu).isCloseTo(s == t ? 1 : 0, within(1e-13));
                assertThat(vv).isCloseTo(s == t ? 1 : 0, within(1e-13));
            }
        }
    }

    @Test
    void rankDeficientMatrixHasZeroSingularValuesAndANullVector() {
        // columns 0 and 2 equal, column 3 = column 1 - column 0: rank 2 of 4
        double[][] a = {{1, 2, 1, 1}, {3, -1, 3, -4}, {0, 5, 0, 5}, {2, 2, 2, 0}};
        JacobiSvd svd = JacobiSvd.of(a);
        assertThat(svd.sigma(1)).isGreaterThan(1);
        assertThat(svd.sigma(2)).isLessThan(1e-15 * svd.sigma(0));
        assertThat(svd.sigma(3)).isLessThan(1e-15 * svd.sigma(0));
        for (int s = 2; s < 4; s++) { // A v = 0 for the dropped directions
            for (int i = 0; i < 4; i++) {
                double av = 0;
                for (int j = 0; j < 4; j++) {
                    av += a[i][j] * svd.v(j, s);
                }
                assertThat(av).isCloseTo(0, within(1e-14));
            }
        }
    }

    @Test
    void zeroAndDiagonalMatrices() {
        JacobiSvd zero = JacobiSvd.of(new double[3][3]);
        assertThat(zero.sigma(0)).isZero();
        JacobiSvd diagonal = JacobiSvd.of(new double[][] {{2, 0, 0}, {0, -5, 0}, {0, 0, 3}});
        assertThat(new double[] {diagonal.sigma(0), diagonal.sigma(1), diagonal.sigma(2)}).containsExactly(5, 3, 2);
        assertThat(diagonal.u(1, 0) * diagonal.v(1, 0)).as("sign of -5 carried by u v").isEqualTo(-1);
    }

    @Test
    void rejectsNonSquareAndNonFinite() {
        assertThatThrownBy(() -> JacobiSvd.of(new double[][] {{1, 2}, {3}})).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JacobiSvd.of(new double[][] {{Double.NaN}})).isInstanceOf(IllegalArgumentException.class);
    }

    private static void assertReconstructs(double[][] a, JacobiSvd svd, double relative) {
        int k = a.length;
        double norm = svd.sigma(0);
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                double sum = 0;
                for (int s = 0; s < k; s++) {
                    sum += svd.u(i, s) * svd.sigma(s) * svd.v(j, s);
                }
                assertThat(sum).as("(%d, %d)", i, j).isCloseTo(a[i][j], within(relative * k * norm));
            }
        }
    }
}
