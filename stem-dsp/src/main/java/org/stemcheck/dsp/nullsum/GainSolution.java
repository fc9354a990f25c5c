package org.stemcheck.dsp.nullsum;

import java.util.List;

/**
 * The least-squares fit of the mix by the stems, one gain each, from the accumulated Gram
 * matrix of the stems and their inner products with the residual.
 *
 * @param gains       one per stem, in input order
 * @param rank        the numerical rank of the (diagonally scaled) Gram matrix; below the number
 *                    of non-silent stems when some stems are linear combinations of others
 * @param condition   the condition number (largest over smallest kept singular value) of the
 *                    Gram matrix scaled to a unit diagonal; 1 for orthogonal stems, large when
 *                    stems are nearly collinear (their gains are then uncertain)
 * @param nullDepthDb the residual left after applying the gains, relative to the mix energy,
 *                    in dB (same conventions as {@link NullResidual}); the numeric floor of the
 *                    computation is about -150 dB below the plain residual
 */
public record GainSolution(List<StemGain> gains, int rank, double condition, double nullDepthDb) {

    /**
     * Copies the list.
     *
     * @param gains       not {@code null}; copied
     * @param rank        0 to {@code gains.size()}
     * @param condition   {@code >= 1}, or infinite
     * @param nullDepthDb dB, as {@link NullResidual}
     */
    public GainSolution {
        gains = List.copyOf(gains);
    }
}
