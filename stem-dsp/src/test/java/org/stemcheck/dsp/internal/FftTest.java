package org.stemcheck.dsp.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.jtransforms.utils.CommonUtils;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.stemcheck.dsp.Allocations;
import org.stemcheck.dsp.Signals;

class FftTest {

    @ParameterizedTest
    @ValueSource(ints = {2, 16, 1000, 1024, 4096, 8192, 65536})
    void inverseOfForwardGivesTheInputBack(int n) {
        double[] x = Signals.noise(0.3, n, n);
        double[] a = x.clone();
        Fft fft = Fft.ofSize(n);
        fft.forward(a);
        fft.inverse(a);
        for (int i = 0; i < n; i++) {
            assertThat(a[i]).isCloseTo(x[i], within(1e-12));
        }
    }

    @Test
    void packedLayoutHoldsDcNyquistAndEachBinAsReIm() {
        int n = 64;
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = 0.25 + Math.cos(2 * Math.PI * 5 * i / n) + 0.5 * Math.sin(2 * Math.PI * 9 * i / n)
                    + 0.125 * ((i % 2 == 0) ? 1 : -1);
        }
        Fft fft = Fft.ofSize(n);
        fft.forward(x);
        assertThat(x[0]).as("Re X[0] = n * mean").isCloseTo(0.25 * n, within(1e-9));
        assertThat(x[1]).as("Re X[n/2]").isCloseTo(0.125 * n, within(1e-9));
        assertThat(x[10]).as("Re X[5]").isCloseTo(n / 2.0, within(1e-9));
        assertThat(x[11]).as("Im X[5]").isCloseTo(0, within(1e-9));
        assertThat(x[18]).as("Re X[9]").isCloseTo(0, within(1e-9));
        assertThat(x[19]).as("Im X[9] = -n/2 * amplitude for a sine").isCloseTo(-0.5 * n / 2, within(1e-9));
        double[] p = new double[fft.bins()];
        fft.power(x, p);
        assertThat(p[5]).isCloseTo(n * n / 4.0, within(1e-6));
        assertThat(p[9]).isCloseTo(n * n / 16.0, within(1e-6));
        assertThat(p[3]).isCloseTo(0, within(1e-12));
        assertThat(p[n / 2]).isCloseTo(Math.pow(0.125 * n, 2), within(1e-9));
    }

    /**
     * JTransforms forks large transforms (8192 points and up by default) to its own pool when more
     * than one core is present, which allocates task objects; the test raises that global threshold
     * for its duration (and restores it) so that it checks the wrapper itself.
     */
    @ParameterizedTest
    @ValueSource(ints = {1024, 4096, 8192, 65536})
    void forwardAllocatesNothingPerCallWhenJTransformsRunsSingleThreaded(int n) {
        long two = CommonUtils.getThreadsBeginN_1D_FFT_2Threads();
        long four = CommonUtils.getThreadsBeginN_1D_FFT_4Threads();
        try {
            CommonUtils.setThreadsBeginN_1D_FFT_2Threads(Long.MAX_VALUE / 2);
            CommonUtils.setThreadsBeginN_1D_FFT_4Threads(Long.MAX_VALUE / 2);
            Fft fft = Fft.ofSize(n);
            double[] data = Signals.noise(1, n, 1);
            double[] power = new double[fft.bins()];
            for (int i = 0; i < 20; i++) {
                fft.forward(data);
                fft.power(data, power);
            }
            Allocations.currentThread();
            long before = Allocations.currentThread();
            for (int i = 0; i < 1000; i++) {
                fft.forward(data);
                fft.power(data, power);
            }
            long allocated = Allocations.currentThread() - before;
            // One object per call would be at least 16 B x 1000; the bound leaves room for the probe itself.
            assertThat(allocated).as("bytes allocated by 1000 transforms").isLessThan(4096);
        } finally {
            CommonUtils.setThreadsBeginN_1D_FFT_2Threads(two);
            CommonUtils.setThreadsBeginN_1D_FFT_4Threads(four);
        }
    }

    @Test
    void rejectsOddOrOversizedSizesAndShortArrays() {
        assertThatThrownBy(() -> Fft.ofSize(3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Fft.ofSize(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Fft.ofSize(Fft.MAX_SIZE * 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Fft.ofSize(8).forward(new double[4]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("8");
    }
}
