package org.stemcheck.dsp.internal.set;

import org.jtransforms.fft.DoubleFFT_1D;

/**
 * The one place the set kernels touch JTransforms: an in-place real FFT of one fixed size,
 * planned once. To be swapped for the shared {@code Fft} wrapper at merge.
 *
 * <p>Packed layout (JTransforms {@code realForward}, {@code n} even): {@code a[0]} = Re X[0],
 * {@code a[1]} = Re X[n/2], and for {@code 0 < k < n/2}: {@code a[2k]} = Re X[k],
 * {@code a[2k+1]} = Im X[k], with {@code X[k] = sum_t x[t] e^{-2 pi i k t / n}}.
 * Not thread-safe in the sense that one instance should be used by one thread at a time.
 */
final class RealTransform {

    private final int size;
    private final DoubleFFT_1D fft;

    RealTransform(int size) {
        if (size < 2 || Integer.bitCount(size) != 1) {
            throw new IllegalArgumentException("FFT size must be a power of two >= 2, got " + size);
        }
        this.size = size;
        this.fft = new DoubleFFT_1D(size);
    }

    int size() {
        return size;
    }

    /** Forward transform of {@code a[0..size)} in place, packed layout as described above. */
    void forward(double[] a) {
        fft.realForward(a);
    }

    /** Inverse of {@link #forward}, scaled by 1/size, so that inverse(forward(x)) == x. */
    void inverse(double[] a) {
        fft.realInverse(a, true);
    }
}
