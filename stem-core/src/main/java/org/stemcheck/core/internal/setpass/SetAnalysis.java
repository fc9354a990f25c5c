package org.stemcheck.core.internal.setpass;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

import org.stemcheck.core.file.StemFile;
import org.stemcheck.core.internal.layout.PairRouting;
import org.stemcheck.core.nulltest.NullTestResult;
import org.stemcheck.dsp.nullsum.NullResult;
import org.stemcheck.dsp.nullsum.NullSpectra;
import org.stemcheck.dsp.nullsum.StemGain;
import org.stemcheck.dsp.nullsum.StemOffset;

/**
 * What the set pass measured: the stems against the mix they null against best. The diagnosis
 * reads it and builds the {@code NullTestResult} the checks see.
 *
 * @param stems    the stems compared, in the order of the results' indices
 * @param choice   which mix is the reference, and how the stems null against every candidate
 * @param passes   the null tests' results against the reference
 * @param residual the character of the last pass's residual
 * @param drifts   per stem, its offsets near the start and the end (first pass, chosen mix)
 * @param bus      whether the chosen mix carries processing common to all stems
 * @param sharedOffset the offset most stems share against the chosen mix ({@link SharedOffset},
 *                 from the first pass's offsets), samples; 0 when there is none or the offsets were
 *                 not searched. Worked out once here: the second pass moves the stems by it, the
 *                 bus verdict and the diagnosis (the mix's latency) read it
 * @param diagnosed whether the diagnosis stages ran (offsets, drift halves, transfers, residual
 *                 spectra); false when the screen found the stems null cleanly against the chosen
 *                 mix ({@link CleanNull}): then {@code passes} holds the screen's result twice, with
 *                 no offsets, halves, bands or spectra, {@code drifts} is empty and {@code residual}
 *                 has no bands ({@link ResidualCharacter#screened})
 * @param routing  per stem, how its mirrored channel pairs land in the chosen mix (last pass)
 */
public record SetAnalysis(List<StemFile> stems, Choice choice, Passes passes, ResidualCharacter residual,
                          List<StemDrift> drifts, MixbusJudge.Verdict bus, double sharedOffset, boolean diagnosed,
                          List<PairRouting.Sums> routing) {

    public SetAnalysis {
        stems = List.copyOf(stems);
        drifts = List.copyOf(drifts);
        routing = List.copyOf(routing);
    }

    /** An analysis without channel-pair routing (as built before it was measured). */
    public SetAnalysis(List<StemFile> stems, Choice choice, Passes passes, ResidualCharacter residual,
                       List<StemDrift> drifts, MixbusJudge.Verdict bus, double sharedOffset, boolean diagnosed) {
        this(stems, choice, passes, residual, drifts, bus, sharedOffset, diagnosed, List.of());
    }

    /**
     * The reference mix and how it was chosen.
     *
     * @param reference the chosen mix
     * @param given     the reference was named by the caller ({@code StemSet.mixdown}), not chosen
     *                  as the deepest null
     * @param depths    per candidate mix (the reference included), in selection order
     */
    public record Choice(StemFile reference, boolean given, Map<StemFile, Depths> depths) {
        public Choice {
            depths = Collections.unmodifiableMap(new LinkedHashMap<>(depths));
        }
    }

    /**
     * How deep the stems null against one candidate mix (first pass).
     *
     * @param afterGainsDb after least-squares gains, dB
     * @param plainDb      as delivered (unity gains), dB
     */
    public record Depths(double afterGainsDb, double plainDb) {
    }

    /**
     * The null tests against the reference.
     *
     * @param first        the first pass (offsets are read here; a stem's offset as a trial
     *                     settled it where its peak was a repetition too far, {@code OffsetTrials.settled})
     * @param last         the last pass: the aligned one when a stem was displaced, else {@code first}
     * @param count        how many passes over the audio were made (1 or 2)
     * @param startSeconds where the last pass's comparison starts in the mix (after an early stem
     *                     is moved back, its first stretch is not compared); the residual's segment
     *                     times count from here
     * @param confirmed    the stems whose offset was not clear in the first pass but a trial pass
     *                     confirmed ({@link OffsetTrials}): the last pass has them moved back
     * @param reads        how many times the stems and the mix were read after the screen: the
     *                     diagnosis, the aligned pass and every trial's screening pass, kept or
     *                     not, and once more for a kept trial's full pass (0 when the diagnosis
     *                     was left out)
     */
    public record Passes(NullResult first, NullResult last, int count, double startSeconds,
                         List<Integer> confirmed, int reads) {
        public Passes {
            confirmed = List.copyOf(confirmed);
        }

        /** The screen's result as both passes: the diagnosis left out, nothing read again. */
        public static Passes screened(NullResult screen) {
            return new Passes(screen, screen, 1, 0.0, List.of(), 0);
        }
    }

    /** The chosen mix. */
    public StemFile reference() {
        return choice.reference();
    }

    /** The depth after gains (and alignment) against the chosen mix, dB. */
    public double nullDb() {
        return passes.last().gains().nullDepthDb();
    }

    /** The plain null of the stems as delivered (unity gains, aligned when a second pass ran), dB. */
    public double plainNullDb() {
        return passes.last().residual().totalDb();
    }

    /** Whether the chosen mix carries processing common to all stems. */
    public boolean mixbusProcessing() {
        return bus.processed();
    }

    /** The gain shared by the stems against the chosen mix (median level error), dB: 0 without mix-bus processing. */
    public double commonGainDb() {
        return bus.commonGainDb();
    }

    /** The tempo from the stems' file names, where they carry one. */
    public OptionalDouble bpm() {
        return stems.stream().map(StemFile::bpm).filter(OptionalDouble::isPresent)
                .mapToDouble(OptionalDouble::getAsDouble).findFirst();
    }

    /**
     * True when a displaced stem was off by a fraction of a sample that the whole-sample alignment
     * of the second pass could not undo, loud enough to leave what is left: the rule of
     * {@link NullTestResult#fractionLeft()}, on the first pass's offsets and the stems' power from
     * the last pass's spectra.
     */
    public boolean fractionLeft() {
        List<StemOffset> offsets = passes.first().offsets();
        for (int i = 0; i < offsets.size(); i++) {
            StemOffset o = offsets.get(i);
            if (NullTestResult.fractionLeft(o.displaced(), o.samples(), o.wholeSamples())
                    && NullTestResult.fractionCanLeave(levelDb(i), nullDb())) {
                return true;
            }
        }
        return false;
    }

    /** Stem {@code i}'s power as delivered relative to the mix's, dB ({@code NaN} where the spectra are not known). */
    private double levelDb(int i) {
        NullSpectra sp = passes.last().spectra();
        if (sp == null || i >= sp.stems().size() || !(sp.mix().totalPower() > 0)) {
            return Double.NaN;
        }
        return 10 * Math.log10(sp.stems().get(i).totalPower() / sp.mix().totalPower());
    }

    /** Stem {@code i}'s offset from the first pass (only when {@link #diagnosed()}). */
    public StemOffset offset(int i) {
        return passes.first().offsets().get(i);
    }

    /** Whether stem {@code i}'s offset, not clear in the first pass, was confirmed by a trial pass ({@link OffsetTrials}). */
    public boolean offsetConfirmed(int i) {
        return passes.confirmed().contains(i);
    }

    /** Stem {@code i}'s gain from the last pass. */
    public StemGain gain(int i) {
        return passes.last().gains().gains().get(i);
    }
}
