package org.stemcheck.dsp.nullsum;

import java.util.List;

/**
 * How the mix treats one stem, band by band: the transfer {@code H = S_xy / S_xx} from the
 * stem {@code x} to the mix and to the residual, from Hann-windowed frames (50 % overlap)
 * summed over channels and time, then over the FFT bins of each third-octave band
 * (a least-squares fit of one complex gain per band).
 *
 * <p>Reading it: a stem exported without its bus EQ shows the EQ's curve in {@link Band#ownDb()}
 * (a shelf as a step across bands), a stem at the wrong fader level shows the same dB in every
 * band. Valid when the stem is aligned with the mix; an offset stem decorrelates the frames and
 * the transfer falls towards {@code -inf}.
 *
 * @param stem      index of the stem in input order
 * @param bands     the bands that hold at least one FFT bin below Nyquist, low to high
 * @param dynamics  the level-dependence of the stem's gain
 */
public record StemTransfer(int stem, List<Band> bands, StemDynamics dynamics) {

    /**
     * Copies the bands.
     *
     * @param stem     index of the stem in input order
     * @param bands    not {@code null}; copied
     * @param dynamics the level-dependence of the stem's gain
     */
    public StemTransfer {
        bands = List.copyOf(bands);
    }

    /**
     * One band. All dB values are {@code 20 log10 |H|}; {@code NaN} where the stem has no
     * energy in the band.
     *
     * @param centreHz    nominal centre (base-10 third octaves, IEC 61260-1 exact midband)
     * @param lowHz       lower edge
     * @param highHz      upper edge
     * @param ownDb       gain from the stem to its own part of the mix, {@code 1 - H_residual}
     *                    (the other stems removed): 0 = as in the mix, +6 = the mix has the stem
     *                    6 dB louder in this band than the delivered stem
     * @param ownPhaseRad phase of that transfer, radians
     * @param mixDb       gain from the stem to the whole mix, {@code S_xm / S_xx}; equals
     *                    {@code ownDb} when the other stems are uncorrelated with this one
     * @param residualDb  gain from the stem to the residual {@code sum(stems) - mix}: how much of
     *                    the stem in this band does not null ({@code -inf} dB = nulls)
     */
    public record Band(double centreHz, double lowHz, double highHz, double ownDb,
                       double ownPhaseRad, double mixDb, double residualDb) {
    }
}
