package org.stemcheck.core.internal.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.stemcheck.core.CheckContext;
import org.stemcheck.core.Finding;
import org.stemcheck.core.Measurement;
import org.stemcheck.core.Severity;
import org.stemcheck.core.StemFile;
import org.stemcheck.dsp.TruePeakResult;
import org.stemcheck.dsp.level.ClipRuns;

/**
 * {@code level.true-peak}: inter-sample peaks above the spec's ceiling (default
 * {@link org.stemcheck.core.DeliverySpec#TRUE_PEAK_CEILING_DBTP}): a warning; above
 * {@value #FULL_SCALE_DBTP} dBTP an error, since a converter or codec will clip them. A stem that
 * {@code level.clipping} reports is left to it: its true peak says the same thing less precisely.
 */
final class TruePeakCheck extends BaseCheck {

    /** Above 0 dBTP the reconstructed waveform exceeds full scale (ITU-R BS.1770-4 Annex 2): it clips on playback. */
    static final double FULL_SCALE_DBTP = 0.0;

    /**
     * Reported true peaks are rounded to 0.1 dB, the resolution BS.1770-4 meters display; a peak must pass
     * the ceiling by more than half of that (so "-1.0 dBTP" is never reported as above "-1.0 dBTP").
     */
    static final double MARGIN_DB = 0.05;

    TruePeakCheck() {
        super("level.true-peak", "no stem's true peak is above the ceiling");
    }

    @Override
    public Set<Measurement<?>> needs() {
        return Set.of(Measurement.TRUE_PEAK, Measurement.CLIP_RUNS);
    }

    @Override
    public List<Finding> run(CheckContext ctx) {
        double ceiling = ctx.spec().truePeakCeilingDbtp();
        List<Finding> out = new ArrayList<>();
        for (StemFile f : ctx.readableStems()) {
            if (ctx.measurement(f, Measurement.CLIP_RUNS)
                    .map(c -> ClippingCheck.reports(f, c)).orElse(false)) {
                continue;
            }
            ctx.measurement(f, Measurement.TRUE_PEAK)
                    .filter(r -> r.maxTruePeakDbtp() > ceiling + MARGIN_DB)
                    .ifPresent(r -> out.add(finding(f, r, ceiling)));
        }
        return out;
    }

    private Finding finding(StemFile f, TruePeakResult r, double ceiling) {
        double tp = r.maxTruePeakDbtp();
        boolean over = tp > FULL_SCALE_DBTP + MARGIN_DB;
        String msg = String.format(Locale.ROOT, "%s peaks at %+.1f dBTP (true peak; sample peak %+.1f dBFS),"
                        + " %.1f dB above the %+.1f dBTP ceiling%s", f.displayLabel(), tp, r.maxSamplePeakDbfs(), tp - ceiling, ceiling,
                over ? "; above 0 dBTP it clips in any converter or codec" : "");
        return Finding.of(over ? Severity.ERROR : Severity.WARNING, id(), msg)
                .withFiles(f.name())
                .withMeasurement("true_peak_dbtp", tp)
                .withMeasurement("ceiling_dbtp", ceiling)
                .withMeasurement("sample_peak_dbfs", r.maxSamplePeakDbfs())
                .withFix(String.format(Locale.ROOT, "pull %s down by at least %.1f dB (fader or clip gain), or"
                        + " use a true-peak limiter at %.1f dBTP, and export again", f.displayLabel(),
                        Math.ceil((tp - ceiling) * 10) / 10, ceiling));
    }
}
