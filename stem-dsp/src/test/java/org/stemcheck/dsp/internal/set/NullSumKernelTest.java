package org.stemcheck.dsp.internal.set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NullSumKernelTest {

    /** Every grouping path (1..4 first group, middle groups of four, a last group of 1..4). */
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8, 9, 12, 13, 16, 17})
    void matchesThePlainLoopForAnyStemCountAndOddLengths(int stems) {
        SplittableRandom r = new SplittableRandom(stems);
        int offset = 3;
        for (int frames : new int[] {0, 1, 3, 4, 7, 1001}) {
            double[][][] in = new double[stems][2][offset + frames];
            double[] mix = new double[offset + frames];
            for (double[][] s : in) {
                for (double[] c : s) {
                    for (int t = 0; t < c.length; t++) {
                        c[t] = r.nextDouble() - 0.5;
                    }
                }
            }
            for (int t = 0; t < mix.length; t++) {
                mix[t] = r.nextDouble() - 0.5;
            }
            double[] out = new double[frames];

            double energy = NullSumKernel.residual(in, 1, mix, offset, frames, out);

            double expectedEnergy = 0;
            for (int t = 0; t < frames; t++) {
                double e = -mix[offset + t];
                for (double[][] s : in) {
                    e += s[1][offset + t];
                }
                assertThat(out[t]).isCloseTo(e, within(1e-12));
                expectedEnergy += e * e;
            }
            assertThat(energy).isCloseTo(expectedEnergy, within(1e-9 * (1 + expectedEnergy)));
        }
    }

    /** Two products in one loop are each the one {@code dot} makes, to the bit (the Gram matrix does not move). */
    @ParameterizedTest
    @ValueSource(ints = {0, 1, 3, 4, 5, 7, 8, 1001, 4096})
    void twoProductsInOneLoopAreEachTheSingleOneToTheBit(int frames) {
        SplittableRandom r = new SplittableRandom(frames);
        double[] x = new double[frames + 9];
        double[] a = new double[frames + 9];
        double[] b = new double[frames + 9];
        for (double[] v : new double[][] {x, a, b}) {
            for (int t = 0; t < v.length; t++) {
                // sizes far apart, so that another order of the additions shows in the bits
                v[t] = (r.nextDouble() - 0.5) * Math.pow(10, r.nextInt(-8, 3));
            }
        }
        double[] out = new double[3];
        NullSumKernel.dot2(x, 2, a, 5, b, 9, frames, out, 1);
        assertThat(Double.doubleToRawLongBits(out[1])).isEqualTo(Double.doubleToRawLongBits(NullSumKernel.dot(x, 2, a, 5, frames)));
        assertThat(Double.doubleToRawLongBits(out[2])).isEqualTo(Double.doubleToRawLongBits(NullSumKernel.dot(x, 2, b, 9, frames)));
        NullSumKernel.dot2(x, 0, x, 0, a, 0, frames, out, 0);
        assertThat(Double.doubleToRawLongBits(out[0])).isEqualTo(Double.doubleToRawLongBits(NullSumKernel.energy(x, 0, frames)));
    }
}
