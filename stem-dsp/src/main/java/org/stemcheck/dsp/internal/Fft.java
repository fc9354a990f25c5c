package org.stemcheck.dsp.internal;

import java.util.Locale;
import org.jtransforms.fft.DoubleFFT_1D;

/**
 * A real-input FFT of one fixed size: planned once, then transforms in place with no allocation
 * of its own. A thin wrapper around JTransforms' {@link DoubleFFT_1D#realForward(double[])}.
 *
 * <h2>Packed layout</h2>
 * For an input {@code x[0 .. n)} ({@code n} even) the forward transform overwrites the array with
 * {@code X[k] = sum_j x[j] * exp(-2 pi i j k / n)} for {@code k = 0 .. n/2}, packed as
 * <pre>
 *   a[0]      = Re X[0]        (DC; Im X[0] is zero)
 *   a[1]      = Re X[n/2]      (Nyquist; Im X[n/2] is zero)
 *   a[2k]     = Re X[k]        for 0 &lt; k &lt; n/2
 *   a[2k + 1] = Im X[k]        for 0 &lt; k &lt; n/2
 * </pre>
 * {@link #power(double[], double[])} unpacks that into {@code |X[k]|^2}, {@code k = 0 .. n/2}.
 *
 * <h2>Threads and allocation</h2>
 * An instance is not thread-safe in spirit (share one per thread). JTransforms itself splits large
 * transforms across its own thread pool when the machine has more than one core and the size
 * passes its global threshold ({@code CommonUtils.getThreadsBeginN_1D_FFT_2Threads()}, 8192 by
 * default); that path allocates small task objects per call. This wrapper does not change
 * JTransforms' global settings (no global mutable state in the library); an application that owns
 * its JVM calls {@link org.stemcheck.dsp.FftThreads#callerOnly()} once at start-up so that every
 * transform stays on its caller's thread (the CLI does; FftTest measures the allocation both ways).
 */
public final class Fft {

    /** Largest size accepted: 2^24 points (128 MiB of doubles), far above any spectrum we take. */
    public static final int MAX_SIZE = 1 << 24;

    private final int size;
    private final DoubleFFT_1D plan;

    private Fft(int size) {
        this.size = size;
        this.plan = new DoubleFFT_1D(size);
    }

    /**
     * Plans a transform of {@code size} points.
     *
     * @throws IllegalArgumentException unless {@code size} is even and in {@code 2 .. MAX_SIZE}
     */
    public static Fft ofSize(int size) {
        if (size < 2 || size > MAX_SIZE || size % 2 != 0) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "size must be even and in 2..%d: %d", MAX_SIZE, size));
        }
        return new Fft(size);
    }

    /** Points per transform. */
    public int size() {
        return size;
    }

    /** Bins of the one-sided spectrum, {@code size / 2 + 1}. */
    public int bins() {
        return size / 2 + 1;
    }

    /** Transforms {@code data[0 .. size)} in place into the packed layout described above. */
    public void forward(double[] data) {
        checkLength(data);
        plan.realForward(data);
    }

    /** Inverts {@link #forward} in place, scaled so that {@code inverse(forward(x)) == x}. */
    public void inverse(double[] data) {
        checkLength(data);
        plan.realInverse(data, true);
    }

    /**
     * Unpacks a forward transform into the power {@code |X[k]|^2} of each bin {@code k = 0 .. size/2}.
     *
     * @param packed the output of {@link #forward}
     * @param out    at least {@link #bins()} long
     */
    public void power(double[] packed, double[] out) {
        checkLength(packed);
        if (out.length < bins()) {
            throw new IllegalArgumentException("out must hold " + bins() + " bins: " + out.length);
        }
        int half = size / 2;
        out[0] = packed[0] * packed[0];
        out[half] = packed[1] * packed[1];
        for (int k = 1; k < half; k++) {
            double re = packed[2 * k];
            double im = packed[2 * k + 1];
            out[k] = re * re + im * im;
        }
    }

    private void checkLength(double[] data) {
        if (data.length < size) {
            throw new IllegalArgumentException("data must hold " + size + " points: " + data.length);
        }
    }
}
