package org.stemcheck.core.internal.diagnosis;

import java.util.Collections;
import java.util.List;
import java.util.Map;

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
     * The bands must show it too: content no stem reproduces nor holds in another version, at
     * least {@link Diagnosis#UNEXPLAINED_SHARE_DB} of the mix. A residual of another cause (a
     * stem's clipping, its lost side signal when exported mono, a stem cut short, a DC offset)
     * leaves -18.7 to -21.4 dB there (dev101), a deleted stem or FX return -12 to -4 dB.
     *
     * @param anyLacking whether some stem lacks its bus processing
     */
    static boolean inNoStem(SetAnalysis a, List<StemFile> transcoded, boolean anyLacking, BandEvidence ev) {
        double share = diffuseWithoutPan(a) ? DIFFUSE_SHARE_DB : Diagnosis.UNEXPLAINED_SHARE_DB;
        return significant(a) && ev.uncoveredDb() < Thresholds.EXPLAINED_DB && !byCodec(a, transcoded) && !anyLacking
                && ev.uncoveredDb() >= share;
    }

    /**
     * A residual this diffuse (channel correlation under {@link Thresholds#DIFFUSE_CORRELATION}) is
     * content no stem carries from this share of the mix on: -30 dB. None of the stems' own faults
     * leaves a diffuse residual (clipping, a lost side signal, a cut, DC: centred or in one stem's
     * channels, and named as the stem's own first), nor does a gain; a reverb or delay return left
     * out does, at its own level: the generated ballad's reverb 18.7 dB under the mix, the rock
     * song's return 28.9 dB (the electro song's delay, 33.8 dB under, stays below). A stem whose
     * channels need gains {@code GainCheck.PAN_DB} apart (its balance moved) leaves a wide residual
     * too, so then the general share holds.
     */
    static final double DIFFUSE_SHARE_DB = -30.0;

    /** Whether the residual is diffuse and no stem's channels need gains a pan apart (last pass). */
    static boolean diffuseWithoutPan(SetAnalysis a) {
        if (!(a.residual().correlation() < Thresholds.DIFFUSE_CORRELATION)) {
            return false;
        }
        for (int i = 0; i < a.stems().size(); i++) {
            // A stem too quiet to identify per channel says nothing of a pan.
            List<Double> e = ChannelFits.errors(a.passes().last(), i);
            if (!e.isEmpty() && Collections.max(e) - Collections.min(e) >= Thresholds.GAIN_ERROR_DB) {
                return false;
            }
        }
        return true;
    }

    /**
     * Against a mix with mix-bus processing, whose residual is that processing: whether the bands
     * hold content that no stem reproduces nor holds in another version, at least
     * {@link Diagnosis#UNEXPLAINED_SHARE_DB} of the mix (a compressor and limiter alone leave
     * -17 to -20 dB; dev101 with its bass deleted under the same chain -7.7 dB), and the stems
     * reproduce at least half of it ({@link Thresholds#EXPLAINED_UNDER_BUS_DB}): otherwise the file is no
     * mix of these stems at all.
     */
    static boolean inNoStemUnderBus(SetAnalysis a, BandEvidence ev) {
        return a.mixbusProcessing() && !a.fractionLeft() && ev.uncoveredDb() >= Diagnosis.UNEXPLAINED_SHARE_DB
                && ev.uncoveredDb() < Thresholds.EXPLAINED_UNDER_BUS_DB;
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

    private static double power(List<BandLevel> bands) {
        return bands.stream().mapToDouble(b -> Math.pow(10, b.powerDb() / 10)).filter(Double::isFinite).sum();
    }
}
