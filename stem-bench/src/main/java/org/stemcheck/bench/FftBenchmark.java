package org.stemcheck.bench;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.jtransforms.fft.DoubleFFT_1D;
import org.jtransforms.fft.FloatFFT_1D;
import org.jtransforms.utils.CommonUtils;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.stemcheck.dsp.internal.RealFft;

/**
 * Real forward FFTs at the sizes a full check uses (512 and 4096 in the per-file features, 8192
 * in the spectra and the null test's short-time transforms, 131072 and 524288 in the offset
 * search): JTransforms' {@code realForward} and our own {@link RealFft}, each planned once. Each
 * call first copies the same input into the work buffer, since the transforms are in place.
 *
 * <p>{@code engine}: {@code jtransforms} keeps every JTransforms transform on the calling thread
 * (its threshold raised, as {@code FftThreads.callerOnly()} does: the fair single-threaded
 * comparison); {@code jtransforms-pool} leaves JTransforms' defaults (from 8192 points it splits
 * the work onto its own pool); {@code own} is our engine, which {@code Fft} uses where JTransforms
 * would use its pool; {@code jtransforms-float} is JTransforms' single-precision transform
 * ({@code FloatFFT_1D.realForward(float[])}, on the calling thread like {@code jtransforms}), to
 * see what float spectra would save. A full check's weights (transforms per size) are in {@code docs/benchmarks.md}.
 *
 * <pre>java -jar stem-bench/target/benchmarks.jar FftBenchmark -f 2 -wi 3 -i 5 -w 1s -r 1s</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class FftBenchmark {

    /** Points per transform. */
    @Param({"512", "4096", "8192", "131072", "524288"})
    public int size;

    /** Which transform: {@code jtransforms}, {@code jtransforms-pool}, {@code jtransforms-float} or {@code own}. */
    @Param({"jtransforms", "own"})
    public String engine;

    private double[] input;
    private double[] work;
    private float[] inputFloat;
    private float[] workFloat;
    private DoubleFFT_1D library;
    private FloatFFT_1D libraryFloat;
    private RealFft own;

    /** Plans the transform and makes one second of Gaussian noise as input. */
    @Setup
    public void setUp() {
        if (engine.startsWith("jtransforms") && !engine.equals("jtransforms-pool")) {
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
        inputFloat = new float[size];
        for (int i = 0; i < size; i++) {
            inputFloat[i] = (float) input[i];
        }
        workFloat = new float[size];
        library = new DoubleFFT_1D(size);
        libraryFloat = new FloatFFT_1D(size);
        own = new RealFft(size);
    }

    /**
     * One forward transform by the chosen engine.
     *
     * @return the transformed buffer
     */
    @Benchmark
    public Object forward() {
        if (engine.equals("jtransforms-float")) {
            System.arraycopy(inputFloat, 0, workFloat, 0, size);
            libraryFloat.realForward(workFloat);
            return workFloat;
        }
        System.arraycopy(input, 0, work, 0, size);
        if (engine.equals("own")) {
            own.forward(work);
        } else {
            library.realForward(work);
        }
        return work;
    }
}
