package org.stemcheck.core.internal.nulltest;

import java.util.List;
import java.util.Locale;

import org.stemcheck.dsp.spectrum.BandEnergies.BandLevel;

/**
 * What the residual {@code sum(stems) - mix} is like.
 *
 * @param residualBands the residual's power per octave band (dB re full scale squared)
 * @param mixBands      the mix's power in the same bands
 * @param correlation   Pearson's r between the residual's two channels; NaN for mono or silence
 * @param stemBands     per stem, its power per third-octave band
 * @param loudReductionDb per stem, how much more the mix turns it down on its loudest passages
 *                      than on its quieter half, dB ({@link LoudPassages}); NaN when too short
 */
public record ResidualCharacter(List<BandLevel> residualBands, List<BandLevel> mixBands, double correlation,
                                List<List<BandLevel>> stemBands, List<Double> loudReductionDb) {

    public ResidualCharacter {
        residualBands = List.copyOf(residualBands);
        mixBands = List.copyOf(mixBands);
        stemBands = stemBands.stream().map(List::copyOf).toList();
        loudReductionDb = List.copyOf(loudReductionDb);
    }

    /** The octave band holding most of the residual's power. */
    public BandLevel loudestBand() {
        BandLevel best = residualBands.get(0);
        for (BandLevel b : residualBands) {
            if (b.powerDb() > best.powerDb() || Double.isNaN(best.powerDb())) {
                best = b;
            }
        }
        return best;
    }

    /**
     * The span of octave bands within {@code withinDb} of the loudest one, as {@code "60-250 Hz"}:
     * where the residual's content sits.
     */
    public String region(double withinDb) {
        double top = loudestBand().powerDb();
        double lo = Double.NaN;
        double hi = Double.NaN;
        for (BandLevel b : residualBands) {
            if (b.powerDb() >= top - withinDb) {
                lo = Double.isNaN(lo) ? b.band().lowHz() : Math.min(lo, b.band().lowHz());
                hi = Double.isNaN(hi) ? b.band().highHz() : Math.max(hi, b.band().highHz());
            }
        }
        return hz(lo) + "-" + hz(hi) + " Hz";
    }

    /** Share of the residual's power below {@code hz}, 0..1. */
    public double shareBelow(double hz) {
        double below = 0;
        double all = 0;
        for (BandLevel b : residualBands) {
            double p = Math.pow(10, b.powerDb() / 10);
            if (Double.isFinite(p)) {
                all += p;
                if (b.band().highHz() <= hz * 1.0001) {
                    below += p;
                }
            }
        }
        return all > 0 ? below / all : Double.NaN;
    }

    private static String hz(double f) {
        return f >= 1000 ? String.format(Locale.ROOT, "%.0fk", f / 1000) : String.format(Locale.ROOT, "%.0f", f);
    }
}
