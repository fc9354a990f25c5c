package org.stemcheck.dsp.internal;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JTransforms FFT library, found at run time rather than named in {@code module-info}: its jar
 * carries no {@code Automatic-Module-Name}, so a {@code requires} clause could only use the name
 * the JDK guesses from the jar's file name ({@code JTransforms}), which Maven rightly refuses to
 * see published. Every call to JTransforms goes through this class, by method handles bound once.
 *
 * <p>Where it is found: on the class path (how Maven, Gradle and the command-line jar run it), or
 * on the module path when the application resolves it ({@code --add-modules JTransforms}). Where
 * it is not, {@link #LIBRARY} is empty and {@link Fft} does every transform with its own
 * {@link RealFft}: the same numbers to rounding, somewhat slower ({@code docs/benchmarks.md}).
 *
 * @param plan    {@code (long n) -> DoubleFFT_1D}
 * @param forward {@code (DoubleFFT_1D, double[]) -> void}: {@code realForward}
 * @param inverse {@code (DoubleFFT_1D, double[], boolean scale) -> void}: {@code realInverse}
 * @param get2    {@code () -> long}: {@code CommonUtils.getThreadsBeginN_1D_FFT_2Threads}
 * @param get4    {@code () -> long}: {@code CommonUtils.getThreadsBeginN_1D_FFT_4Threads}
 * @param set2    {@code (long) -> void}: {@code CommonUtils.setThreadsBeginN_1D_FFT_2Threads}
 * @param set4    {@code (long) -> void}: {@code CommonUtils.setThreadsBeginN_1D_FFT_4Threads}
 */
public record JTransforms(MethodHandle plan, MethodHandle forward, MethodHandle inverse, MethodHandle get2,
                          MethodHandle get4, MethodHandle set2, MethodHandle set4) {

    private static final Logger LOG = LoggerFactory.getLogger(JTransforms.class);

    /** JTransforms as this module's class loader sees it; empty when it is not there. */
    public static final Optional<JTransforms> LIBRARY = find(JTransforms.class.getClassLoader());

    // The handles the calls use, as constants: the JIT inlines a constant handle like a direct call
    // (and allocates nothing), which it does not do for one read from an object.
    private static final MethodHandle PLAN = LIBRARY.map(JTransforms::plan).orElse(null);
    private static final MethodHandle FORWARD = LIBRARY.map(JTransforms::forward).orElse(null);
    private static final MethodHandle INVERSE = LIBRARY.map(JTransforms::inverse).orElse(null);
    private static final MethodHandle GET2 = LIBRARY.map(JTransforms::get2).orElse(null);
    private static final MethodHandle GET4 = LIBRARY.map(JTransforms::get4).orElse(null);
    private static final MethodHandle SET2 = LIBRARY.map(JTransforms::set2).orElse(null);
    private static final MethodHandle SET4 = LIBRARY.map(JTransforms::set4).orElse(null);

    /**
     * Binds JTransforms' classes as {@code loader} sees them.
     *
     * @param loader where to look
     * @return the bound library; empty when its classes are not there (or not of version 3)
     */
    static Optional<JTransforms> find(ClassLoader loader) {
        try {
            Class<?> fft = Class.forName("org.jtransforms.fft.DoubleFFT_1D", false, loader);
            Class<?> utils = Class.forName("org.jtransforms.utils.CommonUtils", false, loader);
            // a module reads only what it requires; it may add a read edge to what it finds itself
            JTransforms.class.getModule().addReads(fft.getModule());
            MethodHandles.Lookup l = MethodHandles.publicLookup();
            MethodType longToVoid = MethodType.methodType(void.class, long.class);
            return Optional.of(new JTransforms(
                    l.findConstructor(fft, longToVoid).asType(MethodType.methodType(Object.class, long.class)),
                    l.findVirtual(fft, "realForward", MethodType.methodType(void.class, double[].class))
                            .asType(MethodType.methodType(void.class, Object.class, double[].class)),
                    l.findVirtual(fft, "realInverse", MethodType.methodType(void.class, double[].class, boolean.class))
                            .asType(MethodType.methodType(void.class, Object.class, double[].class, boolean.class)),
                    l.findStatic(utils, "getThreadsBeginN_1D_FFT_2Threads", MethodType.methodType(long.class)),
                    l.findStatic(utils, "getThreadsBeginN_1D_FFT_4Threads", MethodType.methodType(long.class)),
                    l.findStatic(utils, "setThreadsBeginN_1D_FFT_2Threads", longToVoid),
                    l.findStatic(utils, "setThreadsBeginN_1D_FFT_4Threads", longToVoid)));
        } catch (ReflectiveOperationException | LinkageError | SecurityException e) {
            LOG.debug("JTransforms not found ({}); every FFT runs on stemcheck's own", e.toString());
            return Optional.empty();
        }
    }

    /**
     * Plans a real transform with {@link #LIBRARY}, which must be present.
     *
     * @param n points
     * @return the library's plan ({@code DoubleFFT_1D})
     */
    public static Object newPlan(int n) {
        try {
            return (Object) PLAN.invokeExact((long) n);
        } catch (Throwable t) {
            throw rethrown(t);
        }
    }

    /**
     * {@code plan.realForward(a)}, with {@link #LIBRARY}.
     *
     * @param plan from {@link #newPlan}
     * @param a    the data, transformed in place
     */
    public static void realForward(Object plan, double[] a) {
        try {
            FORWARD.invokeExact(plan, a);
        } catch (Throwable t) {
            throw rethrown(t);
        }
    }

    /**
     * {@code plan.realInverse(a, scale)}, with {@link #LIBRARY}.
     *
     * @param plan  from {@link #newPlan}
     * @param a     the packed spectrum, inverted in place
     * @param scale whether to divide by the size
     */
    public static void realInverse(Object plan, double[] a, boolean scale) {
        try {
            INVERSE.invokeExact(plan, a, scale);
        } catch (Throwable t) {
            throw rethrown(t);
        }
    }

    /**
     * The size from which JTransforms ({@link #LIBRARY}, present) splits a 1-D transform over two
     * threads of its pool.
     *
     * @return points
     */
    public static long twoThreadsFrom() {
        return getLong(GET2);
    }

    /**
     * The size from which JTransforms ({@link #LIBRARY}, present) splits a 1-D transform over four
     * threads of its pool.
     *
     * @return points
     */
    public static long fourThreadsFrom() {
        return getLong(GET4);
    }

    /**
     * Sets both sizes from which JTransforms ({@link #LIBRARY}, present) splits a 1-D transform
     * (process-wide).
     *
     * @param two  points, for two threads
     * @param four points, for four threads
     */
    public static void threadsFrom(long two, long four) {
        try {
            SET2.invokeExact(two);
            SET4.invokeExact(four);
        } catch (Throwable t) {
            throw rethrown(t);
        }
    }

    private static long getLong(MethodHandle h) {
        try {
            return (long) h.invokeExact();
        } catch (Throwable t) {
            throw rethrown(t);
        }
    }

    private static RuntimeException rethrown(Throwable t) {
        if (t instanceof RuntimeException r) {
            throw r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        return new IllegalStateException("JTransforms failed", t);
    }
}
