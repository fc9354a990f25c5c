package org.stemcheck.core.internal.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.stemcheck.core.CheckContext;
import org.stemcheck.core.spec.DeliverySpec;
import org.stemcheck.core.Finding;
import org.stemcheck.core.file.Role;
import org.stemcheck.core.file.StemFile;
import org.stemcheck.core.internal.report.Formats;

/**
 * {@code format.sample-rate}: every stem at one rate, and that rate one the spec accepts. The
 * odd files out are named (error); a mixdown at another rate is a warning (the null test adapts it).
 */
final class SampleRateCheck extends BaseCheck {

    SampleRateCheck() {
        super("format.sample-rate", "every file has the same sample rate, one the spec accepts");
    }

    @Override
    public List<Finding> run(CheckContext ctx) {
        List<StemFile> stems = ctx.readableStems();
        if (stems.isEmpty()) {
            return List.of();
        }
        DeliverySpec spec = ctx.spec();
        Map<Long, List<StemFile>> byRate = Groups.by(stems, SampleRateCheck::rate);
        long common = Groups.majority(byRate, r -> spec.format().sampleRates().contains((int) (long) r));
        int agreeing = byRate.get(common).size();
        List<Finding> out = new ArrayList<>();
        for (StemFile f : readableAudio(ctx)) {
            long r = rate(f);
            boolean rightWhereOthersAreNot = spec.format().sampleRates().contains((int) r)
                    && !spec.format().sampleRates().contains((int) common);
            if (r != common && !rightWhereOthersAreNot) {
                out.add(odd(f, r, common, agreeing, spec));
            }
        }
        if (!spec.format().sampleRates().contains((int) common)) {
            out.add(offSpec(byRate.get(common), common, spec));
        }
        return out;
    }

    private Finding odd(StemFile f, long rate, long common, int agreeing, DeliverySpec spec) {
        boolean mix = f.role() == Role.MIXDOWN;
        String who = mix ? "The mixdown " + f.name() : f.displayLabel();
        String msg = who + " is " + Formats.rate(rate) + ", " + (mix ? "the " + agreeing + " " + stems(agreeing)
                : others(agreeing)) + (agreeing == 1 ? " is " : " are ") + Formats.rate(common);
        long target = spec.format().sampleRates().contains((int) common) ? common : preferred(spec);
        Finding base = mix ? Finding.warning(id(), msg) : Finding.error(id(), msg);
        return base.withFiles(f.name())
                .withMeasurement("sample_rate_hz", rate)
                .withMeasurement("expected_hz", target)
                .withFix("re-export " + f.displayLabel() + " at " + Formats.rate(target)
                        + " from the session; do not resample the file");
    }

    private Finding offSpec(List<StemFile> files, long rate, DeliverySpec spec) {
        long target = preferred(spec);
        String msg = (files.size() == 1 ? "The stem is " : "All " + files.size() + " stems are ") + Formats.rate(rate)
                + "; the " + spec.name() + " spec accepts " + accepted(spec);
        return Finding.error(id(), msg)
                .withFiles(files.stream().map(StemFile::name).toList())
                .withMeasurement("sample_rate_hz", rate)
                .withMeasurement("expected_hz", target)
                .withFix("export every stem again at " + Formats.rate(target) + " from the session");
    }

    private static long preferred(DeliverySpec spec) {
        return spec.format().sampleRates().contains(DeliverySpec.FILM_RATE) ? DeliverySpec.FILM_RATE
                : new TreeSet<>(spec.format().sampleRates()).first();
    }

    private static String accepted(DeliverySpec spec) {
        Set<Integer> rates = new TreeSet<>(spec.format().sampleRates());
        return rates.stream().map(r -> Formats.rate(r)).collect(Collectors.joining(", "));
    }

    private static long rate(StemFile f) {
        return f.format().orElseThrow().sampleRateHz();
    }
}
