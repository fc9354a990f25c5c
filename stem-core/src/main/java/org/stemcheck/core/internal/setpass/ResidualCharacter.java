package org.stemcheck.core.internal.setpass;

import java.util.List;

import org.stemcheck.dsp.nullsum.NullResult;
import org.stemcheck.dsp.Band;
import org.stemcheck.dsp.BandEnergies;
import org.stemcheck.dsp.BandEnergies.BandLevel;

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

    /**
     * What a screen ({@code NullSum.screen}) says of the residual: its channel correlation and the
     * stems' loud-passage reductions (from their dynamics); no bands, since it measures no spectra.
     *
     * @param r the screen's result
     * @return the character, without bands
     */
    static ResidualCharacter screened(NullResult r) {
        return new ResidualCharacter(List.of(), List.of(), r.residual().channelCorrelation(), List.of(),
                r.transfers().stream().map(t -> t.dynamics().loudReductionDb()).toList());
    }
}
