package org.stemcheck.core.internal.nulltest;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.stemcheck.core.Check;
import org.stemcheck.core.CheckContext;
import org.stemcheck.core.Finding;
import org.stemcheck.core.Measurement;

/** A check on the set pass's result: its id is the one code it emits; nothing to say without a mix. */
abstract class MixCheck implements Check {

    private final String id;
    private final String description;

    MixCheck(String id, String description) {
        this.id = id;
        this.description = description;
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final String description() {
        return description;
    }

    @Override
    public Set<Measurement> needs() {
        // The per-file spectra tell which stems a lossy codec cut (internal.checks.Transcodes).
        return EnumSet.of(Measurement.HEADER, Measurement.NULL_TEST, Measurement.SAMPLE_STATS, Measurement.SPECTRUM);
    }

    @Override
    public List<Finding> run(CheckContext ctx) {
        Optional<SetAnalysis> a = ctx.reference()
                .flatMap(r -> ctx.measurement(r, Measurement.NULL_TEST, SetAnalysis.class));
        return a.map(x -> judge(ctx, x)).orElse(List.of());
    }

    /** The findings, given the set pass's result. */
    abstract List<Finding> judge(CheckContext ctx, SetAnalysis a);

    @Override
    public String toString() {
        return id;
    }
}
