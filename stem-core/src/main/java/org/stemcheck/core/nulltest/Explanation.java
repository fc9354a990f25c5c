package org.stemcheck.core.nulltest;

import java.util.List;

import org.stemcheck.core.file.StemFile;

/**
 * A cause the null test's diagnosis found for part of the residual (what is left when the stems
 * are summed against the mix): a stem lacking its bus processing, content no stem carries, a lossy
 * codec's noise, another version of a stem's part, a stem's own file fault. Each names what it
 * blames and gives the numbers; a finding built on one names the same file. Read them from {@link NullTestResult#explanations()}.
 */
public sealed interface Explanation
        permits Explanation.LacksBusProcessing, Explanation.MissingPart, Explanation.CodecNoise,
        Explanation.Mismatch, Explanation.FileFault {

    /**
     * A stem whose relation to the mix is not a plain gain: it lacks the bus EQ and/or compression
     * the mix applies to it (judged against what all stems share, so mix-bus processing does not
     * count).
     *
     * @param stem            the stem
     * @param lowShelfDb      its low end (bands up to 80 Hz) against its mids in the mix's
     *                        transfer, dB; {@code NaN} where the stem has no low end
     * @param highShelfDb     its high end (from 10 kHz) against its mids, dB; {@code NaN} likewise
     * @param dynamicsSlope   level-dependent gain beyond the stems' common one, dB per dB
     * @param loudReductionDb how much more the mix turns the stem's loudest passages down than its
     *                        quieter half, beyond the stems' common amount, dB
     * @param eq              the transfer's shape is EQ the stem lacks
     * @param compression     the stem lacks compression
     */
    public record LacksBusProcessing(StemFile stem, double lowShelfDb, double highShelfDb, double dynamicsSlope,
                                     double loudReductionDb, boolean eq, boolean compression) implements Explanation {
        /**
         * The larger of the two shelves, signed (a finite one wins over {@code NaN}).
         *
         * @return dB
         */
        public double eqDb() {
            double l = Double.isFinite(lowShelfDb) ? lowShelfDb : 0;
            double h = Double.isFinite(highShelfDb) ? highShelfDb : 0;
            return Math.abs(l) >= Math.abs(h) ? l : h;
        }
    }

    /**
     * Content in the mix that no stem carries: a missing stem (centred or panned) or missing
     * effect returns (diffuse).
     *
     * @param diffuse     true when the residual's channels are weakly correlated (reverb, delay
     *                    returns) and no FX return's channel balance moves with it, false for
     *                    an instrument or voice
     * @param levelDb     its level relative to the mix (the null after gains), dB
     * @param correlation the residual's channel correlation
     * @param lowShare    the share of its power below 354 Hz (the 250 Hz octave's upper edge)
     * @param bandHz      the centre of the octave band holding most of it, Hz
     * @param lowHz       the lower edge of the bands within 6 dB of that one, Hz
     * @param highHz      their upper edge, Hz
     */
    public record MissingPart(boolean diffuse, double levelDb, double correlation, double lowShare, double bandHz,
                              double lowHz, double highHz) implements Explanation {
    }

    /**
     * The residual is what a lossy codec did to some stems (noise added, top end removed): it
     * lies well under their level in the mix.
     *
     * @param stems the stems a lossy codec went through
     */
    public record CodecNoise(List<StemFile> stems) implements Explanation {
        /**
         * Copies the list.
         *
         * @param stems not {@code null}; copied
         */
        public CodecNoise {
            stems = List.copyOf(stems);
        }
    }

    /**
     * The mix holds other versions of some stems' parts: the unexplained part sits where these
     * stems carry their content, at about their level, and their content does not reappear in the
     * mix (another take, another render of an instrument with random elements, a different
     * sample). Not a missing part, and nothing a fader or an offset can fix.
     *
     * @param stems   the stems whose content the mix does not hold as delivered, most unexplained
     *                power first
     * @param levelDb the unexplained power these stems account for, relative to the mix, dB
     */
    public record Mismatch(List<StemFile> stems, double levelDb) implements Explanation {
        /**
         * Copies the list.
         *
         * @param stems   not {@code null}; copied
         * @param levelDb dB
         */
        public Mismatch {
            stems = List.copyOf(stems);
        }
    }

    /**
     * A stem whose own file finding leaves a residual of its own: exported mono among stereo stems
     * (its stereo image is in the mix, not in the file), cut short or truncated (the mix holds its
     * part where the file has ended), clipped at export (the mix holds the peaks the file lost).
     * The residual it causes is attributed to it, and no other stem is blamed for it.
     *
     * @param stem the stem
     * @param code the code of the file's own finding ({@code format.channels}, {@code format.length},
     *             {@code level.clipping})
     * @param what what the fault is, for a message after the stem's label
     *             ({@code "is mono: its stereo image is in the mix"}, {@code "is 3.6 s shorter"})
     */
    public record FileFault(StemFile stem, String code, String what) implements Explanation {
    }
}
