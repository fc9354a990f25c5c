package org.stemcheck.core.internal.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.stemcheck.core.CheckContext;
import org.stemcheck.core.Finding;
import org.stemcheck.core.Measurement;
import org.stemcheck.core.file.StemFile;
import org.stemcheck.dsp.ChannelStats;
import org.stemcheck.dsp.SampleStats;

/** {@code level.dc-offset}: a channel whose mean is further from zero than music's (the spec's limit). */
final class DcOffsetCheck extends BaseCheck {

    DcOffsetCheck() {
        super("level.dc-offset", "no stem carries a DC offset");
    }

    @Override
    public Set<Measurement<?>> needs() {
        return Set.of(Measurement.SAMPLE_STATS);
    }

    @Override
    public List<Finding> run(CheckContext ctx) {
        double limit = ctx.spec().levels().maxDcOffsetDbfs();
        List<Finding> out = new ArrayList<>();
        for (StemFile f : ctx.readableStems()) {
            Measured.stats(ctx, f).ifPresent(s -> judge(f, s, limit, out));
        }
        return out;
    }

    private void judge(StemFile f, SampleStats.Result s, double limit, List<Finding> out) {
        int worst = -1;
        for (int c = 0; c < s.channels().size(); c++) {
            if (worst < 0 || s.channels().get(c).dcDbfs() > s.channels().get(worst).dcDbfs()) {
                worst = c;
            }
        }
        if (worst < 0) {
            return;
        }
        ChannelStats ch = s.channels().get(worst);
        if (!(ch.dcDbfs() > limit)) {
            return;
        }
        String where = s.channels().size() == 1 ? "" : " (channel " + (worst + 1) + ")";
        out.add(Finding.warning(id(), String.format(Locale.ROOT,
                        "%s has a DC offset of %s%s, above the %s limit (%+.5f of full scale)",
                        f.displayLabel(), Measured.dbfs(ch.dcDbfs()), where, Measured.dbfs(limit), ch.dc()))
                .withFiles(f.name())
                .withMeasurement("dc_dbfs", ch.dcDbfs())
                .withMeasurement("limit_dbfs", limit)
                .withMeasurement("channel", worst + 1)
                .withFix("put a DC-blocking high-pass (a few Hz) on " + f.displayLabel()
                        + " or fix the faulty plug-in/converter, and export again"));
    }
}
