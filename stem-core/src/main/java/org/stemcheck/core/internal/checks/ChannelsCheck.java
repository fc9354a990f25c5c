package org.stemcheck.core.internal.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.stemcheck.core.CheckContext;
import org.stemcheck.core.Finding;
import org.stemcheck.core.StemFile;
import org.stemcheck.core.internal.report.Formats;

/** {@code format.channels}: a stem with another channel count than the rest (a mono stem among stereo ones). */
final class ChannelsCheck extends BaseCheck {

    ChannelsCheck() {
        super("format.channels", "every stem has the same channel count");
    }

    @Override
    public List<Finding> run(CheckContext ctx) {
        List<StemFile> stems = ctx.readableStems();
        Map<Integer, List<StemFile>> byChannels = Groups.by(stems, f -> f.format().orElseThrow().channels());
        if (byChannels.size() < 2) {
            return List.of();
        }
        int common = Groups.majority(byChannels, n -> n == 2);
        int agreeing = byChannels.get(common).size();
        List<Finding> out = new ArrayList<>();
        for (StemFile f : stems) {
            int n = f.format().orElseThrow().channels();
            if (n != common) {
                out.add(Finding.warning(id(), f.displayLabel() + " is " + Formats.channels(n) + ", " + others(agreeing)
                                + (agreeing == 1 ? " is " : " are ") + Formats.channels(common))
                        .withFiles(f.name())
                        .withMeasurement("channels", n)
                        .withMeasurement("expected_channels", common)
                        .withFix("export " + f.displayLabel() + " as a " + Formats.channels(common)
                                + " stem like the others, or confirm with the recipient that "
                                + Formats.channels(n) + " is intended"));
            }
        }
        return out;
    }
}
