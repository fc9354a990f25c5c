package org.stemcheck.dsp;

import org.jtransforms.utils.CommonUtils;

/**
 * How the transforms behind the spectra and the null test use threads: a process-wide setting of
 * the FFT library (JTransforms), for applications that own their JVM.
 *
 * <p>By default JTransforms splits every transform of 8192 points or more across its own thread
 * pool. stemcheck already keeps the cores busy with whole files and passes, so that splitting only
 * adds task hand-offs and idle spinning: on the 4-minute benchmark song the set pass took 26 s of
 * CPU with it and 16 s without (see {@code docs/benchmarks.md}). The command-line tool therefore
 * calls {@link #callerOnly()} once at start-up.
 *
 * <p>The library never changes this on its own: the setting is global to the JVM and may matter
 * to other code in a host application that uses JTransforms.
 *
 * <pre>{@code
 * FftThreads.callerOnly();   // once, before the first check
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
        CommonUtils.setThreadsBeginN_1D_FFT_2Threads(NEVER);
        CommonUtils.setThreadsBeginN_1D_FFT_4Threads(NEVER);
    }

    /**
     * Whether transforms currently stay on their caller's thread, for applications that want to
     * log or verify the setting.
     *
     * @return true after {@link #callerOnly()} (or an equivalent setting made directly in JTransforms)
     */
    public static boolean isCallerOnly() {
        return CommonUtils.getThreadsBeginN_1D_FFT_2Threads() >= NEVER
                && CommonUtils.getThreadsBeginN_1D_FFT_4Threads() >= NEVER;
    }
}
