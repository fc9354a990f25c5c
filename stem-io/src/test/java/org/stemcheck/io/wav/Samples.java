package org.stemcheck.io.wav;

import java.io.IOException;
import java.util.Arrays;

import org.stemcheck.io.AudioFile;
import org.stemcheck.io.SampleStream;

/** Reads every sample of a small file through its stream: one array per channel. */
final class Samples {

    private Samples() {
    }

    static double[][] of(AudioFile f) throws IOException {
        int ch = f.format().channels();
        double[][] all = new double[ch][0];
        double[][] block = new double[ch][256];
        try (SampleStream s = f.openStream()) {
            for (int n; (n = s.read(block, 0, 256)) > 0; ) {
                for (int c = 0; c < ch; c++) {
                    int old = all[c].length;
                    all[c] = Arrays.copyOf(all[c], old + n);
                    System.arraycopy(block[c], 0, all[c], old, n);
                }
            }
        }
        return all;
    }
}
