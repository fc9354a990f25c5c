package org.stemcheck.bench.harness;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import org.jtransforms.fft.DoubleFFT_1D;
import org.jtransforms.utils.CommonUtils;
import org.stemcheck.dsp.internal.RealFft;

/**
 * JTransforms' {@code realForward} (every transform on the calling thread) against our
 * {@link RealFft}, alternating in one JVM: each round times a batch of one, then a batch of the
 * other, by the thread's CPU clock, and the ratio is taken per round. On a machine shared with
 * other jobs this is steadier than separate JMH forks, because both engines see the same load.
 * Prints, per size, the median time of each and the median and range of the per-round ratios
 * (JTransforms' time over ours: above 1 means ours is faster).
 *
 * <pre>java -cp stem-bench/target/benchmarks.jar org.stemcheck.bench.harness.FftAlternating [ROUNDS] [SIZE...]</pre>
 */
public final class FftAlternating {

    /** Rounds whose ratios are kept, after {@link #WARM_ROUNDS} for the JIT. */
    private static final int DEFAULT_ROUNDS = 15;

    /** Rounds thrown away first: both engines compiled by C2 by then. */
    private static final int WARM_ROUNDS = 5;

    /** Doubles transformed per batch: about 10 ms of work per engine and round. */
    private static final int BATCH_POINTS = 1 << 21;

    /** The sizes a full check transforms (docs/benchmarks.md, section "FFT"). */
    private static final int[] CHECK_SIZES = {512, 4096, 8192, 131072, 524288};

    private FftAlternating() {
    }

    /**
     * Runs the comparison.
     *
     * @param args optional rounds, then sizes (default: the sizes a check uses)
     */
    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : DEFAULT_ROUNDS;
        int[] sizes = args.length > 1 ? Arrays.stream(args, 1, args.length).mapToInt(Integer::parseInt).toArray()
                : CHECK_SIZES;
        CommonUtils.setThreadsBeginN_1D_FFT_2Threads(Long.MAX_VALUE / 2);
        CommonUtils.setThreadsBeginN_1D_FFT_4Threads(Long.MAX_VALUE / 2);
        ThreadMXBean clock = ManagementFactory.getThreadMXBean();
        for (int n : sizes) {
            double[] input = new Random(n).doubles(n).map(x -> x - 0.5).toArray();
            double[] work = new double[n];
            DoubleFFT_1D library = new DoubleFFT_1D(n);
            RealFft own = new RealFft(n);
            int batch = Math.max(4, BATCH_POINTS / n);
            double[] theirs = new double[rounds];
            double[] ours = new double[rounds];
            double[] ratio = new double[rounds];
            for (int r = -WARM_ROUNDS; r < rounds; r++) {
                long t0 = clock.getCurrentThreadCpuTime();
                for (int i = 0; i < batch; i++) {
                    System.arraycopy(input, 0, work, 0, n);
                    library.realForward(work);
                }
                long t1 = clock.getCurrentThreadCpuTime();
                for (int i = 0; i < batch; i++) {
                    System.arraycopy(input, 0, work, 0, n);
                    own.forward(work);
                }
                long t2 = clock.getCurrentThreadCpuTime();
                if (r >= 0) {
                    theirs[r] = (t1 - t0) / 1e3 / batch;
                    ours[r] = (t2 - t1) / 1e3 / batch;
                    ratio[r] = theirs[r] / ours[r];
                }
            }
            Arrays.sort(theirs);
            Arrays.sort(ours);
            Arrays.sort(ratio);
            System.out.printf(Locale.ROOT, "%7d points: JTransforms %9.2f us, own %9.2f us, JTransforms/own %.2f (%.2f to %.2f)%n",
                    n, theirs[rounds / 2], ours[rounds / 2], ratio[rounds / 2], ratio[0], ratio[rounds - 1]);
        }
    }
}
