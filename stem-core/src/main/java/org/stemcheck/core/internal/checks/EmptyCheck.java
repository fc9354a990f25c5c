package org.stemcheck.core.internal.checks;

import java.util.List;

import org.stemcheck.core.CheckContext;
import org.stemcheck.core.Finding;
import org.stemcheck.core.file.Role;
import org.stemcheck.core.file.StemFile;

/**
 * {@code set.empty}: the delivery holds no audio file that could be checked (an empty folder,
 * only documents, only unreadable files). An error: nothing was checked, so nothing may pass.
 */
final class EmptyCheck extends BaseCheck {

    EmptyCheck() {
        super("set.empty", "the delivery holds audio that can be checked");
    }

    @Override
    public List<Finding> run(CheckContext ctx) {
        List<StemFile> files = ctx.files();
        boolean audio = files.stream().anyMatch(f -> f.readable() && (f.role().isStem() || f.role() == Role.MIXDOWN));
        if (audio) {
            return List.of();
        }
        String what = files.isEmpty() ? "the delivery is empty: no file at all"
                : files.size() + (files.size() == 1 ? " file, " : " files, ")
                        + (files.size() == 1 ? "which is not audio that can be read" : "none of them audio that can be read");
        return List.of(Finding.error(id(), "nothing was checked: " + what)
                .withMeasurement("files", files.size())
                .withFix("check the folder: the stems may be somewhere else, or were not copied or uploaded"));
    }
}
