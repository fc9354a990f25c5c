package org.stemcheck.core.internal.checks;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.stemcheck.core.CheckContext;
import org.stemcheck.core.Finding;
import org.stemcheck.core.Measurement;
import org.stemcheck.core.Severity;
import org.stemcheck.core.file.StemFile;
import org.stemcheck.dsp.StereoCorrelation;

/**
 * {@code content.out-of-phase}: a stereo stem whose channels cancel in mono, i.e. whose L/R
 * correlation stays below {@link StereoCorrelation#DEFAULT_NEGATIVE_THRESHOLD} for at least 1 s at a
 * time over a noticeable share of its sounding time. An error when the whole file is anti-correlated
 * (one channel's polarity inverted), a warning otherwise.
 */
final class OutOfPhaseCheck extends BaseCheck {

    /**
     * Sustained negative correlation over 10% or more of the sounding time is reported: our choice
     * (no standard fixes one); wide reverbs and stereo effects dip below -0.3 for moments, not in
     * runs of a second or more over a tenth of a stem (the dev101 FX return: 0%).
     */
    static final double MIN_SHARE = 0.10;

    /**
     * An overall correlation at or below -0.8 means one channel is inverted: our choice, where the
     * mono sum of equal channels loses more than 7 dB ({@code 10 log10((1 + r) / 2)} at r = -0.8: -10 dB).
     */
    static final double INVERTED_CORRELATION = -0.8;

    OutOfPhaseCheck() {
        super("content.out-of-phase", "no stereo stem cancels in mono (sustained negative L/R correlation)");
    }

    @Override
    public Set<Measurement<?>> needs() {
        return Set.of(Measurement.CORRELATION);
    }

    @Override
    public List<Finding> run(CheckContext ctx) {
        List<Finding> out = new ArrayList<>();
        for (StemFile f : ctx.readableStems()) {
            ctx.measurement(f, Measurement.CORRELATION)
                    .filter(r -> r.stereo() && r.sustainedNegativeShare() >= MIN_SHARE)
                    .ifPresent(r -> out.add(finding(f, r)));
        }
        return out;
    }

    private Finding finding(StemFile f, StereoCorrelation.Result r) {
        boolean inverted = r.overall() <= INVERTED_CORRELATION;
        String msg = String.format(Locale.ROOT,
                "%s is out of phase: its left and right channels are anti-correlated for %.0f%% of the time"
                        + " (overall correlation %+.2f)%s",
                f.displayLabel(), 100 * r.sustainedNegativeShare(), r.overall(),
                inverted ? "; one channel's polarity is inverted and it all but vanishes in mono"
                        : "; it loses level and tone in mono");
        String fix = inverted
                ? "flip the polarity of one channel of " + f.displayLabel() + " (or fix the inverted cable/plug-in)"
                        + " and export again"
                : "check the stereo wideners, M/S processing and polarity switches on " + f.displayLabel()
                        + "; listen in mono before exporting again";
        return Finding.of(inverted ? Severity.ERROR : Severity.WARNING, id(), msg)
                .withFiles(f.name())
                .withMeasurement("correlation", r.overall())
                .withMeasurement("negative_share", r.sustainedNegativeShare())
                .withWhere(spans(f, r));
    }

    /** Runs of intervals below the threshold lasting at least the sustain time, the longest first. */
    private static List<Finding.Span> spans(StemFile f, StereoCorrelation.Result r) {
        float[] c = r.perInterval();
        List<long[]> runs = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= c.length; i++) {
            boolean negative = i < c.length && c[i] < StereoCorrelation.DEFAULT_NEGATIVE_THRESHOLD;
            if (negative && start < 0) {
                start = i;
            } else if (!negative && start >= 0) {
                if (i - start >= StereoCorrelation.DEFAULT_SUSTAIN_INTERVALS) {
                    runs.add(new long[] {start, i});
                }
                start = -1;
            }
        }
        runs.sort(Comparator.comparingLong((long[] x) -> x[0] - x[1]));
        long frames = f.frames();
        return runs.stream().limit(Finding.MAX_SPANS)
                .map(x -> Measured.span(f, x[0] * r.intervalFrames(), Math.min(frames, x[1] * r.intervalFrames())))
                .toList();
    }
}
