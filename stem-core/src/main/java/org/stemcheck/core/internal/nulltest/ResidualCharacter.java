package org.stemcheck.core.internal.nulltest;

import java.util.List;
import java.util.Locale;

import org.stemcheck.dsp.set.NullResult;
import org.stemcheck.dsp.spectrum.Band;
import org.stemcheck.dsp.spectrum.BandEnergies;
import org.stemcheck.dsp.spectrum.BandEnergies.BandLevel;

/**
 * What the residual {@code sum(stems) - mix} (stems at unity gain, as fed: aligned in a second
 * pass) is like: its spectrum in octave bands against the mix's, and how alike its channels are.
 * A missing reverb return leaves a diffuse residual (channels weakly correlated); a missing bass
 * line a narrow, low, centred one. It also keeps each stem's third-octave spectrum (where a stem's
 * transfer into the mix means something) and how much the mix compresses each stem's loud
 * passages. All of it from the null test ({@link #of}).
 *
 * @param residualBands the residual's power per octave band (dB re full scale squared)
 * @param mixBands      the mix's power in the same bands
 * @param correlation   Pearson's r between the residual's two channels; NaN for mono or silence
 * @param stemBands     per stem, its power per third-octave band
 * @param loudReductionDb per stem, how much more the mix turns it down on its loudest passages
 *                      than on its quieter half, dB ({@code StemDynamics.loudReductionDb}); NaN
 *                      when too short
 */
public record ResidualCharacter(List<BandLevel> residualBands, List<BandLevel> mixBands, double correlation,
                                List<List<BandLevel>> stemBands, List<Double> loudReductionDb) {

    public ResidualCharacter {
        residualBands = List.copyOf(residualBands);
        mixBands = List.copyOf(mixBands);
        stemBands = stemBands.stream().map(List::copyOf).toList();
        loudReductionDb = List.copyOf(loudReductionDb);
    }

    /**
     * The character of a null test's residual.
     *
     * @param r the null test's result
     * @return its residual's character
     */
    static ResidualCharacter of(NullResult r) {
        List<Band> octaves = Band.octaves();
        return new ResidualCharacter(
                BandEnergies.of(r.spectra().residual(), octaves),
                BandEnergies.of(r.spectra().mix(), octaves),
                r.residual().channelCorrelation(),
                r.spectra().stems().stream().map(s -> BandEnergies.of(s, Band.thirdOctaves())).toList(),
                r.transfers().stream().map(t -> t.dynamics().loudReductionDb()).toList());
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
