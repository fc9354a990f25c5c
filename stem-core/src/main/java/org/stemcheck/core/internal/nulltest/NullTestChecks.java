package org.stemcheck.core.internal.nulltest;

import java.util.List;

import org.stemcheck.core.Check;

/** The checks on the stems against the reference mix, in report order. */
public final class NullTestChecks {

    private static final List<Check> ALL = List.of(
            new ReferenceCheck(),
            new GainCheck(),
            new PolarityCheck(),
            new OffsetCheck(),
            new DriftCheck(),
            new NullCheck(),
            new BusProcessingCheck(),
            new MissingFxCheck(),
            new MissingStemCheck());

    private NullTestChecks() {
    }

    /** Every null-test check; stateless, one instance each serves every run. */
    public static List<Check> all() {
        return ALL;
    }
}
