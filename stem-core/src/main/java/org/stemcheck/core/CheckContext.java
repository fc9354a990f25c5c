package org.stemcheck.core;

import java.util.List;
import java.util.Optional;
import org.stemcheck.core.nulltest.NullTestResult;
import org.stemcheck.core.spec.DeliverySpec;
import org.stemcheck.core.file.StemFile;
import org.stemcheck.core.file.Role;

/**
 * What a {@link Check} sees: the files of the delivery, the spec, and the shared measurements
 * computed for the checks that need them. Thread-safe; one context serves every check of a run.
 */
public interface CheckContext {

    /**
     * Every file of the delivery, including unreadable and non-audio ones.
     *
     * @return the files in name order, immutable
     */
    List<StemFile> files();

    /**
     * The files having one of these roles.
     *
     * @param roles the roles wanted, e.g. {@code Role.STEM, Role.FX}
     * @return those files in name order, immutable
     */
    default List<StemFile> files(Role... roles) {
        List<Role> wanted = List.of(roles);
        return files().stream().filter(f -> wanted.contains(f.role())).toList();
    }

    /**
     * The stems a level or content check looks at.
     *
     * @return the readable files of roles {@link Role#STEM} and {@link Role#FX}, in name order
     */
    default List<StemFile> readableStems() {
        return files().stream().filter(f -> f.role().isStem() && f.readable()).toList();
    }

    /**
     * What the recipient asked for.
     *
     * @return the spec the delivery is checked against
     */
    DeliverySpec spec();

    /**
     * The reference mix the stems should sum to.
     *
     * @return the mix given with {@link StemSet#mixdown} or found by name; empty when there is none
     */
    Optional<StemFile> reference();

    /**
     * A measurement of one file, where it was computed: present when a check that ran declared it
     * in {@link Check#needs()}, the file is readable, and the measurement could be made.
     *
     * <pre>{@code
     * Optional<TruePeakResult> tp = ctx.measurement(file, Measurement.TRUE_PEAK);
     * }</pre>
     *
     * @param <R>  the result type
     * @param file one of {@link #files()}
     * @param kind a per-file measurement named in the check's {@link Check#needs()}
     * @return the result, or empty when it was not computed for this file
     * @throws IllegalArgumentException when {@code kind} is not a per-file measurement
     *         ({@link Measurement#NULL_TEST}: use {@link #nullTest()})
     */
    <R> Optional<R> measurement(StemFile file, Measurement<R> kind);

    /**
     * The null test: the stems summed against the reference mix, where a check that ran declared
     * {@link Measurement#NULL_TEST} and the delivery has a mix and at least two stems that could
     * be compared with it.
     *
     * @return the result, or empty
     */
    Optional<NullTestResult> nullTest();

    /**
     * A judgement shared by several checks, computed on first use and kept for the run. Reading
     * it from several threads at once computes it once.
     *
     * @param <R>      its type
     * @param analysis the analysis, a {@code static final} instance
     * @return its result for this run
     */
    <R> R analysis(Analysis<R> analysis);
}
