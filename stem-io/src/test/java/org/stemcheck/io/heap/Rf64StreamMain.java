package org.stemcheck.io.heap;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

import org.stemcheck.io.AudioFile;
import org.stemcheck.io.AudioFiles;
import org.stemcheck.io.Bext;
import org.stemcheck.io.SampleStream;

/**
 * Reads a gzip-compressed WAV through {@code AudioFiles.open(InputStream, name)} to its end and
 * prints what it found as {@code key=value} lines (run by Rf64StreamTest in a small heap).
 */
public final class Rf64StreamMain {

    private Rf64StreamMain() {
    }

    public static void main(String[] args) throws Exception {
        Path gz = Path.of(args[0]);
        long start = System.nanoTime();
        try (InputStream in = new GZIPInputStream(Files.newInputStream(gz), 1 << 16)) {
            AudioFile f = AudioFiles.open(in, gz.getFileName().toString());
            System.out.println("kind=" + f.format().kind());
            System.out.println("declaredFrames=" + f.declaredFrames());
            System.out.println("bextBeforeStream=" + f.metadata().bext().isPresent());
            int ch = f.format().channels();
            double[][] block = new double[ch][1 << 14];
            long frames = 0;
            long nonZero = 0;
            try (SampleStream s = f.openStream()) {
                for (int n; (n = s.read(block, 0, block[0].length)) > 0; ) {
                    frames += n;
                    for (int c = 0; c < ch; c++) {
                        for (int i = 0; i < n; i++) {
                            if (block[c][i] != 0) {
                                nonZero++;
                            }
                        }
                    }
                }
            }
            System.out.println("framesRead=" + frames);
            System.out.println("frames=" + f.frames());
            System.out.println("truncated=" + f.truncation().isPresent());
            System.out.println("nonZeroSamples=" + nonZero);
            Bext b = f.metadata().bext().orElse(null);
            System.out.println("bextTimeReference=" + (b == null ? "none" : b.timeReference()));
            System.out.println("bextVersion=" + (b == null ? "none" : b.version()));
            System.out.println("bextCodingHistory=" + (b == null ? "none" : b.codingHistory()));
            System.out.println("chunks=" + String.join(",", f.metadata().chunks().stream().map(c -> c.id()).toList()));
            System.out.println("dataSize=" + f.metadata().chunks().stream().filter(c -> c.id().equals("data"))
                    .mapToLong(c -> c.size()).findFirst().orElse(-1));
        }
        System.out.println(String.format(Locale.ROOT, "seconds=%.1f", (System.nanoTime() - start) / 1e9));
        System.out.println("maxHeapMiB=" + Runtime.getRuntime().maxMemory() / (1 << 20));
    }
}
