package org.stemcheck.core.internal.diagnosis;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

import org.stemcheck.core.CheckContext;
import org.stemcheck.core.file.Role;
import org.stemcheck.core.file.StemFile;
import org.stemcheck.core.internal.analysis.Shelf;
import org.stemcheck.core.internal.analysis.Transcodes;
import org.stemcheck.core.internal.layout.PairRouting;
import org.stemcheck.core.internal.setpass.ChannelFits;
import org.stemcheck.core.internal.setpass.CleanNull;
import org.stemcheck.core.internal.setpass.MixbusJudge;
import org.stemcheck.core.internal.setpass.ResidualCharacter;
import org.stemcheck.core.internal.setpass.SetAnalysis;
import org.stemcheck.core.internal.setpass.SharedOffset;
import org.stemcheck.core.nulltest.Band;
import org.stemcheck.core.nulltest.Explanation;
import org.stemcheck.core.nulltest.MixBus;
import org.stemcheck.core.nulltest.NullTestResult;
import org.stemcheck.core.nulltest.OtherMix;
import org.stemcheck.core.nulltest.Residual;
import org.stemcheck.core.nulltest.Segment;
import org.stemcheck.core.nulltest.StemComparison;
import org.stemcheck.dsp.nullsum.NullResidual;
import org.stemcheck.dsp.nullsum.StemTransfer;
import org.stemcheck.dsp.BandEnergies.BandLevel;

/**
 * The null test as the checks see it: the set pass's measurements ({@link SetAnalysis}) turned
 * into a {@link NullTestResult}, with the diagnosis of what is left over. Computed once per run
 * (the engine keeps it), from the set analysis and the per-file judgements it depends on (which
 * stems a lossy codec went through). The stems' own file faults are {@link FileFaults}, each
 * stem's gain, offset and drift against the mix {@link StemComparisons}.
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
        List<org.stemcheck.core.nulltest.PairRouting> routing = a.reference().layout()
                .map(l -> PairRouting.named(a.routing(), a.stems(), l)).orElse(List.of());
        // A delivery the screen found clean was not diagnosed: its result is what the screen measured.
        return (a.diagnosed() ? diagnose(ctx, a, routing) : CleanNull.result(a)).withRouting(routing);
    }

    private static NullTestResult diagnose(CheckContext ctx, SetAnalysis a, List<org.stemcheck.core.nulltest.PairRouting> routing) {
        Map<String, Transcodes.Transcoded> cutoffs = ctx.analysis(Transcodes.FOUND);
        BandEvidence evidence = BandEvidence.of(a.passes().last(), a.mixbusProcessing(),
                a.mixbusProcessing() ? a.bus().commonGainDb() : 0.0);
        double channelNull = ChannelFits.nullDb(a.passes().last());
        List<Explanation> explanations = new ArrayList<>();
        if (NullTestResult.balanced(a.nullDb(), channelNull,
                IntStream.range(0, a.stems().size()).anyMatch(i -> Unexplained.panned(a, i)))) {
            // The stems null with their gains fitted channel by channel, or nearly: a pan or
            // balance explains the residual (or most of it), and nothing else is to be read from it.
            return result(a, evidence, explanations, residual(a), channelNull);
        }
        List<Explanation.FileFault> faults = Unexplained.significant(a) ? FileFaults.of(ctx, a, routing) : List.of();
        if (!faults.isEmpty()) {
            // Stems with faults of their own (mono, cut short, clipped) leave a residual of their
            // own: it is theirs, and no other stem is blamed nor any part called missing.
            explanations.addAll(faults);
            return result(a, evidence, explanations, residual(a), channelNull);
        }
        double mixWall = Transcodes.wall(ctx, a.reference()).map(Shelf::hz).orElse(Double.POSITIVE_INFINITY);
        List<Explanation.LacksBusProcessing> lacking = new ArrayList<>();
        double eqShare = 0;
        for (int i = 0; i < a.stems().size(); i++) {
            Optional<Explanation.LacksBusProcessing> x = lacking(a, i, cutoffs, mixWall, evidence);
            if (x.isPresent()) {
                lacking.add(x.get());
                eqShare += x.get().compression() ? 0.0 : evidence.residualShare()[i];
            }
        }
        if (named(lacking, eqShare)) {
            explanations.addAll(lacking);
        }
        boolean anyLacking = !explanations.isEmpty();
        List<StemFile> transcoded = Unexplained.transcoded(a, cutoffs);
        boolean codec = Unexplained.byCodec(a, transcoded);
        if (codec) {
            explanations.add(new Explanation.CodecNoise(transcoded));
        }
        Residual residual = residual(a);
        Explanation.Mismatch mismatch = codec ? null : mismatch(a, evidence, explanations).orElse(null);
        // What the stems' other renders account for rules over what is left uncovered when it is
        // the larger, whether or not a stem holds enough of it to be named: spread over many stems
        // (LMMS Skiessi-Onion with rendertracks: 23 stems, none a quarter of it; 0.0514 of the mix
        // against 0.0074 uncovered), a missing part is not told from the renders' excess.
        boolean mismatchRules = (mismatch != null || !codec && evidence.mismatchShare() > 0)
                && evidence.mismatchShare() >= evidence.uncoveredShare();
        if (!mismatchRules && Unexplained.inNoStem(a, transcoded, anyLacking, evidence)
                && !Double.isNaN(residual.channelCorrelation())) {
            explanations.add(missing(a, residual));
        } else if (!mismatchRules && !codec && Unexplained.inNoStemUnderBus(a, evidence)) {
            // Past the bus processing too, a stem left out of the comparison (unreadable, or of
            // channels or a rate that do not fit) is what the bands show no stem carries.
            List<Explanation.FileFault> leftOut = FileFaults.leftOut(ctx, a);
            if (leftOut.isEmpty()) {
                explanations.add(missingUnderBus(evidence));
            } else {
                explanations.addAll(leftOut);
            }
        } else if (!mismatchRules && !codec && Unexplained.otherRendersUnderBus(a, evidence)) {
            mismatch = renderedAnew(a, evidence).orElse(null);
        }
        if (mismatch != null) {
            // The mix holds another render or take of some stems: a band shape on another stem is as
            // likely that render's difference as bus processing the stem lacks, and is not named.
            explanations.removeIf(x -> x instanceof Explanation.LacksBusProcessing l && !l.compression()
                    && Math.abs(l.eqDb()) < RENDER_SHAPE_DB);
            explanations.add(mismatch);
        }
        return result(a, evidence, explanations, residual, channelNull);
    }

    private static NullTestResult result(SetAnalysis a, BandEvidence evidence, List<Explanation> explanations,
                                         Residual residual, double channelNull) {
        int rate = a.passes().first().sampleRate();
        MixbusJudge.Verdict bus = a.bus();
        double latency = mixLatency(a);
        return new NullTestResult(a.reference(), a.choice().given(), rate, a.passes().first().frames(),
                a.passes().startSeconds(), a.passes().count(), a.nullDb(), a.plainNullDb(),
                new MixBus(bus.processed(), bus.commonGainDb(), bus.limited(),
                        bus.stemsPeakDbfs(), bus.mixPeakDbfs(), latency),
                StemComparisons.of(a, evidence, explanations, latency), others(a), residual, explanations, channelNull);
    }

    /** How late the mix is against the stems as a whole ({@link SharedOffset}, worked out once by the set pass), samples; 0 when in place. */
    static double mixLatency(SetAnalysis a) {
        return -a.sharedOffset();
    }

    /**
     * The unexplained power the stems' own incoherent power accounts for, relative to the mix,
     * from which on the mix is said to hold other versions of them: -14 dB (4 %). Measured: a
     * clean delivery and one whose mix runs through a compressor and limiter -17 to -20 dB of
     * unexplained power altogether (the per-band fit's own error and the gain modulation), a
     * deleted stem -12 to -4 dB.
     */
    static final double UNEXPLAINED_SHARE_DB = -14.0;

    /**
     * A bus EQ a stem lacks (a band shape, without missing compression) is named only where the
     * shapes of the stems so read can account for this share of the residual or more: a half (each
     * stem's coherence with the residual, band by band, weighted by the residual's power, summed:
     * {@link BandEvidence#residualShare()}). A stem exported without its bus EQ accounts for most
     * of what it leaves (LMMS Socceroos, Ominus1 without its effects: 0.86, and 0.86 with every
     * file through AAC 256k). A stem whose band shape is read from content that correlates with it
     * accounts for little: a 7 s excerpt of LMMS Mauiwowi through AAC 256k without its bass drum
     * (-5.6 dB of the mix left) read "Kick lacks bus processing: about -1.1 dB low shelf" at 0.27,
     * the kick and the missing bass drum playing together, and the missing stem went unnamed.
     */
    static final double LACKING_EQ_SHARE = 0.5;

    /**
     * Whether the stems read as lacking their bus processing are named: always where one lacks
     * compression (a level-dependent gain, which one gain per band cannot account for), else where
     * their band shapes account for {@link #LACKING_EQ_SHARE} of the residual or more
     * ({@code eqShare}, their {@link BandEvidence#residualShare()} summed): otherwise the bands hold
     * another cause that correlates with them.
     */
    static boolean named(List<Explanation.LacksBusProcessing> lacking, double eqShare) {
        return lacking.stream().anyMatch(Explanation.LacksBusProcessing::compression) || eqShare >= LACKING_EQ_SHARE;
    }

    /**
     * The mix holds other versions of some stems when their content that does not reappear in it
     * is at least this share of the mix: -18 dB. Measured: dev101 with a stem replaced by another
     * take -14.7 dB (Pads) and -6.7 dB (Drums); clean, missing FX or bus processing below -27 dB;
     * a deleted stem -20.7 to -23.7 dB (it lowers the other stems' coherence with their parts,
     * not their transfers).
     */
    static final double MISMATCH_SHARE_DB = -18.0;

    /**
     * Next to stems the mix holds in another version, a stem's band shape under this (dB, the larger
     * shelf) is not named as bus EQ it lacks: 3 dB. LMMS ZeroSumGame with its mix rendered at 2x
     * oversampling (the hi-hats' noise another render) read "+1.4 dB low shelf" on the gated sub
     * bass, whose oversampled render has more low end; bus shelves of 1-3 dB are typical
     * ({@link Thresholds#EQ_SHAPE_DB}), so one that large beside another render is not told apart
     * from the render.
     */
    static final double RENDER_SHAPE_DB = 3.0;

    /** A stem is named in a {@link Explanation.Mismatch} when it holds at least this share of the mismatched power. */
    static final double MISMATCH_NAMED_SHARE = 0.25;

    /**
     * Below the mismatch share, a quiet stem is still named as another version when most of its
     * power does not reappear in the mix ({@link StemComparison#MIN_IN_MIX}) and its incoherent
     * power is at least a quarter of the residual (-6 dB): the generated electro song's lead,
     * 19 dB under the mix, replaced by another take (in the mix 0.00, the residual -19.1 dB);
     * the rock song's vocal likewise (0.41, -16.2 dB).
     */
    static final double NAMED_OF_RESIDUAL_DB = -6.0;

    private static boolean notInMixAndMostOfTheResidual(SetAnalysis a, BandEvidence ev, int i) {
        return ev.coherent(i) < StemComparison.MIN_IN_MIX && ev.mismatch()[i] > 0
                && 10 * Math.log10(ev.mismatch()[i]) >= a.nullDb() + NAMED_OF_RESIDUAL_DB;
    }

    /** The stems whose content the mix holds in another version, when their incoherent power is a real share. */
    private static Optional<Explanation.Mismatch> mismatch(SetAnalysis a, BandEvidence ev, List<Explanation> so) {
        if (!(a.mixbusProcessing() || Unexplained.significant(a))) {
            return Optional.empty();
        }
        boolean share = ev.mismatchDb() >= MISMATCH_SHARE_DB;
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < a.stems().size(); i++) {
            StemFile f = a.stems().get(i);
            boolean lacks = so.stream().anyMatch(x -> x instanceof Explanation.LacksBusProcessing l && l.stem().equals(f));
            boolean named = share ? ev.mismatch()[i] >= MISMATCH_NAMED_SHARE * ev.mismatchShare()
                    : notInMixAndMostOfTheResidual(a, ev, i);
            if (!lacks && named) {
                order.add(i);
            }
        }
        order.sort((x, y) -> Double.compare(ev.mismatch()[y], ev.mismatch()[x]));
        List<StemFile> named = order.stream().map(a.stems()::get).toList();
        return named.isEmpty() ? Optional.empty() : Optional.of(new Explanation.Mismatch(named, ev.mismatchDb()));
    }

    /**
     * Against a mix with mix-bus processing, where what no stem reproduces may be other renders of
     * the stems ({@link Unexplained#otherRendersUnderBus}): the stems whose own part of the mix is
     * not coherent with them ({@link Thresholds#MIN_OWN_COHERENCE}), each holding at least
     * {@link #MISMATCH_NAMED_SHARE} of the incoherent power of the most incoherent. Their gains,
     * shapes and dynamics are then not read as faults of theirs.
     */
    private static Optional<Explanation.Mismatch> renderedAnew(SetAnalysis a, BandEvidence ev) {
        double[] incoherent = new double[a.stems().size()];
        double most = 0;
        for (int i = 0; i < incoherent.length; i++) {
            double own = ev.ownCoherence()[i];
            incoherent[i] = Double.isFinite(own) && own < Thresholds.MIN_OWN_COHERENCE && ev.power()[i] > 0
                    ? ev.power()[i] * (1 - own) : 0.0;
            most = Math.max(most, incoherent[i]);
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < incoherent.length; i++) {
            if (most > 0 && incoherent[i] >= MISMATCH_NAMED_SHARE * most) {
                order.add(i);
            }
        }
        order.sort((x, y) -> Double.compare(incoherent[y], incoherent[x]));
        List<StemFile> named = order.stream().map(a.stems()::get).toList();
        return named.isEmpty() ? Optional.empty()
                : Optional.of(new Explanation.Mismatch(named, 10 * Math.log10(ev.renderShare())));
    }

    /**
     * Content no stem holds against a mix with mix-bus processing, read from the bands: the
     * residual itself is the processing there, so its level and channel correlation say nothing;
     * the bands where no stem reproduces the mix do.
     */
    private static Explanation.MissingPart missingUnderBus(BandEvidence ev) {
        BandEvidence.BandRow top = null;
        double all = 0;
        double low = 0;
        for (BandEvidence.BandRow b : ev.bands()) {
            all += b.uncovered();
            if (b.highHz() <= LOW_HZ * Math.sqrt(2) * 1.0001) {
                low += b.uncovered();
            }
            if (top == null || b.uncovered() > top.uncovered()) {
                top = b;
            }
        }
        double lo = Double.NaN;
        double hi = Double.NaN;
        for (BandEvidence.BandRow b : ev.bands()) {
            if (top != null && b.uncovered() >= top.uncovered() * Math.pow(10, -REGION_DB / 10)) {
                lo = Double.isNaN(lo) ? b.lowHz() : Math.min(lo, b.lowHz());
                hi = Double.isNaN(hi) ? b.highHz() : Math.max(hi, b.highHz());
            }
        }
        return new Explanation.MissingPart(false, ev.uncoveredDb(), Double.NaN, all > 0 ? low / all : Double.NaN,
                top == null ? Double.NaN : top.centreHz(), lo, hi);
    }

    private static List<OtherMix> others(SetAnalysis a) {
        List<OtherMix> out = new ArrayList<>();
        a.choice().depths().forEach((mix, d) -> {
            if (!mix.name().equals(a.reference().name())) {
                out.add(new OtherMix(mix, d.afterGainsDb(), d.plainDb()));
            }
        });
        return out;
    }

    private static Residual residual(SetAnalysis a) {
        List<Segment> segments = new ArrayList<>();
        for (NullResidual.Segment g : a.passes().last().residual().segments()) {
            segments.add(new Segment(g.startSeconds(), g.endSeconds(), g.residualRms(), g.mixRms()));
        }
        ResidualCharacter r = a.residual();
        List<Band> octaves = new ArrayList<>();
        for (int k = 0; k < r.residualBands().size(); k++) {
            BandLevel b = r.residualBands().get(k);
            octaves.add(new Band(b.band().lowHz(), b.band().centreHz(), b.band().highHz(), b.powerDb(),
                    r.mixBands().get(k).powerDb()));
        }
        return new Residual(segments, octaves, r.correlation());
    }

    /**
     * A residual whose loudest octave band is centred at or below this is low-frequency content (a
     * bass line, a kick): the 250 Hz octave tops out at 355 Hz, the bass register's fundamentals
     * and first harmonics (E1 41 Hz .. G3 196 Hz).
     */
    public static final double LOW_HZ = 250.0;

    /** Content no stem carries, read from the residual's character ({@link Unexplained#diffuseReturn}). */
    private static Explanation.MissingPart missing(SetAnalysis a, Residual r) {
        double[] region = r.region(REGION_DB).orElseThrow();
        double c = r.channelCorrelation();
        return new Explanation.MissingPart(Unexplained.diffuseReturn(a), a.nullDb(), c,
                r.shareBelow(LOW_HZ * Math.sqrt(2)), r.loudestBand().orElseThrow().centreHz(), region[0], region[1]);
    }

    /** The residual's content sits in the octave bands within this of its loudest one (a clear majority of its power). */
    public static final double REGION_DB = 6.0;

    /**
     * Stem {@code i}'s lack of bus processing, if it lacks some. Judged only when the gains leave
     * part of the mix unexplained (otherwise every stem is a plain gain of its part), and for a
     * displaced stem only once it was moved back. EQ counts on stems, not on FX returns (a return
     * correlates with every dry stem, so its transfer takes up whatever else is unexplained);
     * missing compression is the loudest passages turned down more than the quiet ones
     * ({@code StemDynamics.loudReductionDb}), or a whole-range dynamics slope together with a level
     * error. Each band's transfer counts only where the stem is coherent with its own part of the
     * mix ({@link BandEvidence}); a stem most of whose power does not reappear in the mix is not
     * judged at all, nor is any stem while the mix holds a real share of content no stem carries
     * ({@link #UNEXPLAINED_SHARE_DB}): a transfer read there is chance correlation with content the stem does
     * not carry (a missing bass read as a "+20 dB low shelf" on a guitar). An FX return is judged
     * only while it is most of its own part of the mix ({@link Thresholds#MIN_OWN_COHERENCE}):
     * otherwise its level-dependent gain follows a dry source that is missing or another take. A
     * stem reported as lossy-transcoded is judged below its codec's cut-off only: above it the codec
     * removed what the mix (made from the original) still has, which is no EQ. Likewise every stem
     * below the reference mix's own codec wall ({@code mixWallHz}, infinite for a mix without one):
     * a mix that went through a lossy codec was quantised coarsest in its top octaves, with other
     * content beside each stem than the stem's own file, and its transfers there are no EQ (dev101
     * with every file through ffmpeg's AAC at 128 kbit/s: Drums "about -0.9 dB high shelf",
     * through LAME at 128 kbit/s "-1.4 dB").
     */
    static Optional<Explanation.LacksBusProcessing> lacking(SetAnalysis a, int i,
                                                              Map<String, Transcodes.Transcoded> cutoffs,
                                                              double mixWallHz, BandEvidence evidence) {
        if (!Unexplained.significant(a) || a.offset(i).displaced() && a.passes().count() < 2
                || evidence.coherent(i) < StemComparison.MIN_IN_MIX
                || a.stems().get(i).role() == Role.FX && evidence.ownCoherence()[i] < Thresholds.MIN_OWN_COHERENCE
                || evidence.uncoveredDb() >= UNEXPLAINED_SHARE_DB
                || Unexplained.othersInOwnPart(a, i) > OTHERS_IN_OWN_PART) {
            return Optional.empty();
        }
        double cutoff = Math.min(mixWallHz, Transcodes.cutoff(cutoffs, a.stems().get(i)).orElse(Double.POSITIVE_INFINITY));
        BusShape s = shape(a, i, cutoff, evidence);
        boolean eq = a.stems().get(i).role() == Role.STEM && Math.abs(s.eqDb()) > Thresholds.EQ_SHAPE_DB;
        // Missing compression alone (no EQ shape, whose bands carry their own evidence) is named only
        // for a stem that is all but the whole of its own part of the mix: a missing reverb return
        // fills in its dry vocal's quiet passages, which reads as compression the vocal lacks.
        boolean comp = compression(a, i, s) && (eq || evidence.ownCoherence()[i] >= Thresholds.COMPRESSION_OWN_COHERENCE);
        return eq || comp
                ? Optional.of(new Explanation.LacksBusProcessing(a.stems().get(i), s.lowDb(), s.highDb(), s.slope(),
                        s.loudReductionDb(), eq, comp))
                : Optional.empty();
    }

    private static BusShape shape(SetAnalysis a, int i, double cutoffHz, BandEvidence evidence) {
        List<StemTransfer> transfers = a.passes().last().transfers();
        double commonSlope = a.mixbusProcessing() ? MixbusJudge.median(transfers.stream()
                .mapToDouble(t -> t.dynamics().slope()).filter(Double::isFinite).toArray()) : 0.0;
        List<Double> reductions = a.residual().loudReductionDb();
        double commonReduction = a.mixbusProcessing() ? MixbusJudge.median(reductions.stream()
                .mapToDouble(Double::doubleValue).filter(Double::isFinite).toArray()) : 0.0;
        return BusShape.of(transfers.get(i), a.residual().stemBands().get(i),
                Double.isFinite(commonSlope) ? commonSlope : 0.0,
                reductions.get(i) - (Double.isFinite(commonReduction) ? commonReduction : 0.0), cutoffHz,
                hz -> evidence.bands().stream().filter(b -> Math.abs(b.centreHz() - hz) < 1e-6 * hz).findFirst()
                        .map(b -> b.ownCoherence()[i]).orElse(Double.NaN));
    }

    /**
     * A stem's bus processing is read from its transfer to its own part of the mix (the mix less
     * the other stems as delivered), so only while what the other stems' own level faults leave
     * there ({@link Unexplained#othersInOwnPart}) is at most this share of the stem's power: 1 %.
     * Without a codec such a fault is fitted away to a deep null and nothing is judged; with every
     * file through one (the null never deeper than its noise, -32 to -36 dB on the generated songs
     * made lossy in code) it reaches the readings: the ballad's bass 3 dB hot left 24 % of the
     * drums' power in their own part and read "Drums lacks bus processing: about -1.5 dB low
     * shelf" (kick and bass play together), the rock song's bass with a DC offset of 0.02 left
     * 6.6 % and read "4.5 dB less compression" (the offset is most of the quiet passages' part).
     */
    static final double OTHERS_IN_OWN_PART = 0.01;

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
