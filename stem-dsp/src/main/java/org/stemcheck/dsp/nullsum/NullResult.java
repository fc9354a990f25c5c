package org.stemcheck.dsp.nullsum;

import java.util.List;

/**
 * Everything the null test measured over the frames fed so far.
 *
 * <p>A screen ({@link NullSum#screen}) measures the residual, the gains and the dynamics only: its
 * result has no offsets and no halves (empty lists), each transfer without bands (its dynamics
 * only), and {@code spectra} {@code null}.
 *
 * @param sampleRate the common rate of stems and mix, Hz
 * @param frames     frames accepted
 * @param residual   the plain null (unity gains): depth and where it fails
 * @param gains      least-squares gain per stem, rank and condition, null depth after the gains
 * @param offsets    time offset per stem against the mix
 * @param transfers  per-band transfer and dynamics per stem
 * @param spectra    power spectra of the residual, the mix and every stem
 * @param halves     per stem, its offsets over the two parts of the song the setup asked for
 *                   ({@link NullSumSetup#withHalves}); empty when it asked for none
 * @param channelGains per channel of the mix, the stems' gains into that channel alone (each
 *                   stem's channel against the mix's): a stem whose channels need different gains
 *                   has another pan or balance than in the mix; empty for mono
 */
public record NullResult(int sampleRate, long frames, NullResidual residual, GainSolution gains,
                         List<StemOffset> offsets, List<StemTransfer> transfers, NullSpectra spectra,
                         List<HalfOffsets> halves, List<GainSolution> channelGains) {

    /**
     * Copies the lists.
     *
     * @param sampleRate Hz
     * @param frames     {@code >= 0}
     * @param residual   the plain null
     * @param gains      the gain fit
     * @param offsets    one per stem, in input order; copied
     * @param transfers  one per stem, in input order; copied
     * @param spectra    the spectra
     * @param halves     one per stem in input order, or empty; copied
     * @param channelGains one per channel, or empty; copied
     */
    public NullResult {
        offsets = List.copyOf(offsets);
        transfers = List.copyOf(transfers);
        halves = List.copyOf(halves);
        channelGains = List.copyOf(channelGains);
    }

    /**
     * A result without offsets over parts of the song.
     *
     * @param sampleRate Hz
     * @param frames     {@code >= 0}
     * @param residual   the plain null
     * @param gains      the gain fit
     * @param offsets    one per stem, in input order; copied
     * @param transfers  one per stem, in input order; copied
     * @param spectra    the spectra
     */
    public NullResult(int sampleRate, long frames, NullResidual residual, GainSolution gains,
                      List<StemOffset> offsets, List<StemTransfer> transfers, NullSpectra spectra) {
        this(sampleRate, frames, residual, gains, offsets, transfers, spectra, List.of(), List.of());
    }
}
