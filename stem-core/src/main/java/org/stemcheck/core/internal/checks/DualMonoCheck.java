package org.stemcheck.core.internal.checks;

import java.util.List;
import java.util.Set;

import org.stemcheck.core.CheckContext;
import org.stemcheck.core.Finding;
import org.stemcheck.core.Measurement;
import org.stemcheck.core.StemFile;
import org.stemcheck.dsp.StereoCorrelation;

/**
 * {@code content.dual-mono} (info): stereo stems whose two channels are identical. Never a problem by
 * itself (a mono source on a stereo bus is common); worth knowing for a recipient who wants mono
 * stems or expected stereo ones. One finding lists them all. Silent stems are left to {@code level.silent}.
 */
final class DualMonoCheck extends BaseCheck {

    DualMonoCheck() {
        super("content.dual-mono", "notes stereo stems whose two channels are identical");
    }

    @Override
    public Set<Measurement<?>> needs() {
        return Set.of(Measurement.SAMPLE_STATS, Measurement.CORRELATION);
    }

    @Override
    public List<Finding> run(CheckContext ctx) {
        List<StemFile> dual = ctx.readableStems().stream()
                .filter(f -> !Measured.silent(ctx, f))
                .filter(f -> ctx.measurement(f, Measurement.CORRELATION)
                        .map(r -> r.stereo() && r.identical()).orElse(false))
                .toList();
        if (dual.isEmpty()) {
            return List.of();
        }
        List<String> labels = dual.stream().map(StemFile::displayLabel).toList();
        String who = labels.size() == 1 ? labels.get(0) + " is" : String.join(", ", labels) + " are";
        return List.of(Finding.info(id(), who + " dual mono: the two channels are identical")
                .withFiles(dual.stream().map(StemFile::name).toList())
                .withMeasurement("files", dual.size())
                .withFix("nothing to do if intended; export as mono files if the recipient asked for mono stems"));
    }
}
