package org.stemcheck.core.internal.diagnosis;

import java.util.ArrayList;
import java.util.List;

import org.stemcheck.dsp.Spectrum;
import org.stemcheck.dsp.nullsum.NullResult;
import org.stemcheck.dsp.nullsum.StemTransfer;

/**
 * What the stems can and cannot account for in the mix, third-octave band by third-octave band,
 * from the null test's spectral sums alone (no second pass). The evidence every stem-naming
 * explanation is held to.
 *
 * <p>Per band {@code b} and stem {@code i}, from the stem's transfer into the mix
 * ({@code |S_xm| / S_xx}, {@link StemTransfer.Band#mixDb()}) and the power spectra:
 * <ul>
 *   <li>{@code C_i(b) = |S_xm|^2 / (S_xx S_mm)}, the share of the mix's power in the band that
 *       one complex gain on stem {@code i} reproduces (its magnitude-squared coherence with the
 *       mix, summed over the band's bins and the frames). A per-band gain absorbs any EQ and most
 *       of a slow compressor, so a stem that is in the mix, processed or not, scores its whole
 *       share;</li>
 *   <li>{@code U(b) = max(0, 1 - sum_i C_i(b)) P_m}: the power no stem reproduces. With the stems
 *       uncorrelated with each other this is exact; correlated stems (an FX return and its dry
 *       sources) make the sum overshoot, which only lowers {@code U}: the error is on the side of
 *       blaming nothing. The same power is read from the residual {@code e} too:
 *       {@code U(b) = max(0, 1 - sum_i R_i(b)) P_e}, with {@code R_i = |S_xe|^2 / (S_xx S_ee)} the
 *       share of the residual one complex gain on stem {@code i} removes. The two agree in
 *       expectation; each one's estimation error (the stems' chance correlation over a finite
 *       number of frames) scales with the power it is read against, so the band takes the reading
 *       against the smaller of {@code P_m} and {@code P_e}. On a delivery that nearly nulls the
 *       mix reading leaves -16 to -22 dB of chance (the generated songs), the residual's reading
 *       -56 dB and under; where the stems are louder than the mix (processing printed into them) the
 *       mix reading is the steadier;</li>
 *   <li>{@code I_i(b) = P_i(b) (1 - K_i(b)) max(0, 1 - |T_i(b)|^2)}, with {@code T_i} the
 *       stem's transfer to its own part of the mix ({@code t = mix - other stems},
 *       {@link StemTransfer.Band#ownDb()}) and {@code K_i} its coherence with that part: the
 *       stem's power that does <em>not</em> reappear in the mix. Its own part is then mostly
 *       something else ({@code K} low) <em>and</em> the stem itself is not in it ({@code T}
 *       well under 1): another take or render of the part (LMMS regenerates noise per render;
 *       a synth's random phase). Content missing elsewhere in the band lowers {@code K} but
 *       leaves {@code T} at 1; a stem at the wrong level keeps {@code K} at 1. Against a mix
 *       with mix-bus processing the own part is the processing's, and {@code I} is not read.</li>
 *   <li>{@code O_i(b) = P_i(b) min(1 - K_i(b), max(0, 1 - |T_i(b)|^2))}: the stem's power that
 *       <em>may</em> be another render. Each factor alone reads more than another render under
 *       one cause (content missing beside the stem lowers {@code K}, a level change in the band
 *       {@code T}), so the smaller is taken. Where a share {@code q} of the stem's power in the
 *       band is rendered anew (as loud in the mix), both read {@code q (2 - q)}: what the two
 *       renders leave in the residual that one complex gain on the stem cannot remove (its own
 *       render less the {@code q} of it the gain removes, and the mix's). Their product
 *       ({@code I}) reads {@code q^2 (2 - q)^2}, half of that or less for {@code q} up to 0.3: a
 *       bass line whose third harmonic starts each note at a phase drawn anew, beside partials
 *       rendered alike in its third octave ({@code q} 0.125), read 6 dB short, and the rest of
 *       its two renders was called a missing stem. {@code O} is not evidence enough to name the
 *       stem as another render ({@code I} is): a stem whose reverb return is missing reads
 *       {@code 1 - K} of 0.16 and {@code 1 - |T|^2} of 0.04 in a band (dev101's vocal without
 *       its FX stem), which {@code O} takes as 4 % of its power rendered anew.</li>
 * </ul>
 * The unexplained power {@code U P_m} is then split: what the stems' own incoherent power can
 * account for ({@code sum_i I_i}) is a <em>mismatch</em> (the mix holds other versions of
 * those stems' parts, and they are named); what it may account for ({@code sum_i O_i}) is not
 * <em>uncovered</em>, the rest is: content in the mix that no stem holds at all, a missing stem
 * or missing returns. (So the two shares add up to the unexplained power or less: what lies
 * between is said in {@code mix.null}, without a culprit.)
 *
 * @param bands           the bands judged, low to high
 * @param uncoveredShare  the uncovered power over the mix's, 0..1
 * @param mismatchShare   the mismatch power over the mix's, 0..1
 * @param coherent        per stem, the share of its power that reappears in the mix,
 *                        {@code 1 - sum I_i / sum P_i}, 0..1; {@code NaN} for a stem without power in
 *                        the judged bands
 * @param mismatch        per stem, its incoherent power over the mix's, 0..1
 * @param power           per stem, its power as delivered over the mix's (judged bands)
 * @param ownCoherence    per stem, its coherence with its own part of the mix averaged over the
 *                        bands weighted by its power, 0..1; {@code NaN} without power
 * @param gainAgreement   per stem, how much of what it reproduces of its own part of the mix
 *                        band by band its one fitted gain reproduces
 *                        ({@link #gainAgreement(double, double[], double[], double[])}): 1
 *                        where its part is the stem at that gain; {@code NaN} without power
 * @param renderShare     the unexplained power the stems' other renders could account for
 *                        ({@code O}, the smaller reading), over the mix's, read against a processed
 *                        mix too (where it is not taken as a mismatch, and {@code uncoveredShare}
 *                        holds it): what no stem reproduces there may be other renders of the
 *                        stems, not content none of them holds. (Read on {@code I}, every dev101
 *                        stem a fifth rendered anew under a common 1 dB gain read "a stem is
 *                        missing".)
 * @param residualShare   per stem, the share of the residual's power in the judged bands that one
 *                        complex gain per band on the stem removes ({@code sum_b C_ie(b) P_e(b) /
 *                        sum_b P_e(b)}, {@code C_ie} its coherence with the residual): the most
 *                        of the residual an EQ on that stem can account for, 0..1
 */
public record BandEvidence(List<BandRow> bands, double uncoveredShare, double mismatchShare, double[] coherent,
                           double[] mismatch, double[] power, double[] ownCoherence, double[] gainAgreement,
                           double renderShare, double[] residualShare) {

    /** Bands centred below this hold too few FFT bins and cycles per frame for a coherence (the 170 ms frames' 6 Hz bins). */
    static final double MIN_HZ = 31.0;

    /** Bands centred above this are left out: little music energy, and anti-alias filters differ between renders. */
    static final double MAX_HZ = 16_500.0;

    /**
     * One band.
     *
     * @param centreHz   its centre
     * @param lowHz      its lower edge
     * @param highHz     its upper edge
     * @param mixPower   the mix's power (linear, the spectra's scale)
     * @param uncovered  the power no stem reproduces nor may hold in another version
     * @param mismatched the unexplained power the stems' incoherent power accounts for
     * @param ownCoherence per stem, the coherence of the stem with its own part of the mix
     *                   ({@code mix - other stems}), 0..1, {@code NaN} without stem power: the
     *                   evidence that a transfer read in this band is the stem's
     */
    public record BandRow(double centreHz, double lowHz, double highHz, double mixPower, double uncovered,
                          double mismatched, double[] ownCoherence) {
    }

    /**
     * Reads the evidence from a null test's result.
     *
     * @param r         the result (the last pass's)
     * @param processed whether the mix carries mix-bus processing (the stems' own parts are then
     *                  the processing's, and no stem's content is judged missing from the mix)
     * @param commonGainDb how much louder the stems are than in the mix, all alike (the bus's
     *                  gain, {@code MixbusJudge.Verdict#commonGainDb()}; 0 without processing): a
     *                  stem's incoherent power counts in {@code renderShare} at its level in the mix
     * @return the evidence
     */
    public static BandEvidence of(NullResult r, boolean processed, double commonGainDb) {
        double inMix = Math.pow(10, -commonGainDb / 10);
        int stems = r.transfers().size();
        double[] mixBins = linear(r.spectra().mix());
        double[] resBins = linear(r.spectra().residual());
        double[][] stemBins = new double[stems][];
        for (int i = 0; i < stems; i++) {
            stemBins[i] = linear(r.spectra().stems().get(i));
        }
        double binHz = r.spectra().mix().binHz();
        List<BandRow> rows = new ArrayList<>();
        double mixAll = 0;
        double uncoveredAll = 0;
        double mismatchAll = 0;
        double renderAll = 0;
        double[] stemPower = new double[stems];
        double[] inResidualPower = new double[stems];
        double residualAll = 0;
        double[] mismatchPower = new double[stems];
        double[] mismatchOwn = new double[stems];
        double[] ownWeighted = new double[stems];
        double[] ownWeight = new double[stems];
        double[][] agreementWeight = new double[stems][];
        double[][] toOwnRe = new double[stems][];
        double[][] toOwnIm = new double[stems][];
        List<StemTransfer.Band> template = stems == 0 ? List.of() : r.transfers().get(0).bands();
        for (int i = 0; i < stems; i++) {
            agreementWeight[i] = new double[template.size()];
            toOwnRe[i] = new double[template.size()];
            toOwnIm[i] = new double[template.size()];
        }
        for (int b = 0; b < template.size(); b++) {
            StemTransfer.Band t = template.get(b);
            if (t.centreHz() < MIN_HZ || t.centreHz() > MAX_HZ) {
                continue;
            }
            double pm = band(mixBins, binHz, t.lowHz(), t.highHz());
            double pe = band(resBins, binHz, t.lowHz(), t.highHz());
            if (!(pm > 0)) {
                continue;
            }
            double explained = 0;
            double inResidual = 0;
            double incoherent = 0;
            double mayBeOther = 0;
            double mayBeOtherAnyway = 0;
            double[] own = new double[stems];
            double[] inco = new double[stems];
            for (int i = 0; i < stems; i++) {
                StemTransfer.Band s = r.transfers().get(i).bands().get(b);
                double px = band(stemBins[i], binHz, t.lowHz(), t.highHz());
                double c = px > 0 && Double.isFinite(s.mixDb()) ? Math.min(1.0, amp(s.mixDb()) * amp(s.mixDb()) * px / pm) : 0.0;
                explained += c;
                double ri = px > 0 && pe > 0 ? residualCoherence(s, px, pe) : 0.0;
                inResidual += ri;
                inResidualPower[i] += ri * pe;
                own[i] = ownCoherence(s, px, pe);
                if (Double.isFinite(own[i])) {
                    ownWeighted[i] += px * own[i];
                    ownWeight[i] += px;
                }
                double toOwn = amp(s.ownDb());
                if (px > 0 && Double.isFinite(toOwn) && Double.isFinite(s.ownPhaseRad()) && Double.isFinite(own[i])) {
                    agreementWeight[i][b] = px * own[i];
                    toOwnRe[i][b] = toOwn * Math.cos(s.ownPhaseRad());
                    toOwnIm[i][b] = toOwn * Math.sin(s.ownPhaseRad());
                }
                boolean known = Double.isFinite(own[i]) && Double.isFinite(toOwn);
                double notK = known ? 1 - own[i] : 0.0;
                double notT = known ? Math.max(0.0, 1 - toOwn * toOwn) : 0.0;
                double notInMix = px * notK * notT;
                inco[i] = processed ? 0.0 : notInMix;
                incoherent += inco[i];
                mayBeOther += processed ? 0.0 : px * Math.min(notK, notT);
                mayBeOtherAnyway += px * Math.min(notK, notT);
                stemPower[i] += px;
            }
            // Of the two readings of the same power, the one against the smaller signal (class comment).
            double unexplained = pe < pm ? Math.max(0.0, 1.0 - inResidual) * pe : Math.max(0.0, 1.0 - explained) * pm;
            double mismatched = Math.min(unexplained, incoherent);
            // What the stems may hold in another version is not content no stem carries (class comment).
            double uncovered = unexplained - Math.min(unexplained, mayBeOther);
            for (int i = 0; i < stems; i++) {
                mismatchOwn[i] += inco[i];
                mismatchPower[i] += incoherent > 0 ? mismatched * inco[i] / incoherent : 0.0;
            }
            rows.add(new BandRow(t.centreHz(), t.lowHz(), t.highHz(), pm, uncovered, mismatched, own));
            mixAll += pm;
            residualAll += pe;
            uncoveredAll += uncovered;
            mismatchAll += mismatched;
            renderAll += Math.min(unexplained, inMix * mayBeOtherAnyway);
        }
        double[] coherent = new double[stems];
        double[] mismatch = new double[stems];
        double[] power = new double[stems];
        double[] ownAll = new double[stems];
        double[] agreement = new double[stems];
        double[] residualShare = new double[stems];
        for (int i = 0; i < stems; i++) {
            residualShare[i] = residualAll > 0 ? inResidualPower[i] / residualAll : 0.0;
            agreement[i] = gainAgreement(r.gains().gains().get(i).scale(), agreementWeight[i], toOwnRe[i], toOwnIm[i]);
            ownAll[i] = ownWeight[i] > 0 ? ownWeighted[i] / ownWeight[i] : Double.NaN;
            power[i] = mixAll > 0 ? stemPower[i] / mixAll : Double.NaN;
            coherent[i] = stemPower[i] > 0 ? 1.0 - mismatchOwn[i] / stemPower[i] : Double.NaN;
            mismatch[i] = mixAll > 0 ? mismatchPower[i] / mixAll : 0.0;
        }
        return new BandEvidence(rows, mixAll > 0 ? uncoveredAll / mixAll : 0.0,
                mixAll > 0 ? mismatchAll / mixAll : 0.0, coherent, mismatch, power, ownAll, agreement,
                mixAll > 0 ? renderAll / mixAll : 0.0, residualShare);
    }

    /**
     * How much of what a stem reproduces of its own part of the mix, band by band, its one fitted
     * gain reproduces. With {@code T(b)} its transfer to that part ({@link StemTransfer.Band#ownDb()}
     * and phase), a complex gain per band reproduces {@code |T|^2} of the stem's power there, the
     * real gain {@code g} fitted for the whole stem {@code 2 g Re T - g^2}; weighted by {@code w(b)},
     * the stem's power times its coherence with its own part ({@link #ownCoherence}), the share is
     * {@code sum w (2 g Re T - g^2) / sum w |T|^2}. It is 1 where the part is the stem at that gain
     * in every band (a fader: {@code T = g}; an inverted stem: {@code T = g = -1}), whatever else
     * the mix holds beside it (that lowers the own coherence, not this), a little under 1 where the
     * gain averages a bus EQ; it falls where the stem's content is in the mix elsewhere in time: the
     * transfer's phase turns from band to band, and the gain fitted where the stem sits reads how a
     * displaced copy happens to line up with the mix (a line of 55 Hz notes 600 samples late: 0.16).
     * The coherence in the weight keeps out the bands where the stem's own part is mostly other
     * stems' errors (the transfer is taken against the mix less the other stems at unity gain): a
     * clean delay return beside a sub bass 3 dB hot read 0.20 by power alone, 0.87 so. It can be
     * negative (the gain, fitted with the other stems, reproduces less than nothing there).
     *
     * @param scale  the stem's fitted gain
     * @param weight per band, the stem's power times its own coherence ({@code 0} where the band is not
     *               judged or the transfer unknown)
     * @param re     per band, the real part of its transfer to its own part of the mix
     * @param im     per band, the imaginary part
     * @return the share, at most 1; {@code NaN} without weight or without a finite gain
     */
    static double gainAgreement(double scale, double[] weight, double[] re, double[] im) {
        double byBand = 0;
        double byGain = 0;
        for (int b = 0; b < weight.length; b++) {
            byBand += weight[b] * (re[b] * re[b] + im[b] * im[b]);
            byGain += weight[b] * (2 * scale * re[b] - scale * scale);
        }
        return byBand > 0 && Double.isFinite(scale) ? byGain / byBand : Double.NaN;
    }

    /**
     * The coherence of stem {@code x} with its own part {@code t = x - e} of the mix: from its
     * transfer to that part ({@code S_xt / S_xx}, {@link StemTransfer.Band#ownDb()} and phase)
     * and {@code S_tt = S_xx - 2 Re S_xe + S_ee}, so {@code |S_xt|^2 / (S_xx S_tt)}.
     */
    static double ownCoherence(StemTransfer.Band s, double px, double pe) {
        if (!(px > 0) || !Double.isFinite(s.ownDb())) {
            return Double.NaN;
        }
        double mag = amp(s.ownDb());
        double re = mag * Math.cos(s.ownPhaseRad());
        double tt = 2 * re - 1 + pe / px;
        return tt > 0 ? Math.min(1.0, mag * mag / tt) : Double.NaN;
    }

    /**
     * The coherence of stem {@code x} with the residual {@code e}: {@code |S_xe|^2 / (S_xx S_ee)}
     * from its transfer to the residual ({@link StemTransfer.Band#residualDb()}), the share of the
     * residual's power in the band that one complex gain on the stem removes; 0 where unknown.
     */
    static double residualCoherence(StemTransfer.Band s, double px, double pe) {
        double h = amp(s.residualDb());
        return Double.isFinite(h) ? Math.min(1.0, h * h * px / pe) : 0.0;
    }

    /** The share of stem {@code i}'s power that is in the mix, or 1 when it has none to judge. */
    public double coherent(int i) {
        return Double.isNaN(coherent[i]) ? 1.0 : coherent[i];
    }

    private static double amp(double db) {
        return Math.pow(10, db / 20);
    }

    private static double[] linear(Spectrum s) {
        double[] out = new double[s.bins()];
        for (int k = 0; k < out.length; k++) {
            double p = Math.pow(10, s.powerDb(k) / 10);
            out[k] = Double.isFinite(p) ? p : 0.0;
        }
        return out;
    }

    /** Power in the bins whose centre lies in {@code [lo, hi)}. */
    private static double band(double[] bins, double binHz, double lo, double hi) {
        double sum = 0;
        int from = Math.max(0, (int) Math.ceil(lo / binHz));
        for (int k = from; k < bins.length && k * binHz < hi; k++) {
            sum += bins[k];
        }
        return sum;
    }

    /**
     * Stem {@code i}'s level in the mix at gain {@code scale}, relative to the mix, dB.
     *
     * @param i     the stem
     * @param scale its gain into the mix
     * @return dB; {@code NaN} when unknown
     */
    public double levelDb(int i, double scale) {
        double p = power[i] * scale * scale;
        return p > 0 ? Math.max(-200, 10 * Math.log10(p)) : Double.NaN;
    }

    /** The uncovered share in dB (-200 for none). */
    public double uncoveredDb() {
        return uncoveredShare > 0 ? Math.max(-200, 10 * Math.log10(uncoveredShare)) : -200;
    }

    /** The mismatch share in dB (-200 for none). */
    public double mismatchDb() {
        return mismatchShare > 0 ? Math.max(-200, 10 * Math.log10(mismatchShare)) : -200;
    }
}
