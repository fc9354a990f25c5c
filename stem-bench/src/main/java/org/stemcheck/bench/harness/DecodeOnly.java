package org.stemcheck.bench.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import org.stemcheck.io.AudioFile;
import org.stemcheck.io.AudioFiles;
import org.stemcheck.io.SampleStream;

/**
 * Reads every sample of every audio file in a folder through {@code AudioFiles.open(..).openStream()}
 * and does nothing else: the floor under any check. Files are read in parallel, largest first,
 * one per thread (default: one thread per core).
 *
 * <pre>java -cp stem-bench/target/benchmarks.jar org.stemcheck.bench.harness.DecodeOnly DIR [THREADS]</pre>
 */
public final class DecodeOnly {

    /** Frames per read: the block size the checks are expected to use. */
    static final int BLOCK = 4096;

    private DecodeOnly() {
    }

    /** What one file gave. */
    record Decoded(long frames, long bytes, double checksum) {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: DecodeOnly DIR [THREADS]");
            System.exit(2);
        }
        int threads = args.length == 2 ? Integer.parseInt(args[1]) : Runtime.getRuntime().availableProcessors();
        List<Path> files = audioFiles(Path.of(args[0]));
        long start = System.nanoTime();
        List<Decoded> results = decodeAll(files, threads);
        double s = (System.nanoTime() - start) / 1e9;
        long frames = results.stream().mapToLong(Decoded::frames).sum();
        long bytes = results.stream().mapToLong(Decoded::bytes).sum();
        double checksum = results.stream().mapToDouble(Decoded::checksum).sum();
        System.out.printf(Locale.ROOT, "decode-only: %d files, %d frames, %.1f MB in %.2f s = %.0f MB/s, %d threads"
                + " (checksum %.6g)%n", files.size(), frames, bytes / 1e6, s, bytes / 1e6 / s, threads, checksum);
    }

    static List<Path> audioFiles(Path dir) throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".wav"))
                    .sorted(Comparator.comparingLong(DecodeOnly::size).reversed().thenComparing(Comparator.naturalOrder()))
                    .toList();
        }
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Decoded> decodeAll(List<Path> files, int threads) throws InterruptedException, IOException {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Decoded>> futures = new ArrayList<>();
            for (Path p : files) {
                futures.add(pool.submit(() -> decode(p)));
            }
            List<Decoded> out = new ArrayList<>();
            for (Future<Decoded> f : futures) {
                out.add(f.get());
            }
            return out;
        } catch (ExecutionException e) {
            throw new IOException("decoding failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** Reads every frame; the checksum (one sample a block) only keeps the JIT from skipping the work. */
    static Decoded decode(Path p) throws IOException {
        AudioFile f = AudioFiles.open(p);
        double[][] block = new double[f.format().channels()][BLOCK];
        double checksum = 0;
        long frames = 0;
        try (SampleStream s = f.openStream()) {
            for (int n; (n = s.read(block, 0, BLOCK)) > 0; ) {
                frames += n;
                checksum += block[0][n - 1];
            }
        }
        return new Decoded(frames, frames * f.format().bytesPerFrame(), checksum);
    }
}
