package org.stemcheck.dsp.level;

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

    /** The peak in dBFS. */
    public double peakDbfs() {
        return Db.amplitude(peak);
    }

    /** The RMS in dBFS (a full-scale sine reads -3.01 dBFS). */
    public double rmsDbfs() {
        return Db.amplitude(rms);
    }

    /** The magnitude of the DC offset in dBFS. */
    public double dcDbfs() {
        return Db.amplitude(dc);
    }

    /** The crest factor, peak over RMS, in dB (3.01 dB for a sine); NaN for silence. */
    public double crestDb() {
        return Db.amplitude(peak / rms);
    }
}
