package org.stemcheck.io.heap;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.stemcheck.io.AudioFile;
import org.stemcheck.io.AudioFiles;
import org.stemcheck.io.SampleStream;

/**
 * Opens each file given, once by path and once as a one-shot stream, reads it to its end and
 * prints {@code name/mode: declared=D frames=F delivered=N truncation=T} (run by HugeHeaderTest
 * in a 32 MiB heap).
 */
public final class HugeHeaderMain {

    private HugeHeaderMain() {
    }

    public static void main(String[] args) throws Exception {
        for (String a : args) {
            Path p = Path.of(a);
            print(p.getFileName() + "/path", AudioFiles.open(p));
            try (InputStream in = Files.newInputStream(p)) {
                print(p.getFileName() + "/stream", AudioFiles.open(in, p.getFileName().toString()));
            }
        }
        System.out.println("maxHeapMiB=" + Runtime.getRuntime().maxMemory() / (1 << 20));
    }

    private static void print(String label, AudioFile f) throws Exception {
        long delivered = 0;
        double[][] block = new double[f.format().channels()][4096];
        try (SampleStream s = f.openStream()) {
            for (int n; (n = s.read(block, 0, 4096)) > 0; ) {
                delivered += n;
            }
        }
        System.out.println(label + ": declared=" + f.declaredFrames() + " frames=" + f.frames() + " delivered=" + delivered
                + " truncation=" + f.truncation().map(t -> t.claimedFrames() + ">" + t.availableFrames()).orElse("none"));
    }
}
