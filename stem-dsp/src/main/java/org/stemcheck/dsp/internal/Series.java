package org.stemcheck.dsp.internal;

import java.util.Arrays;

/**
 * A growable list of numbers, one point per interval (timelines, loudness blocks), held as
 * {@code float}s ({@link #ofFloats()}: 4 bytes a point, for values that are reported as floats)
 * or as {@code double}s ({@link #ofDoubles()}: for values that further arithmetic must see whole,
 * such as the mean squares that integrated loudness is gated on).
 *
 * <p>Stored in chunks of 64 KiB (the first one grows from 64 points), so that a long series never
 * copies itself to grow and no piece of it is a humongous object for G1: a 2-hour file has 72,000
 * points per 100 ms series, which as one doubling array would be a 512 KiB array in a 1 MiB region
 * (the region size of heaps under 2 GiB), wasting about half of each region and twice the points at
 * the last doubling. Measured on the 2-hour film delivery under {@code -Xmx256m}: the whole-array
 * series ran the check out of memory at the end. Not thread-safe.
 */
public final class Series {

    /** Bytes per chunk: 2^16 (64 KiB), far below half of G1's smallest region (1 MiB). */
    static final int CHUNK_BYTES = 1 << 16;
    private static final int FIRST_POINTS = 64;
    private static final int MAX = Integer.MAX_VALUE - 8;

    private final boolean doubles;
    /** Points per chunk, a power of two: {@link #CHUNK_BYTES} over the size of a point. */
    private final int chunkPoints;
    private final int chunkBits;
    /** Each a {@code float[]} or a {@code double[]}; null where not yet reached. */
    private Object[] chunks;
    private int size;

    private Series(boolean doubles) {
        this.doubles = doubles;
        this.chunkPoints = CHUNK_BYTES / (doubles ? Double.BYTES : Float.BYTES);
        this.chunkBits = Integer.numberOfTrailingZeros(chunkPoints);
        this.chunks = new Object[] {newChunk(FIRST_POINTS)};
    }

    /** An empty series of {@code float}s: {@link #add} rounds each value to a float. */
    public static Series ofFloats() {
        return new Series(false);
    }

    /** An empty series of {@code double}s. */
    public static Series ofDoubles() {
        return new Series(true);
    }

    /** Points per chunk (16384 floats or 8192 doubles). */
    int chunkPoints() {
        return chunkPoints;
    }

    /** Appends one value (rounded to a {@code float} in a series of floats). */
    public void add(double value) {
        Object chunk = room(size >>> chunkBits, size & (chunkPoints - 1));
        if (doubles) {
            ((double[]) chunk)[size & (chunkPoints - 1)] = value;
        } else {
            ((float[]) chunk)[size & (chunkPoints - 1)] = (float) value;
        }
        size++;
    }

    /** Chunk {@code k}, allocated or enlarged so that it holds index {@code at}. */
    private Object room(int k, int at) {
        if (k == chunks.length) {
            if (size >= MAX) {
                throw new IllegalStateException("series is full: " + size + " points");
            }
            chunks = Arrays.copyOf(chunks, 2 * k);
        }
        Object chunk = chunks[k];
        if (chunk == null) {
            chunk = chunks[k] = newChunk(chunkPoints);
        } else if (at == length(chunk)) {
            Object larger = newChunk(Math.min(chunkPoints, 2 * at));
            System.arraycopy(chunk, 0, larger, 0, at);
            chunk = chunks[k] = larger;
        }
        return chunk;
    }

    private Object newChunk(int points) {
        return doubles ? new double[points] : new float[points];
    }

    private int length(Object chunk) {
        return doubles ? ((double[]) chunk).length : ((float[]) chunk).length;
    }

    /** Values added so far. */
    public int size() {
        return size;
    }

    /**
     * One value.
     *
     * @param i {@code 0 .. size() - 1}
     * @return the value added {@code i}-th (as stored)
     */
    public double get(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException("index " + i + " of " + size);
        }
        Object chunk = chunks[i >>> chunkBits];
        int at = i & (chunkPoints - 1);
        return doubles ? ((double[]) chunk)[at] : ((float[]) chunk)[at];
    }

    /**
     * A copy of a series of floats, with {@code extra} appended when it is not null.
     *
     * @param extra values to append to the copy (not to the series)
     * @return a new array of {@code size() + extra.length} values
     * @throws IllegalStateException for a series of doubles
     */
    public float[] toFloatArray(float... extra) {
        if (doubles) {
            throw new IllegalStateException("a series of doubles");
        }
        int n = extra == null ? 0 : extra.length;
        float[] out = new float[size + n];
        copyTo(out);
        if (n > 0) {
            System.arraycopy(extra, 0, out, size, n);
        }
        return out;
    }

    /**
     * A copy of a series of doubles.
     *
     * @return a new array of {@code size()} values
     * @throws IllegalStateException for a series of floats
     */
    public double[] toDoubleArray() {
        if (!doubles) {
            throw new IllegalStateException("a series of floats");
        }
        double[] out = new double[size];
        copyTo(out);
        return out;
    }

    /** Copies the values to the start of {@code out}, an array of the series' own type. */
    private void copyTo(Object out) {
        for (int k = 0, done = 0; done < size; k++) {
            int take = Math.min(chunkPoints, size - done);
            System.arraycopy(chunks[k], 0, out, done, take);
            done += take;
        }
    }
}
