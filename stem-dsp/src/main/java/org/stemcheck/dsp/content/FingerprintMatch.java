package org.stemcheck.dsp.content;

import java.util.Locale;
import org.stemcheck.dsp.internal.Db;

/**
 * How two fingerprints relate: {@code other ~ gain * this} over their common length.
 *
 * @param correlation         normalised correlation of the signed sketches, in [-1, 1]; +-1 for
 *                            the same audio up to gain and polarity
 * @param gain                least-squares gain of the other relative to this one (negative when
 *                            inverted); NaN when this one is silent
 * @param envelopeCorrelation Pearson's r of the level envelopes (gain- and polarity-blind)
 * @param points              intervals compared (the shorter fingerprint's length)
 * @param matches             whether |correlation| reaches {@link Fingerprint#MATCH_CORRELATION}
 *                            over at least {@link Fingerprint#MIN_SOUNDING_POINTS} sounding intervals
 */
public record FingerprintMatch(double correlation, double gain, double envelopeCorrelation, int points,
                               boolean matches) {

    /**
     * The gain magnitude in dB.
     *
     * @return {@code 20 log10 |gain|}: 0 for an identical copy, -6.02 for one at half level
     */
    public double gainDb() {
        return Db.amplitude(gain);
    }

    /**
     * Whether the other is polarity-inverted relative to this one.
     *
     * @return true when the gain is negative
     */
    public boolean inverted() {
        return gain < 0;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "FingerprintMatch[r=%.4f, gain %.2f dB%s, env r=%.3f, %d points%s]",
                correlation, gainDb(), inverted() ? " inverted" : "", envelopeCorrelation, points,
                matches ? ", match" : "");
    }
}
