package org.stemcheck.dsp.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.jtransforms.utils.CommonUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.stemcheck.dsp.Allocations;
import org.stemcheck.dsp.Signals;

/** The public wrapper: which engine runs, that both agree, and that neither allocates or starts threads. */
class FftTest {

    @Test
    void sizesJTransformsWouldSplitGoToOurEngineAndTheRestToJTransforms() {
        long threshold = CommonUtils.getThreadsBeginN_1D_FFT_2Threads();
        assertThat(Fft.ofSize((int) Math.min(threshold / 2, 4096)).libraryStaysOnThisThread()).isTrue();
        assertThat(Fft.ofSize((int) Math.max(threshold, 8192)).libraryStaysOnThisThread()).isFalse();
    }

    @Test
    void jTransformsIsFoundOnTheClassPathAndTheRightOneIsBound() {
        assertThat(JTransforms.LIBRARY).as("JTransforms on the test class path").isPresent();
        assertThat(JTransforms.twoThreadsFrom()).isEqualTo(CommonUtils.getThreadsBeginN_1D_FFT_2Threads());
        assertThat(JTransforms.fourThreadsFrom()).isEqualTo(CommonUtils.getThreadsBeginN_1D_FFT_4Threads());
    }

    /** A class loader that sees only the JDK: an application without JTransforms. */
    @ParameterizedTest
    @ValueSource(ints = {16, 1024, 4096, 65536})
    void withoutJTransformsEverySizeRunsOnOurOwnWithTheSameNumbers(int n) {
        java.util.Optional<JTransforms> none = JTransforms.find(ClassLoader.getPlatformClassLoader());
        assertThat(none).isEmpty();
        Fft fft = new Fft(n, none);
        assertThat(fft.libraryStaysOnThisThread()).isFalse();
        double[] x = Signals.noise(0.3, n, n);
        double[] expected = x.clone();
        new RealFft(n).forward(expected);
        double[] got = x.clone();
        fft.forward(got);
        assertThat(got).containsExactly(expected);
        fft.inverse(got);
        for (int i = 0; i < n; i++) {
            assertThat(got[i]).isCloseTo(x[i], within(1e-12));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 16, 1000, 1024, 4096, 8192, 65536, 6000})
    void bothEnginesAgreeToRoundingAndInvert(int n) {
        double[] x = Signals.noise(0.3, n, n);
        double[] ours = x.clone();
        new RealFft(n).forward(ours);
        double[] theirs = x.clone();
        callerOnlyWhile(() -> {
            Fft fft = Fft.ofSize(n);
            assertThat(fft.libraryStaysOnThisThread()).isTrue();
            fft.forward(theirs);
        });
        double largest = 0;
        double worst = 0;
        for (int i = 0; i < n; i++) {
            largest = Math.max(largest, Math.abs(ours[i]));
            worst = Math.max(worst, Math.abs(ours[i] - theirs[i]));
        }
        assertThat(worst / largest).as("n = %d", n).isLessThan(1e-14);
        Fft fft = Fft.ofSize(n);
        fft.inverse(ours);
        for (int i = 0; i < n; i++) {
            assertThat(ours[i]).isCloseTo(x[i], within(1e-12));
        }
    }

    @Test
    void largeTransformsStartNoThreadWithJTransformsAtItsDefaults() {
        int before = Thread.activeCount();
        Fft fft = Fft.ofSize(1 << 16);
        double[] data = Signals.noise(1, 1 << 16, 1);
        for (int i = 0; i < 4; i++) {
            fft.forward(data);
            fft.inverse(data);
        }
        assertThat(Thread.activeCount()).as("threads after 1<<16-point transforms").isLessThanOrEqualTo(before);
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
        assertThat(x[19]).as("Im X[9] = -n/2 * amplitude for a sine").isCloseTo(-0.5 * n / 2, within(1e-9));
        double[] p = new double[fft.bins()];
        fft.power(x, p);
        assertThat(p[5]).isCloseTo(n * n / 4.0, within(1e-6));
        assertThat(p[9]).isCloseTo(n * n / 16.0, within(1e-6));
        assertThat(p[3]).isCloseTo(0, within(1e-12));
        assertThat(p[n / 2]).isCloseTo(Math.pow(0.125 * n, 2), within(1e-9));
    }

    @ParameterizedTest
    @ValueSource(ints = {1024, 4096, 8192, 65536})
    void forwardAllocatesNothingPerCallOnEitherEngine(int n) {
        assertNoAllocation(n);
        callerOnlyWhile(() -> assertNoAllocation(n));
    }

    /** Calls before the count starts (java.lang.invoke's CUSTOMIZE_THRESHOLD is 127). */
    static final int WARM_UP_CALLS = 500;

    private static void assertNoAllocation(int n) {
        Fft fft = Fft.ofSize(n);
        double[] data = Signals.noise(1, n, 1);
        double[] power = new double[fft.bins()];
        // Past the JDK's one-time work on a method handle's first few hundred calls (it customises
        // a handle after 127, about 26 KB once): what is left would be allocation per call.
        for (int i = 0; i < WARM_UP_CALLS; i++) {
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
        assertThat(allocated).as("bytes allocated by 1000 transforms of %d points", n).isLessThan(4096);
    }

    @Test
    void rejectsOddOrOversizedSizesAndShortArrays() {
        assertThatThrownBy(() -> Fft.ofSize(3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Fft.ofSize(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Fft.ofSize(Fft.MAX_SIZE * 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Fft.ofSize(8).forward(new double[4]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("8");
        assertThatThrownBy(() -> Fft.ofSize(8).power(new double[8], new double[4]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("5");
    }

    /**
     * Runs {@code body} with JTransforms' threading threshold raised (what FftThreads.callerOnly
     * does), restoring it after: a global of JTransforms, so only tests touch it, never the library.
     */
    static void callerOnlyWhile(Runnable body) {
        long two = CommonUtils.getThreadsBeginN_1D_FFT_2Threads();
        long four = CommonUtils.getThreadsBeginN_1D_FFT_4Threads();
        try {
            CommonUtils.setThreadsBeginN_1D_FFT_2Threads(Long.MAX_VALUE / 2);
            CommonUtils.setThreadsBeginN_1D_FFT_4Threads(Long.MAX_VALUE / 2);
            body.run();
        } finally {
            CommonUtils.setThreadsBeginN_1D_FFT_2Threads(two);
            CommonUtils.setThreadsBeginN_1D_FFT_4Threads(four);
        }
    }
}
