package org.stemcheck.dsp.internal.set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CicDecimatorTest {

    /** Output m is the whole signal convolved with the taps at frame m D, whatever the block sizes. */
    @ParameterizedTest
    @ValueSource(ints = {2, 3, 4, 5})
    void everyDthSampleOfTheFilteredSignalAcrossBlocks(int factor) {
        SplittableRandom r = new SplittableRandom(factor);
        double[] x = new double[10_007];
        for (int t = 0; t < x.length; t++) {
            x[t] = r.nextDouble() - 0.5;
        }
        double[] taps = CicDecimator.taps(factor);
        int maxBlock = 997;
        CicDecimator d = new CicDecimator(factor, maxBlock);
        double[] out = new double[CicDecimator.maxOutput(maxBlock, factor)];
        int m = 0;
        for (int at = 0; at < x.length; ) {
            int n = Math.min(x.length - at, 1 + r.nextInt(maxBlock));
            int got = d.process(x, at, n, out);
            for (int j = 0; j < got; j++, m++) {
                double expected = 0;
                for (int k = 0; k < taps.length; k++) {
                    int t = m * factor - k;
                    expected += t >= 0 ? taps[k] * x[t] : 0;
                }
                assertThat(out[j]).as("output %d", m).isCloseTo(expected, within(1e-12));
            }
            at += n;
        }
        assertThat(m).isEqualTo((x.length + factor - 1) / factor);
        double sum = 0;
        for (double t : taps) {
            sum += t;
        }
        assertThat(sum).as("unity gain at DC").isCloseTo(1.0, within(1e-12));
    }
}
