package org.stemcheck.core.internal.diagnosis;

import java.util.List;
import java.util.Map;

import org.stemcheck.core.StemFile;
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
     * @param anyLacking whether some stem lacks its bus processing
     */
    static boolean inNoStem(SetAnalysis a, List<StemFile> transcoded, boolean anyLacking) {
        return significant(a) && a.nullDb() < Thresholds.EXPLAINED_DB && !byCodec(a, transcoded) && !anyLacking;
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
