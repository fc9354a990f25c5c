package org.stemcheck.dsp.internal;

import java.util.Arrays;

/**
 * A growable list of {@code float}s: 4 bytes a point, for per-interval series (timelines).
 *
 * <p>Stored in chunks of {@link #CHUNK} points (the first one grows from 64 points), so that a
 * long series never copies itself to grow and no piece of it is a humongous object for G1: a 2-hour
 * file has 72,000 points per 100 ms series, which as one doubling array would be a 512 KiB array
 * in a 1 MiB region (the region size of heaps under 2 GiB), wasting about half of each region and
 * twice the points at the last doubling. Measured on the 2-hour film delivery under
 * {@code -Xmx256m}: the whole-array series ran the check out of memory at the end.
 */
public final class FloatSeries {

    /** Points per chunk: 2^14 (64 KiB), far below half of G1's smallest region (1 MiB). */
    static final int CHUNK_BITS = 14;
    static final int CHUNK = 1 << CHUNK_BITS;
    private static final int MAX = Integer.MAX_VALUE - 8;

    private float[][] chunks = {new float[64]};
    private int size;

    /** Appends one value. */
    public void add(float value) {
        int k = size >>> CHUNK_BITS;
        int at = size & (CHUNK - 1);
        if (k == chunks.length) {
            if (size >= MAX) {
                throw new IllegalStateException("series is full: " + size + " points");
            }
            chunks = Arrays.copyOf(chunks, 2 * k);
        }
        float[] chunk = chunks[k];
        if (chunk == null) {
            chunk = chunks[k] = new float[CHUNK];
        } else if (at == chunk.length) {
            chunk = chunks[k] = Arrays.copyOf(chunk, Math.min(CHUNK, 2 * chunk.length));
        }
        chunk[at] = value;
        size++;
    }

    /** Values added so far. */
    public int size() {
        return size;
    }

    /**
     * A copy of the values, with {@code extra} appended when it is not null.
     *
     * @param extra values to append to the copy (not to the series)
     * @return a new array of {@code size() + extra.length} values
     */
    public float[] toArray(float... extra) {
        int n = extra == null ? 0 : extra.length;
        float[] out = new float[size + n];
        for (int k = 0, done = 0; done < size; k++) {
            int take = Math.min(CHUNK, size - done);
            System.arraycopy(chunks[k], 0, out, done, take);
            done += take;
        }
        if (n > 0) {
            System.arraycopy(extra, 0, out, size, n);
        }
        return out;
    }
}
