package org.stemcheck.core.internal.checks.mix;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.stemcheck.core.CheckContext;
import org.stemcheck.core.Finding;
import org.stemcheck.core.file.StemFile;
import org.stemcheck.core.internal.diagnosis.Thresholds;
import org.stemcheck.core.nulltest.Gain;
import org.stemcheck.core.nulltest.NullTestResult;
import org.stemcheck.core.nulltest.StemComparison;

/**
 * {@code mix.polarity}: a stem whose least-squares gain is near -1 (inverted against the mix), and
 * that gain reproduces the stem's part of the mix in every band ({@link StemComparison#gainAgrees()}).
 */
final class PolarityCheck extends MixCheck {

    PolarityCheck() {
        super("mix.polarity", "no stem is polarity-inverted against the mix");
    }

    @Override
    List<Finding> judge(CheckContext ctx, NullTestResult r) {
        List<Finding> out = new ArrayList<>();
        for (StemComparison s : r.stems()) {
            Gain g = s.gain();
            // A negative gain is a polarity only where it reproduces the stem's part in every band
            // (StemComparison.gainAgrees): a repeating line 436 samples late has its 55 Hz root half
            // a period off, inverted there, in phase an octave up, and read "gain -0.71".
            if (g.identifiable() && !otherVersion(r, s) && s.gainAgrees() && g.inverted()
                    && -g.scale() >= Thresholds.POLARITY_MIN_SCALE) {
                StemFile f = s.file();
                out.add(Finding.error(id(), String.format(Locale.ROOT,
                                "%s is polarity-inverted against the mix (gain %.2f)", f.displayLabel(), g.scale()))
                        .withFiles(f.name())
                        .withMeasurement("scale", g.scale())
                        .withFix("re-export " + f.displayLabel() + " without the polarity (phase) flip"));
            }
        }
        return out;
    }
}
