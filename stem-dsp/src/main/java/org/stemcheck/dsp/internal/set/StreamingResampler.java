package org.stemcheck.dsp.internal.set;

import java.util.Arrays;

/**
 * Streaming polyphase resampling with a {@link PolyphaseFilter}: output frame {@code k} is the
 * band-limited value of the input at {@code u = k * down / up} input samples, so outputs stay
 * aligned with the input's time origin (no delay to compensate). Holds the last {@code 2K}
 * inputs per channel across calls; the tail comes out with {@link #flush}.
 */
public final class StreamingResampler {

    private static final int BLOCK = 4096;

    private final PolyphaseFilter filter;
    private final int channels;
    private final int k;
    private final double[][] buffer;
    /** Absolute input index of buffer[c][0]. */
    private long base;
    private int length;
    private long inputs;
    private long outputs;
    private boolean flushed;

    public StreamingResampler(int inRate, int outRate, int channels) {
        this.filter = new PolyphaseFilter(inRate, outRate);
        this.channels = channels;
        this.k = filter.halfWidth();
        this.buffer = new double[channels][2 * k + BLOCK + 1];
        this.base = -k;
        this.length = k;
    }

    /** An upper bound of the frames one {@link #process} of {@code frames} or one {@link #flush} writes. */
    public int maxOutputFrames(int frames) {
        long n = ((long) frames + k) * filter.up() / filter.down() + 2;
        return (int) Math.min(Integer.MAX_VALUE, n);
    }

    public int process(double[][] in, int offset, int frames, double[][] out) {
        if (flushed) {
            throw new IllegalStateException("resampler already flushed");
        }
        int written = 0;
        int done = 0;
        while (done < frames) {
            int n = Math.min(frames - done, buffer[0].length - length);
            for (int c = 0; c < channels; c++) {
                System.arraycopy(in[c], offset + done, buffer[c], length, n);
            }
            length += n;
            inputs += n;
            done += n;
            written += produce(out, written, Long.MAX_VALUE);
            compact();
        }
        return written;
    }

    /** Emits the remaining outputs (input padded with zeros): {@code ceil(inputs * up / down)} in all. */
    public int flush(double[][] out) {
        if (flushed) {
            return 0;
        }
        flushed = true;
        long total = (inputs * filter.up() + filter.down() - 1) / filter.down();
        int written = 0;
        while (outputs < total) {
            int n = Math.min(k + 1, buffer[0].length - length);
            for (int c = 0; c < channels; c++) {
                Arrays.fill(buffer[c], length, length + n, 0.0);
            }
            length += n;
            written += produce(out, written, total);
            compact();
        }
        return written;
    }

    /** Computes every output whose kernel lies inside the buffer, up to {@code limit} in total. */
    private int produce(double[][] out, int at, long limit) {
        int up = filter.up();
        int down = filter.down();
        int count = 0;
        while (outputs < limit) {
            long pos = outputs * down;
            long n0 = pos / up;
            if (n0 + k >= base + length) {
                break;
            }
            double[] taps = filter.phase((int) (pos % up));
            int from = (int) (n0 - k + 1 - base);
            for (int c = 0; c < channels; c++) {
                double[] x = buffer[c];
                double s = 0;
                for (int j = 0; j < taps.length; j++) {
                    s += taps[j] * x[from + j];
                }
                out[c][at + count] = s;
            }
            count++;
            outputs++;
        }
        return count;
    }

    /** Drops inputs no later output needs. */
    private void compact() {
        long firstNeeded = outputs * filter.down() / filter.up() - k + 1;
        int drop = (int) Math.max(0, Math.min(length, firstNeeded - base));
        if (drop > 0) {
            for (int c = 0; c < channels; c++) {
                System.arraycopy(buffer[c], drop, buffer[c], 0, length - drop);
            }
            base += drop;
            length -= drop;
        }
    }
}
