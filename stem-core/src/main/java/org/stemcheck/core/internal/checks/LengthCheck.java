package org.stemcheck.core.internal.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.stemcheck.core.CheckContext;
import org.stemcheck.core.Finding;
import org.stemcheck.core.file.StemFile;
import org.stemcheck.core.internal.report.Formats;

/**
 * {@code format.length}: stems of different durations, compared in seconds (so stems at different
 * rates are compared fairly). Truncated files are left to {@code format.truncated}. The yardstick
 * is the reference mix's duration when the stems disagree, the mix lasts at least as long as most
 * of them and some stem lasts as long as the mix (the stems were to cover the mix: a DAW that stops
 * each track at its last note, as LMMS's {@code rendertracks} does, leaves the short ones short,
 * and the full-length ones are right even when they are fewer); otherwise the duration most stems
 * agree on (stems that all agree are not compared with a mix of another length).
 */
final class LengthCheck extends BaseCheck {

    LengthCheck() {
        super("format.length", "every stem lasts as long as the others (in seconds)");
    }

    @Override
    public List<Finding> run(CheckContext ctx) {
        List<StemFile> stems = ctx.readableStems().stream().filter(f -> f.truncation().isEmpty()).toList();
        if (stems.size() < 2) {
            return List.of();
        }
        double tol = ctx.spec().timing().lengthToleranceSeconds();
        double consensus = Groups.consensus(stems, StemFile::durationSeconds, tol);
        Optional<StemFile> mix = ctx.reference().filter(m -> m.format().isPresent() && m.truncation().isEmpty()
                && m.durationSeconds() >= consensus - tol
                && stems.stream().anyMatch(f -> Math.abs(f.durationSeconds() - m.durationSeconds()) <= tol)
                && stems.stream().anyMatch(f -> Math.abs(f.durationSeconds() - consensus) > tol));
        double common = mix.map(StemFile::durationSeconds).orElse(consensus);
        int agreeing = (int) stems.stream().filter(f -> Math.abs(f.durationSeconds() - common) <= tol).count();
        String yardstick = mix.map(m -> "the mix").orElse(others(agreeing));
        List<Finding> out = new ArrayList<>();
        for (StemFile f : stems) {
            double d = f.durationSeconds();
            double diff = d - common;
            if (Math.abs(diff) > tol) {
                String msg = String.format(Locale.ROOT, "%s lasts %s, %s %s (%s %s)", f.displayLabel(),
                        Formats.seconds(d), yardstick, Formats.seconds(common),
                        Formats.seconds(Math.abs(diff)), diff < 0 ? "shorter" : "longer");
                out.add(Finding.warning(id(), msg)
                        .withFiles(f.name())
                        .withMeasurement("duration_s", d)
                        .withMeasurement("expected_s", common)
                        .withMeasurement("difference_s", diff)
                        .withFix("export every stem over the same range, from the same start to the end of the"
                                + " longest tail"));
            }
        }
        return out;
    }
}
