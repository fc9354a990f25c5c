package org.stemcheck.core.internal.nulltest;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

import org.stemcheck.core.Report;
import org.stemcheck.core.StemFile;
import org.stemcheck.dsp.set.NullResult;
import org.stemcheck.dsp.set.StemGain;
import org.stemcheck.dsp.set.StemOffset;

/**
 * The result of the set pass: the stems against the mix they null against best.
 *
 * @param reference        the chosen mix
 * @param stems            the stems compared, in the order of the results' indices
 * @param first            the first pass (offsets are read here)
 * @param result           the last pass: the aligned one when a stem was displaced, else {@code first}
 * @param residual         the character of the last pass's residual against the chosen mix
 * @param mixDepthsDb      per candidate mix, the null depth after least-squares gains, dB
 * @param mixPlainDepthsDb per candidate mix, the null depth of the stems as delivered (unity
 *                         gains, first pass), dB
 * @param mixbusProcessing whether the chosen mix carries processing common to all stems
 * @param commonGainDb     the gain shared by the stems against the chosen mix (median level
 *                         error), dB: 0 without mix-bus processing
 * @param passes           how many passes over the audio were made (1 or 2)
 * @param bpm              the tempo from the file names, where they carry one
 * @param startSeconds     where the last pass's comparison starts in the mix (after an early
 *                         stem is moved back, its first stretch is not compared); the residual's
 *                         segment times count from here
 * @param drifts           per stem, its offsets near the start and the end (first pass, chosen mix)
 * @param given            the reference was named by the caller ({@code StemSet.mixdown}), not
 *                         chosen as the deepest null
 */
public record SetAnalysis(StemFile reference, List<StemFile> stems, NullResult first, NullResult result,
                          ResidualCharacter residual, Map<String, Double> mixDepthsDb,
                          Map<String, Double> mixPlainDepthsDb, boolean mixbusProcessing,
                          double commonGainDb, int passes, OptionalDouble bpm, double startSeconds, List<StemDrift> drifts,
                          boolean given) {

    public SetAnalysis {
        stems = List.copyOf(stems);
        mixDepthsDb = Collections.unmodifiableMap(new LinkedHashMap<>(mixDepthsDb));
        mixPlainDepthsDb = Collections.unmodifiableMap(new LinkedHashMap<>(mixPlainDepthsDb));
        drifts = List.copyOf(drifts);
    }

    /** The depth after gains (and alignment) against the chosen mix, dB. */
    public double nullDb() {
        return result.gains().nullDepthDb();
    }

    /** The plain null of the stems as delivered (unity gains, aligned when a second pass ran), dB. */
    public double plainNullDb() {
        return result.residual().totalDb();
    }

    /** The report's {@code reference} entry. */
    public Report.Reference toReference() {
        double d = plainNullDb();
        return new Report.Reference(reference.name(), Double.isFinite(d) ? OptionalDouble.of(d) : OptionalDouble.empty(),
                Optional.of(mixbusProcessing));
    }

    /**
     * True when a displaced stem was off by a fraction of a sample that the whole-sample alignment
     * of the second pass could not undo (more than {@code 0.05} samples: a residual of about
     * -24 dB at 10 kHz at 48 kHz); what is left unexplained is then partly that fraction, not a
     * missing part.
     */
    public boolean fractionLeft() {
        return first.offsets().stream().anyMatch(o -> o.displaced() && Math.abs(o.samples() - o.wholeSamples()) > 0.05);
    }

    /** Stem {@code i}'s offset from the first pass. */
    public StemOffset offset(int i) {
        return first.offsets().get(i);
    }

    /** Stem {@code i}'s gain from the last pass. */
    public StemGain gain(int i) {
        return result.gains().gains().get(i);
    }
}
