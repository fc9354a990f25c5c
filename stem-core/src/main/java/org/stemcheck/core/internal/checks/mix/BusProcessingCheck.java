package org.stemcheck.core.internal.checks.mix;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.stemcheck.core.CheckContext;
import org.stemcheck.core.Finding;
import org.stemcheck.core.internal.diagnosis.Thresholds;
import org.stemcheck.core.nulltest.Explanation;
import org.stemcheck.core.nulltest.Explanation.LacksBusProcessing;
import org.stemcheck.core.nulltest.NullTestResult;

/**
 * {@code mix.bus-processing}: a stem whose relation to the mix is not a plain gain: an EQ-shaped
 * transfer (its low or high end differs from its mids) or compression the mix applies to it and
 * the stem lacks, as the diagnosis found ({@link LacksBusProcessing}).
 */
final class BusProcessingCheck extends MixCheck {

    BusProcessingCheck() {
        super("mix.bus-processing", "every stem carries its bus EQ and compression as in the mix");
    }

    @Override
    List<Finding> judge(CheckContext ctx, NullTestResult r) {
        return r.explanations(LacksBusProcessing.class).stream().map(this::finding).toList();
    }

    /** An EQ end worth naming: finite, and the largest or at least half the EQ threshold. */
    private static boolean named(double endDb, LacksBusProcessing s) {
        return Double.isFinite(endDb) && (endDb == s.eqDb() || Math.abs(endDb) >= Thresholds.EQ_SHAPE_DB / 2);
    }

    private Finding finding(LacksBusProcessing s) {
        List<String> what = new ArrayList<>();
        if (s.eq()) {
            // Both ends are named when the smaller one is at least half the EQ threshold: a bus EQ
            // is typically a pair of shelves, and the reading of the other end helps the engineer.
            if (named(s.lowShelfDb(), s)) {
                what.add(String.format(Locale.ROOT, "about %+.1f dB low shelf", s.lowShelfDb()));
            }
            if (named(s.highShelfDb(), s)) {
                what.add(String.format(Locale.ROOT, "about %+.1f dB high shelf", s.highShelfDb()));
            }
        }
        if (s.compression()) {
            what.add(Double.isFinite(s.loudReductionDb()) && s.loudReductionDb() > 0
                    ? String.format(Locale.ROOT, "%.1f dB less compression on its loudest passages", s.loudReductionDb())
                    : String.format(Locale.ROOT, "less compression (%.2f dB of gain per dB of level)", s.dynamicsSlope()));
        }
        String label = s.stem().displayLabel();
        return Finding.warning(id(), String.format(Locale.ROOT, "%s lacks bus processing the mix applies to it: %s",
                        label, String.join(", ", what)))
                .withFiles(s.stem().name())
                .withMeasurement("low_shelf_db", s.lowShelfDb())
                .withMeasurement("high_shelf_db", s.highShelfDb())
                .withMeasurement("dynamics_slope", s.dynamicsSlope())
                .withMeasurement("loud_reduction_db", s.loudReductionDb())
                .withFix("re-export " + label + " through its bus EQ and compressor, as it plays in the mix");
    }
}
