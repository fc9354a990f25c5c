package org.stemcheck.dsp.nullsum;

import java.util.List;
import org.stemcheck.dsp.Spectrum;

/**
 * The power spectra a null test measured along the way, each the mean over channels of a Welch
 * periodogram (Hann frames of about 170 ms, 50 % overlap, complete frames only; scaled as
 * {@link org.stemcheck.dsp.WelchSpectrum.Result#average()}): what the residual is made
 * of, against what the mix and each stem hold. Read them in bands with
 * {@link org.stemcheck.dsp.BandEnergies}. A comparison shorter than one frame has
 * {@code segments() == 0} and every bin at negative infinity.
 *
 * @param residual the residual {@code sum(stems) - mix} at unity gains, as fed
 * @param mix      the mix
 * @param stems    each stem, in input order
 */
public record NullSpectra(Spectrum residual, Spectrum mix, List<Spectrum> stems) {

    /**
     * Copies the list.
     *
     * @param residual the residual's spectrum
     * @param mix      the mix's spectrum
     * @param stems    one spectrum per stem, in input order; copied
     */
    public NullSpectra {
        stems = List.copyOf(stems);
    }
}
