package org.stemcheck.core.internal.nulltest;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.stemcheck.core.CheckContext;
import org.stemcheck.core.Finding;
import org.stemcheck.core.Measurement;
import org.stemcheck.core.internal.checks.BaseCheck;

/** A check on the set pass's result: its id is the one code it emits; nothing to say without a mix. */
abstract class MixCheck extends BaseCheck {

    MixCheck(String id, String description) {
        super(id, description);
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
}
