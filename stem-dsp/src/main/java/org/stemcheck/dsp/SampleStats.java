package org.stemcheck.dsp;

import java.util.ArrayList;
import java.util.List;
import org.stemcheck.dsp.internal.Blocks;
import org.stemcheck.dsp.internal.Db;

/**
 * Sample peak (with its position), DC and RMS per channel and overall, and the crest factor.
 *
 * <p>Sums are kept per block and then added to the totals, which keeps the rounding error of a
 * two-hour file far below what the measurements need. NaN samples (possible in float files) do not
 * count as a peak but turn DC and RMS into NaN. Not thread-safe; use one per thread and
 * {@link #combine}.
 */
public final class SampleStats implements Accumulator<SampleStats.Result> {

    private final int channels;
    private final double[] peak;
    private final long[] peakFrame;
    private final double[] sum;
    private final double[] sumSquares;
    private long frames;

    private SampleStats(int channels) {
        this.channels = channels;
        this.peak = new double[channels];
        this.peakFrame = new long[channels];
        this.sum = new double[channels];
        this.sumSquares = new double[channels];
    }

    /**
     * An empty accumulator for {@code channels} channels.
     *
     * @param channels 1 to 65535
     * @return a new accumulator, which has seen no audio
     * @throws IllegalArgumentException when the count is out of range
     */
    public static SampleStats create(int channels) {
        return new SampleStats(Blocks.channels(channels));
    }

    @Override
    public void accept(double[][] block, int offset, int frames) {
        Blocks.check(block, offset, frames, channels);
        for (int c = 0; c < channels; c++) {
            double[] x = block[c];
            double p = peak[c];
            long at = peakFrame[c];
            double s = 0;
            double q = 0;
            for (int i = 0; i < frames; i++) {
                double v = x[offset + i];
                double a = Math.abs(v);
                if (a > p) {
                    p = a;
                    at = this.frames + i;
                }
                s += v;
                q += v * v;
            }
            peak[c] = p;
            peakFrame[c] = at;
            sum[c] += s;
            sumSquares[c] += q;
        }
        this.frames += frames;
    }

    /**
     * Adds the statistics of {@code later}, which must have measured the frames that follow the
     * ones measured here (its peak positions are shifted by this accumulator's frame count).
     *
     * @param later the statistics of the next part of the same file; left unchanged
     * @throws IllegalArgumentException when the channel counts differ
     */
    public void combine(SampleStats later) {
        if (later.channels != channels) {
            throw new IllegalArgumentException("channel counts differ: " + channels + " and " + later.channels);
        }
        for (int c = 0; c < channels; c++) {
            if (later.peak[c] > peak[c]) {
                peak[c] = later.peak[c];
                peakFrame[c] = frames + later.peakFrame[c];
            }
            sum[c] += later.sum[c];
            sumSquares[c] += later.sumSquares[c];
        }
        frames += later.frames;
    }

    @Override
    public Result result() {
        List<ChannelStats> list = new ArrayList<>(channels);
        double totalSquares = 0;
        for (int c = 0; c < channels; c++) {
            double dc = frames == 0 ? 0 : sum[c] / frames;
            double rms = frames == 0 ? 0 : Math.sqrt(sumSquares[c] / frames);
            list.add(new ChannelStats(peak[c], peakFrame[c], dc, rms));
            totalSquares += sumSquares[c];
        }
        double rms = frames == 0 ? 0 : Math.sqrt(totalSquares / ((double) frames * channels));
        return new Result(frames, List.copyOf(list), rms);
    }

    /**
     * Statistics over all frames accepted.
     *
     * @param frames   frames measured
     * @param channels one entry per channel
     * @param rms      the RMS over all samples of all channels (the power mean of the channels)
     */
    public record Result(long frames, List<ChannelStats> channels, double rms) {

        /**
         * Copies the list.
         *
         * @param frames   {@code >= 0}
         * @param channels not {@code null}; copied
         * @param rms      linear
         */
        public Result {
            channels = List.copyOf(channels);
        }

        /**
         * The largest absolute sample of any channel.
         *
         * @return linear (full scale 1.0); 0 for silence or no channels
         */
        public double peak() {
            return channels.stream().mapToDouble(ChannelStats::peak).max().orElse(0);
        }

        /**
         * The sample peak of the file.
         *
         * @return {@link #peak()} in dBFS
         */
        public double peakDbfs() {
            return Db.amplitude(peak());
        }

        /**
         * The RMS level of the file over all channels.
         *
         * @return {@link #rms()} in dBFS
         */
        public double rmsDbfs() {
            return Db.amplitude(rms);
        }

        /**
         * Overall crest factor.
         *
         * @return {@link #peak()} over {@link #rms()}, in dB; NaN for silence
         */
        public double crestDb() {
            return Db.amplitude(peak() / rms);
        }
    }
}
