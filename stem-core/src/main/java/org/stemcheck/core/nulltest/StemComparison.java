package org.stemcheck.core.nulltest;

import java.util.Objects;
import java.util.Optional;

import org.stemcheck.core.file.StemFile;

/**
 * One stem against the mix.
 *
 * @param file   the stem
 * @param gain   its least-squares gain into the mix
 * @param offset its time offset against the mix
 * @param drift  how its offset changes along the song, where it was measured
 * @param inMix  the share of the stem's power (at its fitted gain) that reappears in the mix,
 *               band by band, 0..1: near 1 for a stem that is in the mix (EQ and compression
 *               included), near 0 for a stem the mix holds another version of (another take,
 *               another render of a random instrument); 1 when it could not be judged. A gain,
 *               polarity or offset read from a stem below {@link #MIN_IN_MIX} is not evidence
 *               about that stem
 * @param levelDb its level in the mix at its fitted gain, relative to the mix, dB (from the
 *               third-octave bands 31 Hz-16 kHz; {@code NaN} when unknown): how much of the mix
 *               the stem is
 * @param ownCoherence how much of what the mix holds where this stem sits is this stem: its
 *               coherence with its own part of the mix (the mix minus the other stems at their
 *               gains), averaged over the third-octave bands weighted by the stem's power, 0..1;
 *               {@code NaN} when unknown. Near 1 for a stem that is in the mix at any gain;
 *               well under 1 when its part of the mix is mostly something else (content no stem
 *               carries that correlates with it, as a missing vocal with its reverb return): a
 *               gain read then describes that content, not the stem
 * @param gainAgreement how much of what the stem reproduces of its own part of the mix, band by
 *               band (one complex gain per third-octave band), its one fitted gain reproduces: at
 *               most 1, 1 where its part is the stem at that gain (a fader, an inverted stem);
 *               {@code NaN} when unknown. Low where the stem's content is in the mix but elsewhere
 *               in time (the transfer's phase turns from band to band): its gain then reads how a
 *               displaced copy happens to line up with the mix, and is no evidence of a fader nor
 *               of a polarity ({@link #MIN_GAIN_AGREEMENT})
 */
public record StemComparison(StemFile file, Gain gain, Offset offset, Optional<Drift> drift, double inMix,
                             double levelDb, double ownCoherence, double gainAgreement) {

    /**
     * Below this share of its power in the mix a stem's fitted gain and offset describe chance
     * correlation, not the stem: half, the point where the stem's part in the mix is more
     * something else than the stem.
     */
    public static final double MIN_IN_MIX = 0.5;

    /**
     * Below this {@link #gainAgreement()} a stem's gain and polarity describe how a copy of it
     * displaced in time lines up with the mix, not its level: nine tenths, as a trial of an offset
     * must explain ({@code OffsetTrials.OWN_POWER_EXPLAINED}). Measured: every stem found at a
     * wrong level or inverted in the tests (dev101, the three generated songs, beside a missing
     * part, an insert effect, a noise layer rendered anew) 0.99-1.00; innocent stems beside
     * another stem's fault down to 0.52 (their gains are not off); a bass line repeating every
     * beat beside a noise layer rendered anew, 600 samples late, 0.16 ("8.2 dB louder"), 300
     * samples late 0.25 ("6.3 dB louder"), 436 samples late 0.54 (its 55 Hz root half a period
     * off reads inverted, an octave up in phase: "3.0 dB louder", "polarity-inverted, gain -0.71").
     */
    public static final double MIN_GAIN_AGREEMENT = 0.9;

    /**
     * Checks that no part is null.
     *
     * @param file   not {@code null}
     * @param gain   not {@code null}
     * @param offset not {@code null}
     * @param drift  not {@code null}
     * @param inMix  0..1
     * @param levelDb dB or {@code NaN}
     * @param ownCoherence 0..1 or {@code NaN}
     * @param gainAgreement at most 1, or {@code NaN}
     */
    public StemComparison {
        Objects.requireNonNull(file, "file must not be null");
        Objects.requireNonNull(gain, "gain must not be null");
        Objects.requireNonNull(offset, "offset must not be null");
        Objects.requireNonNull(drift, "drift must not be null");
    }

    /**
     * A comparison without the gain's agreement with the stem's transfer (the form before it was
     * measured): {@code gainAgreement} {@code NaN}, which decides nothing.
     *
     * @param file         as in the canonical constructor
     * @param gain         as in the canonical constructor
     * @param offset       as in the canonical constructor
     * @param drift        as in the canonical constructor
     * @param inMix        as in the canonical constructor
     * @param levelDb      as in the canonical constructor
     * @param ownCoherence as in the canonical constructor
     */
    public StemComparison(StemFile file, Gain gain, Offset offset, Optional<Drift> drift, double inMix,
                          double levelDb, double ownCoherence) {
        this(file, gain, offset, drift, inMix, levelDb, ownCoherence, Double.NaN);
    }

    /**
     * Whether the stem's fitted gain is evidence of its level and polarity: its gain reproduces
     * what the stem reproduces of its part of the mix, at least {@link #MIN_GAIN_AGREEMENT} of it
     * (an unknown agreement decides nothing).
     *
     * @return {@code !(gainAgreement < MIN_GAIN_AGREEMENT)}
     */
    public boolean gainAgrees() {
        return !(gainAgreement < MIN_GAIN_AGREEMENT);
    }

    /**
     * Whether the stem as delivered is what the mix holds of it (see {@link #MIN_IN_MIX}):
     * only then are its gain, polarity and offset evidence about it.
     *
     * @return {@code inMix >= MIN_IN_MIX}
     */
    public boolean matchesMix() {
        return !(inMix < MIN_IN_MIX);
    }
}
