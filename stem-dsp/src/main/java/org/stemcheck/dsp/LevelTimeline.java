package org.stemcheck.dsp;

import java.util.Locale;
import java.util.OptionalLong;
import org.stemcheck.dsp.internal.Blocks;
import org.stemcheck.dsp.internal.Db;
import org.stemcheck.dsp.internal.Series;

/**
 * Peak and RMS per channel for every interval (100 ms by default), the first and last non-silent
 * frames, and the level of the final interval of the file (for cut-tail detection).
 *
 * <p>Memory: two {@code float}s per channel per interval, plus one interval of samples per channel
 * for the tail: at 100 ms, 288 KB per hour per channel (2 h of stereo: 144,000 points a series,
 * 1.2 MB in all). No {@code combine}: use one per file.
 */
public final class LevelTimeline implements Accumulator<LevelTimeline.Result> {

    /** Default interval: 100 ms, the momentary block of EBU R 128 / ITU-R BS.1771 meters. */
    public static final double DEFAULT_INTERVAL_SECONDS = 0.1;

    /**
     * Default silence threshold, -80 dBFS: above 16-bit TPDF dither (peaks of 2 LSB, -84 dBFS), so
     * dithered digital silence counts as silent.
     */
    public static final double DEFAULT_SILENCE_DBFS = -80.0;

    private final int channels;
    private final int interval;
    private final double silence;
    private final Series[] peaks;
    private final Series[] rms;
    private final double[] bucketPeak;
    private final double[] bucketSquares;
    private final double[][] tail;
    private int bucketFill;
    private long frames;
    private long firstSound = -1;
    private long lastSound = -1;

    private LevelTimeline(int channels, int interval, double silence) {
        this.channels = channels;
        this.interval = interval;
        this.silence = silence;
        this.peaks = new Series[channels];
        this.rms = new Series[channels];
        for (int c = 0; c < channels; c++) {
            peaks[c] = Series.ofFloats();
            rms[c] = Series.ofFloats();
        }
        this.bucketPeak = new double[channels];
        this.bucketSquares = new double[channels];
        this.tail = new double[channels][interval];
    }

    /**
     * A timeline with 100 ms intervals and a -80 dBFS silence threshold.
     *
     * @param channels   1 to 65535
     * @param sampleRate the rate in Hz, positive and finite
     * @return a new accumulator
     * @throws IllegalArgumentException when an argument is out of range
     */
    public static LevelTimeline create(int channels, double sampleRate) {
        return create(channels, sampleRate, DEFAULT_INTERVAL_SECONDS, DEFAULT_SILENCE_DBFS);
    }

    /**
     * A timeline with intervals and silence threshold of your choice.
     *
     * @param channels        1 to 65535
     * @param sampleRate      the rate in Hz, positive and finite
     * @param intervalSeconds the interval, rounded to whole frames (at least 1 frame, at most 60 s)
     * @param silenceDbfs     samples at or below this magnitude count as silent, dBFS, at most 0
     * @return a new accumulator
     * @throws IllegalArgumentException when an argument is out of range, or one interval of all
     *                                  channels would not fit the bounded buffer
     */
    public static LevelTimeline create(int channels, double sampleRate, double intervalSeconds,
                                       double silenceDbfs) {
        Blocks.channels(channels);
        Blocks.sampleRate(sampleRate);
        if (!(intervalSeconds > 0 && intervalSeconds <= 60)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "intervalSeconds must be in (0, 60]: %s", intervalSeconds));
        }
        if (Double.isNaN(silenceDbfs) || silenceDbfs > 0) {
            throw new IllegalArgumentException("silenceDbfs must be at most 0: " + silenceDbfs);
        }
        long frames = Math.max(1, Math.round(intervalSeconds * sampleRate));
        Blocks.buffer(channels, frames);
        return new LevelTimeline(channels, (int) frames, Db.toAmplitude(silenceDbfs));
    }

    @Override
    public void accept(double[][] block, int offset, int frames) {
        Blocks.check(block, offset, frames, channels);
        int done = 0;
        while (done < frames) {
            int n = Math.min(frames - done, interval - bucketFill);
            measure(block, offset + done, n);
            bucketFill += n;
            done += n;
            if (bucketFill == interval) {
                closeBucket();
            }
        }
    }

    private void measure(double[][] block, int from, int n) {
        int ring = bucketFill; // equals frames % interval: buckets start at frame 0 and hold interval frames
        for (int c = 0; c < channels; c++) {
            double[] x = block[c];
            double p = bucketPeak[c];
            double q = 0;
            for (int i = 0; i < n; i++) {
                double v = x[from + i];
                double a = Math.abs(v);
                p = a > p ? a : p;
                q += v * v;
            }
            bucketPeak[c] = p;
            bucketSquares[c] += q;
            int first = firstAbove(x, from, n);
            int last = first < 0 ? -1 : lastAbove(x, from + first, n - first) + first;
            System.arraycopy(x, from, tail[c], ring, n);
            if (first >= 0) {
                long at = frames + first;
                if (firstSound < 0 || at < firstSound) {
                    firstSound = at;
                }
                lastSound = Math.max(lastSound, frames + last);
            }
        }
        frames += n;
    }

    /**
     * @return the index (from {@code from}) of the first of {@code n} samples louder than the
     *         silence threshold, or -1. A scan of its own, which stops at the first sound, so that
     *         the level loop carries no branch on it.
     */
    private int firstAbove(double[] x, int from, int n) {
        for (int i = 0; i < n; i++) {
            if (Math.abs(x[from + i]) > silence) {
                return i;
            }
        }
        return -1;
    }

    /** @return the index (from {@code from}) of the last of {@code n} samples louder than the threshold, or -1 */
    private int lastAbove(double[] x, int from, int n) {
        for (int i = n - 1; i >= 0; i--) {
            if (Math.abs(x[from + i]) > silence) {
                return i;
            }
        }
        return -1;
    }

    private void closeBucket() {
        for (int c = 0; c < channels; c++) {
            peaks[c].add((float) bucketPeak[c]);
            rms[c].add((float) Math.sqrt(bucketSquares[c] / bucketFill));
            bucketPeak[c] = 0;
            bucketSquares[c] = 0;
        }
        bucketFill = 0;
    }

    @Override
    public Result result() {
        float[][] p = new float[channels][];
        float[][] r = new float[channels][];
        double tailPeak = 0;
        double tailSquares = 0;
        int tailFrames = (int) Math.min(frames, interval);
        for (int c = 0; c < channels; c++) {
            if (bucketFill > 0) {
                p[c] = peaks[c].toFloatArray((float) bucketPeak[c]);
                r[c] = rms[c].toFloatArray((float) Math.sqrt(bucketSquares[c] / bucketFill));
            } else {
                p[c] = peaks[c].toFloatArray();
                r[c] = rms[c].toFloatArray();
            }
            for (int i = 0; i < tailFrames; i++) {
                double v = tail[c][i];
                tailPeak = Math.max(tailPeak, Math.abs(v));
                tailSquares += v * v;
            }
        }
        double tailRms = tailFrames == 0 ? 0 : Math.sqrt(tailSquares / ((double) tailFrames * channels));
        return new Result(interval, frames, p, r,
                firstSound < 0 ? OptionalLong.empty() : OptionalLong.of(firstSound),
                lastSound < 0 ? OptionalLong.empty() : OptionalLong.of(lastSound), tailPeak, tailRms);
    }

    /**
     * The timeline. Point {@code i} covers frames {@code [i * intervalFrames, (i+1) * intervalFrames)};
     * the last point may cover fewer frames. Arrays are copied in and out.
     *
     * @param intervalFrames frames per point
     * @param frames         frames measured
     * @param peaks          {@code peaks[channel][point]}: largest magnitude (linear)
     * @param rms            {@code rms[channel][point]}: RMS (linear)
     * @param firstSound     first frame with a sample above the silence threshold (empty: silent file)
     * @param lastSound      last such frame (empty: silent file)
     * @param tailPeak       peak over the last interval of the file (all channels)
     * @param tailRms        RMS over the last interval of the file (all channels)
     */
    public record Result(int intervalFrames, long frames, float[][] peaks, float[][] rms,
                         OptionalLong firstSound, OptionalLong lastSound, double tailPeak, double tailRms) {

        /**
         * Copies the arrays.
         *
         * @param intervalFrames {@code >= 1}
         * @param frames         {@code >= 0}
         * @param peaks          one array per channel, all of one length; copied
         * @param rms            shaped like {@code peaks}; copied
         * @param firstSound     not {@code null}
         * @param lastSound      not {@code null}
         * @param tailPeak       linear
         * @param tailRms        linear
         */
        public Result {
            peaks = copy(peaks);
            rms = copy(rms);
        }

        /**
         * The largest magnitude of each point.
         *
         * @return a copy, {@code [channel][point]}, linear (full scale 1.0)
         */
        @Override
        public float[][] peaks() {
            return copy(peaks);
        }

        /**
         * The RMS level of each point.
         *
         * @return a copy, {@code [channel][point]}, linear (full scale 1.0)
         */
        @Override
        public float[][] rms() {
            return copy(rms);
        }

        /**
         * Points per channel.
         *
         * @return the file's length over the interval, rounded up; 0 for an empty file
         */
        public int points() {
            return peaks.length == 0 ? 0 : peaks[0].length;
        }

        /**
         * Peak of one point.
         *
         * @param channel the channel, from 0
         * @param point   the point, {@code 0 <= point < points()}
         * @return dBFS; {@code -infinity} for digital silence
         */
        public double peakDbfs(int channel, int point) {
            return Db.amplitude(peaks[channel][point]);
        }

        /**
         * RMS of one point.
         *
         * @param channel the channel, from 0
         * @param point   the point, {@code 0 <= point < points()}
         * @return dBFS; {@code -infinity} for digital silence
         */
        public double rmsDbfs(int channel, int point) {
            return Db.amplitude(rms[channel][point]);
        }

        /**
         * The level of the file's last interval: a cut tail (a reverb or a note stopped by the
         * end of the file) ends loud.
         *
         * @return {@link #tailRms()} in dBFS
         */
        public double tailRmsDbfs() {
            return Db.amplitude(tailRms);
        }

        /**
         * The peak of the file's last interval.
         *
         * @return {@link #tailPeak()} in dBFS
         */
        public double tailPeakDbfs() {
            return Db.amplitude(tailPeak);
        }

        private static float[][] copy(float[][] a) {
            float[][] out = new float[a.length][];
            for (int i = 0; i < a.length; i++) {
                out[i] = a[i].clone();
            }
            return out;
        }
    }
}
