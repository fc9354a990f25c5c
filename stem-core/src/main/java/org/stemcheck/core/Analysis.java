package org.stemcheck.core;

import org.stemcheck.core.file.StemFile;

/**
 * A judgement that several checks read, computed once per run from the {@link CheckContext} and
 * shared: "which stems went through a lossy codec", "which stems lack their bus processing".
 * Checks read it with {@link CheckContext#analysis(Analysis)} instead of calling each other.
 *
 * <pre>{@code
 * static final Analysis<List<StemFile>> LOUD_STEMS = ctx -> ctx.readableStems().stream()
 *         .filter(f -> ctx.measurement(f, Measurement.SAMPLE_STATS)
 *                 .map(s -> s.peakDbfs() > -1.0).orElse(false))
 *         .toList();
 *
 * static int loud(CheckContext ctx) {
 *     List<StemFile> loud = ctx.analysis(LOUD_STEMS);   // computed on first use, then shared
 *     return loud.size();
 * }
 * }</pre>
 *
 * <p>An analysis is identified by its instance: keep it in a {@code static final} field. It must
 * be a pure function of the context (the same answer on every call) and must not ask for itself.
 * The measurements it reads must be declared in the {@link Check#needs()} of the checks that use it.
 *
 * @param <R> what it computes; should be immutable
 */
@FunctionalInterface
public interface Analysis<R> {

    /**
     * Computes the judgement.
     *
     * @param ctx the run's context
     * @return the result; {@code null} is allowed and is shared like any other
     */
    R compute(CheckContext ctx);
}
