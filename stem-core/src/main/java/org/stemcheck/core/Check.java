package org.stemcheck.core;

import java.util.List;
import java.util.Set;

import org.stemcheck.core.file.Role;

/**
 * One check of a delivery. Implementations are stateless and thread-safe; they never decode audio
 * themselves: they declare what they {@linkplain #needs() need}, and the engine computes the union
 * of all checks' needs in one pass per file before any check runs.
 *
 * <p>Third-party checks are registered in {@code META-INF/services/org.stemcheck.core.Check} (and
 * with {@code provides org.stemcheck.core.Check with ...} in a module-info) and loaded with
 * {@link Checks#discovered()}. Their codes use their own prefix ({@code acme.loudness-spec}).
 *
 * <pre>{@code
 * final class MaxStems implements Check {
 *     public String id() { return "acme.max-stems"; }
 *     public String description() { return "no more than 8 stems"; }
 *     public List<Finding> run(CheckContext ctx) {
 *         int n = ctx.files(Role.STEM, Role.FX).size();
 *         return n <= 8 ? List.of()
 *                 : List.of(Finding.warning(id(), n + " stems, the studio takes 8"));
 *     }
 * }
 * }</pre>
 */
public interface Check {

    /**
     * A stable id, used to switch the check off ({@link StemSet#without}) and in logs.
     *
     * @return for the built-in checks, the finding code it emits ({@code format.sample-rate}); for
     *         a plug-in, a code with its own prefix ({@code acme.max-stems})
     */
    String id();

    /**
     * One line on what it checks, for a person choosing checks.
     *
     * @return e.g. {@code "no more than 8 stems"}
     */
    String description();

    /**
     * What must be measured before {@link #run} (default: nothing beyond the files' headers, which
     * are always read). Ask only for what the check reads: each kind costs work over every file.
     *
     * @return the measurements this check reads from its {@link CheckContext}
     */
    default Set<Measurement<?>> needs() {
        return Set.of();
    }

    /**
     * Judges the delivery. Must not throw for audio problems: a problem is a finding. An exception
     * escaping here is logged and the check's findings are dropped; the other checks still run.
     * May be called from several threads at once, with different contexts.
     *
     * @param ctx the delivery's files, spec and the measurements asked for in {@link #needs()}
     * @return the findings, possibly none; never {@code null}
     */
    List<Finding> run(CheckContext ctx);
}
