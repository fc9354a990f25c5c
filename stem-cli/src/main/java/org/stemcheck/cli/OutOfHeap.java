package org.stemcheck.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.stemcheck.core.Finding;
import org.stemcheck.core.Report;

/**
 * The reports the CLI writes when the heap runs out where the library could not say so itself:
 * while the delivery's files are listed (before the engine runs) or while a report is written.
 * Each carries an {@code internal.memory} error (the code the engine uses for the same thing)
 * naming what was left out and the {@code -Xmx} that would do it, so the run exits 1, not 3.
 */
final class OutOfHeap {

    /** The engine's code for a run the heap cut short ({@code Engine.MEMORY}). */
    static final String MEMORY = "internal.memory";

    /**
     * The heap the design promises a delivery fits in (ARCHITECTURE.md: a 2-hour film delivery of
     * 8 stems with {@code -Xmx256m}); the advice never names less. The engine's rule, the same.
     */
    static final long DESIGN_HEAP_MIB = 256;

    /** The advice doubles the heap that ran out, as the engine's does (docs/robustness.md says why). */
    static final int ADVICE_FACTOR = 2;

    private OutOfHeap() {
    }

    static long heapMib() {
        return Runtime.getRuntime().maxMemory() >> 20;
    }

    /** The {@code -Xmx} option to advise, e.g. {@code -Xmx256m}. */
    static String xmx() {
        return "-Xmx" + Math.max(DESIGN_HEAP_MIB, ADVICE_FACTOR * heapMib()) + "m";
    }

    /** A delivery whose files could not even be listed and read for their headers: nothing was checked. */
    static Report nothingChecked(String delivery, String spec) {
        long heap = heapMib();
        Finding f = Finding.error(MEMORY, "nothing was checked: the heap (" + heap
                        + " MiB) ran out while the delivery's files were listed and their headers read")
                .withMeasurement("max_heap_mib", heap)
                .withFix("run with more heap, e.g. " + xmx() + " (java " + xmx() + " -jar stemcheck.jar ...)");
        return Report.of(delivery, spec, List.of(), Map.of(), Optional.empty(), List.of(f));
    }

    /**
     * The report without its plots and measured values, and an error first that says so: what is
     * left when the full report could not be written. The findings are all kept.
     */
    static Report reduced(Report r) {
        long heap = heapMib();
        List<Finding> findings = new ArrayList<>();
        findings.add(Finding.error(MEMORY, "this report is reduced: the heap (" + heap
                        + " MiB) ran out while it was written, so its plots and measured values were left out;"
                        + " the findings are complete")
                .withMeasurement("max_heap_mib", heap)
                .withFix("run with more heap, e.g. " + xmx() + ", for the full report"));
        findings.addAll(r.findings());
        return Report.of(r.delivery(), r.spec(), r.files(), Map.of(), r.reference(), findings);
    }
}
