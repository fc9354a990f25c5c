package org.stemcheck.core.internal.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import org.stemcheck.core.CheckContext;
import org.stemcheck.core.spec.DeliverySpec;
import org.stemcheck.core.Finding;
import org.stemcheck.core.StemFile;
import org.stemcheck.core.internal.report.Formats;
import org.stemcheck.core.spec.Format;

/**
 * {@code format.channels}: a stem with another channel count than the spec asks of it (an error:
 * the recipient named the layout), or, where the spec names none, than the rest of the stems (a
 * mono stem among stereo ones: a warning).
 */
final class ChannelsCheck extends BaseCheck {

    ChannelsCheck() {
        super("format.channels", "every stem has the same channel count");
    }

    @Override
    public List<Finding> run(CheckContext ctx) {
        Format format = ctx.spec().format();
        List<Finding> out = new ArrayList<>();
        List<StemFile> stems = new ArrayList<>();
        for (StemFile f : ctx.readableStems()) {
            OptionalInt wanted = format.channelsOf(f.displayLabel());
            if (wanted.isEmpty()) {
                stems.add(f);
            } else if (f.format().orElseThrow().channels() != wanted.getAsInt()) {
                out.add(offSpec(ctx, f, wanted.getAsInt(), format.stemChannels().containsKey(f.displayLabel())));
            }
        }
        out.addAll(odd(stems));
        return out;
    }

    private Finding offSpec(CheckContext ctx, StemFile f, int wanted, boolean own) {
        int n = f.format().orElseThrow().channels();
        return Finding.error(id(), f.displayLabel() + " is " + Formats.channels(n) + "; the spec " + ctx.spec().name()
                        + " asks " + Formats.channels(wanted) + (own ? " for " + f.displayLabel() : " for every stem"))
                .withFiles(f.name())
                .withMeasurement("channels", n)
                .withMeasurement("expected_channels", wanted)
                .withFix("export " + f.displayLabel() + " again as a " + Formats.channels(wanted) + " stem");
    }

    /** The stems whose count differs from the others' (the spec naming none for them). */
    private List<Finding> odd(List<StemFile> stems) {
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
