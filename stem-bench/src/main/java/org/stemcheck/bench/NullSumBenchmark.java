package org.stemcheck.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.stemcheck.dsp.internal.set.NullSumKernel;

/**
 * The null-sum inner loop: N stereo stems of one 4096-frame block summed into the residual
 * {@code sum - mix} and its energy. Variants: the plain loop (stems innermost, as first
 * written), the stem-outer loop (one pass per stem), the production kernel (four stems fused
 * per pass, energy fused and unrolled) and, as the ceiling, {@code System.arraycopy} of the
 * same input bytes. GB/s = {@code (N + 1) * 2 * 4096 * 8} bytes / time per op.
 *
 * <p>Run: {@code java -jar stem-bench/target/benchmarks.jar NullSum -f 1 -wi 2 -i 3 -w 1s -r 1s}
 *
 * <p>Measured 2026-11-25, OpenJDK 17.0.15, 2 shared cores under load average 5 to 12 (errors
 * of +/-50..300 %, so ratios only), {@code -f 1 -wi 3 -i 5 -w 1s -r 2s}; ns/op (GB/s of input):
 * <pre>
 * stems  plain           stemOuter       kernel          copy (ceiling)
 *   4    50286 ( 6.5)    21818 (15.0)    13049 (25.1)     7821 (41.9)
 *   8    75511 ( 7.8)    32632 (18.1)    39767 (14.8)    14322 (41.2)
 *  16   153419 ( 7.3)    63900 (17.4)    40320 (27.6)    33519 (33.2)
 * </pre>
 * The kernel is 3.5 to 4x the plain loop and within 1.2 to 2.7x of the copy; rerun on a quiet
 * machine before quoting absolute numbers.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class NullSumBenchmark {

    private static final int FRAMES = 4096;
    private static final int CHANNELS = 2;

    @Param({"4", "8", "16"})
    int stems;

    private double[][][] in;
    private double[][] mix;
    private double[] out;
    private double[][][] copyOfIn;
    private double[][] copyOfMix;

    @Setup
    public void setUp() {
        SplittableRandom r = new SplittableRandom(42);
        in = new double[stems][CHANNELS][FRAMES];
        copyOfIn = new double[stems][CHANNELS][FRAMES];
        mix = new double[CHANNELS][FRAMES];
        copyOfMix = new double[CHANNELS][FRAMES];
        out = new double[FRAMES];
        for (int c = 0; c < CHANNELS; c++) {
            for (int t = 0; t < FRAMES; t++) {
                double m = 0;
                for (int i = 0; i < stems; i++) {
                    in[i][c][t] = r.nextDouble() - 0.5;
                    m += in[i][c][t];
                }
                mix[c][t] = (float) m;
            }
        }
    }

    /** Stems innermost: one output per frame, strided loads from N arrays. */
    @Benchmark
    public double plain() {
        double energy = 0;
        for (int c = 0; c < CHANNELS; c++) {
            double[] m = mix[c];
            for (int t = 0; t < FRAMES; t++) {
                double s = 0;
                for (int i = 0; i < stems; i++) {
                    s += in[i][c][t];
                }
                double e = s - m[t];
                out[t] = e;
                energy += e * e;
            }
        }
        return energy;
    }

    /** One streaming pass per stem into the output, then one energy pass. */
    @Benchmark
    public double stemOuter() {
        double energy = 0;
        for (int c = 0; c < CHANNELS; c++) {
            double[] m = mix[c];
            for (int t = 0; t < FRAMES; t++) {
                out[t] = -m[t];
            }
            for (int i = 0; i < stems; i++) {
                double[] x = in[i][c];
                for (int t = 0; t < FRAMES; t++) {
                    out[t] += x[t];
                }
            }
            for (int t = 0; t < FRAMES; t++) {
                energy += out[t] * out[t];
            }
        }
        return energy;
    }

    /** The production kernel used by the null test. */
    @Benchmark
    public double kernel() {
        double energy = 0;
        for (int c = 0; c < CHANNELS; c++) {
            energy += NullSumKernel.residual(in, c, mix[c], 0, FRAMES, out);
        }
        return energy;
    }

    /** The ceiling: copy the same input bytes once. */
    @Benchmark
    public Object copy() {
        for (int i = 0; i < stems; i++) {
            for (int c = 0; c < CHANNELS; c++) {
                System.arraycopy(in[i][c], 0, copyOfIn[i][c], 0, FRAMES);
            }
        }
        for (int c = 0; c < CHANNELS; c++) {
            System.arraycopy(mix[c], 0, copyOfMix[c], 0, FRAMES);
        }
        return copyOfIn;
    }
}
