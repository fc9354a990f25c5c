package org.stemcheck.core.internal.diagnosis;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.stemcheck.core.internal.setpass.ChannelFits;
import org.stemcheck.core.internal.setpass.SetAnalysis;
import org.stemcheck.core.internal.setpass.StemDrift;
import org.stemcheck.core.nulltest.Drift;
import org.stemcheck.core.nulltest.Explanation;
import org.stemcheck.core.nulltest.Gain;
import org.stemcheck.core.nulltest.Offset;
import org.stemcheck.core.nulltest.StemComparison;
import org.stemcheck.dsp.nullsum.StemGain;
import org.stemcheck.dsp.nullsum.StemOffset;

/**
 * Each stem against its part of the mix, as the null test's result reports it: its gain (and per
 * channel), its offset (and whether it is displaced), its drift, how much of it reappears in the
 * mix. Whether an offset counts depends on the explanations {@link Diagnosis} found first.
 */
final class StemComparisons {

    /**
     * An offset of fewer samples than this is reported only when it is significant
     * ({@link #significantOffset}): a compressed or limited mix, a missing part, another take or
     * a stem without its effects move a correlation peak by a few samples (measured on real sets:
     * 1.0-2.1 samples on stems that a joint fit places within 0.15; 3.27 on a random synth take;
     * LMMS renders 4.2 samples next to a mix rendered with oversampling and 7.99 next to a stem
     * without its effects). 10 samples, where the offset check stops giving fractions.
     */
    static final double SMALL_OFFSET_SAMPLES = 10.0;

    /**
     * Moving the displaced stems back must deepen the null by at least this for a small offset to
     * count: a real displacement of 2.5 samples leaves tens of dB of comb filtering that the move
     * undoes; a peak pulled by processing leaves a null the move does not change. 3 dB: half the
     * residual power.
     */
    static final double OFFSET_IMPROVES_DB = 3.0;

    private StemComparisons() {
    }

    /**
     * The comparisons, one per stem of the set pass, in its order.
     *
     * @param latency how late the mix is against the stems as a whole, samples ({@link Diagnosis#mixLatency})
     */
    static List<StemComparison> of(SetAnalysis a, BandEvidence evidence, List<Explanation> explanations,
                                   double latency) {
        boolean smallOffsetsCount = significantOffset(a, explanations);
        List<StemComparison> out = new ArrayList<>();
        for (int i = 0; i < a.stems().size(); i++) {
            StemGain g = a.gain(i);
            StemOffset o = a.offset(i);
            int stem = i;
            Optional<Drift> drift = a.drifts().stream().filter(d -> d.stem() == stem).findFirst()
                    .map(StemComparisons::drift);
            double inMix = evidence.coherent(i);
            double samples = o.samples() + latency;
            boolean confirmed = a.offsetConfirmed(i);
            // An offset is evidence about the stem only where the stem is what the mix holds of it
            // and is most of its own part there (another render of it correlates by chance at some
            // lag: LMMS Skiessi-Onion's synth "39 samples late" with own coherence 0.09).
            boolean displaced = (o.displaced() || confirmed) && !(inMix < StemComparison.MIN_IN_MIX)
                    && !(evidence.ownCoherence()[i] < StemComparison.MIN_IN_MIX)
                    && Math.abs(samples) >= Math.max(0.5, o.peakWidthSamples() / 2)
                    && (Math.abs(samples) >= SMALL_OFFSET_SAMPLES || smallOffsetsCount && latency == 0);
            out.add(new StemComparison(a.stems().get(i),
                    new Gain(g.scale(), g.levelErrorDb(), g.standardErrorDb(), g.identifiable(),
                            ChannelFits.errors(a.passes().last(), i)),
                    new Offset(samples, o.coherence(), o.peakRatio(), o.peakWidthSamples(),
                            o.confident() || confirmed, displaced),
                    drift, inMix, evidence.levelDb(i, Double.isFinite(g.scale()) ? g.scale() : 0.0),
                    evidence.ownCoherence()[i], evidence.gainAgreement()[i]));
        }
        return out;
    }

    /**
     * Whether a small offset stands against the estimate's own uncertainty: against a mix
     * without mix-bus processing, with nothing else unexplained, and a second pass whose
     * alignment deepened the null by {@link #OFFSET_IMPROVES_DB}.
     */
    private static boolean significantOffset(SetAnalysis a, List<Explanation> explanations) {
        boolean otherCause = explanations.stream().anyMatch(x -> x instanceof Explanation.MissingPart
                || x instanceof Explanation.Mismatch || x instanceof Explanation.LacksBusProcessing
                || x instanceof Explanation.FileFault);
        return !a.mixbusProcessing() && !otherCause && a.passes().count() > 1
                && a.passes().first().gains().nullDepthDb() - a.passes().last().gains().nullDepthDb() >= OFFSET_IMPROVES_DB;
    }

    private static Drift drift(StemDrift d) {
        return new Drift(d.earlySamples(), d.lateSamples(), d.spanSeconds(), d.confident(),
                d.peakWidthSamples());
    }
}
