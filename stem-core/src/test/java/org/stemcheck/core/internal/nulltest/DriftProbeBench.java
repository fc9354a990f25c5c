package org.stemcheck.core.internal.nulltest;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.stemcheck.dsp.FftThreads;
import org.stemcheck.io.AudioFile;
import org.stemcheck.io.AudioFiles;
import org.stemcheck.io.SampleStream;

/**
 * Measures the drift probe alone on a delivery folder: streams every stem ({@code *.wav} but the
 * mixes) and one mix ({@code mixdown.wav} unless named) in blocks as the set pass does, and
 * reports the thread CPU spent in {@link DriftProbe#accept} and {@link DriftProbe#result} (not
 * reading the files), with what the probe read. Not a test: run by hand, e.g.
 * {@code java -cp ... org.stemcheck.core.internal.nulltest.DriftProbeBench /work/bench-deliveries/song 3}.
 */
public final class DriftProbeBench {

    /** The set pass's block size ({@link Feed#BLOCK}). */
    private static final int BLOCK = Feed.BLOCK;

    private DriftProbeBench() {
    }

    public static void main(String[] args) throws IOException {
        FftThreads.callerOnly();
        Path dir = Path.of(args[0]);
        int reps = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        String mixName = args.length > 2 ? args[2] : "mixdown.wav";
        List<Path> stems = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            s.filter(p -> p.toString().endsWith(".wav") && !p.getFileName().toString().startsWith("mixdown"))
                    .sorted().forEach(stems::add);
        }
        Path mix = dir.resolve(mixName);
        for (int r = 0; r < reps; r++) {
            run(stems, mix, r);
        }
    }

    private static void run(List<Path> stemPaths, Path mixPath, int rep) throws IOException {
        List<SampleStream> in = new ArrayList<>();
        for (Path p : stemPaths) {
            in.add(AudioFiles.open(p).openStream());
        }
        AudioFile mixFile = AudioFiles.open(mixPath);
        SampleStream mixIn = mixFile.openStream();
        int rate = (int) mixFile.format().sampleRateHz();
        int channels = mixFile.format().channels();
        long total = mixFile.frames();
        int s = in.size();
        double[][][] stems = new double[s][channels][BLOCK];
        double[][] mix = new double[channels][BLOCK];
        long cpu = 0;
        long t0 = cpuNanos();
        DriftProbe probe = new DriftProbe(rate, s, channels, total);
        cpu += cpuNanos() - t0;
        for (long done = 0; done < total; ) {
            int n = (int) Math.min(BLOCK, total - done);
            for (int k = 0; k < s; k++) {
                fill(in.get(k), stems[k], n);
            }
            fill(mixIn, mix, n);
            t0 = cpuNanos();
            probe.accept(stems, mix, done, n);
            cpu += cpuNanos() - t0;
            done += n;
        }
        t0 = cpuNanos();
        List<StemDrift> drifts = probe.result();
        cpu += cpuNanos() - t0;
        for (SampleStream x : in) {
            x.close();
        }
        mixIn.close();
        System.out.printf(Locale.ROOT, "rep %d: drift probe CPU %.3f s (%d stems, %d frames)%n", rep, cpu / 1e9, s,
                total);
        for (StemDrift d : drifts) {
            System.out.printf(Locale.ROOT, "  %-32s early %12.6f late %12.6f span %11.6f s %9.4f ppm %s width %.4f%n",
                    stemPaths.get(d.stem()).getFileName(), d.earlySamples(), d.lateSamples(), d.spanSeconds(),
                    d.ppm(rate), d.confident() ? "confident" : "-", d.peakWidthSamples());
        }
    }

    /**
     * Thread CPU time, from {@code java.lang.management} by reflection: the module does not read
     * {@code java.management}; the bench runs on the class path.
     */
    private static long cpuNanos() {
        try {
            if (cpuTime == null) {
                bean = Class.forName("java.lang.management.ManagementFactory").getMethod("getThreadMXBean").invoke(null);
                cpuTime = Class.forName("java.lang.management.ThreadMXBean").getMethod("getCurrentThreadCpuTime");
            }
            return (long) cpuTime.invoke(bean);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object bean;
    private static Method cpuTime;

    private static void fill(SampleStream in, double[][] dst, int n) throws IOException {
        int got = 0;
        while (got < n) {
            int r = in.read(dst, got, n - got);
            if (r <= 0) {
                for (double[] ch : dst) {
                    java.util.Arrays.fill(ch, got, n, 0.0);
                }
                return;
            }
            got += r;
        }
    }
}
