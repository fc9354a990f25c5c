package org.stemcheck.core.internal.setpass;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.stemcheck.dsp.nullsum.NullResult;
import org.stemcheck.dsp.nullsum.StemGain;
import org.stemcheck.dsp.nullsum.StemOffset;

/**
 * Offsets the first pass found but could not be sure of, put to the test of the null: a move is
 * kept only when a pass with it made deepens the null after gains ({@link #GAIN_DB} for a stem's own
 * offset, {@link #SHARED_GAIN_DB} for the mix's latency).
 *
 * <p>Two kinds are tried. A <b>shared</b> offset of the mix (its bus latency) that
 * {@link SharedOffset} does not accept on the peaks' vote alone: against a mix late by a
 * look-ahead limiter's 220 samples, the stems whose parts overlap (drum layers) correlate with
 * one another's misaligned copies in the reference, and some of them peak at 0 (LMMS renders of
 * ReggaetonTry through a limiter: three stems at -220 samples, the quiet drum layers at 0 with
 * coherence 0.18-0.29). And a <b>stem's own</b> offset whose peak is not clear (peak ratio under
 * 2: a bass line or a loop that repeats every beat), where the peak found is the right one (an
 * LMMS bass line moved by two ticks peaks at 552 samples, ratio 1.35). A peak that lands on a
 * repetition instead (a bar away) makes the null worse when tried, and is dropped.
 */
final class OffsetTrials {

    /**
     * A trial is kept when the null after gains is deeper by at least this: 3 dB, half the
     * residual's power explained by the move. A wrong move of a repeating part adds its power to
     * the residual instead (the null gets shallower); a right one takes a displaced stem's whole
     * error away (the LMMS Socceroos bass line two ticks late: -0.9 dB before, -56.9 dB after).
     */
    static final double GAIN_DB = 3.0;

    /**
     * A kept trial of a stem's own offset leaves the null at least this far under the stem's own
     * level: 10 dB, the move explains nine tenths of the stem's power or more. Deepening the null
     * is not enough for a part that repeats: LMMS FinalStep's bass line two ticks late, moved to a
     * peak 3.96 beats away, nulls 9 dB deeper there (-0.8 to -9.9 dB) while the line itself is
     * about -4 dB of the mix; the right moves leave 28 dB and more under their stem (Socceroos'
     * bass line -56.9 dB at -0.8 dB, Mauiwowi's kick -46.3 dB at -2.5 dB, ZeroSumGame's sub -30.9
     * dB at -2.8 dB).
     */
    static final double UNDER_OWN_LEVEL_DB = 10.0;

    /**
     * At most this many stems' own offsets are tried (each trial is one more pass over the stems and
     * the mix: a screening one, and a full one when the trial is kept).
     */
    static final int MAX_STEM_TRIALS = 2;

    /**
     * A stem is tried only when its power is at least the residual's less this: a stem of power
     * {@code P} out of place leaves at most {@code 2P} of residual, so a move can deepen the null
     * by {@link #GAIN_DB} only when {@code 2P >= R / 2}, that is {@code P >= R - 6 dB}.
     */
    static final double LEVEL_UNDER_RESIDUAL_DB = -6.0;

    private OffsetTrials() {
    }

    /**
     * A trial of a stem's own offset is also kept when the move makes the stem fit its part of the
     * mix: its least-squares gain after the move explains at least this share of the stem's power
     * (the gain within 0.46 dB of the stems' common gain), where before the move it did not, and the
     * null deepens by {@link #OWN_FIT_GAIN_DB}. The same nine tenths as {@link #UNDER_OWN_LEVEL_DB},
     * read on the stem's own gain instead of on the whole null: where the other stems do not null
     * (other renders, per-render noise), the right move of a stem cannot take the null 10 dB under
     * it. A bass stem 240 samples late beside two stems whose parts are other renders: gain -0.23
     * (read as "12.9 dB louder") before, 1.001 after, the null -6.5 to -13.0 dB against a ceiling
     * of -17.4 dB. A repetition that fits only part of the line fits it at a gain well under one:
     * the FinalStep bass line a bar away explained 0.74 of the line's power, the fixture of
     * {@code OffsetTrialsTest} with other fills a beat away 0.67.
     */
    static final double OWN_POWER_EXPLAINED = 1 - Math.pow(10, -UNDER_OWN_LEVEL_DB / 10);

    /**
     * The null deepening a trial judged on the stem's gain ({@link #OWN_POWER_EXPLAINED}) needs:
     * 0.5 dB, as for a witnessed shared offset ({@link #SHARED_GAIN_DB}); the gain is the evidence,
     * the null must not get worse. A stem 11 dB under the mix in a residual of -6 dB of other
     * renders, moved right, deepens the null by about 1 dB.
     */
    static final double OWN_FIT_GAIN_DB = 0.5;

    /**
     * Whether the trial {@code trial} of stem {@code i}'s own offset is kept against {@code before}:
     * the null deepens by {@link #GAIN_DB} to {@link #UNDER_OWN_LEVEL_DB} under the stem's level
     * {@code levelDb} (the move explains the stem's part, the rest of the set nulling), or by
     * {@link #OWN_FIT_GAIN_DB} with the stem's gain brought to explain {@link #OWN_POWER_EXPLAINED}
     * of its power from under that (the move explains the stem's part, whatever the rest leaves).
     *
     * @param commonGainDb the stems' common level error against the mix (its bus processing), dB
     */
    static boolean keeps(NullResult trial, NullResult before, int i, double levelDb, double commonGainDb) {
        if (deepens(trial, before, GAIN_DB) && trial.gains().nullDepthDb() <= levelDb - UNDER_OWN_LEVEL_DB) {
            return true;
        }
        return deepens(trial, before, OWN_FIT_GAIN_DB)
                && fitsItsPart(trial.gains().gains().get(i), commonGainDb)
                && !fitsItsPart(before.gains().gains().get(i), commonGainDb);
    }

    /**
     * Whether a stem's fitted gain, over the common gain, explains {@link #OWN_POWER_EXPLAINED} of its
     * power and no more than its inverse: {@code g^2} within {@code [0.9, 1/0.9]}.
     */
    private static boolean fitsItsPart(StemGain g, double commonGainDb) {
        double relative = g.scale() / Math.pow(10, -commonGainDb / 20);
        double share = relative * relative;
        return g.identifiable() && relative > 0 && share >= OWN_POWER_EXPLAINED && share <= 1 / OWN_POWER_EXPLAINED;
    }

    /**
     * Whether a kept move of a stem by {@code shift} samples went a repetition too far: the pass
     * with the stem so moved finds it displaced again ({@code left}, a coherent peak a whole sample
     * or more away) towards where it was delivered. A part that repeats every bar correlates alike
     * a bar away, and the whole-song peak may fall there: LMMS Skiessi-Onion's kick, 240 samples
     * late in code, peaked at 75840 (a bar of 75600 samples and the 240); moved there, it fit the
     * mix (gain 1.02) and was found a bar early (-75599).
     */
    static boolean repetitionTooFar(StemOffset left, long shift) {
        return Double.isFinite(left.samples()) && left.coherence() >= StemOffset.CONFIDENT_COHERENCE
                && left.wholeSamples() != 0 && Math.abs(shift + left.wholeSamples()) < Math.abs(shift);
    }

    /**
     * The nearer move of a repetition ({@link #repetitionTooFar}) is kept when its null after gains
     * is at most this much shallower than the far one's: 0.5 dB, as {@link #SHARED_GAIN_DB}. Both
     * fit a part that repeats, the nearer over more of the song; a peak that is not a repetition
     * leaves the stem out of place when tried and its null shallower by far more.
     */
    static final double REPETITION_DB = 0.5;

    /** Whether {@code trial} nulls within {@link #REPETITION_DB} of {@code far}. */
    static boolean asDeep(NullResult trial, NullResult far) {
        return trial.gains().nullDepthDb() <= far.gains().nullDepthDb() + REPETITION_DB;
    }

    /**
     * {@code first} with stem {@code i}'s offset settled at the nearer move {@code shift}: what the
     * pass with it moved there finds left ({@code after}) added, where that is under a sample (the
     * fine figure), else the first offset and what the far move left ({@code left}) summed. The
     * offset's other figures (coherence, peak ratio, width) stay the first pass's.
     */
    static NullResult settled(NullResult first, int i, long shift, StemOffset left, StemOffset after, int rate) {
        StemOffset o = first.offsets().get(i);
        double lag = Double.isFinite(after.samples()) && Math.abs(after.samples()) < 1
                ? shift + after.samples() : o.samples() + left.samples();
        List<StemOffset> offsets = new ArrayList<>(first.offsets());
        offsets.set(i, new StemOffset(i, lag, lag / rate, o.coherence(), o.peakRatio(), o.peakWidthSamples(),
                o.alignedScale(), o.inverted()));
        return new NullResult(first.sampleRate(), first.frames(), first.residual(), first.gains(), offsets,
                first.transfers(), first.spectra(), first.halves(), first.channelGains());
    }

    /**
     * Whether {@code trial} deepens the null after gains of {@code before} by {@code marginDb}:
     * {@link #GAIN_DB} for a stem's own offset, {@link #SHARED_GAIN_DB} for a witnessed shared one.
     */
    static boolean deepens(NullResult trial, NullResult before, double marginDb) {
        return trial.gains().nullDepthDb() <= before.gains().nullDepthDb() - marginDb;
    }

    /**
     * A shared offset that two or more stems witnessed is kept when moving every stem by it
     * deepens the null by this much: 0.5 dB. The witnesses are the evidence; the trial only has to
     * show that moving the other stems too is no worse than leaving them (when the shared offset is
     * really two stems nudged alike, moving the others takes them out of place and the null gets
     * shallower). A mix through a heavy limiter does not null well even in place: LMMS ReggaetonTry,
     * +6 dB into a -1 dB ceiling, nulls to -0.9 dB before the move and -1.9 dB after it.
     */
    static final double SHARED_GAIN_DB = 0.5;

    /**
     * The stems whose own offset is worth a trial, most coherent first: a peak that is not clear
     * ({@link StemOffset#confident()} false) yet coherent, displaced by more than its width, a
     * whole sample or more away from where {@code shifts} already puts the stem, and loud enough
     * to matter against the residual of {@code before}.
     *
     * @param first    the first pass (the offsets)
     * @param before   the pass the trials are measured against
     * @param levelsDb each stem's power over the mix's, dB
     * @param shifts   the whole-sample moves already made
     */
    static List<Integer> stemCandidates(NullResult first, NullResult before, double[] levelsDb, long[] shifts) {
        double residualDb = before.gains().nullDepthDb();
        List<StemOffset> out = new ArrayList<>();
        for (StemOffset o : first.offsets()) {
            int i = o.stem();
            boolean unclear = !o.confident() && o.coherence() >= StemOffset.CONFIDENT_COHERENCE;
            if (unclear && Double.isFinite(o.samples())
                    && Math.abs(o.samples()) >= Math.max(1.0, o.peakWidthSamples() / 2)
                    && o.wholeSamples() != shifts[i]
                    && levelsDb[i] >= residualDb + LEVEL_UNDER_RESIDUAL_DB) {
                out.add(o);
            }
        }
        out.sort(Comparator.comparingDouble(StemOffset::coherence).reversed());
        return out.stream().limit(MAX_STEM_TRIALS).map(StemOffset::stem).toList();
    }
}
