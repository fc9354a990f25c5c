package org.stemcheck.core.internal.checks;

import java.util.List;
import java.util.Set;

import org.stemcheck.core.CheckContext;
import org.stemcheck.core.Finding;
import org.stemcheck.core.Measurement;
import org.stemcheck.core.file.StemFile;
import org.stemcheck.dsp.SampleStats;

/**
 * {@code content.dual-mono} (info): stems whose first two channels (L and R) are identical and
 * sound. Never a problem by itself (a mono source on a stereo bus is common); worth knowing for a
 * recipient who wants mono stems or expected stereo ones. One finding lists them all. Silent stems
 * are left to {@code level.silent}; a multichannel stem whose L and R are both silent (a
 * centre-only dialogue stem in 5.1) is not dual mono: its L and R are merely unused.
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
                .filter(f -> frontSounds(ctx, f))
                .filter(f -> ctx.measurement(f, Measurement.CORRELATION)
                        .map(r -> r.stereo() && r.identical()).orElse(false))
                .toList();
        if (dual.isEmpty()) {
            return List.of();
        }
        List<String> labels = dual.stream().map(StemFile::displayLabel).toList();
        String who = labels.size() == 1 ? labels.get(0) + " is" : String.join(", ", labels) + " are";
        boolean multichannel = dual.stream().anyMatch(f -> f.format().orElseThrow().channels() > 2);
        String what = multichannel ? "its L and R channels are identical" : "the two channels are identical";
        return List.of(Finding.info(id(), who + " dual mono: " + (labels.size() == 1 ? what : what.replace("its ",
                        "their ")))
                .withFiles(dual.stream().map(StemFile::name).toList())
                .withMeasurement("files", dual.size())
                .withFix("nothing to do if intended; export as mono files if the recipient asked for mono stems"));
    }

    /**
     * Whether L or R (the channels compared) sounds: peaks at or above the spec's silence level.
     * Without sample statistics, as before: the file's silence test alone decides.
     */
    private static boolean frontSounds(CheckContext ctx, StemFile f) {
        double below = ctx.spec().levels().silentPeakDbfs();
        return Measured.stats(ctx, f).map((SampleStats.Result s) -> s.channels().size() < 2
                || s.channels().get(0).peakDbfs() >= below || s.channels().get(1).peakDbfs() >= below).orElse(true);
    }
}
