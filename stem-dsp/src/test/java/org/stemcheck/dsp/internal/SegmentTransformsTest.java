package org.stemcheck.dsp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Leaving a transform out gives what the transform would have given: bit for bit, or for the power bit for bit. */
class SegmentTransformsTest {

    private static final int SIZE = 8192;
    private static final Fft FFT = Fft.ofSize(SIZE);

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void aChannelEqualToTheOneBeforeGetsTheSameTransform(boolean powerOnly) {
        double[] left = noise(1);
        double[] other = noise(2);
        double[][] x = {left.clone(), left.clone(), other.clone(), other.clone(), left.clone()};
        double[][] expected = transformedOneByOne(x);

        int skipped = SegmentTransforms.forward(FFT, x, powerOnly);

        assertThat(skipped).as("channels 1 and 3 equal the one before").isEqualTo(2);
        for (int c = 0; c < x.length; c++) {
            assertBits(x[c], expected[c], "channel " + c);
        }
    }

    @Test
    void channelsThatDifferInOneSampleOrInTheSignOfAZeroAreEachTransformed() {
        double[] left = noise(3);
        double[] right = left.clone();
        right[SIZE - 1] = Math.nextUp(right[SIZE - 1]);
        double[] zeros = new double[SIZE];
        double[] negativeZero = new double[SIZE];
        negativeZero[100] = -0.0;
        double[][] x = {left.clone(), right.clone(), zeros.clone(), negativeZero.clone()};
        double[][] expected = transformedOneByOne(x);

        int skipped = SegmentTransforms.forward(FFT, x, false);

        assertThat(skipped).isZero();
        for (int c = 0; c < x.length; c++) {
            assertBits(x[c], expected[c], "channel " + c);
        }
    }

    @Test
    void silenceIsLeftOutOnlyWhenThePowerAloneIsRead() {
        double[] sound = noise(4);
        double[][] x = {new double[SIZE], sound.clone()};
        double[][] expected = transformedOneByOne(x);

        int skipped = SegmentTransforms.forward(FFT, x, true);

        assertThat(skipped).isEqualTo(1);
        assertBits(x[1], expected[1], "the channel with sound");
        double[] power = power(x[0]);
        assertThat(power).as("all zero").containsOnly(0.0);
        assertBits(power, power(expected[0]), "the silent channel's power");
        // the same sums through WelchPower, the Welch spectrum's own code path
        double[][] sums = WelchPower.sums(2, SIZE);
        double[][] expectedSums = WelchPower.sums(2, SIZE);
        WelchPower.add(x, SIZE, 1e-3, sums, null);
        WelchPower.add(expected, SIZE, 1e-3, expectedSums, null);
        for (int t = 0; t < sums.length; t++) {
            assertBits(sums[t], expectedSums[t], "sum " + t);
        }
    }

    private static double[][] transformedOneByOne(double[][] x) {
        double[][] out = new double[x.length][];
        for (int c = 0; c < x.length; c++) {
            out[c] = x[c].clone();
            FFT.forward(out[c]);
        }
        return out;
    }

    private static double[] power(double[] packed) {
        double[] p = new double[SIZE / 2 + 1];
        p[0] = packed[0] * packed[0];
        p[SIZE / 2] = packed[1] * packed[1];
        for (int k = 1; k < SIZE / 2; k++) {
            p[k] = packed[2 * k] * packed[2 * k] + packed[2 * k + 1] * packed[2 * k + 1];
        }
        return p;
    }

    private static double[] noise(long seed) {
        Random r = new Random(seed);
        double[] x = new double[SIZE];
        for (int i = 0; i < SIZE; i++) {
            x[i] = r.nextGaussian() * 0.1;
        }
        return x;
    }

    private static void assertBits(double[] actual, double[] expected, String what) {
        assertThat(actual).as(what).hasSameSizeAs(expected);
        int i = 0;
        while (i < actual.length && Double.doubleToRawLongBits(actual[i]) == Double.doubleToRawLongBits(expected[i])) {
            i++;
        }
        assertThat(i).as("%s: first element that differs in its bits", what).isEqualTo(actual.length);
    }
}
