package org.stemcheck.dsp.content;

import java.util.Arrays;

import org.stemcheck.dsp.Accumulator;
import org.stemcheck.dsp.internal.Blocks;
import org.stemcheck.dsp.internal.Db;

/**
 * Content features of one file, cheap enough for the one pass over every stem: what a check needs
 * to tell a bass from a vocal from a drum kit, and a limiter's ceiling from a loose peak.
 *
 * <p>Every 100 ms hop of the channels' mean (the mid signal) is analysed when it sounds (above
 * {@value #SOUNDING_DBFS} dBFS): band shares and the spectral centroid from one Hann-windowed FFT
 * frame, a YIN fundamental on a signal decimated to about 6 kHz, and onsets from 10 ms power
 * jumps. The sample peak of every hop (all channels) goes into a 0.05 dB histogram, so that the
 * number of hops reaching the file's final peak is known at the end. A hop whose peak is near the
 * peak so far also leaves the shape of its mid signal around its largest sample
 * ({@value #SHAPE_HALF_WIDTH} samples each side), so that a drum sample played again and again (bit
 * for bit, or through a lossy codec that adds its noise anew to every hit) is told from a limiter
 * holding different material at its ceiling. Stereo width is the side signal's share of the power
 * of channels 0 and 1.
 *
 * <p>Memory is fixed (a few frames), whatever the file's length. Not thread-safe; there is no
 * {@code combine}: the features depend on the order of the samples.
 */
public final class StemFeatures implements Accumulator<StemFeatures.Result> {

    /** Hop between analysed frames: 100 ms, the momentary block of EBU Tech 3341 polling. */
    static final double HOP_SECONDS = 0.100;
    /** Frames quieter than this (power mean of the channels) are not sounding: far below any stem's content. */
    static final double SOUNDING_DBFS = -60;
    /** Peak histogram resolution and range. */
    static final double PEAK_BIN_DB = 0.05;
    static final double PEAK_FLOOR_DB = -40;
    static final int PEAK_BINS = 1000;
    /** A hop "at the ceiling" peaks within 0.1 dB of the file's peak (a limiter holds its ceiling to that). */
    static final double NEAR_PEAK_DB = 0.1;
    /** Samples at most this large have a finite sum and difference (twice it is below Double.MAX_VALUE). */
    static final double FINITE_SUMS = 0x1p1022;
    /**
     * A peak's shape is the mid signal this many samples each side of the hop's largest mid sample
     * (0.17 ms at 48 kHz): two hits of one drum sample match here (bit for bit, or within a
     * codec's noise: {@link #SAME_SHAPE_DB}), two passages a limiter holds at one ceiling do not.
     */
    static final int SHAPE_HALF_WIDTH = 8;
    /**
     * Two peak shapes are one when they differ by no more than this under the first one's power:
     * -25 dB. A drum sample replayed bit for bit differs by nothing; through a lossy codec each hit
     * gets its own coding noise: LMMS Surrender-Main's kick (one sample, 31 hits at its peak) read
     * -35 to -65 dB apart after AAC 256k, -35 to -61 dB after MP3 128k, -34 to -42 dB after Opus
     * 96k. Passages a limiter holds at its ceiling differ by about their own power (0 dB), and a
     * replayed hit with a pad or bass under it through one limiter by that part's share at the peak
     * (about -4 dB in {@code MixbusProcessingCheckTest}).
     */
    static final double SAME_SHAPE_DB = -25.0;
    /**
     * The hops of one shape are counted by their peak's histogram bin, this many bins (1 dB) either
     * side of the bin of the shape's first hop: through a codec the hits' peaks scatter by tenths of
     * a decibel (Surrender-Main's kick after AAC: its first hit 0.14 dB under the hit that set the
     * file's peak), so the shape's first hit may lie outside the final 0.1 dB at the peak while most
     * of its later ones lie inside. A hop further off is counted at the nearest end.
     */
    static final int SHAPE_BIN_REACH = 20;
    /**
     * At most this many different peak shapes are kept; a shape first seen when the table is full
     * (after the entries below the peak so far were dropped) counts as seen once. A repeated sample
     * repeats from its first hits on, long before 64 others have come.
     */
    static final int MAX_SHAPES = 64;

    private final double sampleRate;
    private final int channels;
    private final int hop;
    private final double[] mid;
    private final BandMeter bands;
    private final PitchTracker pitch;
    private final OnsetCounter onsetCounter;
    private final long[] peakHistogram = new long[PEAK_BINS];
    private final float[] quietestInBin = new float[PEAK_BINS];
    private final float[] loudestInBin = new float[PEAK_BINS];
    private final double soundingPower = Db.toPower(SOUNDING_DBFS);
    /**
     * Peak shapes of the hops near the peak so far: samples, power, the histogram bin of its first
     * hop's peak, and its hops seen by their peak's bin ({@link #SHAPE_BIN_REACH} either side).
     */
    private final double[][] shapeSamples = new double[MAX_SHAPES][2 * SHAPE_HALF_WIDTH + 1];
    private final double[] shapePower = new double[MAX_SHAPES];
    private final double sameShape = Db.toPower(SAME_SHAPE_DB);
    private final int[] shapeBin = new int[MAX_SHAPES];
    private final long[][] shapeHops = new long[MAX_SHAPES][2 * SHAPE_BIN_REACH + 1];
    private int shapes;
    private int fill;
    /** The onset counter's running sum of squares while {@link #measure} adds the mid signal's. */
    private double onsetSum;
    private double hopPeak;
    private double hopSquares;
    private long frames;
    private long hops;
    private long soundingHops;
    private double peak;
    private double squares;
    private double midSquares;
    private double sideSquares;

    private StemFeatures(double sampleRate, int channels) {
        this.sampleRate = sampleRate;
        this.channels = channels;
        this.hop = Math.max(64, (int) Math.round(sampleRate * HOP_SECONDS));
        Blocks.buffer(1, hop);
        this.mid = new double[hop];
        this.bands = new BandMeter(sampleRate, hop);
        this.pitch = new PitchTracker(sampleRate);
        this.onsetCounter = new OnsetCounter(sampleRate);
        Arrays.fill(quietestInBin, Float.POSITIVE_INFINITY);
        Arrays.fill(loudestInBin, Float.NEGATIVE_INFINITY);
    }

    /**
     * An empty accumulator for a file of this rate and channel count.
     *
     * @param sampleRate the rate in Hz, positive and finite
     * @param channels   1 to 65535; with two or more, channels 0 and 1 are taken as left and
     *                   right for {@link Result#sideShare()}
     * @return a new accumulator, which has seen no audio
     * @throws IllegalArgumentException when an argument is out of range
     */
    public static StemFeatures create(double sampleRate, int channels) {
        return new StemFeatures(Blocks.sampleRate(sampleRate), Blocks.channels(channels));
    }

    @Override
    public void accept(double[][] block, int offset, int frames) {
        Blocks.check(block, offset, frames, channels);
        for (int done = 0; done < frames; ) {
            int n = Math.min(frames - done, Math.min(hop - fill, onsetCounter.toSubframeEnd()));
            onsetSum = onsetCounter.sum();
            measure(block, offset + done, n);
            onsetCounter.addSquares(onsetSum, n);
            pitch.accept(mid, fill, n);
            fill += n;
            done += n;
            if (fill == hop) {
                endHop();
            }
        }
        this.frames += frames;
    }

    /**
     * Levels of {@code n} frames from {@code from} (at most to the end of the hop and of the onset
     * counter's sub-frame), their mid signal into {@code mid[fill ..]} and its squares into
     * {@link #onsetSum}, in order (the onset sum's chain of additions runs beside the levels'
     * instead of in a pass of its own); the pitch tracker takes the mid signal afterwards.
     */
    private void measure(double[][] block, int from, int n) {
        if (channels == 2) {
            measureStereo(block[0], block[1], from, n);
            return;
        }
        double scale = 1.0 / channels;
        for (int i = from, j = fill; i < from + n; i++, j++) {
            double m = 0;
            double q = 0;
            double p = hopPeak;
            for (int c = 0; c < channels; c++) {
                double v = block[c][i];
                if (!Double.isFinite(v)) {
                    v = 0; // NaN or infinity (float files): counted as silence here; the level checks report them
                }
                m += v;
                q += v * v;
                double a = Math.abs(v);
                if (a > p) {
                    p = a;
                }
            }
            hopPeak = p;
            m *= scale;
            hopSquares += q * scale;
            if (channels > 1) {
                double s = 0.5 * (block[0][i] - block[1][i]);
                double ms = 0.5 * (block[0][i] + block[1][i]);
                if (Double.isFinite(s) && Double.isFinite(ms)) {
                    sideSquares += s * s;
                    midSquares += ms * ms;
                }
            }
            mid[j] = m;
            onsetSum += m * m;
        }
    }

    /**
     * {@link #measureStereoChecked} without its four finiteness tests per frame, taken when they
     * would all have passed: the stretch is summed as if every sample were finite, and kept only
     * if no sample was NaN (the mid signal's sum of squares would be NaN: before, a non-finite
     * sample never reached it) and the largest magnitude is at most {@value #FINITE_SUMS}, so that
     * every {@code l - r} and {@code l + r} is finite (an infinite sample is above it). Otherwise
     * the stretch is measured again, checked. Either way the sums are those of the checked loop,
     * bit for bit.
     */
    private void measureStereo(double[] left, double[] right, int from, int n) {
        double p = hopPeak;
        double q = hopSquares;
        double side = sideSquares;
        double middle = midSquares;
        double onset = onsetSum;
        for (int i = from, j = fill; i < from + n; i++, j++) {
            double l = left[i];
            double r = right[i];
            double s = 0.5 * (l - r);
            double ms = 0.5 * (l + r);
            side += s * s;
            middle += ms * ms;
            q += (l * l + r * r) * 0.5;
            double a = Math.abs(l);
            double b = Math.abs(r);
            p = a > p ? a : p;
            p = b > p ? b : p;
            double m = (l + r) * 0.5;
            mid[j] = m;
            onset += m * m;
        }
        if (!(onset == onset && p <= FINITE_SUMS)) {
            measureStereoChecked(left, right, from, n);
            return;
        }
        onsetSum = onset;
        hopPeak = p;
        hopSquares = q;
        sideSquares = side;
        midSquares = middle;
    }

    /**
     * {@link #measure} for two channels, the common case: each sample read once, the sums in
     * locals; the same sums in the same order (a non-finite sample's side and mid terms are
     * skipped, and it counts as 0 in the levels, as there).
     */
    private void measureStereoChecked(double[] left, double[] right, int from, int n) {
        double p = hopPeak;
        double q = hopSquares;
        double side = sideSquares;
        double middle = midSquares;
        double onset = onsetSum;
        for (int i = from, j = fill; i < from + n; i++, j++) {
            double l = left[i];
            double r = right[i];
            double s = 0.5 * (l - r);
            double ms = 0.5 * (l + r);
            if (Double.isFinite(s) && Double.isFinite(ms)) {
                side += s * s;
                middle += ms * ms;
            }
            if (!Double.isFinite(l)) {
                l = 0;
            }
            if (!Double.isFinite(r)) {
                r = 0;
            }
            q += (l * l + r * r) * 0.5;
            double a = Math.abs(l);
            double b = Math.abs(r);
            p = a > p ? a : p;
            p = b > p ? b : p;
            double m = (l + r) * 0.5;
            mid[j] = m;
            onset += m * m;
        }
        onsetSum = onset;
        hopPeak = p;
        hopSquares = q;
        sideSquares = side;
        midSquares = middle;
    }

    private void endHop() {
        if (hopPeak > 0 && bin(hopPeak) >= nearPeakBin(Math.max(peak, hopPeak))) {
            rememberShape(bin(hopPeak));
        }
        boolean sounding = hopSquares / hop > soundingPower;
        if (sounding) {
            soundingHops++;
            bands.accept(mid);
            pitch.analyse();
        }
        count(hopPeak, hopSquares / hop);
        squares += hopSquares;
        hops++;
        fill = 0;
        hopPeak = 0;
        hopSquares = 0;
    }

    private void count(double hopPeakValue, double meanSquare) {
        int b = bin(hopPeakValue);
        peakHistogram[b]++;
        float level = (float) Db.power(meanSquare);
        quietestInBin[b] = Math.min(quietestInBin[b], level);
        loudestInBin[b] = Math.max(loudestInBin[b], level);
        peak = Math.max(peak, hopPeakValue);
    }

    /** The lowest histogram bin within {@value #NEAR_PEAK_DB} dB of a peak (at least 1: bin 0 is silence). */
    private static int nearPeakBin(double peakAmplitude) {
        return Math.max(1, bin(peakAmplitude * Db.toAmplitude(-NEAR_PEAK_DB)));
    }

    /**
     * Counts the shape of this hop's peak: the mid signal around its largest magnitude, as one of the
     * shapes seen when it lies within {@link #SAME_SHAPE_DB} of it. A peak too near the hop's edges
     * to have its neighbours in the hop is counted as no shape.
     */
    private void rememberShape(int peakBin) {
        int at = 0;
        double largest = -1;
        for (int i = 0; i < hop; i++) {
            double a = Math.abs(mid[i]);
            if (a > largest) {
                largest = a;
                at = i;
            }
        }
        if (at < SHAPE_HALF_WIDTH || at + SHAPE_HALF_WIDTH >= hop) {
            return;
        }
        int start = at - SHAPE_HALF_WIDTH;
        for (int k = 0; k < shapes; k++) {
            if (sameShape(k, start)) {
                shapeHops[k][SHAPE_BIN_REACH + Math.max(-SHAPE_BIN_REACH, Math.min(SHAPE_BIN_REACH, peakBin - shapeBin[k]))]++;
                return;
            }
        }
        if (shapes == MAX_SHAPES) {
            int keep = 0;
            int from = nearPeakBin(peak);
            for (int k = 0; k < shapes; k++) {
                if (shapeBin[k] + SHAPE_BIN_REACH >= from) {
                    double[] kept = shapeSamples[keep];
                    shapeSamples[keep] = shapeSamples[k];
                    shapeSamples[k] = kept;
                    shapePower[keep] = shapePower[k];
                    shapeBin[keep] = shapeBin[k];
                    long[] hops = shapeHops[keep];
                    shapeHops[keep] = shapeHops[k];
                    shapeHops[k] = hops;
                    keep++;
                }
            }
            shapes = keep;
        }
        if (shapes < MAX_SHAPES) {
            double power = 0;
            for (int i = 0; i < shapeSamples[shapes].length; i++) {
                double v = mid[start + i];
                shapeSamples[shapes][i] = v;
                power += v * v;
            }
            shapePower[shapes] = power;
            shapeBin[shapes] = peakBin;
            Arrays.fill(shapeHops[shapes], 0);
            shapeHops[shapes][SHAPE_BIN_REACH] = 1;
            shapes++;
        }
    }

    /** Whether the mid signal from {@code from} on is shape {@code k} again, within {@link #SAME_SHAPE_DB}. */
    private boolean sameShape(int k, int from) {
        double[] shape = shapeSamples[k];
        double limit = sameShape * shapePower[k];
        double diff = 0;
        for (int i = 0; i < shape.length; i++) {
            double d = mid[from + i] - shape[i];
            diff += d * d;
            if (diff > limit) {
                return false;
            }
        }
        return true;
    }

    private static int bin(double amplitude) {
        double db = Db.amplitude(amplitude);
        if (!(db >= PEAK_FLOOR_DB)) {
            return 0;
        }
        return (int) Math.min(PEAK_BINS - 1, Math.floor((db - PEAK_FLOOR_DB) / PEAK_BIN_DB));
    }

    @Override
    public Result result() {
        double filePeak = Math.max(peak, hopPeak);
        long near = 0;
        long repeated = 0;
        double quietest = Double.POSITIVE_INFINITY;
        double loudest = Double.NEGATIVE_INFINITY;
        if (filePeak > 0) {
            int from = nearPeakBin(filePeak);
            for (int k = 0; k < shapes; k++) {
                long n = 0;
                for (int j = 0; j < shapeHops[k].length; j++) {
                    n += shapeBin[k] + j - SHAPE_BIN_REACH >= from ? shapeHops[k][j] : 0;
                }
                repeated = Math.max(repeated, n);
            }
            for (int b = from; b < PEAK_BINS; b++) {
                near += peakHistogram[b];
                quietest = Math.min(quietest, quietestInBin[b]);
                loudest = Math.max(loudest, loudestInBin[b]);
            }
            if (fill > 0 && bin(hopPeak) >= from) {
                near++;
                double level = Db.power(hopSquares / fill);
                quietest = Math.min(quietest, level);
                loudest = Math.max(loudest, level);
            }
        }
        double spread = near > 0 && Double.isFinite(loudest - quietest) ? loudest - quietest : 0;
        long allHops = hops + (fill > 0 ? 1 : 0);
        double allSquares = squares + hopSquares;
        double rms = frames == 0 ? 0 : Math.sqrt(allSquares / frames);
        double stereo = midSquares + sideSquares;
        return new Result(frames / sampleRate, soundingHops * hop / sampleRate, Db.amplitude(filePeak), Db.amplitude(rms),
                allHops, near, repeated, spread, Bands.of(bands.shares()), bands.centroid(), bands.centroidSpread(),
                new Pitch(pitch.quantile(0.1), pitch.quantile(0.5), pitch.quantile(0.9),
                        soundingHops == 0 ? 0 : (double) pitch.voiced() / soundingHops),
                soundingHops == 0 ? 0 : onsetCounter.onsets() / (soundingHops * hop / sampleRate),
                stereo > 0 ? sideSquares / stereo : 0);
    }

    /**
     * Each band's share of the sounding frames' power (they add up to 1, or are all 0 when nothing sounded).
     *
     * @param sub      below 120 Hz
     * @param low      120-300 Hz
     * @param lowMid   300 Hz-1 kHz
     * @param presence 1-4 kHz
     * @param high     4-8 kHz
     * @param air      above 8 kHz
     */
    public record Bands(double sub, double low, double lowMid, double presence, double high, double air) {

        static Bands of(double[] s) {
            return new Bands(s[0], s[1], s[2], s[3], s[4], s[5]);
        }

        /**
         * The share below 300 Hz: high for a bass or a kick.
         *
         * @return {@code sub + low}, 0 to 1
         */
        public double below300() {
            return sub + low;
        }

        /**
         * The share from 300 Hz to 4 kHz, where a voice's formants sit.
         *
         * @return {@code lowMid + presence}, 0 to 1
         */
        public double voiceRange() {
            return lowMid + presence;
        }
    }

    /**
     * The fundamental frequency of the voiced frames (NaN when none was voiced).
     *
     * @param lowHz     the 10th percentile, Hz
     * @param medianHz  the median, Hz
     * @param highHz    the 90th percentile, Hz
     * @param voicedShare voiced frames over sounding frames, 0 to 1
     */
    public record Pitch(double lowHz, double medianHz, double highHz, double voicedShare) {
    }

    /**
     * The features of one file.
     *
     * @param seconds          duration of the samples accepted
     * @param soundingSeconds  duration of the hops above {@value #SOUNDING_DBFS} dBFS
     * @param peakDbfs         sample peak of any channel, dBFS (negative infinity for silence)
     * @param rmsDbfs          RMS over all samples of all channels, dBFS
     * @param hops             100 ms hops measured (a last partial hop counts)
     * @param hopsNearPeak     hops whose sample peak is within {@value #NEAR_PEAK_DB} dB of {@code peakDbfs}
     *                         (to the histogram's 0.05 dB): 1 or 2 for a loose peak, many for a ceiling
     * @param hopsNearPeakRepeated the most of those hops whose peaks have one and the same shape, sample for
     *                         sample within {@value #SAME_SHAPE_DB} dB ({@value #SHAPE_HALF_WIDTH} samples each side
     *                         of the largest): a drum sample played again and again, bit for bit or each hit through
     *                         a lossy codec; 1 (or 0) when every such peak differs, as a limiter's do.
     *                         Whole hops only (a last partial hop is not counted)
     * @param nearPeakLevelSpreadDb the range of RMS levels, in dB, of the hops counted in {@code hopsNearPeak}:
     *                         about 0 for a steady tone, several dB when a limiter pins louder and softer passages
     *                         to one ceiling
     * @param bands            band shares of the sounding frames
     * @param centroidHz       power-weighted mean spectral centroid, Hz (NaN when nothing sounded)
     * @param centroidSpreadHz power-weighted standard deviation of the frames' centroids, Hz
     * @param pitch            the fundamental frequency of the voiced frames
     * @param onsetsPerSecond  onsets per sounding second
     * @param sideShare        side power over mid plus side power, 0 (mono) to 1 (opposite channels)
     */
    public record Result(double seconds, double soundingSeconds, double peakDbfs, double rmsDbfs, long hops,
                         long hopsNearPeak, long hopsNearPeakRepeated, double nearPeakLevelSpreadDb, Bands bands, double centroidHz, double centroidSpreadHz, Pitch pitch,
                         double onsetsPerSecond, double sideShare) {

        /**
         * The hops near the peak that are not one more hit of the same sample: {@link #hopsNearPeak()}
         * less all but one of the largest group of identical peaks.
         *
         * @return hops near the peak with a peak of their own
         */
        public long hopsNearPeakDistinct() {
            return hopsNearPeak - Math.max(0, hopsNearPeakRepeated - 1);
        }

        /**
         * Peak-to-RMS ratio: low (under about 10 dB) for a heavily limited stem, high for
         * percussion.
         *
         * @return {@code peakDbfs - rmsDbfs}, dB ({@code NaN} for silence)
         */
        public double crestDb() {
            return peakDbfs - rmsDbfs;
        }
    }
}
