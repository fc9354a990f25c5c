package org.stemcheck.dsp.internal.loudness;

import java.util.Locale;
import java.util.Objects;

/** Argument checks shared by the loudness and true-peak meters. */
public final class MeterArguments {

    /** Lowest sample rate accepted, Hz: the 1.68 kHz shelf corner must stay well below Nyquist. */
    public static final double MIN_SAMPLE_RATE = 4_000;
    /** Highest sample rate accepted, Hz (16x 96 kHz; anything above is not audio we meet). */
    public static final double MAX_SAMPLE_RATE = 1_536_000;

    private MeterArguments() {
    }

    /** Checks a sample rate, returning it. */
    public static double sampleRate(double sampleRate) {
        if (!(sampleRate >= MIN_SAMPLE_RATE && sampleRate <= MAX_SAMPLE_RATE)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "sampleRate must be in %.0f .. %.0f Hz: %s", MIN_SAMPLE_RATE, MAX_SAMPLE_RATE, sampleRate));
        }
        return sampleRate;
    }

    /** Checks the arguments of {@code Accumulator.accept}. */
    public static void block(double[][] block, int offset, int frames, int channels) {
        Objects.requireNonNull(block, "block must not be null");
        if (block.length != channels) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "block has %d channels, the meter %d", block.length, channels));
        }
        if (offset < 0 || frames < 0) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "offset and frames must not be negative: offset %d, frames %d", offset, frames));
        }
        for (int c = 0; c < channels; c++) {
            Objects.requireNonNull(block[c], "block channel must not be null");
            if (block[c].length - offset < frames) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "block channel %d holds %d samples, fewer than offset %d + frames %d",
                        c, block[c].length, offset, frames));
            }
        }
    }

    /** Decibels of a linear amplitude: -infinity for 0. */
    public static double db(double amplitude) {
        return 20 * Math.log10(amplitude);
    }
}
