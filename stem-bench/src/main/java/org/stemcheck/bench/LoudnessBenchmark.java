package org.stemcheck.bench;

import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.stemcheck.dsp.LoudnessMeter;
import org.stemcheck.dsp.LoudnessResult;
import org.stemcheck.dsp.TruePeakMeter;
import org.stemcheck.dsp.TruePeakResult;

/**
 * BS.1770 loudness and 4x true peak over 10 s of stereo 48 kHz audio (music-like: tones plus
 * noise), fed in blocks of 4096 frames as a file pass would. One operation = 10 s of audio, so
 * x realtime = 10 s / (time per operation).
 *
 * <p>Run: {@code java -jar stem-bench/target/benchmarks.jar Loudness -f 1 -wi 2 -i 3 -w 1s -r 1s}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class LoudnessBenchmark {

    /** Audio per operation, seconds. */
    static final int SECONDS = 10;
    static final int RATE = 48_000;
    static final int BLOCK = 4096;

    private double[][] audio;

    @Setup
    public void setUp() {
        int frames = SECONDS * RATE;
        audio = new double[2][frames];
        Random random = new Random(42);
        for (int i = 0; i < frames; i++) {
            double t = (double) i / RATE;
            double music = 0.3 * Math.sin(2 * Math.PI * 110 * t) + 0.2 * Math.sin(2 * Math.PI * 1234 * t);
            audio[0][i] = music + 0.05 * random.nextGaussian();
            audio[1][i] = 0.8 * music + 0.05 * random.nextGaussian();
        }
    }

    @Benchmark
    public LoudnessResult loudness() {
        LoudnessMeter meter = LoudnessMeter.of(RATE, 2);
        feed(meter::accept);
        return meter.result();
    }

    @Benchmark
    public TruePeakResult truePeak() {
        TruePeakMeter meter = TruePeakMeter.of(RATE, 2);
        feed(meter::accept);
        return meter.result();
    }

    private interface Sink {
        void accept(double[][] block, int offset, int frames);
    }

    private void feed(Sink sink) {
        for (int start = 0; start < audio[0].length; start += BLOCK) {
            sink.accept(audio, start, Math.min(BLOCK, audio[0].length - start));
        }
    }
}
