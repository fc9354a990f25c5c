package org.stemcheck.dsp.internal.set;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The stems' sums of a chunk, four stems a loop ({@link GramAccumulator#sums}), are each the
 * running sum of one stem alone, to the bit: the Gram matrix about the means, and every gain and
 * null depth made from it, do not move.
 */
class GramAccumulatorSumsTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8, 9, 11})
    void eachStemsSumIsItsOwnRunningSumToTheBit(int stems) {
        SplittableRandom r = new SplittableRandom(31L * stems);
        int offset = 5;
        for (int frames : new int[] {0, 1, 3, 4, 7, 4096}) {
            double[][][] in = new double[stems][2][offset + frames];
            for (double[][] s : in) {
                for (double[] c : s) {
                    for (int t = 0; t < c.length; t++) {
                        // values of very different sizes, so that the order of the additions shows in the bits
                        c[t] = (r.nextDouble() - 0.5) * Math.pow(10, r.nextInt(-8, 3));
                    }
                }
            }
            for (int c = 0; c < 2; c++) {
                double[] out = new double[stems];
                GramAccumulator.sums(in, c, offset, frames, out);
                for (int i = 0; i < stems; i++) {
                    double expected = 0;
                    for (int t = 0; t < frames; t++) {
                        expected += in[i][c][offset + t];
                    }
                    assertThat(Double.doubleToRawLongBits(out[i])).as("stem %d channel %d, %d frames", i, c, frames)
                            .isEqualTo(Double.doubleToRawLongBits(expected));
                }
            }
        }
    }
}
