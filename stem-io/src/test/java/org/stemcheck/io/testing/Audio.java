package org.stemcheck.io.testing;

import java.io.IOException;
import java.util.Arrays;

import org.stemcheck.io.AudioFile;
import org.stemcheck.io.SampleStream;

/** Reads a whole (small) test file into memory. */
public final class Audio {

    private Audio() {
    }

    /** Every sample the stream delivers, as samples[channel][frame], read in blocks of {@code block} frames. */
    public static double[][] readAll(AudioFile f, int block) throws IOException {
        int channels = f.format().channels();
        double[][] all = new double[channels][(int) f.frames()];
        double[][] buf = new double[channels][block];
        int pos = 0;
        try (SampleStream s = f.openStream()) {
            for (int n; (n = s.read(buf, 0, block)) > 0; ) {
                if (pos + n > all[0].length) {
                    throw new AssertionError("the stream delivers more than " + f.frames() + " frames");
                }
                for (int c = 0; c < channels; c++) {
                    System.arraycopy(buf[c], 0, all[c], pos, n);
                }
                pos += n;
            }
        }
        if (pos != all[0].length) {
            double[][] shorter = new double[channels][];
            for (int c = 0; c < channels; c++) {
                shorter[c] = Arrays.copyOf(all[c], pos);
            }
            return shorter;
        }
        return all;
    }

    /** {@link #readAll(AudioFile, int)} in blocks of 1000 frames. */
    public static double[][] readAll(AudioFile f) throws IOException {
        return readAll(f, 1000);
    }
}
