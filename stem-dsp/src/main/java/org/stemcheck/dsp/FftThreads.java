package org.stemcheck.dsp;

import org.stemcheck.dsp.internal.JTransforms;

/**
 * An optional, process-wide speed setting of the FFT library (JTransforms) for applications that
 * own their JVM. Nothing needs it to behave: without it, stemcheck's transforms still never run on
 * another thread and never keep a JVM alive.
 *
 * <p>JTransforms splits every transform from 8192 points on across its own process-wide pool.
 * stemcheck already keeps the cores busy with whole files and passes, so that splitting only adds
 * hand-offs (on the 4-minute benchmark song the set pass took 26 s of CPU with it and 16 s without)
 * and its non-daemon pool threads keep a JVM alive for a minute after the last transform. So the
 * library never lets JTransforms use its pool: the sizes JTransforms would split go to stemcheck's
 * own FFT, which is exact to rounding but slower on one thread (0.5 to 0.85 times JTransforms, see
 * {@code docs/benchmarks.md}). {@link #callerOnly()} raises JTransforms' thresholds so that it
 * keeps every size on the calling thread, and stemcheck then uses it for all sizes: the faster
 * choice, which the command-line tool makes at start-up.
 *
 * <p>Without JTransforms (not on the class path, or not resolved on the module path) there is
 * nothing to set: every transform already runs on stemcheck's own FFT on the caller's thread.
 *
 * <p>The library never changes this on its own: the setting is global to the JVM and may matter
 * to other code in a host application that uses JTransforms.
 *
 * <pre>{@code
 * FftThreads.callerOnly();   // optional, once, before the first check
 * }</pre>
 */
public final class FftThreads {

    /** Above any transform size JTransforms accepts in one dimension, so no transform is split. */
    private static final long NEVER = Long.MAX_VALUE / 2;

    private FftThreads() {
    }

    /**
     * Keeps every transform on the thread that asks for it, in the whole JVM. Idempotent and
     * thread-safe to call; transforms already running are not affected.
     */
    public static void callerOnly() {
        if (JTransforms.LIBRARY.isPresent()) {
            JTransforms.threadsFrom(NEVER, NEVER);
        }
    }

    /**
     * Whether transforms currently stay on their caller's thread, for applications that want to
     * log or verify the setting.
     *
     * @return true after {@link #callerOnly()} (or an equivalent setting made directly in
     *         JTransforms), and always without JTransforms
     */
    public static boolean isCallerOnly() {
        return JTransforms.LIBRARY.isEmpty()
                || JTransforms.twoThreadsFrom() >= NEVER && JTransforms.fourThreadsFrom() >= NEVER;
    }
}
