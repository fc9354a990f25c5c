package org.stemcheck.dsp.internal;

/**
 * A planned complex DFT {@code Z[k] = sum_j z[j] exp(-2 pi i j k / m)} on interleaved data
 * ({@code a[2j]} real, {@code a[2j+1]} imaginary), in natural order. Instances own their tables
 * (and any buffers) and are confined to one thread.
 */
interface ComplexFft {

    /** Complex points per transform, {@code m}. */
    int size();

    /**
     * Transforms {@code a[0 .. 2m)}, using {@code b[0 .. 2m)} as work space; either may be
     * overwritten.
     *
     * @return the array that holds {@code Z} in its first {@code 2m} entries: {@code a} or {@code b}
     */
    double[] transform(double[] a, double[] b);

    /** The plan for {@code m} points: Stockham for powers of two, Bluestein otherwise. */
    static ComplexFft ofSize(int m) {
        return Integer.bitCount(m) == 1 ? new StockhamFft(m) : new BluesteinFft(m);
    }
}
