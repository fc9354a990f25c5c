package org.stemcheck.core.internal.diagnosis;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.stemcheck.core.CheckContext;
import org.stemcheck.core.NullTestResult;
import org.stemcheck.core.Explanation;
import org.stemcheck.core.NullTestResult.StemComparison;
import org.stemcheck.core.Role;
import org.stemcheck.core.StemFile;
import org.stemcheck.core.internal.analysis.Transcodes;
import org.stemcheck.core.internal.setpass.MixbusJudge;
import org.stemcheck.core.internal.setpass.ResidualCharacter;
import org.stemcheck.core.internal.setpass.SetAnalysis;
import org.stemcheck.core.internal.setpass.StemDrift;
import org.stemcheck.dsp.nullsum.NullResidual;
import org.stemcheck.dsp.nullsum.StemGain;
import org.stemcheck.dsp.nullsum.StemOffset;
import org.stemcheck.dsp.nullsum.StemTransfer;
import org.stemcheck.dsp.BandEnergies.BandLevel;

/**
 * The null test as the checks see it: the set pass's measurements ({@link SetAnalysis}) turned
 * into a {@link NullTestResult}, with the diagnosis of what is left over. Computed once per run
 * (the engine keeps it), from the set analysis and the per-file judgements it depends on (which
 * stems a lossy codec went through).
 */
public final class Diagnosis {

    private Diagnosis() {
    }

    /**
     * The null test's result.
     *
     * @param ctx the run's context: the files' measurements and shared analyses
     * @param a   what the set pass measured
     * @return the result, with its explanations
     */
    public static NullTestResult of(CheckContext ctx, SetAnalysis a) {
        Map<String, Transcodes.Transcoded> cutoffs = ctx.analysis(Transcodes.FOUND);
        List<Explanation> explanations = new ArrayList<>();
        for (int i = 0; i < a.stems().size(); i++) {
            lacking(a, i, cutoffs).ifPresent(explanations::add);
        }
        boolean anyLacking = !explanations.isEmpty();
        List<StemFile> transcoded = Unexplained.transcoded(a, cutoffs);
        if (Unexplained.byCodec(a, transcoded)) {
            explanations.add(new Explanation.CodecNoise(transcoded));
        }
        NullTestResult.Residual residual = residual(a);
        if (Unexplained.inNoStem(a, transcoded, anyLacking) && !Double.isNaN(residual.channelCorrelation())) {
            explanations.add(missing(a, residual));
        }
        int rate = a.passes().first().sampleRate();
        return new NullTestResult(a.reference(), a.choice().given(), rate, a.passes().first().frames(),
                a.passes().startSeconds(), a.passes().count(), a.nullDb(), a.plainNullDb(),
                new NullTestResult.MixBus(a.mixbusProcessing(), a.commonGainDb()), stems(a), others(a),
                residual, explanations);
    }

    private static List<StemComparison> stems(SetAnalysis a) {
        List<StemComparison> out = new ArrayList<>();
        for (int i = 0; i < a.stems().size(); i++) {
            StemGain g = a.gain(i);
            StemOffset o = a.offset(i);
            int stem = i;
            Optional<NullTestResult.Drift> drift = a.drifts().stream().filter(d -> d.stem() == stem).findFirst()
                    .map(Diagnosis::drift);
            out.add(new StemComparison(a.stems().get(i),
                    new NullTestResult.Gain(g.scale(), g.levelErrorDb(), g.standardErrorDb(), g.identifiable()),
                    new NullTestResult.Offset(o.samples(), o.coherence(), o.peakRatio(), o.peakWidthSamples(),
                            o.confident(), o.displaced()),
                    drift));
        }
        return out;
    }

    private static NullTestResult.Drift drift(StemDrift d) {
        return new NullTestResult.Drift(d.earlySamples(), d.lateSamples(), d.spanSeconds(), d.confident(),
                d.peakWidthSamples());
    }

    private static List<NullTestResult.OtherMix> others(SetAnalysis a) {
        List<NullTestResult.OtherMix> out = new ArrayList<>();
        a.choice().depths().forEach((mix, d) -> {
            if (!mix.name().equals(a.reference().name())) {
                out.add(new NullTestResult.OtherMix(mix, d.afterGainsDb(), d.plainDb()));
            }
        });
        return out;
    }

    private static NullTestResult.Residual residual(SetAnalysis a) {
        List<NullTestResult.Segment> segments = new ArrayList<>();
        for (NullResidual.Segment g : a.passes().last().residual().segments()) {
            segments.add(new NullTestResult.Segment(g.startSeconds(), g.endSeconds(), g.residualRms(), g.mixRms()));
        }
        ResidualCharacter r = a.residual();
        List<NullTestResult.Band> octaves = new ArrayList<>();
        for (int k = 0; k < r.residualBands().size(); k++) {
            BandLevel b = r.residualBands().get(k);
            octaves.add(new NullTestResult.Band(b.band().lowHz(), b.band().centreHz(), b.band().highHz(), b.powerDb(),
                    r.mixBands().get(k).powerDb()));
        }
        return new NullTestResult.Residual(segments, octaves, r.correlation());
    }

    /**
     * A residual whose loudest octave band is centred at or below this is low-frequency content (a
     * bass line, a kick): the 250 Hz octave tops out at 355 Hz, the bass register's fundamentals
     * and first harmonics (E1 41 Hz .. G3 196 Hz).
     */
    public static final double LOW_HZ = 250.0;

    /** Content no stem carries, read from the residual's character. */
    private static Explanation.MissingPart missing(SetAnalysis a, NullTestResult.Residual r) {
        double[] region = r.region(REGION_DB).orElseThrow();
        double c = r.channelCorrelation();
        return new Explanation.MissingPart(!(c >= Thresholds.DIFFUSE_CORRELATION), a.nullDb(), c,
                r.shareBelow(LOW_HZ * Math.sqrt(2)), r.loudestBand().orElseThrow().centreHz(), region[0], region[1]);
    }

    /** The residual's content sits in the octave bands within this of its loudest one (a clear majority of its power). */
    static final double REGION_DB = 6.0;

    /**
     * Stem {@code i}'s lack of bus processing, if it lacks some. Judged only when the gains leave
     * part of the mix unexplained (otherwise every stem is a plain gain of its part), and for a
     * displaced stem only once it was moved back. EQ counts on stems, not on FX returns (a return
     * correlates with every dry stem, so its transfer takes up whatever else is unexplained);
     * missing compression is the loudest passages turned down more than the quiet ones
     * ({@code StemDynamics.loudReductionDb}), or a whole-range dynamics slope together with a level
     * error. A stem reported as lossy-transcoded is judged below its codec's cut-off only: above it
     * the codec removed what the mix (made from the original) still has, which is no EQ.
     */
    static Optional<Explanation.LacksBusProcessing> lacking(SetAnalysis a, int i,
                                                              Map<String, Transcodes.Transcoded> cutoffs) {
        if (!Unexplained.significant(a) || a.offset(i).displaced() && a.passes().count() < 2) {
            return Optional.empty();
        }
        double cutoff = Transcodes.cutoff(cutoffs, a.stems().get(i)).orElse(Double.POSITIVE_INFINITY);
        BusShape s = shape(a, i, cutoff);
        boolean eq = a.stems().get(i).role() == Role.STEM && Math.abs(s.eqDb()) > Thresholds.EQ_SHAPE_DB;
        boolean comp = compression(a, i, s);
        return eq || comp
                ? Optional.of(new Explanation.LacksBusProcessing(a.stems().get(i), s.lowDb(), s.highDb(), s.slope(),
                        s.loudReductionDb(), eq, comp))
                : Optional.empty();
    }

    private static BusShape shape(SetAnalysis a, int i, double cutoffHz) {
        List<StemTransfer> transfers = a.passes().last().transfers();
        double commonSlope = a.mixbusProcessing() ? MixbusJudge.median(transfers.stream()
                .mapToDouble(t -> t.dynamics().slope()).filter(Double::isFinite).toArray()) : 0.0;
        List<Double> reductions = a.residual().loudReductionDb();
        double commonReduction = a.mixbusProcessing() ? MixbusJudge.median(reductions.stream()
                .mapToDouble(Double::doubleValue).filter(Double::isFinite).toArray()) : 0.0;
        return BusShape.of(transfers.get(i), a.residual().stemBands().get(i),
                Double.isFinite(commonSlope) ? commonSlope : 0.0,
                reductions.get(i) - (Double.isFinite(commonReduction) ? commonReduction : 0.0), cutoffHz);
    }

    /**
     * The mix turns the stem's loudest passages down by {@link Thresholds#COMPRESSION_DB} more than
     * its quiet ones; or the older whole-range reading: a dynamics slope below {@code -SLOPE}
     * together with a level error (a compressor with makeup gain never leaves the average level as
     * it was).
     */
    private static boolean compression(SetAnalysis a, int i, BusShape s) {
        double err = a.gain(i).levelErrorDb() - a.commonGainDb();
        return s.loudReductionDb() >= Thresholds.COMPRESSION_DB
                || s.slope() < -Thresholds.SLOPE && Math.abs(err) >= Thresholds.GAIN_WARNING_DB;
    }
}
