package org.stemcheck.core.internal.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class ResidualSplitTest {

    /** Two stems' shapes over 600 stretches: a bass playing throughout, a vocal in the second half only. */
    private static double[][] shapes() {
        Random rnd = new Random(7);
        int n = 600;
        double[] bass = new double[n];
        double[] vocal = new double[n];
        for (int t = 0; t < n; t++) {
            bass[t] = 1e-3 * (0.5 + rnd.nextDouble());
            vocal[t] = t < n / 2 ? 0 : 2e-3 * (0.2 + rnd.nextDouble());
        }
        return new double[][] {bass, vocal};
    }

    @Test
    void aResidualMadeOfTwoStemsShapesIsSplitBackIntoThemAndNothingIsLeft() {
        double[][] s = shapes();
        double a = 0.01;
        double b = 0.003;
        double[] residual = new double[s[0].length];
        for (int t = 0; t < residual.length; t++) {
            residual[t] = a * s[0][t] + b * s[1][t];
        }

        List<double[]> parts = ResidualSplit.split(residual, List.of(s[0], s[1]));

        assertThat(parts).hasSize(3);
        for (int t = 0; t < residual.length; t++) {
            assertThat(parts.get(0)[t]).isCloseTo(a * s[0][t], within(1e-9 * residual[t]));
            assertThat(parts.get(1)[t]).isCloseTo(b * s[1][t], within(1e-9 * residual[t]));
            assertThat(parts.get(2)[t]).isCloseTo(0, within(1e-9 * residual[t]));
        }
    }

    @Test
    void whatNoCauseFollowsStaysInTheRestAndThePartsAlwaysAddUpToTheResidual() {
        double[][] s = shapes();
        int n = s[0].length;
        double[] residual = new double[n];
        double[] other = new double[n];
        for (int t = 0; t < n; t++) {
            other[t] = t % 100 < 10 ? 5e-5 : 0; // bursts no stem explains
            residual[t] = 0.01 * s[0][t] + other[t];
        }

        List<double[]> parts = ResidualSplit.split(residual, List.of(s[0], s[1]));

        double restInBursts = 0;
        double restElsewhere = 0;
        for (int t = 0; t < n; t++) {
            double sum = parts.get(0)[t] + parts.get(1)[t] + parts.get(2)[t];
            assertThat(sum).as("t = %d", t).isCloseTo(residual[t], within(1e-12));
            assertThat(parts.get(0)[t]).isGreaterThanOrEqualTo(0);
            assertThat(parts.get(2)[t]).isGreaterThanOrEqualTo(0);
            if (other[t] > 0) {
                restInBursts += parts.get(2)[t];
            } else {
                restElsewhere += parts.get(2)[t];
            }
        }
        assertThat(restInBursts).as("the bursts are the rest").isGreaterThan(10 * restElsewhere);
        // the vocal plays only in the second half and the bursts are in both: it takes little of them
        double vocal = java.util.Arrays.stream(parts.get(1)).sum();
        assertThat(vocal).isLessThan(0.2 * java.util.Arrays.stream(other).sum());
    }

    @Test
    void noCausesLeaveTheWholeResidualAsTheRestAndBadValuesCountAsNothing() {
        double[] residual = {1e-6, Double.NaN, 2e-6, Double.NEGATIVE_INFINITY};
        List<double[]> parts = ResidualSplit.split(residual, List.of());
        assertThat(parts).hasSize(1);
        assertThat(parts.get(0)).containsExactly(1e-6, 0, 2e-6, 0);

        List<double[]> silent = ResidualSplit.split(residual, List.of(new double[] {0, 0, Double.NaN, 0}));
        assertThat(silent.get(0)).containsOnly(0.0);
        assertThat(silent.get(1)).containsExactly(1e-6, 0, 2e-6, 0);
    }
}
