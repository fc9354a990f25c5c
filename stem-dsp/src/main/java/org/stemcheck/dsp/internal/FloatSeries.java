package org.stemcheck.dsp.internal;

import java.util.Arrays;

/** A growable list of {@code float}s: 4 bytes a point, for per-interval series (timelines). */
public final class FloatSeries {

    private float[] values = new float[64];
    private int size;

    /** Appends one value. */
    public void add(float value) {
        if (size == values.length) {
            if (size == Integer.MAX_VALUE - 8) {
                throw new IllegalStateException("series is full: " + size + " points");
            }
            values = Arrays.copyOf(values, (int) Math.min(Integer.MAX_VALUE - 8, 2L * size));
        }
        values[size++] = value;
    }

    /** Values added so far. */
    public int size() {
        return size;
    }

    /** A copy of the values, with {@code extra} appended when it is not null. */
    public float[] toArray(float... extra) {
        float[] out = Arrays.copyOf(values, size + extra.length);
        System.arraycopy(extra, 0, out, size, extra.length);
        return out;
    }
}
