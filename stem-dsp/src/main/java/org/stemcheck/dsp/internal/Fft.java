package org.stemcheck.dsp.internal;

import java.util.Locale;
import java.util.Optional;

/**
 * A real-input FFT of one fixed size: planned once, then transforms in place with no allocation
 * of its own, and never on another thread.
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
 * <h2>Two engines, and why</h2>
 * JTransforms ({@code DoubleFFT_1D.realForward(double[])}, reached through {@link JTransforms}) is
 * the faster engine on one thread, so it does every transform it would run on the caller's thread.
 * But it hands transforms of {@code n >= CommonUtils.getThreadsBeginN_1D_FFT_2Threads()} points
 * (8192 by default) to its own
 * process-wide pool, whose non-daemon threads keep a JVM alive for a minute after the last
 * transform and cost CPU in hand-offs. Those sizes go to our own {@link RealFft} instead, which
 * uses no threads. The test is made before every call against the same setting JTransforms reads,
 * so no work from here reaches its pool whatever a host application sets (short of changing the
 * setting during the very call), and the library never writes that setting. An application that
 * owns its JVM may raise it ({@link org.stemcheck.dsp.FftThreads#callerOnly()}, as the command-line
 * tool does) to have JTransforms do all sizes on the caller's thread, which is faster
 * ({@code docs/benchmarks.md}). Both engines agree to a few units of rounding of the largest bin.
 * Where JTransforms is not on the class path (or not resolved on the module path), every size
 * goes to {@link RealFft}.
 *
 * <h2>Threads and allocation</h2>
 * An instance holds work buffers, so it is confined to one thread (make one per thread). Each
 * engine is planned on first use; after that no call allocates.
 */
public final class Fft {

    /** Largest size accepted: 2^24 points (128 MiB of doubles), far above any spectrum we take. */
    public static final int MAX_SIZE = 1 << 24;

    private final int size;
    /** Whether the faster engine is there ({@link JTransforms#LIBRARY}). */
    private final boolean jtransforms;
    private Object library;
    private RealFft own;

    Fft(int size, Optional<JTransforms> jtransforms) {
        this.size = size;
        this.jtransforms = jtransforms.isPresent();
    }

    /**
     * Plans a transform of {@code size} points.
     *
     * @param size points per transform
     * @return a new plan
     * @throws IllegalArgumentException unless {@code size} is even and in {@code 2 .. MAX_SIZE}
     */
    public static Fft ofSize(int size) {
        if (size < 2 || size > MAX_SIZE || size % 2 != 0) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "size must be even and in 2..%d: %d", MAX_SIZE, size));
        }
        return new Fft(size, JTransforms.LIBRARY);
    }

    /**
     * Points per transform.
     *
     * @return the size planned for
     */
    public int size() {
        return size;
    }

    /**
     * Bins of the one-sided spectrum.
     *
     * @return {@code size / 2 + 1}
     */
    public int bins() {
        return size / 2 + 1;
    }

    /**
     * Transforms {@code data[0 .. size)} in place into the packed layout described above.
     *
     * @param data at least {@link #size()} long; entries from {@code size} on are left alone
     */
    public void forward(double[] data) {
        checkLength(data);
        if (libraryStaysOnThisThread()) {
            JTransforms.realForward(library(), data);
        } else {
            own().forward(data);
        }
    }

    /**
     * Inverts {@link #forward} in place, scaled so that {@code inverse(forward(x)) == x} (to rounding).
     *
     * @param data a packed spectrum, at least {@link #size()} long
     */
    public void inverse(double[] data) {
        checkLength(data);
        if (libraryStaysOnThisThread()) {
            JTransforms.realInverse(library(), data, true);
        } else {
            own().inverse(data);
        }
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

    /**
     * Whether JTransforms would run a transform of this size on the calling thread: its 1-D
     * transforms go to its pool from this many points (its {@code cftfsub} and Bluestein paths
     * test exactly this; the setter clamps the value at 1024 or more). False without JTransforms.
     */
    boolean libraryStaysOnThisThread() {
        return jtransforms && size < JTransforms.twoThreadsFrom();
    }

    private Object library() {
        if (library == null) {
            library = JTransforms.newPlan(size);
        }
        return library;
    }

    private RealFft own() {
        if (own == null) {
            own = new RealFft(size);
        }
        return own;
    }

    private void checkLength(double[] data) {
        if (data.length < size) {
            throw new IllegalArgumentException("data must hold " + size + " points: " + data.length);
        }
    }
}
