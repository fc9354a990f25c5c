package org.stemcheck.bench.harness;

/**
 * One sound of a generated stem, rendered block by block in order. Cheap on purpose: a 2-hour
 * film delivery is five billion samples. Implementations keep state between blocks.
 */
interface Voice {

    /** Adds the next {@code n} frames of this voice to {@code left} and {@code right}. */
    void addTo(double[] left, double[] right, int n);

    /** An upper bound of the absolute value this voice adds to one sample. */
    double bound();
}
