package org.stemcheck.core.internal.checks.mix;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.stemcheck.core.CheckContext;
import org.stemcheck.core.Finding;
import org.stemcheck.core.file.StemFile;
import org.stemcheck.core.internal.diagnosis.Thresholds;
import org.stemcheck.core.internal.setpass.MixbusJudge;
import org.stemcheck.core.nulltest.Explanation;
import org.stemcheck.core.nulltest.Gain;
import org.stemcheck.core.nulltest.NullTestResult;
import org.stemcheck.core.nulltest.StemComparison;

/**
 * {@code mix.gain}: a stem louder or quieter than in the mix (least-squares gain, against the
 * gain all stems share when the mix carries mix-bus processing). A stem that lacks its bus
 * processing is left to {@code mix.bus-processing}: its level difference is that processing's.
 * A gain is evidence about a stem only when the stem is what the mix holds
 * ({@link StemComparison#matchesMix()}); while part of the mix is unexplained
 * (a missing part, other versions of some stems), a small difference is that part's share and
 * is not reported; nor is a gain that does not reproduce the stem's part of the mix as a
 * complex gain per band does ({@link StemComparison#gainAgrees()}: the stem is in the mix
 * elsewhere in time); against a mix with bus processing, whose dynamics scatter the stems' gains,
 * only a stem that stands out of that scatter is. Nor is a difference that leaves as much of the
 * stem's part of the mix unexplained as it corrects (an insert effect's dry/wet, not a fader:
 * {@link #CORRECTION_OVER_UNEXPLAINED}).
 */
final class GainCheck extends MixCheck {

    GainCheck() {
        super("mix.gain", "every stem sits at the level it has in the mix");
    }

    @Override
    List<Finding> judge(CheckContext ctx, NullTestResult r) {
        List<Finding> out = new ArrayList<>();
        // Beside a stem's fraction of a sample too (r.unexplained() leaves that out): LMMS Mauiwowi
        // rendered with rendertracks, a synth stem 240 samples late (found at 239.87): three innocent
        // stems, their parts other renders of them, read "+11.2 dB", "1.4 dB quieter".
        boolean contentUnexplained = r.leavesARest()
                || !r.explanations(Explanation.MissingPart.class).isEmpty()
                || !r.explanations(Explanation.Mismatch.class).isEmpty()
                || !r.explanations(Explanation.FileFault.class).isEmpty();
        boolean partUnexplained = contentUnexplained
                || r.mixBus().processed() && r.mixBus().commonGainDb() >= STEMS_HOT_DB;
        double scatter = r.mixBus().processed() ? scatterDb(r) : 0.0;
        for (StemComparison s : r.stems()) {
            Gain g = s.gain();
            // With a stem panned elsewhere, one gain per stem cannot fit the mix and the others'
            // gains take up some of it; fitted channel by channel they are right.
            double level = r.balanced() && !g.channelLevelErrorDb().isEmpty()
                    ? g.channelLevelErrorDb().stream().mapToDouble(Double::doubleValue).average().orElseThrow()
                    : g.levelErrorDb();
            double err = level - r.mixBus().commonGainDb();
            // While content of the mix is unexplained, a gain is read only from a stem that is most of
            // its own part of the mix: otherwise it takes up content that correlates with it (a
            // return whose dry source is missing). A stem with a fault of its own is not judged.
            // Nor from a stem whose one gain does not reproduce what it reproduces of its part band
            // by band: its content is in the mix elsewhere in time, and the gain fitted where it
            // sits reads how a displaced copy lines up (a repeating bass line 600 samples late
            // beside a noise layer rendered anew: "8.2 dB louder", agreement 0.16).
            boolean evidence = !(contentUnexplained && s.ownCoherence() < Thresholds.MIN_OWN_COHERENCE)
                    && s.gainAgrees()
                    && r.explanations(Explanation.FileFault.class).stream()
                            .noneMatch(x -> x.stem().name().equals(s.file().name()))
                    && !(r.balanced() && monoAmongStereo(r, s));
            boolean judged = evidence && g.identifiable() && !otherVersion(r, s) && lacking(r, s.file().name()).isEmpty()
                    && !onlyDrifts(r, s)
                    && !(r.mixBus().processed() && !(s.levelDb() >= MIN_LEVEL_UNDER_BUS_DB));
            if (judged && g.channelSpreadDb() >= PAN_DB && Math.abs(err) < PAN_FIT_DB && !partUnexplained) {
                out.add(pan(s, r.mixBus().commonGainDb()));
                continue;
            }
            // Against a limited mix a difference under GAIN_UNCERTAIN_DB is the limiter's: it holds
            // the stems that make the peaks more than the rest (the generated rock song's drums
            // read +1.6 dB through a master limiter with 8 dB of drive; a bass 3 dB hot 2.8-3.0 dB).
            if (!evidence || !g.identifiable() || !Double.isFinite(err) || Math.abs(err) < Thresholds.GAIN_WARNING_DB
                    || Math.abs(err) < Thresholds.SIGMAS * g.standardErrorDb()
                    || Math.abs(err) < Thresholds.SIGMAS * scatter
                    || (partUnexplained || r.mixBus().limited()) && Math.abs(err) < Thresholds.GAIN_UNCERTAIN_DB
                    || contentUnexplained && g.channelSpreadDb() < PAN_DB && !explainsItsPart(err, s.ownCoherence())
                    || r.mixBus().processed() && !(s.levelDb() >= MIN_LEVEL_UNDER_BUS_DB)
                    || otherVersion(r, s) || lacking(r, s.file().name()).isPresent() || onlyDrifts(r, s)
                    || turnedDownByTheChainItCarries(r, err)) {
                continue;
            }
            StemFile f = s.file();
            String msg = String.format(Locale.ROOT, "%s is %.1f dB %s than in the mix", f.displayLabel(),
                    Math.abs(err), err > 0 ? "louder" : "quieter");
            Finding x = Math.abs(err) >= Thresholds.GAIN_ERROR_DB
                    ? Finding.error(id(), msg) : Finding.warning(id(), msg);
            out.add(x.withFiles(f.name())
                    .withMeasurement("gain_db", err)
                    .withMeasurement("standard_error_db", g.standardErrorDb())
                    .withMeasurement("scale", g.scale())
                    .withFix(String.format(Locale.ROOT, "re-export %s with its fader as in the mix (%+.1f dB)",
                            f.displayLabel(), -err)));
        }
        return out;
    }

    /**
     * Whether a stem reads quieter than in the mix by less than the makeup the stems carry: the
     * stems went through the mix-bus chain ({@code level.mixbus-processing}, makeup at least
     * {@link Thresholds#MAKEUP_EXCESS_DB} over the mix), whose limiter turns the loudest stems down
     * most. The generated electro song's kick read "3.5 dB quieter", the rock song's drums "2.4 dB
     * quieter" with a 12 dB chain in every stem: no fader moved, and re-exported without the chain
     * they sit as in the mix.
     */
    static boolean turnedDownByTheChainItCarries(NullTestResult r, double errDb) {
        double makeup = r.mixBus().commonGainDb();
        return r.mixBus().processed() && makeup >= Thresholds.MAKEUP_EXCESS_DB && errDb < 0 && -errDb < makeup;
    }

    /**
     * While part of the mix is unexplained, a level difference is read as a fader only when
     * correcting it changes the stem's part of the mix at least this many times more than that
     * part holds content the stem does not explain (its {@link StemComparison#ownCoherence()}'s
     * complement): twice. A stem printed without an insert effect whose dry/wet turned its dry
     * part down fits the mix best somewhat lower, but the gain leaves as much of its part
     * unexplained as it corrects (LMMS ReggaetonTry, trumpet without its plate reverb: +2.5 dB
     * changes 0.107 of its part, 0.10 of it is the plate's tail: ratio 1.07); a fader leaves
     * nothing of its own (the generated song's bass 3 dB hot with its FX return missing: 0.170
     * against 0.00). Not asked of a stem whose channels need gains {@link #PAN_DB} apart: what its
     * part leaves unexplained is then its own balance (LMMS FinalStep, the kick panned 50 % in its
     * stem: 2.3 dB quieter, channels 1.5 dB apart, 0.052 against 0.03), where a dry/wet turns both
     * channels down alike (the trumpet's channels 0.25 dB apart, the plate being stereo).
     */
    static final double CORRECTION_OVER_UNEXPLAINED = 2.0;

    /**
     * Whether a level difference of {@code errDb} explains more of the stem's part of the mix than
     * is left unexplained in it ({@link #CORRECTION_OVER_UNEXPLAINED}). The correction's share of
     * the part's power: the part is the stem at gain {@code g = 10^(-errDb/20)}, the correction
     * {@code (1 - g)} times the stem, so {@code ((1 - g) / g)^2 = (10^(errDb/20) - 1)^2}.
     * An own coherence that is not known decides nothing (true).
     */
    static boolean explainsItsPart(double errDb, double ownCoherence) {
        double correction = Math.pow(Math.pow(10, errDb / 20) - 1, 2);
        return !(correction < CORRECTION_OVER_UNEXPLAINED * (1 - ownCoherence));
    }

    /**
     * Against a mix with bus processing a stem this far under the mix (its level in the mix at its
     * fitted gain) is not judged: its least-squares gain then answers mostly to the processing's
     * modulation of the loud stems, not to its own level. Measured on LMMS renders through a
     * master limiter: hi-hats and rides at -25 to -35 dB read 10-14 dB "louder than in the mix";
     * the loud stems and a bass 3 dB hot under a compressor and limiter (-8 dB) read right.
     */
    static final double MIN_LEVEL_UNDER_BUS_DB = -20.0;

    /**
     * Every stem this much louder than in the mix is either a mix turned down on its bus or stems
     * exported through the mix-bus chain ({@code level.mixbus-processing}, whose makeup-gain
     * witness this is): the chain's limiter then holds the loud stems more than the quiet ones,
     * and their small differences are its doing.
     */
    static final double STEMS_HOT_DB = 4.0;

    /**
     * A stem whose channels need gains this far apart to fit the mix sits elsewhere in the stereo
     * image than in the mix: the error threshold of a level (1 dB), here between the channels. A pan
     * of 50 % right in LMMS reads 6.02 dB (its balance law turns the left channel down).
     */
    static final double PAN_DB = Thresholds.GAIN_ERROR_DB;

    /**
     * A pan is read only for a stem whose level fits otherwise, while nothing else is unexplained
     * (a stereo part left out is taken up by the other stems' channel gains: LMMS, a wide bass
     * line deleted read as "left +6.2 dB, right -1.6 dB" on an innocent chorus): a balance turns one channel down,
     * and a stem 6 dB or more off on average does not fit the mix with channel gains either (it is
     * out of time or another version; LMMS renders: a bass line 2 ticks late read "+20.0 / +17.8 dB").
     */
    static final double PAN_FIT_DB = 6.0;

    /**
     * Whether the stem is mono among stereo stems: its pan in the mix is lost in the file
     * ({@code format.channels} names it), so channel gains fitted to it describe that, not a fader.
     */
    private static boolean monoAmongStereo(NullTestResult r, StemComparison s) {
        return s.file().format().map(f -> f.channels() == 1).orElse(false)
                && r.stems().stream().anyMatch(o -> o.file().format().map(f -> f.channels() > 1).orElse(false));
    }

    /** The finding for a stem whose pan or balance differs from the mix's. */
    private Finding pan(StemComparison s, double common) {
        List<Double> ch = s.gain().channelLevelErrorDb();
        List<String> parts = new ArrayList<>();
        for (int c = 0; c < ch.size(); c++) {
            String name = ch.size() == 2 ? (c == 0 ? "left" : "right") : "channel " + (c + 1);
            // rounded first, so that a hair under zero reads +0.0, not -0.0
            parts.add(String.format(Locale.ROOT, "%s %+.1f dB", name, Math.round((ch.get(c) - common) * 10) / 10.0 + 0.0));
        }
        String label = s.file().displayLabel();
        Finding f = Finding.error(id(), String.format(Locale.ROOT,
                        "%s sits elsewhere in the stereo image than in the mix: against the mix it is %s (its pan or"
                                + " balance differs)", label, String.join(", ", parts)))
                .withFiles(s.file().name())
                .withMeasurement("gain_db", s.gain().levelErrorDb() - common)
                .withMeasurement("channel_spread_db", s.gain().channelSpreadDb());
        for (int c = 0; c < ch.size(); c++) {
            f = f.withMeasurement("channel_" + (c + 1) + "_gain_db", ch.get(c) - common);
        }
        return f.withFix("re-export " + label + " with its pan (balance) as in the mix");
    }

    /**
     * How far the stems' gains scatter about their median, dB: the median absolute deviation
     * scaled to a standard deviation (1.4826, the normal distribution's ratio). A mix compressor
     * turns each stem down by its own share of the gain reduction, so against such a mix every
     * stem is "off" by a little.
     */
    static double scatterDb(NullTestResult r) {
        double[] err = r.stems().stream().filter(s -> s.gain().identifiable() && s.matchesMix())
                .mapToDouble(s -> s.gain().levelErrorDb()).filter(Double::isFinite).toArray();
        if (err.length < 3) {
            return 0.0;
        }
        double median = MixbusJudge.median(err);
        double[] dev = java.util.Arrays.stream(err).map(e -> Math.abs(e - median)).toArray();
        return 1.4826 * MixbusJudge.median(dev);
    }
}
