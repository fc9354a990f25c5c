package org.stemcheck.core.internal.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.stemcheck.core.CheckContext;
import org.stemcheck.core.spec.DeliverySpec;
import org.stemcheck.core.Finding;
import org.stemcheck.core.file.Role;
import org.stemcheck.core.Severity;
import org.stemcheck.core.file.StemFile;
import org.stemcheck.core.internal.report.Formats;

/**
 * {@code format.timecode}: the BWF start times (bext TimeReference, converted to seconds at each
 * file's own rate) differ, or some files lack one. Missing everywhere is fine unless the spec
 * requires a TimeReference.
 */
final class TimecodeCheck extends BaseCheck {

    TimecodeCheck() {
        super("format.timecode", "every file starts at the same BWF timecode (compared in seconds), or none carries one");
    }

    @Override
    public List<Finding> run(CheckContext ctx) {
        DeliverySpec spec = ctx.spec();
        List<StemFile> stems = ctx.readableStems();
        List<StemFile> stamped = readableAudio(ctx).stream().filter(f -> f.startSeconds().isPresent()).toList();
        List<StemFile> unstamped = stems.stream().filter(f -> f.startSeconds().isEmpty()).toList();
        List<Finding> out = new ArrayList<>();
        if (stamped.isEmpty()) {
            if (spec.timing().requireTimeReference() && !unstamped.isEmpty()) {
                out.add(Finding.error(id(), "No stem carries a BWF TimeReference; the " + spec.name()
                                + " spec asks for Broadcast WAV stems stamped with their start time")
                        .withFiles(unstamped.stream().map(StemFile::name).toList())
                        .withFix("export the stems as Broadcast WAV (BWF) with the session's timecode stamp"));
            }
            return out;
        }
        double tol = spec.timing().timecodeToleranceSeconds();
        double common = Groups.consensus(stamped, f -> f.startSeconds().getAsDouble(), tol);
        long agreeing = stamped.stream().filter(f -> Math.abs(f.startSeconds().getAsDouble() - common) <= tol).count();
        for (StemFile f : unstamped) {
            Severity sev = spec.timing().requireTimeReference() ? Severity.ERROR : Severity.WARNING;
            out.add(Finding.of(sev, id(), f.displayLabel() + " has no BWF TimeReference, while " + agreeing + " "
                            + (agreeing == 1 ? "file starts" : "files start") + " at " + Formats.clock(common))
                    .withFiles(f.name())
                    .withMeasurement("expected_start_s", common)
                    .withFix("export " + f.displayLabel() + " as Broadcast WAV with its timecode stamp, like the others"));
        }
        for (StemFile f : stamped) {
            double start = f.startSeconds().getAsDouble();
            double diff = start - common;
            if (Math.abs(diff) > tol) {
                out.add(differs(f, start, common, agreeing));
            }
        }
        return out;
    }

    private Finding differs(StemFile f, double start, double common, long agreeing) {
        double diff = start - common;
        String who = f.role() == Role.MIXDOWN ? "The mixdown " + f.name() : f.displayLabel();
        String msg = String.format(Locale.ROOT, "%s starts at %s (bext TimeReference %d at %s), %d other %s at %s:"
                        + " %s %s", who, Formats.clock(start), f.timeReference().orElseThrow(),
                Formats.rate(f.format().orElseThrow().sampleRate()), agreeing, agreeing == 1 ? "file" : "files",
                Formats.clock(common), Formats.seconds(Math.abs(diff)), diff < 0 ? "earlier" : "later");
        return Finding.error(id(), msg)
                .withFiles(f.name())
                .withMeasurement("start_s", start)
                .withMeasurement("expected_start_s", common)
                .withMeasurement("offset_s", diff)
                .withFix("export every stem from the same start position in the session");
    }
}
