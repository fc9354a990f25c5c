package org.stemcheck.core.internal.checks.mix;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import org.stemcheck.core.CheckContext;
import org.stemcheck.core.Finding;
import org.stemcheck.core.Severity;
import org.stemcheck.core.file.StemFile;
import org.stemcheck.core.internal.diagnosis.Diagnosis;
import org.stemcheck.core.internal.diagnosis.Thresholds;
import org.stemcheck.core.nulltest.Explanation;
import org.stemcheck.core.nulltest.NullTestResult;
import org.stemcheck.core.nulltest.Residual;
import org.stemcheck.core.nulltest.Segment;

/**
 * {@code mix.null}: what the stems leave unexplained in the mix after their gains and offsets
 * are corrected, relative to the mix, with the worst 100 ms stretches. Against a mix with
 * mix-bus processing the residual is that processing: reported as info. So is a residual that the
 * stems reported as lossy-transcoded account for: a codec adds noise and removes the top end, so
 * such a stem never nulls, and {@code content.lossy-transcode} already names the fault.
 */
final class NullCheck extends MixCheck {

    NullCheck() {
        super("mix.null", "the stems sum to the reference mix");
    }

    /**
     * What to say of the stems whose own findings name a fault that leaves a residual of its own
     * (mono among stereo, cut short, clipped: {@link Explanation.FileFault}); or, when no
     * explanation names a cause, that no single stem explains it.
     */
    private static String unexplainedBy(NullTestResult r, Severity s) {
        List<Explanation.FileFault> own = r.explanations(Explanation.FileFault.class);
        if (!own.isEmpty()) {
            return "; it comes from stems with findings of their own: " + own.stream()
                    .map(f -> f.stem().displayLabel() + " " + f.what() + " (" + f.code() + ")")
                    .collect(Collectors.joining("; "));
        }
        return r.explanations().isEmpty() && s != Severity.INFO
                ? (r.balanced() ? "; no single stem explains the rest" : "; no single stem explains it") + where(r.residual())
                : "";
    }

    /**
     * Where the residual lies, for the engineer to listen for: the octave bands within
     * {@link Diagnosis#REGION_DB} of its loudest (a clear majority of its power) and how it sits
     * in the stereo image (channel correlation: under {@link Thresholds#DIFFUSE_CORRELATION} wide
     * and diffuse, as a reverb; from {@link Thresholds#CENTRED_CORRELATION} centred, as a dry part).
     */
    static String where(Residual residual) {
        Optional<double[]> region = residual.region(Diagnosis.REGION_DB);
        if (region.isEmpty()) {
            return "";
        }
        double c = residual.channelCorrelation();
        String image = !Double.isFinite(c) ? ""
                : c < Thresholds.DIFFUSE_CORRELATION ? ", wide and diffuse"
                : c >= Thresholds.CENTRED_CORRELATION ? ", centred" : ", partly wide";
        return " (it lies mostly at " + hzSpan(region.get()[0], region.get()[1]) + image + ")";
    }

    @Override
    List<Finding> judge(CheckContext ctx, NullTestResult r) {
        double db = r.nullDb();
        if (!Double.isFinite(db) || db <= Thresholds.NULL_WARNING_DB) {
            return List.of();
        }
        Optional<Explanation.CodecNoise> codec = r.explanations(Explanation.CodecNoise.class).stream().findFirst();
        // With a pan explaining most of it, what the gains per channel leave is what is judged.
        double left = r.balanced() ? r.channelNullDb() : db;
        Severity s = r.mixBus().processed() || codec.isPresent() || left <= Thresholds.NULL_WARNING_DB ? Severity.INFO
                : left > Thresholds.NULL_ERROR_DB ? Severity.ERROR : Severity.WARNING;
        List<Segment> worst = r.residual().worst(Finding.MAX_SPANS);
        double t0 = r.startSeconds();
        String at = worst.isEmpty() ? "" : String.format(Locale.ROOT, ", worst at %.1f-%.1f s (%.1f dB)",
                t0 + worst.get(0).startSeconds(), t0 + worst.get(0).endSeconds(), worst.get(0).relativeDb());
        String msg = String.format(Locale.ROOT,
                "the stems do not sum to %s: %.1f dB of the mix is left unexplained after gains and offsets%s",
                r.mix().name(), db, at)
                + (r.fractionLeft() ? "; part of it is a stem's offset by a fraction of a sample (see mix.offset)" : "")
                + codec.map(c -> "; it is what the lossy codec of " + c.stems().stream().map(StemFile::displayLabel)
                        .collect(Collectors.joining(", ")) + " added and removed (see content.lossy-transcode)").orElse("")
                + r.explanations(Explanation.Mismatch.class).stream().findFirst().map(m -> String.format(Locale.ROOT,
                        "; %.1f dB of it sits where %s %s content that does not reappear in the mix: the mix holds"
                                + " another take or render of %s (with other effects or settings, or another performance),"
                                + " or the part sits elsewhere in time", m.levelDb(),
                        m.stems().stream().map(StemFile::displayLabel).collect(Collectors.joining(", ")),
                        m.stems().size() == 1 ? "carries" : "carry", m.stems().size() == 1 ? "it" : "them")).orElse("")
                + (r.balanced() ? String.format(Locale.ROOT, "; with each stem's gain fitted per channel they null to"
                        + " %.1f dB: %s a stem's pan or balance (see mix.gain)", r.channelNullDb(),
                        r.channelNullDb() <= Thresholds.NULL_WARNING_DB ? "it is" : "most of it is") : "")
                + unexplainedBy(r, s);
        return List.of(Finding.of(s, id(), msg)
                .withFiles(r.mix().name())
                .withMeasurement("null_db", db)
                .withMeasurement("plain_null_db", r.plainNullDb())
                .withWhere(worst.stream().map(g -> new Finding.Span(t0 + g.startSeconds(), t0 + g.endSeconds())).toList())
                .withFix(s == Severity.INFO ? "" : "export every stem from the session that made the mix, with every"
                        + " track, return and bus included once"));
    }
}
