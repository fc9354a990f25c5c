package org.stemcheck.core.internal.checks;

import java.util.ArrayList;
import java.util.List;

import org.stemcheck.core.CheckContext;
import org.stemcheck.core.Finding;
import org.stemcheck.core.file.StemFile;

/**
 * {@code format.header} (info): what the reader worked around in a file's header (a second
 * {@code fmt } chunk, a chunk that runs past the end, a cue list shorter than it says). The file
 * was read; the recipient's software may not be as forgiving, so the report says what it found.
 */
final class HeaderWarningsCheck extends BaseCheck {

    /** Warnings named in one finding; the rest are counted. */
    static final int SHOWN = 5;

    HeaderWarningsCheck() {
        super("format.header", "file headers hold nothing a reader has to work around");
    }

    @Override
    public List<Finding> run(CheckContext ctx) {
        List<Finding> out = new ArrayList<>();
        for (StemFile f : ctx.files()) {
            List<String> w = f.warnings();
            if (w.isEmpty()) {
                continue;
            }
            String shown = String.join("; ", w.subList(0, Math.min(SHOWN, w.size())))
                    + (w.size() > SHOWN ? "; and " + (w.size() - SHOWN) + " more" : "");
            out.add(Finding.info(id(), f.name() + "'s header holds something a reader must work around: " + shown)
                    .withFiles(f.name())
                    .withMeasurement("header_warnings", w.size())
                    .withFix("if the recipient's software refuses " + f.displayLabel()
                            + ", export it again; a DAW writes a clean header"));
        }
        return out;
    }
}
