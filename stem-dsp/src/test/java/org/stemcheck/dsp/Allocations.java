package org.stemcheck.dsp;

import java.lang.reflect.Method;

/**
 * Bytes allocated by the current thread, from {@code com.sun.management.ThreadMXBean}. Reached by
 * reflection because the test sources compile inside the {@code org.stemcheck.dsp} module, which
 * does not read {@code java.management}; the tests themselves run on the class path.
 */
public final class Allocations {

    private Allocations() {
    }

    /** Bytes allocated so far by the calling thread. */
    public static long currentThread() {
        try {
            Object bean = Class.forName("java.lang.management.ManagementFactory")
                    .getMethod("getThreadMXBean").invoke(null);
            Method m = Class.forName("com.sun.management.ThreadMXBean")
                    .getMethod("getThreadAllocatedBytes", long.class);
            return (long) m.invoke(bean, Thread.currentThread().getId());
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("this JVM does not count allocated bytes", e);
        }
    }
}
