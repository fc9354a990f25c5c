package org.stemcheck.core.nulltest;

/**
 * One stretch of the residual.
 *
 * @param startSeconds from {@link NullTestResult#startSeconds()}
 * @param endSeconds   exclusive
 * @param residualRms  RMS of the residual over all channels (full scale 1.0)
 * @param mixRms       RMS of the mix over the same stretch
 */
public record Segment(double startSeconds, double endSeconds, double residualRms, double mixRms) {

    /**
     * How well this stretch nulls: the residual relative to the mix.
     *
     * @return dB; -200 for no residual, {@code NaN} where the mix is silent
     */
    public double relativeDb() {
        double r = residualRms * residualRms;
        double m = mixRms * mixRms;
        if (!(m > 0.0)) {
            return Double.NaN;
        }
        return r <= 0.0 ? -200.0 : Math.max(-200.0, 10.0 * Math.log10(r / m));
    }
}
