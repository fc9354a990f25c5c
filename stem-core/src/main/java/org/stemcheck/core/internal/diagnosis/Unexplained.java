package org.stemcheck.core.internal.diagnosis;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.stemcheck.core.file.Role;
import org.stemcheck.core.file.StemFile;
import org.stemcheck.core.internal.setpass.ChannelFits;
import org.stemcheck.core.internal.setpass.SetAnalysis;
import org.stemcheck.dsp.BandEnergies.BandLevel;

/** Whether the stems leave a part of the mix unexplained that is worth characterising. */
final class Unexplained {

    private Unexplained() {
    }

    /**
     * Null shallower than {@link Thresholds#NULL_WARNING_DB} against a mix without mix-bus
     * processing, and not the leftover of a fractional offset ({@link SetAnalysis#fractionLeft()}).
     */
    static boolean significant(SetAnalysis a) {
        return !a.mixbusProcessing() && !a.fractionLeft() && Double.isFinite(a.nullDb())
                && a.nullDb() > Thresholds.NULL_WARNING_DB;
    }

    /**
     * Significant, and explained neither by a stem lacking its bus processing nor by the stems a
     * lossy codec went through ({@link #byCodec}): something no stem carries.
     *
     * The bands must show it too: content no stem reproduces nor holds in another version
     * ({@link BandEvidence#uncoveredDb()}), at least {@link #MISSING_SHARE_DB} of the mix, or
     * {@link #DIFFUSE_SHARE_DB} when it is diffuse. The stems' own faults that leave a residual of
     * their own (mono, cut short, clipped) are {@link FileFaults} and named before this is asked.
     *
     * @param anyLacking whether some stem lacks its bus processing
     */
    static boolean inNoStem(SetAnalysis a, List<StemFile> transcoded, boolean anyLacking, BandEvidence ev) {
        double share = diffuseWithoutPan(a) ? DIFFUSE_SHARE_DB : MISSING_SHARE_DB;
        return significant(a) && ev.uncoveredDb() < Thresholds.EXPLAINED_DB && !byCodec(a, transcoded) && !anyLacking
                && ev.uncoveredDb() >= share;
    }

    /**
     * Content no stem carries is named from this share of the mix on: -24 dB. Read from the
     * residual's coherence with each stem ({@link BandEvidence}), what a gain, an offset, a polarity
     * or 16-bit rounding leaves uncovered on the generated songs is -56 dB and under; a stem without
     * its bus compression leaves -25.5 to -34.0 dB (and is named as such first); causes the
     * diagnosis does not model leave -26.9 (a stem drifting 60 ppm, the generated ballad's piano)
     * to -28.0 dB (LMMS FinalStep with its kick panned). Missing parts read
     * -3.8 to -20.1 dB: a left-out lead -10.1 to -19.2 dB on the three generated songs, a
     * partly mono reverb return -20.1 dB, the LMMS renders with a track removed -5.5 to -12.6 dB.
     */
    static final double MISSING_SHARE_DB = -24.0;

    /**
     * A residual this diffuse (channel correlation under {@link Thresholds#DIFFUSE_CORRELATION}) is
     * content no stem carries from this share of the mix on: -36 dB. None of the stems' own faults
     * leaves a diffuse residual (clipping, a lost side signal, a cut, DC: centred or in one stem's
     * channels, and named as the stem's own first), nor does a gain; a reverb or delay return left
     * out does, at its own level: the generated electro song's delay 33.9 dB under the mix, dev101's
     * FX stem 12.0 dB, LMMS Mauiwowi's snare reverb 19.7 dB. Diffuse residuals of other causes read
     * -54 dB and under (a stem 552 to 768 samples late, once moved back: LMMS Socceroos and
     * ZeroSumGame). A stem whose channels need gains {@link Thresholds#GAIN_ERROR_DB} apart (its
     * balance moved) leaves a wide residual too, so then {@link #MISSING_SHARE_DB} holds.
     */
    static final double DIFFUSE_SHARE_DB = -36.0;

    /** Whether the residual is diffuse and no stem's channels need gains a pan apart (last pass). */
    static boolean diffuseWithoutPan(SetAnalysis a) {
        return a.residual().correlation() < Thresholds.DIFFUSE_CORRELATION
                && IntStream.range(0, a.stems().size()).noneMatch(i -> panned(a, i));
    }

    /**
     * Whether a diffuse residual is a missing return: unless an FX return's channels need gains a
     * pan apart. A return whose balance moves with the residual shares content with it, and what
     * feeds a return is a dry source: the generated electro song without its wide lead (channel
     * correlation -0.22) reads its delay return's channels 7.4 dB apart, so the lead is a missing
     * part, not a missing return. A dry stem moving with it says nothing either way (dev101
     * without its FX stem: the backing vocals, which feed the missing reverb, read 2.5 dB apart).
     */
    static boolean diffuseReturn(SetAnalysis a) {
        return a.residual().correlation() < Thresholds.DIFFUSE_CORRELATION && IntStream
                .range(0, a.stems().size()).noneMatch(i -> a.stems().get(i).role() == Role.FX && panned(a, i));
    }

    /**
     * Whether stem {@code i}'s channels need gains {@link Thresholds#GAIN_ERROR_DB} apart (last pass):
     * the same 1 dB as {@link org.stemcheck.core.nulltest.NullTestResult#PANNED_DB}.
     */
    static boolean panned(SetAnalysis a, int i) {
        // A stem too quiet to identify per channel says nothing of a pan.
        List<Double> e = ChannelFits.errors(a.passes().last(), i);
        return !e.isEmpty() && Collections.max(e) - Collections.min(e) >= Thresholds.GAIN_ERROR_DB;
    }

    /**
     * The share of the uncovered power, under mix-bus processing, that the stems' own incoherent
     * power may account for before a missing part is no longer named: a half. LMMS EsoXLB-CPU
     * rendered as a user does (`rendertracks`: ZynAddSubFX and SID voices render anew per track,
     * a limiter on the master) leaves -5.7 dB uncovered that the stems' incoherent power accounts
     * for entirely (-5.7 dB), and read "a stem is missing"; the dev101 stems with two of them
     * rendered again under a compressor and limiter -12.7 dB, -13.0 dB of it; a bass deleted under
     * the same chain is still named (DiagnosisEvidenceTest), the stems left being the mix's own.
     */
    static final double OTHER_RENDERS_OF_UNCOVERED = 0.5;

    /**
     * Against a mix with mix-bus processing: whether the bands hold a real share of content that no
     * stem reproduces ({@link Diagnosis#UNEXPLAINED_SHARE_DB}), of which the stems' own incoherent
     * power may account for {@link #OTHER_RENDERS_OF_UNCOVERED} or more: the mix may hold other
     * renders of them, which {@link #inNoStemUnderBus} does not name as a missing part.
     */
    static boolean otherRendersUnderBus(SetAnalysis a, BandEvidence ev) {
        return a.mixbusProcessing() && !a.fractionLeft() && ev.uncoveredDb() >= Diagnosis.UNEXPLAINED_SHARE_DB
                && ev.renderShare() >= OTHER_RENDERS_OF_UNCOVERED * ev.uncoveredShare();
    }

    /**
     * Against a mix with mix-bus processing, whose residual is that processing: whether the bands
     * hold content that no stem reproduces nor holds in another version, at least
     * {@link Diagnosis#UNEXPLAINED_SHARE_DB} of the mix (a compressor and limiter alone leave
     * -17 to -20 dB; dev101 with its bass deleted under the same chain -7.7 dB), and the stems
     * reproduce at least half of it ({@link Thresholds#EXPLAINED_UNDER_BUS_DB}): otherwise the file is no
     * mix of these stems at all. And the stems' own incoherent power must account for less than
     * {@link #OTHER_RENDERS_OF_UNCOVERED} of it: where it could account for more, the mix may hold
     * other renders of the stems, and a missing part is not named.
     */
    static boolean inNoStemUnderBus(SetAnalysis a, BandEvidence ev) {
        return a.mixbusProcessing() && !a.fractionLeft() && ev.uncoveredDb() >= Diagnosis.UNEXPLAINED_SHARE_DB
                && ev.uncoveredDb() < Thresholds.EXPLAINED_UNDER_BUS_DB
                && ev.renderShare() < OTHER_RENDERS_OF_UNCOVERED * ev.uncoveredShare();
    }

    /**
     * Whether the transcoded stems account for the residual: it lies at least
     * {@link Thresholds#CODEC_NOISE_MARGIN_DB} under their level in the mix, as their coding noise
     * and lost top end would (against a mix without mix-bus processing, which explains it otherwise).
     */
    static boolean byCodec(SetAnalysis a, List<StemFile> transcoded) {
        return !a.mixbusProcessing() && !transcoded.isEmpty() && Double.isFinite(a.nullDb())
                && a.nullDb() <= levelInMixDb(a, transcoded) - Thresholds.CODEC_NOISE_MARGIN_DB;
    }

    /** The stems {@code content.lossy-transcode} reports (by their codec's cut-off). */
    static List<StemFile> transcoded(SetAnalysis a, Map<String, ?> cutoffs) {
        return a.stems().stream().filter(f -> cutoffs.containsKey(f.name())).toList();
    }

    /**
     * The level of these stems in the mix (at their gains), relative to the mix, dB: the sum of
     * their third-octave powers times their gain squared, over the mix's power.
     */
    static double levelInMixDb(SetAnalysis a, List<StemFile> stems) {
        double part = 0;
        for (StemFile f : stems) {
            int i = a.stems().indexOf(f);
            double scale = a.gain(i).scale();
            part += scale * scale * power(a.residual().stemBands().get(i));
        }
        return 10 * Math.log10(part / power(a.residual().mixBands()));
    }

    /**
     * What the other stems' own level faults (a gain, a DC offset, a displacement: all that the
     * null as delivered holds beyond the null after gains, less stem {@code i}'s own gain error)
     * leave in stem {@code i}'s own part of the mix, over the stem's power; 0 when the two nulls
     * are not both measured. Read without mix-bus processing only (with it, every stem's level is
     * off by the common gain).
     */
    static double othersInOwnPart(SetAnalysis a, int i) {
        double plain = a.plainNullDb();
        double fitted = a.nullDb();
        double stem = power(a.residual().stemBands().get(i)) / power(a.residual().mixBands());
        if (!Double.isFinite(plain) || !Double.isFinite(fitted) || !(stem > 0) || a.mixbusProcessing()) {
            return 0.0;
        }
        double own = (a.gain(i).scale() - 1) * (a.gain(i).scale() - 1) * stem;
        return Math.max(0.0, Math.pow(10, plain / 10) - Math.pow(10, fitted / 10) - own) / stem;
    }

    private static double power(List<BandLevel> bands) {
        return bands.stream().mapToDouble(b -> Math.pow(10, b.powerDb() / 10)).filter(Double::isFinite).sum();
    }
}
