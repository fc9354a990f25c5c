package org.stemcheck.core.internal.nulltest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.stemcheck.core.CheckContext;
import org.stemcheck.core.Finding;
import org.stemcheck.core.StemFile;

/**
 * {@code set.missing-stem}: content in the mix that no stem carries and that is not diffuse (an
 * instrument, not a reverb: see {@code mix.missing-fx}), named by where its spectrum sits; and
 * any stem the spec expects by label that is not in the folder.
 */
final class MissingStemCheck extends MixCheck {

    /**
     * A residual whose loudest octave band is centred at or below this is low-frequency content (a
     * bass line, a kick): the 250 Hz octave tops out at 355 Hz, the bass register's fundamentals
     * and first harmonics (E1 41 Hz .. G3 196 Hz).
     */
    static final double LOW_HZ = 250.0;

    MissingStemCheck() {
        super("set.missing-stem", "every element of the mix is in a stem; every stem the spec expects is there");
    }

    @Override
    public List<Finding> run(CheckContext ctx) {
        List<Finding> out = new ArrayList<>(expected(ctx));
        out.addAll(super.run(ctx));
        return out;
    }

    private List<Finding> expected(CheckContext ctx) {
        Set<String> have = ctx.files().stream().filter(f -> f.role().isStem())
                .map(StemFile::displayLabel).map(l -> l.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        List<Finding> out = new ArrayList<>();
        for (String want : ctx.spec().expectedStems()) {
            if (!have.contains(want.toLowerCase(Locale.ROOT))) {
                out.add(Finding.error(id(), "no " + want + " stem in the delivery, which the spec "
                                + ctx.spec().name() + " expects")
                        .withFix("export the " + want + " stem and add it to the folder"));
            }
        }
        return out;
    }

    @Override
    List<Finding> judge(CheckContext ctx, SetAnalysis a) {
        ResidualCharacter r = a.residual();
        if (!Unexplained.inNoStem(ctx, a) || !(r.correlation() >= Thresholds.DIFFUSE_CORRELATION)) {
            return List.of();
        }
        double low = r.shareBelow(LOW_HZ * Math.sqrt(2));
        String character = r.loudestBand().band().centreHz() <= LOW_HZ * 1.01 ? "low-frequency, centred content (a bass line or kick?)"
                : "centred content (an instrument or voice)";
        return List.of(Finding.error(id(), String.format(Locale.ROOT,
                        "%s holds %s at %s that no stem carries (%.1f dB below the mix, channel correlation %.2f):"
                                + " a stem is missing",
                        a.reference().name(), character, r.region(6.0), -a.nullDb(), r.correlation()))
                .withFiles(a.reference().name())
                .withMeasurement("residual_db", a.nullDb())
                .withMeasurement("correlation", r.correlation())
                .withMeasurement("low_share", low)
                .withMeasurement("band_hz", r.loudestBand().band().centreHz())
                .withFix("export the missing part as its own stem (check the stem buses cover every track)"));
    }
}
