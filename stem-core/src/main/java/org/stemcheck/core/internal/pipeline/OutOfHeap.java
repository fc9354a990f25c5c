package org.stemcheck.core.internal.pipeline;

import java.util.List;

import org.stemcheck.core.Finding;

/**
 * What the report says when the heap ran out outside the set pass (which plans its own memory and
 * says so itself): which part of the run was left out and what {@code -Xmx} would do it. Each is an
 * {@link Engine#MEMORY} error: the run did not do all it was asked, so the report cannot pass,
 * but it is still written and the rest of it is kept.
 */
final class OutOfHeap {

    /**
     * The heap the design promises a delivery fits in (ARCHITECTURE.md: a 2-hour film delivery of
     * 8 stems with {@code -Xmx256m}); the advice never names less.
     */
    static final long DESIGN_HEAP_MIB = 256;

    /**
     * The advice doubles the heap that ran out (at least {@link #DESIGN_HEAP_MIB}): nothing in a run
     * knows how much the part that failed would have needed, and twice as much is the smallest step
     * that changes the outcome in the measurements of docs/scale.md (the 20-stem 96 kHz delivery
     * that runs out at 24 MiB gets its full report at 128 MiB).
     */
    static final int ADVICE_FACTOR = 2;

    private OutOfHeap() {
    }

    /** This JVM's heap limit in MiB. */
    static long heapMib() {
        return Runtime.getRuntime().maxMemory() >> 20;
    }

    /** The {@code -Xmx} option to advise, e.g. {@code -Xmx256m}. */
    static String xmx() {
        return "-Xmx" + Math.max(DESIGN_HEAP_MIB, ADVICE_FACTOR * heapMib()) + "m";
    }

    /**
     * A file whose analysis ran out of heap: the file is not at fault (no {@code format.unreadable}),
     * the heap is; its measurements were left out.
     */
    static Finding file(String name) {
        long heap = heapMib();
        return Finding.error(Engine.MEMORY, name + "'s measurements were left out: the heap (" + heap
                        + " MiB) ran out while it was analysed")
                .withFiles(name)
                .withMeasurement("max_heap_mib", heap)
                .withFix("run with more heap, e.g. " + xmx() + ", or with fewer --threads");
    }

    /** A check that ran out of heap: what it looks for was not checked. */
    static Finding check(String id) {
        long heap = heapMib();
        return Finding.error(Engine.MEMORY, "the check " + id + " was left out: the heap (" + heap
                        + " MiB) ran out while it ran, so what it looks for was not checked")
                .withMeasurement("max_heap_mib", heap)
                .withFix("run with more heap, e.g. " + xmx());
    }

    /** A part of the report (its plots, the null test's summary) that could not be built. */
    static Finding reportPart(String what) {
        long heap = heapMib();
        return Finding.error(Engine.MEMORY, "the report's " + what + " were left out: the heap (" + heap
                        + " MiB) ran out while they were built; the checks all ran")
                .withMeasurement("max_heap_mib", heap)
                .withFix("run with more heap, e.g. " + xmx() + ", for the full report");
    }

    /**
     * The whole analysis ran out of heap: only what the headers show was checked.
     *
     * @param leftOut the ids of the checks that were not run
     */
    static Finding delivery(List<String> leftOut) {
        long heap = heapMib();
        return Finding.error(Engine.MEMORY, "the delivery could not be analysed: the heap (" + heap
                        + " MiB) ran out; only the file headers were checked, "
                        + (leftOut.isEmpty() ? "no check was left out" : "these checks were left out: "
                        + String.join(", ", leftOut)))
                .withMeasurement("max_heap_mib", heap)
                .withMeasurement("checks_left_out", leftOut.size())
                .withFix("run with more heap, e.g. " + xmx() + " (java " + xmx() + " -jar stemcheck.jar ...)");
    }
}
