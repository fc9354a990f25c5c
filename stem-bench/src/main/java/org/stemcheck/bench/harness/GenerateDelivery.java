package org.stemcheck.bench.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Writes a long delivery for the benchmark, streaming: all files are generated together block by
 * block, so memory stays at a few blocks whatever the length. Skips the work when every file is
 * already there with the right size; refuses when less than twice the delivery's size is free.
 *
 * <pre>java -cp stem-bench/target/benchmarks.jar org.stemcheck.bench.harness.GenerateDelivery song|song-faulty|film DIR [SECONDS]</pre>
 */
public final class GenerateDelivery {

    /** Frames generated per block. */
    static final int BLOCK = 8192;
    /** Free space required, as a multiple of the delivery's size (room for the others on a shared disk). */
    static final int FREE_SPACE_FACTOR = 2;

    private GenerateDelivery() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2 || args.length > 3) {
            System.err.println("usage: GenerateDelivery song|song-faulty|film DIR [SECONDS]");
            System.exit(2);
        }
        double seconds = args.length == 3 ? Double.parseDouble(args[2]) : Delivery.defaultSeconds(args[0]);
        Delivery d = Delivery.of(args[0], seconds);
        Path dir = Path.of(args[1]);
        if (isPresent(d, dir)) {
            System.out.printf(Locale.ROOT, "%s: already present in %s (%d files, %.2f GB)%n",
                    d.name(), dir, d.files().size(), d.totalBytes() / 1e9);
            return;
        }
        if (!hasRoom(d, dir)) {
            System.exit(3);
        }
        long start = System.nanoTime();
        generate(d, dir);
        double s = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "%s: %d files, %.2f GB written to %s in %.1f s (%.0f MB/s)%n",
                d.name(), d.files().size(), d.totalBytes() / 1e9, dir, s, d.totalBytes() / 1e6 / s);
    }

    /** True when every file of the delivery exists with its exact size. */
    static boolean isPresent(Delivery d, Path dir) throws IOException {
        for (String f : d.files()) {
            Path p = dir.resolve(f);
            if (!Files.isRegularFile(p) || Files.size(p) != d.fileBytes()) {
                return false;
            }
        }
        return true;
    }

    private static boolean hasRoom(Delivery d, Path dir) throws IOException {
        Files.createDirectories(dir);
        long free = Files.getFileStore(dir).getUsableSpace();
        for (String f : d.files()) {
            Path p = dir.resolve(f);
            if (Files.isRegularFile(p)) {
                free += Files.size(p); // replaced
            }
        }
        long need = FREE_SPACE_FACTOR * d.totalBytes();
        if (free < need) {
            System.err.printf(Locale.ROOT, "GenerateDelivery: refusing to write the %s delivery (%.1f GB) to %s: "
                            + "%.1f GB free, %d x its size (%.1f GB) required. Free some space or give another folder.%n",
                    d.name(), d.totalBytes() / 1e9, dir, free / 1e9, FREE_SPACE_FACTOR, need / 1e9);
            return false;
        }
        return true;
    }

    /** Writes every file of {@code d} into {@code dir} (created if needed), replacing what is there. */
    static void generate(Delivery d, Path dir) throws IOException {
        Files.createDirectories(dir);
        List<Voice> voices = d.stems().stream().map(s -> s.voice().get()).toList();
        double gain = d.gain();
        int nStems = voices.size();
        int nMixes = d.mixes().size();
        boolean[][] inMix = new boolean[nMixes][nStems];
        for (int m = 0; m < nMixes; m++) {
            for (int s = 0; s < nStems; s++) {
                inMix[m][s] = d.mixes().get(m).stems().contains(d.stems().get(s).file());
            }
        }
        double[][][] stem = new double[nStems][Delivery.CHANNELS][BLOCK];
        double[][][] mix = new double[nMixes][Delivery.CHANNELS][BLOCK];
        List<Path> parts = new ArrayList<>();
        List<StreamingWavWriter> writers = new ArrayList<>();
        // per stem, its writer (files() lists the delivered stems first, then the mixes), or -1
        int[] writerOf = new int[nStems];
        for (int s = 0, w = 0; s < nStems; s++) {
            writerOf[s] = d.stems().get(s).delivered() ? w++ : -1;
        }
        int firstMix = d.files().size() - nMixes;
        try {
            for (String f : d.files()) {
                Path part = dir.resolve(f + ".part");
                parts.add(part);
                writers.add(StreamingWavWriter.create(part, d.rate(), Delivery.CHANNELS, Delivery.BITS, d.frames()));
            }
            Progress progress = new Progress(d.name(), d.frames());
            for (long done = 0; done < d.frames(); ) {
                int n = (int) Math.min(BLOCK, d.frames() - done);
                for (double[][] m : mix) {
                    clear(m, n);
                }
                for (int s = 0; s < nStems; s++) {
                    clear(stem[s], n);
                    voices.get(s).addTo(stem[s][0], stem[s][1], n);
                    scale(stem[s], gain, n);
                    for (int m = 0; m < nMixes; m++) {
                        if (inMix[m][s]) {
                            add(mix[m], stem[s], n);
                        }
                    }
                    if (writerOf[s] >= 0) {
                        // as delivered: after the mixes took it as intended
                        scale(stem[s], d.stems().get(s).deliveredGain(), n);
                        writers.get(writerOf[s]).write(stem[s], n);
                    }
                }
                for (int m = 0; m < nMixes; m++) {
                    writers.get(firstMix + m).write(mix[m], n);
                }
                done += n;
                progress.at(done);
            }
        } finally {
            closeAll(writers);
        }
        for (int i = 0; i < parts.size(); i++) {
            if (writers.get(i).clipped() > 0) {
                throw new IllegalStateException(d.files().get(i) + ": " + writers.get(i).clipped() + " samples clipped");
            }
            Files.move(parts.get(i), dir.resolve(d.files().get(i)), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void clear(double[][] block, int n) {
        for (double[] c : block) {
            Arrays.fill(c, 0, n, 0);
        }
    }

    private static void scale(double[][] block, double gain, int n) {
        for (double[] c : block) {
            for (int i = 0; i < n; i++) {
                c[i] *= gain;
            }
        }
    }

    private static void add(double[][] into, double[][] from, int n) {
        for (int c = 0; c < into.length; c++) {
            for (int i = 0; i < n; i++) {
                into[c][i] += from[c][i];
            }
        }
    }

    private static void closeAll(List<StreamingWavWriter> writers) throws IOException {
        IOException first = null;
        for (StreamingWavWriter w : writers) {
            try {
                w.close();
            } catch (IOException e) {
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }

    /** Prints a line every tenth of the way on long deliveries. */
    private static final class Progress {
        private final String name;
        private final long total;
        private final long start = System.nanoTime();
        private int shown;

        Progress(String name, long total) {
            this.name = name;
            this.total = total;
        }

        void at(long done) {
            int tenth = (int) (10 * done / total);
            if (tenth > shown && total > 48_000L * 600) {
                shown = tenth;
                System.out.printf(Locale.ROOT, "%s: %d%% after %.0f s%n", name, 10 * tenth,
                        (System.nanoTime() - start) / 1e9);
            }
        }
    }
}
