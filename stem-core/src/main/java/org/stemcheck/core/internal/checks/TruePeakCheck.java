package org.stemcheck.core.internal.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.Set;

import org.stemcheck.core.CheckContext;
import org.stemcheck.core.spec.DeliverySpec;
import org.stemcheck.core.Finding;
import org.stemcheck.core.Measurement;
import org.stemcheck.core.file.Role;
import org.stemcheck.core.Severity;
import org.stemcheck.core.file.StemFile;
import org.stemcheck.dsp.TruePeakResult;
import org.stemcheck.core.spec.Levels;
import org.stemcheck.core.spec.Loudness;

/**
 * {@code level.true-peak}: inter-sample peaks above the spec's ceiling (default
 * {@link org.stemcheck.core.DeliverySpec#TRUE_PEAK_CEILING_DBTP}): a warning; above
 * {@value #FULL_SCALE_DBTP} dBTP an error, since a converter or codec will clip them. A stem that
 * {@code level.clipping} reports is left to it: its true peak says the same thing less precisely.
 * A stem under its true-peak ceiling whose sample peak passes the spec's sample-peak ceiling is a
 * warning too (headroom asked in dBFS). Where the spec's loudness section names a maximum true
 * peak, the files its target applies to are held to it (the mix is checked only then): above it
 * is an error, since it is the level the recipient permits at most.
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
        super("level.true-peak", "no file's true peak is above the ceiling");
    }

    @Override
    public Set<Measurement<?>> needs() {
        return Set.of(Measurement.TRUE_PEAK, Measurement.CLIP_RUNS);
    }

    @Override
    public List<Finding> run(CheckContext ctx) {
        Levels levels = ctx.spec().levels();
        Loudness loudness = ctx.spec().loudness();
        OptionalDouble permitted = loudness.maxTruePeakDbtp();
        boolean stemsPermitted = permitted.isPresent() && loudness.appliesTo() == Loudness.Scope.STEMS;
        List<Finding> out = new ArrayList<>();
        for (StemFile f : ctx.readableStems()) {
            if (ctx.measurement(f, Measurement.CLIP_RUNS)
                    .map(c -> ClippingCheck.reports(f, c, levels.clipRunSamples())).orElse(false)) {
                continue;
            }
            double ceiling = stemsPermitted ? Math.min(levels.truePeakCeilingDbtp(), permitted.getAsDouble())
                    : levels.truePeakCeilingDbtp();
            ctx.measurement(f, Measurement.TRUE_PEAK).ifPresent(r -> {
                if (r.maxTruePeakDbtp() > ceiling + MARGIN_DB) {
                    boolean hard = stemsPermitted && ceiling == permitted.getAsDouble();
                    out.add(finding(f, r, ceiling, hard ? ctx.spec().name() : null));
                } else if (r.maxSamplePeakDbfs() > levels.samplePeakCeilingDbfs() + MARGIN_DB) {
                    out.add(samplePeak(f, r, levels.samplePeakCeilingDbfs()));
                }
            });
        }
        if (permitted.isPresent() && loudness.appliesTo() == Loudness.Scope.MIX) {
            double ceiling = permitted.getAsDouble();
            for (StemFile f : ctx.files(Role.MIXDOWN)) {
                ctx.measurement(f, Measurement.TRUE_PEAK)
                        .filter(r -> r.maxTruePeakDbtp() > ceiling + MARGIN_DB)
                        .ifPresent(r -> out.add(finding(f, r, ceiling, ctx.spec().name())));
            }
        }
        return out;
    }

    /**
     * A true peak above its ceiling: a warning, or an error above 0 dBTP or above the maximum a
     * spec permits ({@code permittedBy}, null for the levels' ceiling).
     */
    private Finding finding(StemFile f, TruePeakResult r, double ceiling, String permittedBy) {
        double tp = r.maxTruePeakDbtp();
        boolean over = tp > FULL_SCALE_DBTP + MARGIN_DB;
        String who = f.role() == Role.MIXDOWN ? f.name() : f.displayLabel();
        String limit = permittedBy == null ? "ceiling" : "maximum the spec " + permittedBy + " permits";
        String msg = String.format(Locale.ROOT, "%s peaks at %+.1f dBTP (true peak; sample peak %+.1f dBFS),"
                        + " %.1f dB above the %+.1f dBTP %s%s", who, tp, r.maxSamplePeakDbfs(), tp - ceiling, ceiling, limit,
                over ? "; above 0 dBTP it clips in any converter or codec" : "");
        Severity severity = over || permittedBy != null ? Severity.ERROR : Severity.WARNING;
        return Finding.of(severity, id(), msg)
                .withFiles(f.name())
                .withMeasurement("true_peak_dbtp", tp)
                .withMeasurement("ceiling_dbtp", ceiling)
                .withMeasurement("sample_peak_dbfs", r.maxSamplePeakDbfs())
                .withFix(String.format(Locale.ROOT, "pull %s down by at least %.1f dB (fader or clip gain), or"
                        + " use a true-peak limiter at %.1f dBTP, and export again", who,
                        Math.ceil((tp - ceiling) * 10) / 10, ceiling));
    }

    /** A sample peak above the spec's sample-peak ceiling, the true peak being under its own. */
    private Finding samplePeak(StemFile f, TruePeakResult r, double ceiling) {
        double sp = r.maxSamplePeakDbfs();
        return Finding.warning(id(), String.format(Locale.ROOT, "%s peaks at %+.1f dBFS (sample peak),"
                                + " %.1f dB above the %+.1f dBFS sample-peak ceiling of the spec",
                        f.displayLabel(), sp, sp - ceiling, ceiling))
                .withFiles(f.name())
                .withMeasurement("sample_peak_dbfs", sp)
                .withMeasurement("ceiling_dbfs", ceiling)
                .withMeasurement("true_peak_dbtp", r.maxTruePeakDbtp())
                .withFix(String.format(Locale.ROOT, "pull %s down by at least %.1f dB and export again",
                        f.displayLabel(), Math.ceil((sp - ceiling) * 10) / 10));
    }
}
