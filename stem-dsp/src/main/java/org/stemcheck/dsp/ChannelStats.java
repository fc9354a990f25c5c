package org.stemcheck.dsp;

import org.stemcheck.dsp.internal.Db;

/**
 * Level statistics of one channel. Levels in dB are relative to full scale (1.0); a zero level is
 * negative infinity.
 *
 * @param peak      the largest absolute sample value
 * @param peakFrame the frame where {@code peak} first occurs (0 when every sample is zero)
 * @param dc        the mean sample value
 * @param rms       the root mean square
 */
public record ChannelStats(double peak, long peakFrame, double dc, double rms) {

    /**
     * The sample peak.
     *
     * @return {@code 20 log10 peak}, dBFS; {@code -infinity} for silence
     */
    public double peakDbfs() {
        return Db.amplitude(peak);
    }

    /**
     * The RMS level (a full-scale sine reads -3.01 dBFS; no AES17 +3 dB correction).
     *
     * @return {@code 20 log10 rms}, dBFS; {@code -infinity} for silence
     */
    public double rmsDbfs() {
        return Db.amplitude(rms);
    }

    /**
     * The magnitude of the DC offset.
     *
     * @return {@code 20 log10 |dc|}, dBFS; {@code -infinity} with no offset at all
     */
    public double dcDbfs() {
        return Db.amplitude(dc);
    }

    /**
     * The crest factor, peak over RMS (3.01 dB for a sine; a brick-wall limited stem reads low).
     *
     * @return dB; NaN for silence
     */
    public double crestDb() {
        return Db.amplitude(peak / rms);
    }
}
