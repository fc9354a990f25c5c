package org.stemcheck.core.internal.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import org.stemcheck.core.file.ChannelLayout;
import org.stemcheck.core.CheckContext;
import org.stemcheck.core.Finding;
import org.stemcheck.core.file.StemFile;
import org.stemcheck.core.internal.report.Formats;
import org.stemcheck.core.spec.Format;

/**
 * {@code format.channels}: a stem whose speaker layout (from its WAVE_FORMAT_EXTENSIBLE mask, else
 * assumed from its channel count: {@link ChannelLayout}) is not the one the spec asks of it, or
 * whose channel count is not (an error: the recipient named the layout); where the spec names
 * neither, a stem whose layout differs from the rest of the stems' (a mono stem among stereo
 * ones, a stereo stem among 5.1 ones, a 7.1 in another channel order: a warning). Layouts are
 * compared speaker by speaker, in order: 5.1 declared with the side bits (0x60F) is the same 5.1
 * as one declared with the back bits (0x3F).
 */
final class ChannelsCheck extends BaseCheck {

    ChannelsCheck() {
        super("format.channels", "every stem has the same speaker layout");
    }

    @Override
    public List<Finding> run(CheckContext ctx) {
        Format format = ctx.spec().format();
        List<Finding> out = new ArrayList<>();
        List<StemFile> stems = new ArrayList<>();
        for (StemFile f : ctx.readableStems()) {
            ChannelLayout has = f.layout().orElseThrow();
            Optional<ChannelLayout> layout = SpecLabels.layoutOf(ctx.spec(), f);
            OptionalInt wanted = format.channelsOf(f.displayLabel());
            if (layout.isPresent()) {
                if (!has.sameSpeakers(layout.get())) {
                    out.add(offSpec(ctx, f, layout.get(), has));
                }
            } else if (wanted.isPresent()) {
                if (has.channels() != wanted.getAsInt()) {
                    out.add(offSpec(ctx, f, wanted.getAsInt(), format.stemChannels().containsKey(f.displayLabel())));
                }
            } else {
                stems.add(f);
            }
        }
        out.addAll(odd(stems));
        out.addAll(masks(ctx.readableStems()));
        return out;
    }

    /**
     * Stems of the same speakers whose masks name them differently (5.1 with the back bits, 0x3F,
     * and 5.1(side), 0x60F, as ffmpeg writes it): the same 5.1 in a film room, but a tool that
     * routes by mask bit may send the surrounds to other outputs. An info on the fewer.
     */
    private List<Finding> masks(List<StemFile> stems) {
        Map<List<String>, List<StemFile>> bySpeakers = Groups.by(stems, f -> f.layout().orElseThrow().speakers());
        List<Finding> out = new ArrayList<>();
        for (List<StemFile> same : bySpeakers.values()) {
            List<StemFile> declared = same.stream().filter(f -> f.layout().orElseThrow().mask() != 0).toList();
            Map<Long, List<StemFile>> byMask = Groups.by(declared, f -> f.layout().orElseThrow().mask());
            if (byMask.size() < 2) {
                continue;
            }
            long common = Groups.majority(byMask, m -> false);
            ChannelLayout usual = byMask.get(common).get(0).layout().orElseThrow();
            for (StemFile f : declared) {
                long m = f.layout().orElseThrow().mask();
                if (m != common) {
                    out.add(Finding.info(id(), String.format(java.util.Locale.ROOT, "%s declares its %s with speaker"
                                            + " mask 0x%X, %s %s 0x%X: the same speakers, named by other mask bits",
                                    f.displayLabel(), usual.name(), m, others(byMask.get(common).size()),
                                    byMask.get(common).size() == 1 ? "uses" : "use", common))
                            .withFiles(f.name())
                            .withMeasurement("channel_mask", m)
                            .withMeasurement("expected_channel_mask", common)
                            .withFix("nothing to do for most recipients; if their tools route by mask bit, export "
                                    + f.displayLabel() + " with the others' mask"));
                }
            }
        }
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

    private Finding offSpec(CheckContext ctx, StemFile f, ChannelLayout wanted, ChannelLayout has) {
        boolean own = SpecLabels.ownLayout(ctx.spec(), f)
                && !ctx.spec().format().layout().map(l -> l.sameSpeakers(wanted)).orElse(false);
        String fix = has.channels() == wanted.channels()
                ? "export " + f.displayLabel() + " again with its channels in " + wanted.describe()
                        + " order (or with a WAVE_FORMAT_EXTENSIBLE speaker mask that says which channel is which)"
                : "export " + f.displayLabel() + " again as a " + wanted.describe() + " stem";
        return Finding.error(id(), f.displayLabel() + " is " + describe(has) + "; the spec " + ctx.spec().name()
                        + " asks " + wanted.describe() + (own ? " for " + f.displayLabel() : " for every stem"))
                .withFiles(f.name())
                .withMeasurement("channels", has.channels())
                .withMeasurement("expected_channels", wanted.channels())
                .withFix(fix);
    }

    /** The stems whose layout differs from the others' (the spec naming none for them). */
    private List<Finding> odd(List<StemFile> stems) {
        Map<List<String>, List<StemFile>> byLayout = Groups.by(stems, f -> f.layout().orElseThrow().speakers());
        if (byLayout.size() < 2) {
            return List.of();
        }
        List<String> common = Groups.majority(byLayout, s -> s.size() == 2);
        ChannelLayout usual = byLayout.get(common).get(0).layout().orElseThrow();
        int agreeing = byLayout.get(common).size();
        List<Finding> out = new ArrayList<>();
        for (StemFile f : stems) {
            ChannelLayout has = f.layout().orElseThrow();
            if (!has.sameSpeakers(usual)) {
                boolean order = has.channels() == usual.channels();
                String fix = order
                        ? "export " + f.displayLabel() + " again with its channels in " + usual.describe()
                                + " order like the others (or with a speaker mask that says which channel is which)"
                        : "export " + f.displayLabel() + " as a " + describe(usual) + " stem like the others, or"
                                + " confirm with the recipient that " + describe(has) + " is intended";
                out.add(Finding.warning(id(), f.displayLabel() + " is " + describe(has) + ", " + others(agreeing)
                                + (agreeing == 1 ? " is " : " are ") + describe(usual))
                        .withFiles(f.name())
                        .withMeasurement("channels", has.channels())
                        .withMeasurement("expected_channels", usual.channels())
                        .withFix(fix));
            }
        }
        return out;
    }

    /** "mono", "stereo" for one and two channels (as before layouts were read), else "5.1 (L R C LFE Ls Rs)". */
    private static String describe(ChannelLayout l) {
        boolean plain = l.channels() <= 2 && l.sameSpeakers(ChannelLayout.assumed(l.channels()));
        return plain ? Formats.channels(l.channels()) : l.describe();
    }
}
