package org.stemcheck.dsp;

import java.util.Objects;
import java.util.OptionalInt;
import org.stemcheck.dsp.internal.Blocks;
import org.stemcheck.io.AudioFormat;

/**
 * Effective bit depth: the finest integer grid all samples lie on.
 *
 * <p>A sample {@code x} (full scale 1.0) lies on the {@code k}-bit grid when {@code x * 2^(k-1)} is
 * an integer. Every sample is scaled by {@code 2^(MAX_GRID_BITS - 1)}; when that is an integer,
 * its bits are OR-ed into a mask, otherwise the sample is "off grid" (float content finer than
 * {@value #MAX_GRID_BITS} bits, NaN or infinity). The effective depth is
 * {@code MAX_GRID_BITS - trailingZeros(mask)}: 16-bit audio padded into a 24-bit container reports
 * 16, a float file holding 24-bit values reports 24. Two's complement keeps the trailing zeros of
 * negative values, so the sign does not matter.
 *
 * <p>Silence cannot show a depth: with fewer than {@value #MIN_NON_ZERO_SAMPLES} non-zero samples
 * the result is undetermined rather than "0 bits". Supports {@link #combine}.
 */
public final class BitDepth implements Accumulator<BitDepth.Result> {

    /** The finest grid tested: 32 bits, the deepest integer PCM. */
    public static final int MAX_GRID_BITS = 32;

    /**
     * Non-zero samples needed before a depth is claimed: the chance that 64 samples of true
     * {@code k}-bit audio all have their last bit clear by accident is 2^-64.
     */
    public static final long MIN_NON_ZERO_SAMPLES = 64;

    private static final double GRID_SCALE = Math.scalb(1.0, MAX_GRID_BITS - 1);

    private final int containerBits;
    private final boolean floatingPoint;
    private final int channels;
    private long mask;
    private long nonZero;
    private long offGrid;

    private BitDepth(int containerBits, boolean floatingPoint, int channels) {
        this.containerBits = containerBits;
        this.floatingPoint = floatingPoint;
        this.channels = channels;
    }

    /**
     * An accumulator for a file of this format (its container bits and whether it is float).
     *
     * @param format the file's format
     * @return a new accumulator, which has seen no audio
     */
    public static BitDepth forFormat(AudioFormat format) {
        Objects.requireNonNull(format, "format must not be null");
        return of(format.bitsPerSample(), format.isFloat(), format.channels());
    }

    /**
     * An accumulator for samples stored in {@code containerBits}-bit words, integer or float.
     *
     * @param containerBits the bits each sample occupies in the file, 1 to 64
     * @param floatingPoint whether the file stores IEEE float samples
     * @param channels      1 to 65535
     * @return a new accumulator, which has seen no audio
     * @throws IllegalArgumentException when an argument is out of range
     */
    public static BitDepth of(int containerBits, boolean floatingPoint, int channels) {
        if (containerBits < 1 || containerBits > 64) {
            throw new IllegalArgumentException("containerBits must be in 1..64: " + containerBits);
        }
        return new BitDepth(containerBits, floatingPoint, Blocks.channels(channels));
    }

    @Override
    public void accept(double[][] block, int offset, int frames) {
        Blocks.check(block, offset, frames, channels);
        for (int c = 0; c < channels; c++) {
            double[] x = block[c];
            long m = 0;
            long nz = 0;
            long off = 0;
            for (int i = 0; i < frames; i++) {
                double v = x[offset + i];
                if (v != 0) {
                    nz++;
                    double scaled = v * GRID_SCALE;
                    long k = (long) scaled;
                    if (k == scaled) {
                        m |= k;
                    } else {
                        off++;
                    }
                }
            }
            mask |= m;
            nonZero += nz;
            offGrid += off;
        }
    }

    /**
     * Adds what {@code other} measured (any order: the measurement is a set union), so that
     * parts of a file measured on different threads give the result of one pass.
     *
     * @param other an accumulator of the same file's other samples; left unchanged
     */
    public void combine(BitDepth other) {
        mask |= other.mask;
        nonZero += other.nonZero;
        offGrid += other.offGrid;
    }

    @Override
    public Result result() {
        int gridBits = mask == 0 ? 0 : MAX_GRID_BITS - Long.numberOfTrailingZeros(mask);
        return new Result(containerBits, floatingPoint, nonZero, offGrid, Math.max(gridBits, 1));
    }

    /**
     * The bit usage measured.
     *
     * @param containerBits  bits per sample in the file
     * @param floatingPoint  whether the file stores float samples
     * @param nonZeroSamples samples that are not zero
     * @param offGridSamples non-zero samples on no grid of up to {@value #MAX_GRID_BITS} bits
     * @param gridBits       the finest grid of the on-grid samples (1 when there are none)
     */
    public record Result(int containerBits, boolean floatingPoint, long nonZeroSamples,
                         long offGridSamples, int gridBits) {

        /**
         * Whether enough non-zero samples were seen to tell a depth.
         *
         * @return true from {@link #MIN_NON_ZERO_SAMPLES} non-zero samples on; false for silence
         */
        public boolean determined() {
            return nonZeroSamples >= MIN_NON_ZERO_SAMPLES;
        }

        /**
         * Whether every sample lies on an integer grid of at most {@value #MAX_GRID_BITS} bits
         * (always for integer PCM; for float files, float data holding integer audio).
         *
         * @return true when {@link #determined()} and no sample is off the grid
         */
        public boolean onIntegerGrid() {
            return determined() && offGridSamples == 0;
        }

        /**
         * The bits in use: for integer PCM at most {@code containerBits}; for float files the grid
         * bits when {@link #onIntegerGrid()}. Empty when undetermined or for true float content.
         *
         * @return the effective bit depth (16 for 16-bit audio in a 24-bit file), or empty
         */
        public OptionalInt effectiveBits() {
            if (!onIntegerGrid()) {
                return OptionalInt.empty();
            }
            return OptionalInt.of(floatingPoint ? gridBits : Math.min(gridBits, containerBits));
        }

        /**
         * Whether an integer file uses fewer bits than its container (16-bit audio in 24 bits).
         * False for float files and when undetermined.
         *
         * @return true when the effective bits are fewer than the container's
         */
        public boolean padded() {
            return !floatingPoint && effectiveBits().orElse(containerBits) < containerBits;
        }
    }
}
