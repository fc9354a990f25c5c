package org.stemcheck.core.internal.checks.mix;

import java.util.List;

import org.stemcheck.core.Check;

/** The checks on the stems against the reference mix, in report order. */
public final class MixChecks {

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

    private MixChecks() {
    }

    /** Every mix check; stateless, one instance each serves every run. */
    public static List<Check> all() {
        return ALL;
    }
}
