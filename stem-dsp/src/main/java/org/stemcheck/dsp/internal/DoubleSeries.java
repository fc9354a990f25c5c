package org.stemcheck.dsp.internal;

import java.util.Arrays;

/**
 * A growable list of {@code double}s with random access, stored in chunks as {@link FloatSeries}
 * is (and for the same reason: long series neither copy themselves to grow nor become humongous
 * objects for G1).
 */
public final class DoubleSeries {

    /** Points per chunk: 2^13 (64 KiB), far below half of G1's smallest region (1 MiB). */
    static final int CHUNK_BITS = 13;
    static final int CHUNK = 1 << CHUNK_BITS;
    private static final int MAX = Integer.MAX_VALUE - 8;

    private double[][] chunks = {new double[64]};
    private int size;

    /** Appends one value. */
    public void add(double value) {
        int k = size >>> CHUNK_BITS;
        int at = size & (CHUNK - 1);
        if (k == chunks.length) {
            if (size >= MAX) {
                throw new IllegalStateException("series is full: " + size + " points");
            }
            chunks = Arrays.copyOf(chunks, 2 * k);
        }
        double[] chunk = chunks[k];
        if (chunk == null) {
            chunk = chunks[k] = new double[CHUNK];
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
     * One value.
     *
     * @param i {@code 0 .. size() - 1}
     * @return the value added {@code i}-th
     */
    public double get(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException("index " + i + " of " + size);
        }
        return chunks[i >>> CHUNK_BITS][i & (CHUNK - 1)];
    }

    /** @return a copy of the values */
    public double[] toArray() {
        double[] out = new double[size];
        for (int k = 0, done = 0; done < size; k++) {
            int take = Math.min(CHUNK, size - done);
            System.arraycopy(chunks[k], 0, out, done, take);
            done += take;
        }
        return out;
    }
}
