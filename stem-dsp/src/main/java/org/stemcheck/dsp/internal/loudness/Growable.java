package org.stemcheck.dsp.internal.loudness;

import java.util.Arrays;

/**
 * Append-only arrays of primitives that grow by doubling. They grow only with audio actually
 * fed in (one value per 100 ms), never by a size read from a file.
 */
final class Growable {

    private Growable() {
    }

    /** A growable {@code double[]}. */
    static final class Doubles {
        private double[] values = new double[256];
        private int size;

        void add(double v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, values.length * 2);
            }
            values[size++] = v;
        }

        int size() {
            return size;
        }

        double get(int i) {
            return values[i];
        }

        double[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }

    /** A growable {@code float[]}. */
    static final class Floats {
        private float[] values = new float[256];
        private int size;

        void add(float v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, values.length * 2);
            }
            values[size++] = v;
        }

        int size() {
            return size;
        }

        float[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }
}
