package org.stemcheck.core.internal.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.stemcheck.core.CheckContext;
import org.stemcheck.core.Finding;
import org.stemcheck.core.file.StemFile;
import org.stemcheck.io.AudioFormat;
import org.stemcheck.io.Truncation;

/** {@code format.truncated}: the header promises more audio than the file holds (a cut-off copy). */
final class TruncatedCheck extends BaseCheck {

    TruncatedCheck() {
        super("format.truncated", "no file holds fewer audio bytes than its header claims");
    }

    @Override
    public List<Finding> run(CheckContext ctx) {
        List<Finding> out = new ArrayList<>();
        for (StemFile f : ctx.files()) {
            if (f.truncation().isEmpty() || f.format().isEmpty()) {
                continue;
            }
            Truncation t = f.truncation().get();
            AudioFormat fmt = f.format().get();
            double claimed = fmt.seconds(t.claimedFrames());
            double held = fmt.seconds(t.availableFrames());
            String msg = String.format(Locale.ROOT,
                    "%s is cut off: its header promises %.3f s but the file holds %.3f s (%.3f s missing)",
                    f.name(), claimed, held, claimed - held);
            out.add(Finding.error(id(), msg)
                    .withFiles(f.name())
                    .withMeasurement("claimed_s", claimed)
                    .withMeasurement("present_s", held)
                    .withMeasurement("missing_frames", t.missingFrames())
                    .withFix("copy or upload the file again and check its size against the original"));
        }
        return out;
    }
}
