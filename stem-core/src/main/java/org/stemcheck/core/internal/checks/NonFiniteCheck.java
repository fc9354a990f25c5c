package org.stemcheck.core.internal.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.stemcheck.core.CheckContext;
import org.stemcheck.core.Finding;
import org.stemcheck.core.Measurement;
import org.stemcheck.core.file.StemFile;
import org.stemcheck.dsp.NonFiniteSamples;

/**
 * {@code level.non-finite}: a floating-point file holds samples that are not numbers (NaN or
 * infinity). An error: a DAW or a plug-in plays them as anything from silence to a full-scale
 * blast. Every other measurement of the file counts them as silence, so they do not hide the rest
 * of its problems; where they are is in the finding.
 */
final class NonFiniteCheck extends BaseCheck {

    NonFiniteCheck() {
        super("level.non-finite", "no file holds samples that are not numbers (NaN, infinity)");
    }

    @Override
    public Set<Measurement<?>> needs() {
        return Set.of(Measurement.NON_FINITE);
    }

    @Override
    public List<Finding> run(CheckContext ctx) {
        List<Finding> out = new ArrayList<>();
        for (StemFile f : ctx.files()) {
            if (f.readable()) {
                ctx.measurement(f, Measurement.NON_FINITE).filter(r -> r.total() > 0).ifPresent(r -> out.add(finding(f, r)));
            }
        }
        return out;
    }

    private Finding finding(StemFile f, NonFiniteSamples.Result r) {
        List<String> kinds = new ArrayList<>();
        if (r.nan() > 0) {
            kinds.add(r.nan() + " NaN");
        }
        if (r.positive() > 0) {
            kinds.add(r.positive() + " +infinity");
        }
        if (r.negative() > 0) {
            kinds.add(r.negative() + " -infinity");
        }
        double rate = Measured.rate(f);
        List<Finding.Span> where = r.spans().stream().map(s -> new Finding.Span(s[0] / rate, s[1] / rate)).toList();
        boolean all = r.total() >= (long) f.format().orElseThrow().channels() * r.frames() && r.frames() > 0;
        String place = all ? "every sample" : String.format(Locale.ROOT, "%d %s, the first at %s", r.spanCount(),
                r.spanCount() == 1 ? "place" : "places", Measured.at(where.get(0).startSeconds()));
        return Finding.error(id(), String.format(Locale.ROOT, "%s holds %d samples that are not numbers (%s) in %s:"
                                + " a render or a plug-in failed there", f.displayLabel(), r.total(),
                        String.join(", ", kinds), place))
                .withFiles(f.name())
                .withMeasurement("non_finite_samples", r.total())
                .withMeasurement("nan_samples", r.nan())
                .withMeasurement("infinite_samples", r.positive() + r.negative())
                .withWhere(where)
                .withFix("export " + f.displayLabel() + " again; find the plug-in that outputs NaN (bypass the"
                        + " chain one by one) or render to integer PCM, which cannot hold them");
    }
}
