package org.stemcheck.core.internal.nulltest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.stemcheck.core.CheckContext;
import org.stemcheck.core.Finding;
import org.stemcheck.core.Role;
import org.stemcheck.core.StemFile;
import org.stemcheck.core.internal.checks.Transcodes;
import org.stemcheck.dsp.set.StemTransfer;

/**
 * {@code mix.bus-processing}: a stem whose relation to the mix is not a plain gain: an EQ-shaped
 * transfer (its low or high end differs from its mids) or compression the mix applies to it and
 * the stem lacks. Measured against what all stems share, so mix-bus processing does not count.
 */
final class BusProcessingCheck extends MixCheck {

    BusProcessingCheck() {
        super("mix.bus-processing", "every stem carries its bus EQ and compression as in the mix");
    }

    @Override
    List<Finding> judge(CheckContext ctx, SetAnalysis a) {
        List<Finding> out = new ArrayList<>();
        for (int i = 0; i < a.stems().size(); i++) {
            Optional<BusShape> s = lacking(ctx, a, i);
            if (s.isPresent()) {
                out.add(finding(a.stems().get(i), s.get(), eq(a, i, s.get()), compression(a, i, s.get())));
            }
        }
        return out;
    }

    /**
     * The shape of stem {@code i}'s transfer where it lacks processing the mix applies to it. Judged
     * only when the gains leave part of the mix unexplained (otherwise every stem is a plain gain
     * of its part). EQ counts on stems, not on FX returns (a return correlates with every dry stem,
     * so its transfer takes up whatever else is unexplained); missing compression is the loudest
     * passages turned down more than the quiet ones ({@code StemDynamics.loudReductionDb}), or a whole-range
     * dynamics slope together with a level error.
     * A stem reported as lossy-transcoded is judged below its codec's cut-off only: above it the
     * codec removed what the mix (made from the original) still has, which is no EQ.
     */
    static Optional<BusShape> lacking(CheckContext ctx, SetAnalysis a, int i) {
        if (!Unexplained.significant(a) || a.offset(i).displaced() && a.passes() < 2) {
            return Optional.empty();
        }
        double cutoff = Transcodes.cutoff(Transcodes.cutoffs(ctx), a.stems().get(i)).orElse(Double.POSITIVE_INFINITY);
        BusShape s = shape(a, i, cutoff);
        return eq(a, i, s) || compression(a, i, s) ? Optional.of(s) : Optional.empty();
    }

    /** An EQ end worth naming: finite, and the largest or at least half the EQ threshold. */
    private static boolean named(double endDb, BusShape s) {
        return Double.isFinite(endDb) && (endDb == s.eqDb() || Math.abs(endDb) >= Thresholds.EQ_SHAPE_DB / 2);
    }

    private static BusShape shape(SetAnalysis a, int i, double cutoffHz) {
        List<StemTransfer> transfers = a.result().transfers();
        double commonSlope = a.mixbusProcessing() ? MixbusJudge.median(transfers.stream()
                .mapToDouble(t -> t.dynamics().slope()).filter(Double::isFinite).toArray()) : 0.0;
        List<Double> reductions = a.residual().loudReductionDb();
        double commonReduction = a.mixbusProcessing() ? MixbusJudge.median(reductions.stream()
                .mapToDouble(Double::doubleValue).filter(Double::isFinite).toArray()) : 0.0;
        return BusShape.of(transfers.get(i), a.residual().stemBands().get(i), Double.isFinite(commonSlope) ? commonSlope : 0.0,
                reductions.get(i) - (Double.isFinite(commonReduction) ? commonReduction : 0.0), cutoffHz);
    }

    private static boolean eq(SetAnalysis a, int i, BusShape s) {
        return a.stems().get(i).role() == Role.STEM && Math.abs(s.eqDb()) > Thresholds.EQ_SHAPE_DB;
    }

    /**
     * The mix turns the stem's loudest passages down by {@link Thresholds#COMPRESSION_DB} more than
     * its quiet ones ({@code StemDynamics.loudReductionDb}); or the older whole-range reading: a dynamics slope
     * below {@code -SLOPE} together with a level error (a compressor with makeup gain never leaves
     * the average level as it was).
     */
    private static boolean compression(SetAnalysis a, int i, BusShape s) {
        double err = a.gain(i).levelErrorDb() - a.commonGainDb();
        return s.loudReductionDb() >= Thresholds.COMPRESSION_DB
                || s.slope() < -Thresholds.SLOPE && Math.abs(err) >= Thresholds.GAIN_WARNING_DB;
    }

    private Finding finding(StemFile f, BusShape s, boolean eq, boolean comp) {
        List<String> what = new ArrayList<>();
        if (eq) {
            // Both ends are named when the smaller one is at least half the EQ threshold: a bus EQ
            // is typically a pair of shelves, and the reading of the other end helps the engineer.
            if (named(s.lowDb(), s)) {
                what.add(String.format(Locale.ROOT, "about %+.1f dB low shelf", s.lowDb()));
            }
            if (named(s.highDb(), s)) {
                what.add(String.format(Locale.ROOT, "about %+.1f dB high shelf", s.highDb()));
            }
        }
        if (comp) {
            what.add(Double.isFinite(s.loudReductionDb()) && s.loudReductionDb() > 0
                    ? String.format(Locale.ROOT, "%.1f dB less compression on its loudest passages", s.loudReductionDb())
                    : String.format(Locale.ROOT, "less compression (%.2f dB of gain per dB of level)", s.slope()));
        }
        return Finding.warning(id(), String.format(Locale.ROOT, "%s lacks bus processing the mix applies to it: %s",
                        f.displayLabel(), String.join(", ", what)))
                .withFiles(f.name())
                .withMeasurement("low_shelf_db", s.lowDb())
                .withMeasurement("high_shelf_db", s.highDb())
                .withMeasurement("dynamics_slope", s.slope())
                .withMeasurement("loud_reduction_db", s.loudReductionDb())
                .withFix("re-export " + f.displayLabel() + " through its bus EQ and compressor, as it plays in the mix");
    }
}
