package org.stemcheck.dsp.set;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.stemcheck.dsp.internal.set.NullTestEngine;

/**
 * The offsets of a {@link NullTest} alone: the same whitened cross-correlation of each stem with
 * what the mix holds of it ({@link StemOffset}), without the gains, residual trace and transfers.
 * For measurements that need only where each stem sits, such as its offset over a part of the
 * song to see it drift. Every offset is an average over all the material fed (the null test's
 * coarse, whole-length stage: at 48 kHz the streams are correlated at a quarter of the rate, up
 * to 3 kHz), to a fraction of a sample for broadband stems; it needs no full-rate transforms, no
 * Gram matrix and no band transforms, a small part of a full null test's cost.
 *
 * <p>Fed like a {@link NullTest} ({@code [stem][channel][frame]} blocks of one rate and layout);
 * the setup's {@code alignment} and {@code halves} must be empty. Not thread-safe.
 */
public final class OffsetSearch {

    private final NullTest.Setup setup;
    private final NullTest.Shapes shapes;
    private final NullTestEngine engine;

    private OffsetSearch(NullTest.Setup setup) {
        if (!setup.alignment().isEmpty() || setup.halves().isPresent()) {
            throw new IllegalArgumentException("an offset search takes no alignment and no halves");
        }
        this.setup = setup;
        this.shapes = new NullTest.Shapes(setup);
        this.engine = NullTestEngine.offsetsOnly(setup.sampleRate(), setup.stems(), setup.channels(),
                setup.maxLagSamples());
    }

    /**
     * A fresh search for the given set.
     *
     * @param setup rate, stems, channels and search range; no alignment, no halves
     * @return the search, empty
     * @throws IllegalArgumentException when the setup carries an alignment or halves
     */
    public static OffsetSearch create(NullTest.Setup setup) {
        return new OffsetSearch(Objects.requireNonNull(setup, "setup must not be null"));
    }

    /**
     * Takes the next {@code frames} frames of every stem and of the mix, as
     * {@link NullTest#accept}.
     *
     * @param stems  {@code [stem][channel][offset .. offset + frames)}
     * @param mix    {@code [channel][offset .. offset + frames)}
     * @param offset first frame of the block in the arrays
     * @param frames frames to take
     * @throws IllegalArgumentException when the shapes do not match the setup
     */
    public void accept(double[][][] stems, double[][] mix, int offset, int frames) {
        shapes.check(stems, mix, offset, frames);
        engine.accept(stems, mix, offset, frames);
    }

    /**
     * Takes the next {@code frames} frames as mono downmixes: what the offsets are measured on
     * (each stem's channels summed, and the mix's), for a caller that forms them anyway; the
     * same offsets as {@link #accept} of the channels, up to rounding. Blocks of either kind may
     * follow each other.
     *
     * @param stems  {@code [stem][0 .. frames)}: every stem's channel sum
     * @param mix    {@code [0 .. frames)}: the mix's channel sum
     * @param frames frames to take
     * @throws IllegalArgumentException when the shapes do not match the setup
     */
    public void acceptMono(double[][] stems, double[] mix, int frames) {
        Objects.requireNonNull(stems, "stems must not be null");
        Objects.requireNonNull(mix, "mix must not be null");
        if (frames < 0 || stems.length != setup.stems()) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "expected %d stems and frames >= 0, got %d and %d", setup.stems(), stems.length, frames));
        }
        for (int i = 0; i <= stems.length; i++) {
            double[] x = i < stems.length ? stems[i] : mix;
            if (x == null || x.length < frames) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "%s must hold %d frames",
                        i < stems.length ? "stem " + i : "mix", frames));
            }
        }
        engine.acceptMono(stems, mix, frames);
    }

    /**
     * The offsets over everything accepted so far; more blocks may follow.
     *
     * @return one offset per stem, in input order
     */
    public List<StemOffset> offsets() {
        return engine.offsets();
    }

    /**
     * The setup searched with.
     *
     * @return the setup
     */
    public NullTest.Setup setup() {
        return setup;
    }
}
