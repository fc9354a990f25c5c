package org.stemcheck.core.internal.checks.mix;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.stemcheck.core.CheckContext;
import org.stemcheck.core.nulltest.Explanation;
import org.stemcheck.core.nulltest.NullTestResult;
import org.stemcheck.core.spec.DeliverySpec;
import org.stemcheck.core.Finding;
import org.stemcheck.core.file.StemFile;
import org.stemcheck.core.internal.diagnosis.Diagnosis;
import org.stemcheck.core.internal.diagnosis.Thresholds;
import org.stemcheck.core.spec.ExpectedStem;

/**
 * {@code set.missing-stem}: content in the mix that no stem carries and that is not diffuse (an
 * instrument, not a reverb: see {@code mix.missing-fx}), named by where its spectrum sits and how
 * it sits in the stereo image (a partly wide part may be a partly mono return, and is called
 * either); and
 * any stem the spec expects by label that is not in the folder.
 */
final class MissingStemCheck extends MixCheck {

    MissingStemCheck() {
        super("set.missing-stem", "every element of the mix is in a stem; every stem the spec expects is there");
    }

    @Override
    public List<Finding> run(CheckContext ctx) {
        List<Finding> out = new ArrayList<>(expected(ctx));
        out.addAll(super.run(ctx));
        return out;
    }

    /** The required stems of the spec that no stem of the delivery is (by label or the spec's pattern). */
    private List<Finding> expected(CheckContext ctx) {
        List<String> have = ctx.files().stream().filter(f -> f.role().isStem()).map(StemFile::displayLabel).toList();
        List<Finding> out = new ArrayList<>();
        for (ExpectedStem want : ctx.spec().stems().required()) {
            if (have.stream().noneMatch(want::matches)) {
                String also = want.pattern().map(p -> " (nor a stem whose label matches " + p + ")").orElse("");
                out.add(Finding.error(id(), "no " + want.name() + " stem in the delivery" + also + ", which the spec "
                                + ctx.spec().name() + " expects")
                        .withFix("export the " + want.name() + " stem and add it to the folder"));
            }
        }
        return out;
    }

    @Override
    List<Finding> judge(CheckContext ctx, NullTestResult r) {
        return r.explanations(Explanation.MissingPart.class).stream().filter(m -> !m.diffuse()).map(m -> {
            boolean image = Double.isFinite(m.correlation());
            boolean low = m.bandHz() <= Diagnosis.LOW_HZ * 1.01;
            // Only a centred or low part is plainly an instrument; a wider one may as well be a
            // partly mono reverb or delay return, and the finding says so rather than guess.
            boolean instrument = low || image && m.correlation() >= Thresholds.CENTRED_CORRELATION;
            String where = !image ? "" : m.correlation() >= Thresholds.CENTRED_CORRELATION ? "centred "
                    : m.correlation() >= Thresholds.DIFFUSE_CORRELATION ? "partly wide " : "wide ";
            // Against a processed mix the residual is the processing: its time course says nothing.
            Optional<MissingTime> time = image ? MissingTime.of(r.residual(), r.startSeconds()) : Optional.empty();
            String character = low ? (image ? "low-frequency, " + where : "low-frequency ") + "content (a bass line or kick?)"
                    : !image ? "content"
                    : instrument ? where + "content (an instrument or voice)"
                    : where + "content (an instrument, or an effect return)";
            String when = time.map(t -> ", " + t.describe()).orElse("");
            boolean plainlyAStem = instrument || !image;
            String measured = image
                    ? String.format(Locale.ROOT, "%.1f dB below the mix, channel correlation %.2f", -m.levelDb(),
                            m.correlation())
                    : String.format(Locale.ROOT, "%.1f dB below the mix, read band by band past the mix-bus processing",
                            -m.levelDb());
            return Finding.error(id(), String.format(Locale.ROOT,
                            "%s holds %s at %s that no stem carries%s (%s): %s",
                            r.mix().name(), character, hzSpan(m.lowHz(), m.highHz()), when, measured,
                            plainlyAStem ? "a stem is missing" : "a stem or an effect return is missing"))
                    .withFiles(r.mix().name())
                    .withMeasurement("residual_db", m.levelDb())
                    .withMeasurement("correlation", m.correlation())
                    .withMeasurement("low_share", m.lowShare())
                    .withMeasurement("band_hz", m.bandHz())
                    .withMeasurement("sounding_share", time.map(MissingTime::share).orElse(Double.NaN))
                    .withFix(plainlyAStem
                            ? "export the missing part as its own stem (check the stem buses cover every track)"
                            : "export the missing part as its own stem (check the stem buses cover every track and"
                                    + " every reverb and delay return)");
        }).toList();
    }
}
