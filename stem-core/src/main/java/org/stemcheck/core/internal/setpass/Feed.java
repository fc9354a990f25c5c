package org.stemcheck.core.internal.setpass;

import java.io.IOException;
import java.util.Arrays;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stemcheck.core.internal.delivery.Source;
import org.stemcheck.dsp.Accumulators;
import org.stemcheck.dsp.NonFiniteSamples;
import org.stemcheck.dsp.nullsum.Resampler;
import org.stemcheck.io.AudioFormat;
import org.stemcheck.io.SampleStream;

/**
 * One file as the set pass sees it: streamed front to back at the pass's common rate and channel
 * count (resampled with {@link Resampler} when its rate differs, a mono file copied into every
 * channel), moved in time by whole samples when asked, and silent after its end. Memory is a few
 * blocks, whatever the file's length. When opened with a {@link FileSink}, every block it decodes
 * is handed to the sink as read (before resampling and shift), so that the file's per-file
 * measurements need no second read. Not thread-safe.
 */
final class Feed implements AutoCloseable {

    /** Frames per block of the set pass: the block size of every read. */
    static final int BLOCK = Accumulators.BLOCK_FRAMES;

    private static final Logger LOG = LoggerFactory.getLogger(Feed.class);

    private final String name;
    private final SampleStream in;
    private final FileSink sink;
    private boolean sinkDone;
    private final Resampler resampler;
    private final double[][] raw;
    private final double[][] converted;
    private final double[][] fifo;
    private int buffered;
    private long skip;
    private long silence;
    private boolean ended;
    /** Frames decoded from the file so far, and whether a read failed. */
    private long decoded;
    private boolean failed;
    private final long shift;
    /** Whether the file is floating point (it may hold NaN or infinities, set to 0 before the pass uses them). */
    private final boolean floating;

    private Feed(String name, SampleStream in, FileSink sink, Resampler resampler, int srcChannels, long shift,
                 boolean floating) {
        this.name = name;
        this.floating = floating;
        this.in = in;
        this.sink = sink;
        this.sinkDone = sink == null;
        this.resampler = resampler;
        this.raw = new double[srcChannels][BLOCK];
        int out = resampler == null ? BLOCK : resampler.maxOutputFrames(BLOCK);
        this.converted = resampler == null ? raw : new double[srcChannels][out];
        this.fifo = new double[srcChannels][BLOCK + out];
        this.skip = Math.max(0, shift);
        this.silence = Math.max(0, -shift);
        this.shift = shift;
    }

    /** True when a file of {@code format} can be fed into a pass of {@code channels} channels. */
    static boolean fits(AudioFormat format, int channels) {
        return format.channels() == channels || format.channels() == 1;
    }

    /** True when a file of {@code format} can be converted to {@code rate} (same rate, or a ratio {@link Resampler} takes). */
    static boolean convertible(AudioFormat format, int rate) {
        if (format.sampleRate() == rate) {
            return true;
        }
        if (format.sampleRate() != Math.rint(format.sampleRate())) {
            return false;
        }
        try {
            Resampler.of((int) format.sampleRate(), rate, format.channels());
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * Opens a file for a pass.
     *
     * @param shift samples to move the file earlier by (positive: drop its first samples, it is
     *              late) or later by (negative: start with silence, it is early)
     * @throws IllegalArgumentException when the rates cannot be converted
     */
    static Feed open(Source input, int rate, long shift) throws IOException {
        return open(input, rate, shift, null);
    }

    /**
     * Opens a file for a pass, handing every block it decodes to {@code sink} too.
     *
     * @param shift as for {@link #open(Source, int, long)}
     * @param sink  gets every raw block, then the end or the read failure; null for none
     * @throws IllegalArgumentException when the rates cannot be converted
     */
    static Feed open(Source input, int rate, long shift, FileSink sink) throws IOException {
        AudioFormat f = input.format().orElseThrow();
        Resampler rs = f.sampleRate() == rate ? null : Resampler.of((int) f.sampleRate(), rate, f.channels());
        return new Feed(input.name(), input.opener().open(), sink, rs, f.channels(), shift, f.isFloat());
    }

    /** Writes the next {@code n <= BLOCK} frames into {@code dst[c][0..n)}, zeros past the end. */
    void fill(double[][] dst, int n) {
        int at = 0;
        while (silence > 0 && at < n) {
            int z = (int) Math.min(silence, n - at);
            for (double[] d : dst) {
                Arrays.fill(d, at, at + z, 0.0);
            }
            silence -= z;
            at += z;
        }
        int want = n - at;
        while (buffered < want && !ended) {
            refill();
        }
        int take = Math.min(want, buffered);
        for (int c = 0; c < dst.length; c++) {
            double[] src = fifo[fifo.length == 1 ? 0 : c];
            System.arraycopy(src, 0, dst[c], at, take);
            Arrays.fill(dst[c], at + take, n, 0.0);
        }
        for (double[] f : fifo) {
            System.arraycopy(f, take, f, 0, buffered - take);
        }
        buffered -= take;
    }

    /**
     * Reads the rest of the file for the sink alone (the pass has all it compares): a stem longer
     * than the mix is still measured to its end. Nothing without a sink.
     */
    void drainToSink() {
        while (!sinkDone && !ended) {
            if (readRaw() == 0) {
                ended = true;
            }
        }
    }

    /** The next raw block into {@code raw}, 0 at the end or on a read failure; the sink sees it first. */
    private int readRaw() {
        int r;
        try {
            r = in.read(raw, 0, BLOCK);
        } catch (IOException e) {
            failed = true;
            LOG.debug("{} ends early in the set pass: {}", name, e.toString());
            if (!sinkDone) {
                sinkDone = true;
                sink.fail(String.valueOf(e.getMessage()));
            }
            return 0;
        }
        decoded += Math.max(0, r);
        if (!sinkDone) {
            if (r > 0) {
                sink.accept(raw, r);
            } else {
                sinkDone = true;
                sink.end();
            }
        }
        if (floating && r > 0) {
            // after the sink has seen them (it counts them): a NaN would make the whole null test NaN
            NonFiniteSamples.zero(raw, raw.length, 0, r);
        }
        return r;
    }

    private void refill() {
        int r = readRaw();
        int got;
        if (r == 0) {
            ended = true;
            got = resampler == null ? 0 : resampler.flush(converted);
        } else {
            got = resampler == null ? r : resampler.process(raw, 0, r, converted);
        }
        int from = 0;
        if (skip > 0) {
            from = (int) Math.min(skip, got);
            skip -= from;
        }
        for (int c = 0; c < fifo.length; c++) {
            System.arraycopy(converted[c], from, fifo[c], buffered, got - from);
        }
        buffered += got - from;
    }

    /**
     * Whether the pass saw exactly the file: it was read to its end without a failure, held
     * {@code frames} frames, and was not resampled or moved.
     *
     * @param frames the frames the pass compared
     * @return true when every frame compared is the file's own, unchanged
     */
    boolean deliveredExactly(long frames) {
        return ended && !failed && decoded == frames && resampler == null && shift == 0;
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            LOG.debug("closing {}: {}", name, e.toString());
        }
    }
}
