package org.stemcheck.core;

import java.util.List;
import java.util.Optional;

/**
 * What a {@link Check} sees: the files of the delivery, the spec, and the shared measurements
 * computed for the checks that need them. Thread-safe; one context serves every check of a run.
 */
public interface CheckContext {

    /** Every file of the delivery, in name order, including unreadable and non-audio ones. */
    List<StemFile> files();

    /** The files having one of these roles, in name order. */
    default List<StemFile> files(Role... roles) {
        List<Role> wanted = List.of(roles);
        return files().stream().filter(f -> wanted.contains(f.role())).toList();
    }

    /** The readable stems and effect stems (roles {@link Role#STEM} and {@link Role#FX}). */
    default List<StemFile> readableStems() {
        return files().stream().filter(f -> f.role().isStem() && f.readable()).toList();
    }

    /** What the recipient asked for. */
    DeliverySpec spec();

    /** The reference mix, where one was given or found by name. */
    Optional<StemFile> reference();

    /**
     * A measurement of one file, where it was computed: present when a check that ran declared it
     * in {@link Check#needs()}, the file is readable, and this build has the measurement.
     *
     * @param type the result type the measurement's accumulator produces
     * @throws ClassCastException when the result is not of {@code type}
     */
    <R> Optional<R> measurement(StemFile file, Measurement kind, Class<R> type);
}
