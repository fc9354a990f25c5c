package org.stemcheck.io.corpus;

import java.io.IOException;
import java.util.Arrays;

import org.stemcheck.io.AudioFile;
import org.stemcheck.io.AudioFormat;
import org.stemcheck.io.SampleStream;

/**
 * All samples of a small file, read through the public stream API, with the integer view the
 * peers' assertions use.
 *
 * @param samples one array per channel
 * @param frames  frames delivered
 */
record Decoded(double[][] samples, int frames) {

    private static final int BLOCK = 1000;

    static Decoded read(AudioFile f) throws IOException {
        int channels = f.format().channels();
        double[][] all = new double[channels][BLOCK];
        double[][] block = new double[channels][BLOCK];
        int n = 0;
        try (SampleStream s = f.openStream()) {
            for (int got; (got = s.read(block, 0, BLOCK)) > 0; ) {
                if (n + got > all[0].length) {
                    for (int c = 0; c < channels; c++) {
                        all[c] = Arrays.copyOf(all[c], 2 * all[c].length + got);
                    }
                }
                for (int c = 0; c < channels; c++) {
                    System.arraycopy(block[c], 0, all[c], n, got);
                }
                n += got;
            }
        }
        return new Decoded(all, n);
    }

    double sample(int channel, int frame) {
        return samples[channel][frame];
    }

    /** Sample {@code i} of the interleaved stream. */
    double interleaved(int i) {
        int ch = samples.length;
        return samples[i % ch][i / ch];
    }

    /**
     * The scale that turns our normalised samples back into the integers of the file: the
     * container's full scale, or, for a PCM tag with padding bytes above the sample, the sample's
     * own bytes (the policy of {@code SampleDecoder.usedBytes}).
     */
    static double intScale(AudioFormat f) {
        int used = (f.validBits() + 7) / 8;
        int bytes = f.formatTag() == 1 && used < f.bytesPerSample() ? used : f.bytesPerSample();
        return Math.scalb(1.0, 8 * bytes - 1);
    }
}
