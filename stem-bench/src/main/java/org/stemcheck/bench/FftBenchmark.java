package org.stemcheck.bench;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.jtransforms.fft.DoubleFFT_1D;
import org.jtransforms.utils.CommonUtils;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * JTransforms' real forward FFT, planned once and reused (what stem-dsp's {@code Fft} does) versus
 * a plan allocated for every call. Each call first copies the same input into the work buffer (in
 * both variants), since the transform is in place.
 *
 * <p>{@code threads}: {@code default} leaves JTransforms as it is (it forks transforms of 8192
 * points and more to its own pool on a multi-core machine); {@code single} raises that threshold
 * so every transform runs on the calling thread, as when files are analysed in parallel.
 *
 * <pre>java -jar stem-bench/target/benchmarks.jar Fft -f 1 -wi 2 -i 3 -w 1s -r 1s</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class FftBenchmark {

    @Param({"1024", "4096", "16384", "65536"})
    public int size;

    @Param({"default", "single"})
    public String threads;

    private double[] input;
    private double[] work;
    private DoubleFFT_1D plan;

    @Setup
    public void setUp() {
        if (threads.equals("single")) {
            CommonUtils.setThreadsBeginN_1D_FFT_2Threads(Long.MAX_VALUE / 2);
            CommonUtils.setThreadsBeginN_1D_FFT_4Threads(Long.MAX_VALUE / 2);
        } else {
            CommonUtils.resetThreadsBeginN_FFT();
        }
        Random random = new Random(1);
        input = new double[size];
        for (int i = 0; i < size; i++) {
            input[i] = random.nextGaussian();
        }
        work = new double[size];
        plan = new DoubleFFT_1D(size);
    }

    /** The plan made once in setup, reused for every transform. */
    @Benchmark
    public double[] plannedOnce() {
        System.arraycopy(input, 0, work, 0, size);
        plan.realForward(work);
        return work;
    }

    /** A new plan (twiddle tables and all) for every transform. */
    @Benchmark
    public double[] plannedPerCall() {
        System.arraycopy(input, 0, work, 0, size);
        new DoubleFFT_1D(size).realForward(work);
        return work;
    }
}
