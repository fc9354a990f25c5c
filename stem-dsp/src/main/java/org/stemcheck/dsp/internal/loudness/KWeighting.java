package org.stemcheck.dsp.internal.loudness;

import org.stemcheck.dsp.internal.Biquad;

/**
 * The K-weighting of ITU-R BS.1770-4 (Annex 1, section 2.1): a high-shelf "pre-filter" (the
 * acoustic effect of the head) followed by the "RLB" high-pass, designed for any sample rate.
 *
 * <p>BS.1770-4 publishes the two sections only as digital coefficients at 48 kHz (Tables 1 and
 * 2). We design them from analog prototypes by the bilinear transform pre-warped at each corner
 * (see {@link Biquad#bilinear}). The prototype parameters below are the ones fitted to those
 * tables, as published by "Raiden" (hydrogenaudio, "ITU-R BS.1770-1 filter specifications
 * (unofficial)") and used by libebur128 ({@code jiixyj/libebur128}, {@code ebur128.c},
 * {@code ebur128_init_filter}). At 48 kHz they reproduce Tables 1 and 2 to better than 1e-9
 * ({@code KWeightingTest} asserts it).
 *
 * <p>One deliberate difference from libebur128: the RLB table has numerator {@code (1, -2, 1)}
 * un-normalised, i.e. a pass-band gain of {@code 1 + K/Q + K^2} (+0.0433 dB at 48 kHz). Keeping
 * {@code (1, -2, 1)} at every rate, as libebur128 does, makes that gain rate-dependent (+0.047 dB
 * at 44.1 kHz, +0.26 dB at 8 kHz). We keep the 48 kHz pass-band gain at every rate instead, so
 * that the table is reproduced at 48 kHz and the weighting is the same curve at every rate.
 */
public final class KWeighting {

    /** Pre-filter (high shelf) corner, Hz: Raiden's fit, as in libebur128 {@code ebur128_init_filter}. */
    public static final double SHELF_F0 = 1681.974450955533;
    /** Pre-filter high-frequency gain, dB (same source). */
    public static final double SHELF_GAIN_DB = 3.999843853973347;
    /** Pre-filter quality factor (same source). */
    public static final double SHELF_Q = 0.7071752369554196;
    /** Exponent giving the shelf's mid-band numerator gain {@code Vb = Vh^e} (same source). */
    public static final double SHELF_VB_EXPONENT = 0.4996667741545416;
    /** RLB high-pass corner, Hz (same source). */
    public static final double HIGHPASS_F0 = 38.13547087602444;
    /** RLB high-pass quality factor (same source). */
    public static final double HIGHPASS_Q = 0.5003270373238773;
    /** The rate of the BS.1770-4 coefficient tables, Hz (BS.1770-4 Annex 1, Tables 1 and 2). */
    public static final double TABLE_RATE = 48_000;

    private final Biquad shelf;
    private final Biquad highPass;

    private KWeighting(Biquad shelf, Biquad highPass) {
        this.shelf = shelf;
        this.highPass = highPass;
    }

    /** The BS.1770-4 K-weighting designed for {@code sampleRate} Hz. */
    public static KWeighting forRate(double sampleRate) {
        return new KWeighting(shelf(sampleRate), highPass(sampleRate));
    }

    /**
     * A weighting made of two other sections (tests use it to reproduce other meters'
     * approximations of the K-curve).
     */
    public static KWeighting of(Biquad first, Biquad second) {
        return new KWeighting(first, second);
    }

    /** The high-shelf pre-filter: {@code H(p) = (Vh p^2 + (Vb/Q) p + 1) / (p^2 + p/Q + 1)}. */
    static Biquad shelf(double sampleRate) {
        double vh = Math.pow(10, SHELF_GAIN_DB / 20);
        double vb = Math.pow(vh, SHELF_VB_EXPONENT);
        return Biquad.bilinear(vh, vb / SHELF_Q, 1, 1, 1 / SHELF_Q, 1, SHELF_F0, sampleRate);
    }

    /** The RLB high-pass {@code H(p) = g p^2 / (p^2 + p/Q + 1)}, g = the 48 kHz table's pass-band gain. */
    static Biquad highPass(double sampleRate) {
        double k48 = Math.tan(Math.PI * HIGHPASS_F0 / TABLE_RATE);
        double tableGain = 1 + k48 / HIGHPASS_Q + k48 * k48;
        return Biquad.bilinear(tableGain, 0, 0, 1, 1 / HIGHPASS_Q, 1, HIGHPASS_F0, sampleRate);
    }

    /** The first section (the shelf). */
    public Biquad first() {
        return shelf;
    }

    /** The second section (the high-pass). */
    public Biquad second() {
        return highPass;
    }

    /** The magnitude of the whole weighting at {@code frequency} Hz, in dB. */
    public double responseDb(double frequency, double sampleRate) {
        return 20 * Math.log10(shelf.magnitude(frequency, sampleRate) * highPass.magnitude(frequency, sampleRate));
    }
}
