package org.stemcheck.dsp.content;

import java.util.Locale;
import org.stemcheck.dsp.Accumulator;
import org.stemcheck.dsp.internal.Blocks;
import org.stemcheck.dsp.internal.Series;

/**
 * Builds a {@link Fingerprint}: per interval, the signed random projection and the RMS of all
 * channels. Intervals are counted in frames, so the result does not depend on block sizes; a final
 * partial interval is included. No {@code combine}: use one per file.
 */
public final class Fingerprinter implements Accumulator<Fingerprint> {

    /** Default interval: 100 ms. */
    public static final double DEFAULT_INTERVAL_SECONDS = 0.1;

    /** Length of the table of pseudo-random signs (repeats every 65536 frames). */
    private static final int SIGNS = 1 << 16;

    /** Fixed signs: the same for every file, so that fingerprints compare. */
    private static final double[] SIGN_TABLE = signs();

    /** Stride between the channels' starting points in the sign table (odd, so all differ). */
    private static final int CHANNEL_STRIDE = 40_503;

    private final int channels;
    private final int interval;
    private final Series sketch = Series.ofFloats();
    private final Series envelope = Series.ofFloats();
    private double projection;
    private double squares;
    private int fill;
    private long frames;

    private Fingerprinter(int channels, int interval) {
        this.channels = channels;
        this.interval = interval;
    }

    /**
     * A fingerprinter with 100 ms intervals ({@link #DEFAULT_INTERVAL_SECONDS}).
     *
     * @param channels   1 to 65535
     * @param sampleRate the rate in Hz, positive and finite
     * @return a new fingerprinter
     * @throws IllegalArgumentException when an argument is out of range
     */
    public static Fingerprinter create(int channels, double sampleRate) {
        return create(channels, sampleRate, DEFAULT_INTERVAL_SECONDS);
    }

    /**
     * A fingerprinter with intervals of {@code intervalSeconds}. Only fingerprints made with the
     * same interval in frames can match.
     *
     * @param channels        1 to 65535
     * @param sampleRate      the rate in Hz, positive and finite
     * @param intervalSeconds in (0, 60], rounded to whole frames (at least one)
     * @return a new fingerprinter
     * @throws IllegalArgumentException when an argument is out of range
     */
    public static Fingerprinter create(int channels, double sampleRate, double intervalSeconds) {
        Blocks.channels(channels);
        Blocks.sampleRate(sampleRate);
        if (!(intervalSeconds > 0 && intervalSeconds <= 60)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "intervalSeconds must be in (0, 60]: %s", intervalSeconds));
        }
        long frames = Math.max(1, Math.round(intervalSeconds * sampleRate));
        return new Fingerprinter(channels, (int) Math.min(Integer.MAX_VALUE, frames));
    }

    /** +-1 from the top bit of SplitMix64 (Steele, Lea, Flood, OOPSLA 2014) over a fixed seed. */
    private static double[] signs() {
        double[] table = new double[SIGNS];
        long state = 0x5EED_57E4_C8EC_0001L;
        for (int i = 0; i < SIGNS; i++) {
            state += 0x9E3779B97F4A7C15L;
            long z = state;
            z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
            z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
            z ^= z >>> 31;
            table[i] = z < 0 ? -1.0 : 1.0;
        }
        return table;
    }

    @Override
    public void accept(double[][] block, int offset, int frames) {
        Blocks.check(block, offset, frames, channels);
        int done = 0;
        while (done < frames) {
            int n = Math.min(frames - done, interval - fill);
            measure(block, offset + done, n);
            fill += n;
            done += n;
            if (fill == interval) {
                sketch.add((float) projection);
                envelope.add((float) rms(squares, fill));
                projection = 0;
                squares = 0;
                fill = 0;
            }
        }
    }

    private void measure(double[][] block, int from, int n) {
        double p = 0;
        double q = 0;
        for (int c = 0; c < channels; c++) {
            double[] x = block[c];
            int start = (int) ((this.frames + (long) c * CHANNEL_STRIDE) & (SIGNS - 1));
            for (int i = 0; i < n; i++) {
                double v = x[from + i];
                p += SIGN_TABLE[(start + i) & (SIGNS - 1)] * v;
                q += v * v;
            }
        }
        projection += p;
        squares += q;
        this.frames += n;
    }

    private double rms(double sumSquares, int frames) {
        return Math.sqrt(sumSquares / ((double) frames * channels));
    }

    @Override
    public Fingerprint result() {
        if (fill == 0) {
            return new Fingerprint(interval, channels, sketch.toFloatArray(), envelope.toFloatArray());
        }
        return new Fingerprint(interval, channels, sketch.toFloatArray((float) projection),
                envelope.toFloatArray((float) rms(squares, fill)));
    }
}
