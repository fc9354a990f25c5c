package org.stemcheck.core.internal.setpass;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.stemcheck.core.nulltest.Gain;
import org.stemcheck.core.nulltest.MixBus;
import org.stemcheck.core.nulltest.NullTestResult;
import org.stemcheck.core.nulltest.Offset;
import org.stemcheck.core.nulltest.OtherMix;
import org.stemcheck.core.nulltest.Residual;
import org.stemcheck.core.nulltest.Segment;
import org.stemcheck.core.nulltest.StemComparison;
import org.stemcheck.dsp.nullsum.NullResidual;
import org.stemcheck.dsp.nullsum.NullResult;
import org.stemcheck.dsp.nullsum.StemGain;

/**
 * When the stems null so cleanly against a mix at unity gain and no offset that nothing the
 * diagnosis measures (offsets, drift halves, band transfers, the residual's spectra) could change
 * a verdict, and what the null test then says.
 *
 * <p>The screen ({@code NullSum.screen}) measures the plain residual, the gains (whole and per
 * channel) and the stems' dynamics exactly as the full test does; so {@code mix.gain},
 * {@code mix.polarity}, a pan, the bus verdict (a common gain, common compression, a limiter) and
 * {@code mix.reference} read the same numbers either way. What it does not measure is bounded by
 * the residual: a fault the diagnosis would name leaves at least so much of it, and the criterion
 * ({@link #nullsCleanly}) asks for less.
 */
public final class CleanNull {

    /**
     * The plain residual (unity gains, no offset) at most this far under the mix, dB: 30 dB (a
     * thousandth of the power) under the loudest residual any mix finding is read from. Every
     * finding about what the mix holds beyond the stems ({@code mix.null}, {@code mix.missing-stem},
     * {@code mix.missing-fx}, a mismatch or a stem lacking bus processing) needs the null after
     * gains above {@link NullTestResult#UNEXPLAINED_DB} (-50 dB) or a mix with bus processing; the
     * limiter on the mix bus ({@code mix.reference}) a null after gains above -40 dB. Quantisation:
     * a 24-bit file rounds to about -146 dBFS RMS, nine of them to -136 dBFS, -116 dB under a mix at
     * -20 dBFS (dev101's clean stems: -119.6 dB); float files round deeper still. A 16-bit delivery
     * rounds to about -92 dBFS with nine files, -72 dB under the same mix: above this, so it is
     * diagnosed, as are lossy stems (their coding noise lies 10 to 40 dB under the mix) and
     * resampled ones whose converter leaves more than this.
     */
    static final double NULL_DB = NullTestResult.UNEXPLAINED_DB - 30.0;

    /**
     * The plain residual at least this far under every stem that carries any signal, dB. What the
     * screen does not measure, a stem's offset or drift, leaves a residual of its own relative to
     * the stem: displaced by half a sample (the least {@code StemOffset.displaced()} counts), content
     * at 20 Hz leaves {@code (2 pi 20 * 0.5 / 48000)^2}, -57.6 dB, higher content more; drift of one
     * sample between the halves ({@code mix.drift}'s least) leaves about -62 dB at 20 Hz (a mean
     * square offset of 1/12 sample squared). 70 dB leaves 12 dB of margin under the first: a stem
     * with such a fault cannot lie this far over the residual, so none has one. (A gain error of
     * 0.5 dB leaves -24.5 dB and an inverted stem +6 dB, but the screen measures gains anyway.)
     * A silent stem (no energy at all) has nothing to misplace and is not asked.
     */
    static final double UNDER_STEMS_DB = 70.0;

    private CleanNull() {
    }

    /**
     * Whether the diagnosis can be left out: the plain null lies {@link #NULL_DB} under the mix and
     * {@link #UNDER_STEMS_DB} under every stem with signal, and the bus verdict read from the screen
     * finds no processing on the mix (the diagnosis of a processed mix reads the transfers).
     *
     * @param screen       the screen's result against the chosen mix
     * @param stemLevelsDb each stem's level relative to that mix, dB ({@code NullSum.stemLevelsDb})
     * @param bus          the bus verdict from the screen's gains, peaks and dynamics
     * @return true when the stems null cleanly
     */
    static boolean nullsCleanly(NullResult screen, double[] stemLevelsDb, MixbusJudge.Verdict bus) {
        double plain = screen.residual().totalDb();
        if (!(plain <= NULL_DB) || bus.processed()) {
            return false; // NaN (a silent mix, non-finite samples) is not clean either
        }
        for (double level : stemLevelsDb) {
            if (level > NullResidual.DIGITAL_NULL_DB && !(plain <= level - UNDER_STEMS_DB)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The null test's result of a delivery whose diagnosis was left out ({@code a.diagnosed()}
     * false): the gains, the residual along time, the depths and the bus verdict as measured;
     * every stem in place (offset 0, not searched: {@code confident} false, no coherence), no
     * drift measured, each stem wholly in the mix ({@code inMix} 1: the residual lies 70 dB under
     * it, and its own part of the mix: {@code ownCoherence} 1, at its gain: {@code gainAgreement} 1), its level in the mix not measured ({@code levelDb} NaN: read only against a processed
     * mix, which is always diagnosed), no octave bands of the residual, and nothing to explain.
     *
     * @param a the analysis of a clean delivery
     * @return the result the checks read
     */
    public static NullTestResult result(SetAnalysis a) {
        NullResult r = a.passes().last();
        MixbusJudge.Verdict bus = a.bus();
        List<StemComparison> stems = new ArrayList<>();
        for (int i = 0; i < a.stems().size(); i++) {
            StemGain g = a.gain(i);
            stems.add(new StemComparison(a.stems().get(i),
                    new Gain(g.scale(), g.levelErrorDb(), g.standardErrorDb(), g.identifiable(),
                            ChannelFits.errors(r, i)),
                    new Offset(0.0, Double.NaN, Double.NaN, Double.NaN, false, false),
                    Optional.empty(), 1.0, Double.NaN, 1.0, 1.0));
        }
        List<OtherMix> others = new ArrayList<>();
        a.choice().depths().forEach((mix, d) -> {
            if (!mix.name().equals(a.reference().name())) {
                others.add(new OtherMix(mix, d.afterGainsDb(), d.plainDb()));
            }
        });
        List<Segment> segments = new ArrayList<>();
        for (NullResidual.Segment g : r.residual().segments()) {
            segments.add(new Segment(g.startSeconds(), g.endSeconds(), g.residualRms(), g.mixRms()));
        }
        return new NullTestResult(a.reference(), a.choice().given(), r.sampleRate(), r.frames(), 0.0, 1,
                a.nullDb(), a.plainNullDb(),
                new MixBus(bus.processed(), bus.commonGainDb(), bus.limited(), bus.stemsPeakDbfs(),
                        bus.mixPeakDbfs(), 0.0),
                stems, others, new Residual(segments, List.of(), r.residual().channelCorrelation()),
                List.of(), ChannelFits.nullDb(r));
    }
}
