package org.stemcheck.dsp;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.stemcheck.dsp.internal.loudness.ChannelLayout;
import org.stemcheck.dsp.internal.loudness.Interpolator;
import org.stemcheck.dsp.internal.loudness.MeterArguments;
import org.stemcheck.dsp.internal.loudness.PeakTracker;
import org.stemcheck.io.AudioFormat;

/**
 * True peak per ITU-R BS.1770-4 Annex 2, and sample peak, per channel.
 *
 * <p>The signal is oversampled by {@code L = max(2, ceil(192 kHz / fs))} (at most 32): 4x at
 * 48 kHz, 5x at 44.1 kHz, 3x at 88.2 kHz, 2x at 96 kHz and above. The interpolated rate is thus
 * at least 192 kHz (the Annex's 4x at 48 kHz) from 6 kHz up (below, the cap of 32 applies), and
 * never less than 2x: without it a 192 kHz file would be read at its samples only, and a tone at
 * a quarter of its rate sampled at 45 degrees (EBU Tech 3341 case 16 transposed) would read 3 dB
 * low. The interpolator is a 48-taps-per-phase Kaiser-windowed sinc of our own design (pass band
 * to 0.45 fs within 0.005 dB, images at least 65 dB down; see the internal {@code Interpolator}).
 * A stretch whose samples are too low to raise the peak found so far is provably skipped.
 * No -12 dB input attenuation is applied (the Annex's headroom for fixed-point arithmetic; we
 * compute in {@code double}).
 *
 * <p>The audio is taken as silent before its first and after its last sample, so the interpolated
 * overshoot at a hard start or end counts. Non-finite samples (NaN, infinities in float files)
 * are measured as silence. Results do not depend on how the audio is cut into blocks. Not
 * thread-safe.
 *
 * <pre>{@code
 * TruePeakMeter meter = TruePeakMeter.of(48_000, 2);
 * Accumulators.feed(new double[][] {left, right}, 4096, meter);
 * double dbtp = meter.result().maxTruePeakDbtp();   // EBU R 128 allows at most -1 dBTP
 * }</pre>
 */
public final class TruePeakMeter implements Accumulator<TruePeakResult> {

    /** The lowest interpolated rate, Hz (BS.1770-4 Annex 2: 4x oversampling of 48 kHz). */
    public static final double MIN_INTERPOLATED_RATE = 192_000;
    /** The smallest oversampling factor used (see the class comment). */
    public static final int MIN_OVERSAMPLING = 2;
    /** The largest oversampling factor used. */
    public static final int MAX_OVERSAMPLING = 32;

    private final int channels;
    private final PeakTracker tracker;
    private final int factor;

    private TruePeakMeter(int channels, int factor) {
        this.channels = channels;
        this.factor = factor;
        this.tracker = new PeakTracker(Interpolator.of(factor), channels);
    }

    /**
     * A meter for {@code channels} channels at {@code sampleRate} Hz.
     *
     * @param sampleRate the rate in Hz, 4 kHz to 1.536 MHz; sets the oversampling
     * @param channels   1 to 1024
     * @return a new meter, which has measured nothing
     * @throws IllegalArgumentException when the rate is outside 4 kHz .. 1.536 MHz or the channel
     *                                  count outside 1 .. 1024
     */
    public static TruePeakMeter of(double sampleRate, int channels) {
        MeterArguments.sampleRate(sampleRate);
        if (channels < 1 || channels > ChannelLayout.MAX_CHANNELS) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "channels must be in 1 .. %d: %d", ChannelLayout.MAX_CHANNELS, channels));
        }
        return new TruePeakMeter(channels, oversamplingFor(sampleRate));
    }

    /**
     * A meter for a file's format.
     *
     * @param format the file's format: its rate and channel count
     * @return a new meter, which has measured nothing
     * @throws IllegalArgumentException when the rate is outside 4 kHz .. 1.536 MHz or the file
     *                                  has more than 1024 channels
     */
    public static TruePeakMeter forFormat(AudioFormat format) {
        Objects.requireNonNull(format, "format must not be null");
        return of(format.sampleRate(), format.channels());
    }

    /**
     * The oversampling factor used at a rate.
     *
     * @param sampleRate the rate in Hz
     * @return {@code max(2, ceil(192 kHz / sampleRate))}, at most 32: 4 at 48 kHz, 5 at 44.1 kHz
     */
    public static int oversamplingFor(double sampleRate) {
        double factor = Math.ceil(MIN_INTERPOLATED_RATE / sampleRate - 1e-9);
        return (int) Math.max(MIN_OVERSAMPLING, Math.min(MAX_OVERSAMPLING, factor));
    }

    @Override
    public void accept(double[][] block, int offset, int frames) {
        MeterArguments.block(block, offset, frames, channels);
        tracker.accept(block, offset, frames);
    }

    @Override
    public TruePeakResult result() {
        List<Double> truePeaks = toDb(tracker.truePeaks());
        List<Double> samplePeaks = toDb(tracker.samplePeaks());
        return new TruePeakResult(truePeaks, max(truePeaks), samplePeaks, max(samplePeaks), factor);
    }

    private static List<Double> toDb(double[] linear) {
        List<Double> db = new ArrayList<>(linear.length);
        for (double v : linear) {
            db.add(MeterArguments.db(v));
        }
        return db;
    }

    private static double max(List<Double> values) {
        double m = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            m = Math.max(m, v);
        }
        return m;
    }
}
