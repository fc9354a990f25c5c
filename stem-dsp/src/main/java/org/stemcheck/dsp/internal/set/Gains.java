package org.stemcheck.dsp.internal.set;

import org.stemcheck.dsp.nullsum.GainSolution;

/**
 * The least-squares gains of the stems from their accumulated sums ({@link GainSolver}, which is
 * package-private): the one way the null test reaches the solver.
 */
public final class Gains {

    private Gains() {
    }

    /**
     * Solves the gains from everything {@code sums} accumulated.
     *
     * @param sums    the Gram matrix, the stems' products with the residual, the energies
     * @param samples frames times channels accumulated (the degrees of freedom of the fit)
     * @return one gain per stem, the rank and condition of the fit and the null left after it
     */
    public static GainSolution solve(GramAccumulator sums, long samples) {
        return GainSolver.solve(sums.gram(), sums.withResidual(), sums.residualEnergy(), sums.mixEnergy(), samples);
    }
}
