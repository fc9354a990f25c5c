package org.stemcheck.core.internal.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.stemcheck.core.CheckContext;
import org.stemcheck.core.Finding;
import org.stemcheck.core.Measurement;
import org.stemcheck.core.file.StemFile;
import org.stemcheck.dsp.SampleStats;

/**
 * {@code level.silent}: a stem that is digital silence or only noise floor (sample peak below the
 * spec's {@code silentPeakDbfs}, default -70 dBFS): an element is probably missing.
 */
final class SilentCheck extends BaseCheck {

    SilentCheck() {
        super("level.silent", "no stem is silent or only noise floor");
    }

    @Override
    public Set<Measurement<?>> needs() {
        return Set.of(Measurement.SAMPLE_STATS, Measurement.NON_FINITE);
    }

    @Override
    public List<Finding> run(CheckContext ctx) {
        List<Finding> out = new ArrayList<>();
        for (StemFile f : ctx.readableStems()) {
            // samples that are not numbers count as silence in the measurements: level.non-finite says what they are
            boolean nonFinite = ctx.measurement(f, Measurement.NON_FINITE).map(r -> r.total() > 0).orElse(false);
            if (f.frames() > 0 && Measured.silent(ctx, f) && !nonFinite) {
                out.add(finding(f, Measured.stats(ctx, f).orElseThrow()));
            }
        }
        return out;
    }

    private Finding finding(StemFile f, SampleStats.Result s) {
        double peak = s.peakDbfs();
        String what = s.peak() == 0 ? "is digital silence (every sample is zero)"
                : "holds only noise floor (peak " + Measured.dbfs(peak) + ")";
        Finding x = Finding.warning(id(), f.displayLabel() + " " + what + ": missing elements?")
                .withFiles(f.name())
                .withFix("check that the tracks of " + f.displayLabel() + " were unmuted and routed to its bus when it"
                        + " was exported; leave it out if the song really has no " + f.displayLabel());
        return Double.isFinite(peak) ? x.withMeasurement("peak_dbfs", peak) : x;
    }
}
