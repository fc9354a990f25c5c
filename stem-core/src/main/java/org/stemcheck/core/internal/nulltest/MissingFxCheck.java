package org.stemcheck.core.internal.nulltest;

import java.util.List;
import java.util.Locale;

import org.stemcheck.core.CheckContext;
import org.stemcheck.core.Finding;

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
    List<Finding> judge(CheckContext ctx, SetAnalysis a) {
        ResidualCharacter r = a.residual();
        if (!Unexplained.inNoStem(ctx, a) || !(r.correlation() < Thresholds.DIFFUSE_CORRELATION)) {
            return List.of();
        }
        return List.of(Finding.error(id(), String.format(Locale.ROOT,
                        "%s holds a diffuse, reverberant part no stem carries (%.1f dB below the mix, channel"
                                + " correlation %.2f, mostly %s): effect returns are missing from the stems",
                        a.reference().name(), -a.nullDb(), r.correlation(), r.region(6.0)))
                .withFiles(a.reference().name())
                .withMeasurement("residual_db", a.nullDb())
                .withMeasurement("correlation", r.correlation())
                .withFix("export the reverb and delay returns as an FX stem, or print them into each stem"));
    }
}
