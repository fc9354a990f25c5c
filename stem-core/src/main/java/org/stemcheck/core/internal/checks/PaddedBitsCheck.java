package org.stemcheck.core.internal.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.stemcheck.core.CheckContext;
import org.stemcheck.core.Finding;
import org.stemcheck.core.Measurement;
import org.stemcheck.core.Severity;
import org.stemcheck.core.file.StemFile;
import org.stemcheck.core.internal.report.Formats;
import org.stemcheck.dsp.BitDepth;
import org.stemcheck.io.AudioFormat;

/**
 * {@code content.padded-bits}: a file that uses fewer bits than its container (16-bit audio padded
 * into a 24-bit file, or into a float file). An error when the bits in use are fewer than the spec
 * asks for (the same loss {@code format.bit-depth} calls an error), a warning otherwise.
 */
final class PaddedBitsCheck extends BaseCheck {

    /**
     * A float file whose samples all lie on a 16-bit grid (or coarser) holds 16-bit audio: 16 bits
     * is the CD depth (IEC 60908) a conversion from 16-bit PCM leaves behind; 24-bit audio in a
     * float file is the normal export of a 24-bit session and is not reported.
     */
    static final int FLOAT_PADDED_BITS = 16;

    PaddedBitsCheck() {
        super("content.padded-bits", "no stem uses fewer bits than its file holds (16-bit audio in a 24-bit file)");
    }

    @Override
    public Set<Measurement<?>> needs() {
        return Set.of(Measurement.BIT_DEPTH);
    }

    @Override
    public List<Finding> run(CheckContext ctx) {
        List<Finding> out = new ArrayList<>();
        for (StemFile f : ctx.readableStems()) {
            ctx.measurement(f, Measurement.BIT_DEPTH)
                    .ifPresent(r -> judge(ctx, f, r, out));
        }
        return out;
    }

    private void judge(CheckContext ctx, StemFile f, BitDepth.Result r, List<Finding> out) {
        if (r.effectiveBits().isEmpty()) {
            return;
        }
        int used = r.effectiveBits().getAsInt();
        AudioFormat fmt = f.format().orElseThrow();
        boolean padded = fmt.isFloat() ? used <= FLOAT_PADDED_BITS : r.padded();
        if (!padded) {
            return;
        }
        int wanted = ctx.spec().format().minBitDepth();
        Severity sev = used < wanted ? Severity.ERROR : Severity.WARNING;
        String container = Formats.depth(fmt);
        out.add(Finding.of(sev, id(), String.format(Locale.ROOT,
                        "%s is a %s file but holds %d-bit audio: the lower %d bits are padding%s",
                        f.displayLabel(), container, used, (fmt.isFloat() ? 24 : fmt.validBits()) - used,
                        used < wanted ? "; the " + ctx.spec().name() + " spec asks for " + wanted + " bits" : ""))
                .withFiles(f.name())
                .withMeasurement("effective_bits", used)
                .withMeasurement("container_bits", fmt.isFloat() ? fmt.bitsPerSample() : fmt.validBits())
                .withFix("export " + f.displayLabel() + " again from the session at " + Math.max(wanted, 24)
                        + "-bit (check the bounce and any 16-bit render or conversion on the way); padding a 16-bit"
                        + " file does not bring the lost bits back"));
    }
}
