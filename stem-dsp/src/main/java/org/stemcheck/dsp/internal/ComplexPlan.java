package org.stemcheck.dsp.internal;

/**
 * A planned complex DFT {@code Z[k] = sum_j z[j] exp(-2 pi i j k / m)} on split real and imaginary
 * rows, the engine behind {@link Fft}: the caller writes {@code z} into the input rows, calls
 * {@link #transform()} and reads {@code Z} from the output rows. Element {@code j} of the input is
 * entry {@code j % inLength()} of input row {@code j / inLength()}; likewise for the output.
 * Instances own their buffers and are confined to one thread.
 */
interface ComplexPlan {

    /** Rows of the input. */
    int inRows();

    /** Entries per input row; {@code inRows() * inLength()} is the transform size. */
    int inLength();

    /** Real parts of input row {@code row}. */
    double[] inRe(int row);

    /** Imaginary parts of input row {@code row}. */
    double[] inIm(int row);

    /** Transforms the input rows into the output rows (the input rows may be overwritten). */
    void transform();

    /** Rows of the output. */
    int outRows();

    /** Entries per output row. */
    int outLength();

    /** Real parts of output row {@code row}. */
    double[] outRe(int row);

    /** Imaginary parts of output row {@code row}. */
    double[] outIm(int row);
}
