package org.stemcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stemcheck.core.ReportFormat;
import org.stemcheck.core.StemSet;
import org.stemcheck.io.AudioFile;
import org.stemcheck.io.AudioFiles;
import org.stemcheck.io.SampleStream;
import org.stemcheck.io.WavWriter;

/**
 * The thread-safety promises of docs/scale.md: one StemSet, one AudioFile and one WavWriter used
 * from 8 threads at once give the same results as one thread.
 */
class ThreadSafetyTest {

    private static final int THREADS = 8;
    private static final int RATE = 48_000;

    @TempDir
    Path tmp;

    private static double[] tone(double hz, int frames) {
        double[] x = new double[frames];
        for (int n = 0; n < frames; n++) {
            x[n] = 0.25 * Math.sin(2 * Math.PI * hz * n / RATE);
        }
        return x;
    }

    /** Four stems and a mixdown; the bass is 16-bit and mono so that the report has findings. */
    private Path delivery() throws IOException {
        Path dir = Files.createDirectory(tmp.resolve("delivery"));
        String[] labels = {"Drums", "Keys", "Vocals"};
        for (int i = 0; i < labels.length; i++) {
            double[] s = tone(200 + 100 * i, RATE / 2);
            WavWriter.pcm(24).withTimeReference(RATE * 3600L).write(dir.resolve("Song_" + labels[i] + "_120bpm.wav"), RATE, s, s);
        }
        WavWriter.pcm(16).write(dir.resolve("Song_Bass_120bpm.wav"), RATE, tone(55, RATE / 2));
        double[] mix = tone(440, RATE / 2);
        WavWriter.pcm(24).write(dir.resolve("Song_mixdown.wav"), RATE, mix, mix);
        return dir;
    }

    /** Runs {@code task} on {@value #THREADS} threads released together; returns the results. */
    private static <T> List<T> atOnce(Callable<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<T> out = new ArrayList<>();
            for (Future<T> f : futures) {
                out.add(f.get());
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void oneStemSetRunFromEightThreadsGivesTheSameReportAsOneThread() throws Exception {
        StemSet set = StemSet.from(delivery()).threads(2);
        String alone = ReportFormat.json().toString(set.run());

        List<String> together = atOnce(() -> ReportFormat.json().toString(set.run()));

        assertThat(alone).contains("format.bit-depth");
        assertThat(together).hasSize(THREADS).allSatisfy(json -> assertThat(json).isEqualTo(alone));
    }

    @Test
    void oneAudioFileStreamedFromEightThreadsGivesTheSameSamples() throws Exception {
        double[] left = tone(440, 30_000);
        double[] right = tone(660, 30_000);
        Path p = tmp.resolve("shared.wav");
        WavWriter.float32().write(p, RATE, left, right);
        AudioFile file = AudioFiles.open(p);

        List<double[][]> reads = atOnce(() -> readAll(file));

        for (double[][] r : reads) {
            assertThat(r[0]).containsExactly(toFloat(left));
            assertThat(r[1]).containsExactly(toFloat(right));
        }
    }

    @Test
    void oneWavWriterWritingEightFilesAtOnceWritesEachRight() throws Exception {
        WavWriter writer = WavWriter.pcm(24).withTimeReference(12_345);
        double[] x = tone(1000, 20_000);
        List<Path> paths = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            paths.add(tmp.resolve("w" + i + ".wav"));
        }
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();

        atOnce(() -> {
            Path p = paths.get(next.getAndIncrement());
            try (WavWriter.Output o = writer.open(p, RATE, 1)) {
                for (int at = 0; at < x.length; at += 1000) {
                    o.write(new double[][] {x}, at, 1000);
                }
            }
            return p;
        });

        byte[] first = Files.readAllBytes(paths.get(0));
        for (Path p : paths) {
            assertThat(Files.readAllBytes(p)).isEqualTo(first);
            assertThat(AudioFiles.open(p).frames()).isEqualTo(20_000);
        }
    }

    private static double[] toFloat(double[] x) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = (float) x[i];
        }
        return y;
    }

    private static double[][] readAll(AudioFile f) throws IOException {
        int frames = (int) f.frames();
        double[][] out = new double[f.format().channels()][frames];
        try (SampleStream s = f.openStream()) {
            for (int done = 0, n; done < frames && (n = s.read(out, done, Math.min(777, frames - done))) > 0; ) {
                done += n;
            }
        }
        return out;
    }
}
