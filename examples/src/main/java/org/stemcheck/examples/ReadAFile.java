package org.stemcheck.examples;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

import org.stemcheck.io.AudioFile;
import org.stemcheck.io.AudioFiles;
import org.stemcheck.io.SampleStream;

/** Opens an audio file, prints its format and metadata, and reads it to find its sample peak. */
public final class ReadAFile {

    private ReadAFile() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: ReadAFile FILE");
            return;
        }
        AudioFile f = AudioFiles.open(Path.of(args[0]));
        System.out.println(f.format());
        f.metadata().timeReference().ifPresent(t -> System.out.println("bext TimeReference: " + t));
        double peak = 0;
        double[][] block = new double[f.format().channels()][4096];
        try (SampleStream s = f.openStream()) {
            for (int n; (n = s.read(block, 0, 4096)) > 0; ) {
                for (double[] ch : block) {
                    for (int i = 0; i < n; i++) {
                        peak = Math.max(peak, Math.abs(ch[i]));
                    }
                }
            }
        }
        System.out.printf(Locale.ROOT, "%d frames, sample peak %.2f dBFS%n", f.frames(), 20 * Math.log10(peak));
    }
}
