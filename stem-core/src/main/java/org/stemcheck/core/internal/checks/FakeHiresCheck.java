package org.stemcheck.core.internal.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.stemcheck.core.CheckContext;
import org.stemcheck.core.Finding;
import org.stemcheck.core.Measurement;
import org.stemcheck.core.file.StemFile;
import org.stemcheck.core.internal.analysis.Shelf;
import org.stemcheck.core.internal.analysis.Transcodes;
import org.stemcheck.core.internal.report.Formats;

/**
 * {@code content.fake-hires}: a file at a high rate (above 48 kHz) whose spectrum ends in a brick
 * wall ({@link Shelf#wall()}) at the band edge of a 44.1 or 48 kHz file: it was upsampled, the rate
 * carries no content. Dull stems (no wall, a gradual roll-off) are not reported.
 */
final class FakeHiresCheck extends BaseCheck {

    /** Rates above this are "high resolution" ({@link Transcodes#BASE_RATE_HZ}). */
    static final double BASE_RATE_HZ = Transcodes.BASE_RATE_HZ;

    /** Lowest wall searched: {@link Transcodes#UPSAMPLED_FROM_HZ}, the low-pass of resamplers from 44.1 kHz. */
    static final double FROM_HZ = Transcodes.UPSAMPLED_FROM_HZ;

    /** Highest wall searched: 24.5 kHz, just above the 24 kHz band edge of a 48 kHz source. */
    static final double TO_HZ = 24_500.0;

    FakeHiresCheck() {
        super("content.fake-hires", "no high-rate stem is upsampled (no content above a lower rate's band)");
    }

    @Override
    public Set<Measurement<?>> needs() {
        return Set.of(Measurement.SAMPLE_STATS, Measurement.SPECTRUM);
    }

    @Override
    public List<Finding> run(CheckContext ctx) {
        List<Finding> out = new ArrayList<>();
        for (StemFile f : ctx.readableStems()) {
            if (Measured.rate(f) <= BASE_RATE_HZ || Measured.silent(ctx, f)) {
                continue;
            }
            Optional<Shelf> wall = Transcodes.spectrum(ctx, f)
                    .flatMap(s -> Shelf.find(s, FROM_HZ, TO_HZ)).filter(Shelf::wall);
            wall.ifPresent(w -> out.add(finding(f, w)));
        }
        return out;
    }

    private Finding finding(StemFile f, Shelf wall) {
        String source = wall.hz() < 22_050 ? "44.1 kHz" : "48 kHz";
        return Finding.warning(id(), String.format(Locale.ROOT,
                        "%s is %s but has no content above %.1f kHz (a %s fall, nothing above): it was upsampled from"
                                + " %s or so",
                        f.displayLabel(), Formats.rate(Measured.rate(f)), wall.hz() / 1000, Measured.db(wall.dropDb()),
                        source))
                .withFiles(f.name())
                .withMeasurement("cutoff_hz", wall.hz())
                .withMeasurement("drop_db", wall.dropDb())
                .withMeasurement("sample_rate_hz", Measured.rate(f))
                .withFix("export " + f.displayLabel() + " at the session's own rate; do not convert sample rates"
                        + " (upsampling adds size, not content)");
    }
}
