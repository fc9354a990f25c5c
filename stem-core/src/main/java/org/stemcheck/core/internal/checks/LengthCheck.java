package org.stemcheck.core.internal.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.stemcheck.core.CheckContext;
import org.stemcheck.core.Finding;
import org.stemcheck.core.file.StemFile;
import org.stemcheck.core.internal.report.Formats;

/**
 * {@code format.length}: stems of different durations, compared in seconds (so stems at different
 * rates are compared fairly). Truncated files are left to {@code format.truncated}.
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
        double common = Groups.consensus(stems, StemFile::durationSeconds, tol);
        int agreeing = (int) stems.stream().filter(f -> Math.abs(f.durationSeconds() - common) <= tol).count();
        List<Finding> out = new ArrayList<>();
        for (StemFile f : stems) {
            double d = f.durationSeconds();
            double diff = d - common;
            if (Math.abs(diff) > tol) {
                String msg = String.format(Locale.ROOT, "%s lasts %s, %s %s (%s %s)", f.displayLabel(),
                        Formats.seconds(d), others(agreeing), Formats.seconds(common),
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
