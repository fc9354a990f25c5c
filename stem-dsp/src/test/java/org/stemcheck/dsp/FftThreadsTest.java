package org.stemcheck.dsp;

import static org.assertj.core.api.Assertions.assertThat;

import org.jtransforms.utils.CommonUtils;
import org.junit.jupiter.api.Test;

class FftThreadsTest {

    @Test
    void callerOnlyRaisesBothOfJTransformsThresholdsAndIsSeen() {
        long two = CommonUtils.getThreadsBeginN_1D_FFT_2Threads();
        long four = CommonUtils.getThreadsBeginN_1D_FFT_4Threads();
        try {
            CommonUtils.setThreadsBeginN_1D_FFT_2Threads(8192);
            CommonUtils.setThreadsBeginN_1D_FFT_4Threads(65536);
            assertThat(FftThreads.isCallerOnly()).isFalse();

            FftThreads.callerOnly();

            assertThat(FftThreads.isCallerOnly()).isTrue();
            // a transform of any size a delivery needs (2^24 is Fft.MAX_SIZE) stays below both
            assertThat(CommonUtils.getThreadsBeginN_1D_FFT_2Threads()).isGreaterThan(1L << 40);
            assertThat(CommonUtils.getThreadsBeginN_1D_FFT_4Threads()).isGreaterThan(1L << 40);
        } finally {
            CommonUtils.setThreadsBeginN_1D_FFT_2Threads(two);
            CommonUtils.setThreadsBeginN_1D_FFT_4Threads(four);
        }
    }
}
