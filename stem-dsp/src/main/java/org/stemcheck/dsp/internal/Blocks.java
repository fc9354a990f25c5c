package org.stemcheck.dsp.internal;

import java.util.Locale;
import java.util.Objects;

/** Argument checks shared by the accumulators. */
public final class Blocks {

    /** Most channels an accumulator accepts (WAV's channel count is 16-bit). */
    public static final int MAX_CHANNELS = 65535;

    /**
     * Most samples (all channels together) an accumulator keeps in one working buffer: 2^22
     * doubles, 32 MiB, so that a header claiming thousands of channels cannot make one allocate
     * gigabytes (the whole delivery is meant to run in a 256 MB heap).
     */
    public static final long MAX_BUFFER_SAMPLES = 1L << 22;

    private Blocks() {
    }

    /** Checks that {@code channels x frames} samples stay within {@link #MAX_BUFFER_SAMPLES}. */
    public static void buffer(int channels, long frames) {
        if ((long) channels * frames > MAX_BUFFER_SAMPLES) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "%d channels x %d frames exceed the buffer limit of %d samples",
                    channels, frames, MAX_BUFFER_SAMPLES));
        }
    }

    /** Checks a channel count given to a factory. */
    public static int channels(int channels) {
        if (channels < 1 || channels > MAX_CHANNELS) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "channels must be in 1..%d: %d", MAX_CHANNELS, channels));
        }
        return channels;
    }

    /** Checks a sample rate given to a factory. */
    public static double sampleRate(double sampleRate) {
        if (!(sampleRate > 0) || Double.isInfinite(sampleRate)) {
            throw new IllegalArgumentException("sampleRate must be positive and finite: " + sampleRate);
        }
        return sampleRate;
    }

    /** Checks that {@code block} holds {@code channels} channels of {@code offset + frames} samples. */
    public static void check(double[][] block, int offset, int frames, int channels) {
        Objects.requireNonNull(block, "block must not be null");
        if (block.length < channels) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "block has %d channels, expected %d", block.length, channels));
        }
        if (offset < 0 || frames < 0) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "offset and frames must not be negative: %d, %d", offset, frames));
        }
        for (int c = 0; c < channels; c++) {
            if (block[c].length - offset < frames) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "channel %d holds %d samples, fewer than offset %d + frames %d",
                        c, block[c].length, offset, frames));
            }
        }
    }
}
