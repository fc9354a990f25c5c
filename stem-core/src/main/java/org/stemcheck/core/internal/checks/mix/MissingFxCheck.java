package org.stemcheck.core.internal.checks.mix;

import java.util.List;
import java.util.Locale;

import org.stemcheck.core.CheckContext;
import org.stemcheck.core.Finding;
import org.stemcheck.core.nulltest.Explanation;
import org.stemcheck.core.nulltest.NullTestResult;

/**
 * {@code mix.missing-fx}: the mix holds a diffuse, decorrelated residual that no stem carries
 * (reverb and delay returns). Silent when the stems null (FX printed into the stems or delivered
 * as their own stem) and against a mix with mix-bus processing (its residual is the processing).
 */
final class MissingFxCheck extends MixCheck {

    MissingFxCheck() {
        super("mix.missing-fx", "the effect returns heard in the mix are in the stems");
    }

    @Override
    List<Finding> judge(CheckContext ctx, NullTestResult r) {
        return r.explanations(Explanation.MissingPart.class).stream().filter(Explanation.MissingPart::diffuse)
                .map(m -> Finding.error(id(), String.format(Locale.ROOT,
                                "%s holds a diffuse, reverberant part no stem carries (%.1f dB below the mix, channel"
                                        + " correlation %.2f, mostly %s%s): effect returns are missing from the stems",
                                r.mix().name(), -m.levelDb(), m.correlation(), hzSpan(m.lowHz(), m.highHz()),
                                MissingTime.of(r.residual(), r.startSeconds()).map(t -> ", " + t.describe()).orElse("")))
                        .withFiles(r.mix().name())
                        .withMeasurement("residual_db", m.levelDb())
                        .withMeasurement("correlation", m.correlation())
                        .withFix("export the reverb and delay returns as an FX stem, or print them into each stem"))
                .toList();
    }
}
