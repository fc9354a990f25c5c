package org.stemcheck.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.stemcheck.dsp.Accumulator;
import org.stemcheck.io.AudioFormat;
import org.stemcheck.io.FileKind;
import org.stemcheck.io.SampleEncoding;

/**
 * The per-file accumulators of stemcheck's one pass over a file ({@link PerFileAccumulators}),
 * one at a time or all together ({@code all}), over 10 s of stereo 48 kHz 24-bit music-like audio
 * (a bass and a lead tone with harmonics, decaying noise hits every half second, a slow level
 * swell, quantised to 24 bits), fed in blocks of 8192 frames as stem-core's FileAnalysis reads.
 * One operation = 10 s of audio, so x realtime = 10 s / (time per operation).
 *
 * <p>Run: {@code java -jar stem-bench/target/benchmarks.jar FileAccumulators -f 1 -wi 2 -i 3 -w 1s -r 1s}
 * (add {@code -p accumulator=all} for the whole set only).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class FileAccumulatorsBenchmark {

    /** Audio per operation, seconds. */
    static final int SECONDS = 10;
    static final int RATE = 48_000;
    /** Frames per block: stem-core's FileAnalysis.BLOCK_FRAMES. */
    static final int BLOCK = 8192;
    /** Full scale of 24-bit PCM. */
    static final double FULL_SCALE_24 = 1 << 23;

    @Param({"all", "sampleStats", "clipRuns", "truePeak", "loudness", "bitDepth", "welch", "contentDigest",
            "contentHash", "fingerprint", "timeline", "correlation", "features"})
    public String accumulator;

    private double[][] audio;
    private AudioFormat format;

    @Setup
    public void setUp() {
        format = new AudioFormat(FileKind.WAV, SampleEncoding.PCM_SIGNED, RATE, 2, 24, 24, 0, 1, false);
        audio = musicLike(SECONDS * RATE, new Random(42));
    }

    /** Tones with harmonics, noise hits and a swell, peaking near -1 dBFS, on the 24-bit grid. */
    static double[][] musicLike(int frames, Random random) {
        double[][] x = new double[2][frames];
        double hit = 0;
        for (int i = 0; i < frames; i++) {
            double t = (double) i / RATE;
            if (i % (RATE / 2) == 0) {
                hit = 0.5;
            }
            hit *= 0.9995;
            double bass = 0.3 * Math.sin(2 * Math.PI * 55 * t) + 0.1 * Math.sin(2 * Math.PI * 110 * t);
            double lead = 0.15 * Math.sin(2 * Math.PI * 440 * t) + 0.05 * Math.sin(2 * Math.PI * 1320 * t);
            double swell = 0.7 + 0.3 * Math.sin(2 * Math.PI * 0.1 * t);
            double noise = hit * random.nextGaussian() * 0.3;
            x[0][i] = quantise(swell * (bass + lead + noise));
            x[1][i] = quantise(swell * (bass + 0.6 * lead + 0.8 * noise + 0.02 * random.nextGaussian()));
        }
        return x;
    }

    private static double quantise(double v) {
        double clamped = Math.max(-1, Math.min(1 - 1 / FULL_SCALE_24, v));
        return Math.round(clamped * FULL_SCALE_24) / FULL_SCALE_24;
    }

    @Benchmark
    public void accumulate(Blackhole hole) {
        List<Accumulator<?>> accs = new ArrayList<>();
        if (accumulator.equals("all")) {
            for (String name : PerFileAccumulators.names()) {
                accs.add(PerFileAccumulators.create(name, format));
            }
        } else {
            accs.add(PerFileAccumulators.create(accumulator, format));
        }
        for (int start = 0; start < audio[0].length; start += BLOCK) {
            int n = Math.min(BLOCK, audio[0].length - start);
            for (Accumulator<?> a : accs) {
                a.accept(audio, start, n);
            }
        }
        for (Accumulator<?> a : accs) {
            hole.consume(a.result());
        }
    }
}
