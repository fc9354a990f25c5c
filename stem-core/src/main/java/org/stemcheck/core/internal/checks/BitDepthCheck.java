package org.stemcheck.core.internal.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.stemcheck.core.CheckContext;
import org.stemcheck.core.spec.DeliverySpec;
import org.stemcheck.core.Finding;
import org.stemcheck.core.file.StemFile;
import org.stemcheck.core.internal.report.Formats;
import org.stemcheck.io.AudioFormat;
import org.stemcheck.io.SampleEncoding;

/**
 * {@code format.bit-depth}: a stem below the spec's depth is an error (the bits are gone);
 * stems in different sample formats that all meet the spec are a warning.
 */
final class BitDepthCheck extends BaseCheck {

    BitDepthCheck() {
        super("format.bit-depth", "every stem meets the spec's bit depth, and all stems share one sample format");
    }

    @Override
    public List<Finding> run(CheckContext ctx) {
        DeliverySpec spec = ctx.spec();
        List<Finding> out = new ArrayList<>();
        List<StemFile> meeting = new ArrayList<>();
        for (StemFile f : ctx.readableStems()) {
            AudioFormat fmt = f.format().orElseThrow();
            if (meets(fmt, spec)) {
                meeting.add(f);
            } else {
                out.add(below(f, fmt, spec));
            }
        }
        Map<String, List<StemFile>> byDepth = Groups.by(meeting, f -> Formats.depth(f.format().orElseThrow()));
        if (byDepth.size() > 1) {
            String common = Groups.majority(byDepth, d -> !d.contains("float"));
            int agreeing = byDepth.get(common).size();
            for (StemFile f : meeting) {
                String d = Formats.depth(f.format().orElseThrow());
                if (!d.equals(common)) {
                    out.add(Finding.warning(id(), f.displayLabel() + " is " + d + ", " + others(agreeing)
                                    + (agreeing == 1 ? " is " : " are ") + common)
                            .withFiles(f.name())
                            .withMeasurement("bit_depth", f.format().orElseThrow().validBits())
                            .withFix("export all stems in one format (" + common + ")"));
                }
            }
        }
        return out;
    }

    static boolean meets(AudioFormat fmt, DeliverySpec spec) {
        if (fmt.encoding() == SampleEncoding.FLOAT) {
            return spec.format().floatAllowed();
        }
        if (fmt.encoding() == SampleEncoding.ALAW || fmt.encoding() == SampleEncoding.ULAW) {
            return false;
        }
        return fmt.validBits() >= spec.format().minBitDepth();
    }

    private Finding below(StemFile f, AudioFormat fmt, DeliverySpec spec) {
        String wanted = spec.format().minBitDepth() + "-bit" + (spec.format().floatAllowed() ? " or float" : " integer PCM");
        boolean isFloat = fmt.encoding() == SampleEncoding.FLOAT;
        String fix = isFloat
                ? "export " + f.displayLabel() + " again as " + spec.format().minBitDepth() + "-bit PCM from the session"
                : "export " + f.displayLabel() + " again at " + spec.format().minBitDepth()
                        + "-bit from the session; padding this file to " + spec.format().minBitDepth()
                        + " bits does not bring the lost bits back";
        return Finding.error(id(), f.displayLabel() + " is " + Formats.depth(fmt) + "; the " + spec.name()
                        + " spec asks for " + wanted)
                .withFiles(f.name())
                .withMeasurement("bit_depth", fmt.validBits())
                .withMeasurement("expected_bits", spec.format().minBitDepth())
                .withFix(fix);
    }
}
