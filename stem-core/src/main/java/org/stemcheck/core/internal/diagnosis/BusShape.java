package org.stemcheck.core.internal.diagnosis;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;

import org.stemcheck.dsp.nullsum.StemTransfer;
import org.stemcheck.dsp.BandEnergies.BandLevel;

/**
 * The shape of one stem's transfer into the mix: how much its low and high ends differ from its
 * mids (dB), and its dynamics slope, both against what the stems share (mix-bus processing).
 *
 * @param lowDb  mean ownDb of the bands up to {@link #LOW_HZ} minus the mids
 * @param highDb mean ownDb of the bands from {@link #HIGH_HZ} minus the mids
 * @param slope  the stem's dynamics slope minus the median of all stems' (when the mix is processed)
 * @param loudReductionDb how much more the mix turns the stem down on its loudest passages than on
 *               its quieter ones ({@code StemDynamics.loudReductionDb}), minus the median of all stems' (when the
 *               mix is processed), dB
 */
record BusShape(double lowDb, double highDb, double slope, double loudReductionDb) {

    /** Bands centred at or below this are the low end (a low shelf's region, dev101's bus EQ at 70 Hz). */
    static final double LOW_HZ = 80.0;

    /** Bands centred at or above this are the high end (a high shelf's region, dev101's at 10 kHz). */
    static final double HIGH_HZ = 10_000.0;

    /** The mids the ends are compared with. */
    static final double MID_LOW_HZ = 250.0;
    static final double MID_HIGH_HZ = 4_000.0;

    /** Bands outside this range are left out (too few cycles per frame below, little energy above). */
    static final double MIN_HZ = 31.0;
    static final double MAX_HZ = 16_500.0;

    /**
     * A band counts only where the stem is coherent with its own part of the mix at least this
     * much ({@link BandEvidence.BandRow#ownCoherence()}): a transfer is then the stem's, not chance
     * correlation with content the stem does not carry. Half: the stem holds more of the part than
     * anything else. Measured: a stem lacking its bus EQ and compressor 0.94-0.98 in every band
     * (dev101 Drums); a guitar stem whose "+20 dB low shelf" was the missing bass, 0.11-0.31.
     */
    static final double MIN_OWN_COHERENCE = 0.5;

    /** An end (and the mids) is read from at least two third octaves: one band's transfer is one resonance, not a shelf. */
    static final int MIN_BANDS = 2;

    /** The largest of the low and high deviations, signed. */
    double eqDb() {
        double l = Double.isFinite(lowDb) ? lowDb : 0;
        double h = Double.isFinite(highDb) ? highDb : 0;
        return Math.abs(l) >= Math.abs(h) ? l : h;
    }

    /** Bands where the stem is this far below its loudest third octave hold too little of it for a transfer (chance correlation dominates). */
    static final double STEM_RANGE_DB = 30.0;

    /** A third octave reaches this factor above its centre (2^(1/6), IEC 61260-1 base-2 bands). */
    static final double BAND_EDGE = Math.pow(2, 1.0 / 6);

    /**
     * The shape of a stem's transfer from the bands centred in {@code [MIN_HZ, MAX_HZ]} that hold
     * enough of it. {@code cutoffHz} is a lossy codec's cut-off in the stem (infinite for a stem
     * without one): such a stem has no high end to judge. Above the cut-off the codec removed what
     * the mix still has; below it, in the top octaves, a perceptual coder quantises coarsest (the
     * ear's masking is widest there), and that noise, uncorrelated with the mix, pulls the band's
     * least-squares transfer down (regression dilution): dev101's GtrKeys, transcoded at 16.5 kHz,
     * read a -1.2 dB "high shelf" from 10 to 14 kHz. Its low end is judged as any stem's.
     */
    static BusShape of(StemTransfer t, List<BandLevel> stemBands, double commonSlope, double loudReductionDb,
                       double cutoffHz, DoubleUnaryOperator ownCoherence) {
        double top = stemBands.stream().mapToDouble(BandLevel::powerDb).filter(Double::isFinite).max().orElse(Double.NaN);
        List<Double> low = new ArrayList<>();
        List<Double> mid = new ArrayList<>();
        List<Double> high = new ArrayList<>();
        for (StemTransfer.Band b : t.bands()) {
            double c = b.centreHz();
            if (!Double.isFinite(b.ownDb()) || c < MIN_HZ || c > MAX_HZ || c * BAND_EDGE > cutoffHz
                    || c >= HIGH_HZ && Double.isFinite(cutoffHz) || !(power(stemBands, c) >= top - STEM_RANGE_DB)
                    || !(ownCoherence.applyAsDouble(c) >= MIN_OWN_COHERENCE)) {
                continue;
            }
            if (c <= LOW_HZ) {
                low.add(b.ownDb());
            } else if (c >= HIGH_HZ) {
                high.add(b.ownDb());
            } else if (c >= MID_LOW_HZ && c <= MID_HIGH_HZ) {
                mid.add(b.ownDb());
            }
        }
        double m = mid.size() >= MIN_BANDS ? mean(mid) : Double.NaN;
        return new BusShape(low.size() >= MIN_BANDS ? mean(low) - m : Double.NaN,
                high.size() >= MIN_BANDS ? mean(high) - m : Double.NaN, t.dynamics().slope() - commonSlope, loudReductionDb);
    }

    /** The stem's power in the third octave centred nearest {@code centreHz}. */
    private static double power(List<BandLevel> bands, double centreHz) {
        BandLevel best = null;
        for (BandLevel b : bands) {
            if (best == null || Math.abs(Math.log(b.band().centreHz() / centreHz)) < Math.abs(Math.log(best.band().centreHz() / centreHz))) {
                best = b;
            }
        }
        return best == null ? Double.NaN : best.powerDb();
    }

    private static double mean(List<Double> v) {
        return v.isEmpty() ? Double.NaN : v.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }
}
