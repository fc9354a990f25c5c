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
 */
public record StemComparison(StemFile file, Gain gain, Offset offset, Optional<Drift> drift, double inMix,
                             double levelDb, double ownCoherence) {

    /**
     * Below this share of its power in the mix a stem's fitted gain and offset describe chance
     * correlation, not the stem: half, the point where the stem's part in the mix is more
     * something else than the stem.
     */
    public static final double MIN_IN_MIX = 0.5;
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
     */
    public StemComparison {
        Objects.requireNonNull(file, "file must not be null");
        Objects.requireNonNull(gain, "gain must not be null");
        Objects.requireNonNull(offset, "offset must not be null");
        Objects.requireNonNull(drift, "drift must not be null");
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
