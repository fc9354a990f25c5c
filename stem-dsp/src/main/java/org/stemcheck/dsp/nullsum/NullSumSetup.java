package org.stemcheck.dsp.nullsum;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * What a {@link NullSum} compares: the stems' common rate, their number and channels, the range of
 * the offset search, and what else to measure (offsets undone in a second pass, drift over two
 * parts of the song). Immutable; methods return new setups.
 *
 * @param sampleRate       the common rate, Hz (1000 .. 768000)
 * @param stems            number of stems (1 .. {@link #MAX_STEMS})
 * @param channels         channels of every stem and the mix (1 .. {@link #MAX_CHANNELS})
 * @param maxOffsetSeconds the offset search range, +/- seconds (default 2 s); at most
 *                         {@link #MAX_LAG_SAMPLES} samples
 * @param alignment        empty, or per stem the samples by which it is late (negative:
 *                         early), to undo before measuring: a second pass after a first one
 *                         found offsets ({@link #alignedTo}), so that gains, transfers and the
 *                         null of the other stems are measured with every stem in place. The
 *                         last {@code max(alignment)} frames of the mix are then not compared.
 * @param halves           two parts of the song over which each stem's offset is also
 *                         measured ({@link NullResult#halves()}), or empty ({@link #withHalves})
 */
public record NullSumSetup(int sampleRate, int stems, int channels, double maxOffsetSeconds,
                           List<Integer> alignment, Optional<Halves> halves) {

    /** Largest offset search, in samples: keeps the offset FFT at or below 2^21 points. */
    public static final int MAX_LAG_SAMPLES = 1 << 19;

    /** Most stems in one set: bounds the per-stem FFT state (see {@link #estimatedBytes()}). */
    public static final int MAX_STEMS = 64;

    /** Most channels per file: 22.2 (ITU-R BS.2051 system H) has 24, the largest delivery layout. */
    public static final int MAX_CHANNELS = 24;

    /** The default offset search range: +/- 2 s, what a misplaced export start typically is. */
    public static final double DEFAULT_MAX_OFFSET_SECONDS = 2.0;

    /**
     * Validates the ranges.
     *
     * @param sampleRate       1000 to 768000 Hz
     * @param stems            1 to {@link #MAX_STEMS}
     * @param channels         1 to {@link #MAX_CHANNELS}
     * @param maxOffsetSeconds giving 1 to {@link #MAX_LAG_SAMPLES} samples at {@code sampleRate}
     * @param alignment        empty or one offset per stem, each within the search range; copied
     * @param halves           empty, or parts whose range gives 1 to {@link #MAX_LAG_SAMPLES} samples
     * @throws IllegalArgumentException when a value is out of range
     */
    public NullSumSetup {
        check(sampleRate >= 1000 && sampleRate <= 768_000, "sampleRate", sampleRate);
        check(stems >= 1 && stems <= MAX_STEMS, "stems", stems);
        check(channels >= 1 && channels <= MAX_CHANNELS, "channels", channels);
        double lag = maxOffsetSeconds * sampleRate;
        if (!(lag >= 1 && lag <= MAX_LAG_SAMPLES)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "maxOffsetSeconds must give 1 .. %d samples at %d Hz, got %s s",
                    MAX_LAG_SAMPLES, sampleRate, maxOffsetSeconds));
        }
        alignment = List.copyOf(Objects.requireNonNull(alignment, "alignment must not be null"));
        if (!alignment.isEmpty() && alignment.size() != stems) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "alignment must be empty or hold one offset per stem (%d), got %d", stems,
                    alignment.size()));
        }
        for (int d : alignment) {
            if (Math.abs((double) d) > lag) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "alignment offset %d is beyond the search range of %.0f samples", d, lag));
            }
        }
        Objects.requireNonNull(halves, "halves must not be null");
        halves.ifPresent(h -> {
            double partLag = h.maxOffsetSeconds() * sampleRate;
            if (!(partLag >= 1 && partLag <= MAX_LAG_SAMPLES)) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "the parts' maxOffsetSeconds must give 1 .. %d samples at %d Hz, got %s s",
                        MAX_LAG_SAMPLES, sampleRate, h.maxOffsetSeconds()));
            }
        });
    }

    /**
     * A setup with this offset search range and alignment, and no parts.
     *
     * @param sampleRate       1000 to 768000 Hz
     * @param stems            1 to {@link #MAX_STEMS}
     * @param channels         1 to {@link #MAX_CHANNELS}
     * @param maxOffsetSeconds +/- seconds to search, giving 1 to {@link #MAX_LAG_SAMPLES} samples
     * @param alignment        empty or one offset per stem, each within the search range; copied
     * @throws IllegalArgumentException when a value is out of range
     */
    public NullSumSetup(int sampleRate, int stems, int channels, double maxOffsetSeconds,
                        List<Integer> alignment) {
        this(sampleRate, stems, channels, maxOffsetSeconds, alignment, Optional.empty());
    }

    /**
     * A setup with this offset search range and no alignment.
     *
     * @param sampleRate       1000 to 768000 Hz
     * @param stems            1 to {@link #MAX_STEMS}
     * @param channels         1 to {@link #MAX_CHANNELS}
     * @param maxOffsetSeconds +/- seconds to search, giving 1 to {@link #MAX_LAG_SAMPLES} samples
     * @throws IllegalArgumentException when a value is out of range
     */
    public NullSumSetup(int sampleRate, int stems, int channels, double maxOffsetSeconds) {
        this(sampleRate, stems, channels, maxOffsetSeconds, List.of());
    }

    /**
     * This setup with the offsets of a first pass undone: each stem that was
     * {@link StemOffset#displaced() displaced} is moved by its whole samples, the others stay.
     *
     * @param firstPass the result of a pass with this setup
     * @return a new setup for the second pass
     * @throws IllegalArgumentException when the first pass had another number of stems
     */
    public NullSumSetup alignedTo(NullResult firstPass) {
        Objects.requireNonNull(firstPass, "firstPass must not be null");
        if (firstPass.offsets().size() != stems) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "first pass has %d stems, this setup %d", firstPass.offsets().size(), stems));
        }
        List<Integer> late = new ArrayList<>(stems);
        for (StemOffset o : firstPass.offsets()) {
            late.add(o.displaced() ? (int) o.wholeSamples() : 0);
        }
        return new NullSumSetup(sampleRate, stems, channels, maxOffsetSeconds, late, halves);
    }

    /**
     * This setup, also measuring every stem's offset over the frames before {@code split} and
     * over those from it on ({@link HalfOffsets}): drift. The parts cost little more than their
     * own small transforms: they take the streams the whole-length offset search already
     * decimates, with their own (narrow) range.
     *
     * @param split            the first frame of the second part, counted in frames compared
     * @param maxOffsetSeconds each part's search range, +/- seconds
     * @return a new setup
     * @throws IllegalArgumentException when {@code split < 1} or the range is out of bounds
     */
    public NullSumSetup withHalves(long split, double maxOffsetSeconds) {
        return new NullSumSetup(sampleRate, stems, channels, this.maxOffsetSeconds, alignment,
                Optional.of(new Halves(split, maxOffsetSeconds)));
    }

    /**
     * The offset search range in samples.
     *
     * @return {@code round(maxOffsetSeconds * sampleRate)}: 96000 for 2 s at 48 kHz
     */
    public int maxLagSamples() {
        return (int) Math.round(maxOffsetSeconds * sampleRate);
    }

    /**
     * About how much heap a {@link NullSum} of this setup against one mix holds at its peak, in
     * bytes: mostly the offset search, {@code 16 N} per stem with {@code N} the smallest power of
     * two {@code >= 4 * maxLagSamples()} (8 MB per stem for 2 s at 48 kHz). A caller short of
     * memory lowers {@code maxOffsetSeconds}.
     *
     * @return bytes, an estimate
     */
    public long estimatedBytes() {
        return estimatedBytes(1);
    }

    /**
     * About how much heap a {@link NullSum} of this setup against {@code mixes} mixes holds at
     * its peak, in bytes: the offset search per mix, the rest shared.
     *
     * @param mixes how many mixes, {@code >= 1}
     * @return bytes, an estimate
     * @throws IllegalArgumentException when {@code mixes < 1}
     */
    public long estimatedBytes(int mixes) {
        check(mixes >= 1, "mixes", mixes);
        return estimatedBytes(mixes, false);
    }

    /**
     * As {@link #estimatedBytes(int)}, for a {@link NullSum} that also sums the files' Welch
     * spectra ({@link NullSum#create(NullSumSetup, int, boolean)}) or not, with the queue of blocks
     * it holds when its spectra run on an executor (a few MiB at most).
     *
     * @param mixes       how many mixes, {@code >= 1}
     * @param fileSpectra whether the stems' and mixes' Welch spectra are summed
     * @return bytes, an estimate
     * @throws IllegalArgumentException when {@code mixes < 1}
     */
    public long estimatedBytes(int mixes, boolean fileSpectra) {
        return estimatedBytes(mixes, fileSpectra, false);
    }

    /**
     * As {@link #estimatedBytes(int, boolean)}, for a {@link NullSum} whose offset search keeps a
     * compact loudest hop or not ({@link NullSum#create(NullSumSetup, int, boolean, Executor, boolean)}).
     *
     * @param mixes          how many mixes, {@code >= 1}
     * @param fileSpectra    whether the stems' and mixes' Welch spectra are summed
     * @param compactOffsets whether the offsets' full-rate stage is compact
     * @return bytes, an estimate
     * @throws IllegalArgumentException when {@code mixes < 1}
     */
    public long estimatedBytes(int mixes, boolean fileSpectra, boolean compactOffsets) {
        check(mixes >= 1, "mixes", mixes);
        // with the queue of the spectra's thread, which a NullSum made with an executor holds
        return NullSumEngine.estimateBytes(sampleRate, stems, channels, maxLagSamples(), !alignment.isEmpty(),
                mixes, options(fileSpectra, null, compactOffsets)) + NullSumEngine.queueBytes(stems, mixes, channels);
    }

    /**
     * Whether a compact offset search ({@link #estimatedBytes(int, boolean, boolean)}) holds less
     * than the full one at this setup's rate and range.
     *
     * @return true when {@code compactOffsets} saves memory
     */
    public boolean compactOffsetsSave() {
        return LagEstimator.compactSaves(sampleRate, maxLagSamples());
    }

    /** An engine for {@code mixes} mixes with this setup's range, alignment and parts. */
    NullSumEngine engine(int mixes, boolean fileSpectra, Executor executor, boolean compact) {
        return engine(mixes, fileSpectra, executor, compact, false);
    }

    /** As {@link #engine(int, boolean, Executor, boolean)}, a screen when {@code screen} ({@link NullSum#screen}). */
    NullSumEngine engine(int mixes, boolean fileSpectra, Executor executor, boolean compact, boolean screen) {
        return new NullSumEngine(sampleRate, stems, channels, maxLagSamples(),
                alignment.stream().mapToInt(Integer::intValue).toArray(), mixes,
                options(fileSpectra, executor, compact, screen));
    }

    private NullSumEngine.Options options(boolean fileSpectra, Executor executor, boolean compact) {
        return options(fileSpectra, executor, compact, false);
    }

    private NullSumEngine.Options options(boolean fileSpectra, Executor executor, boolean compact, boolean screen) {
        return new NullSumEngine.Options(halves.map(Halves::split).orElse(0L), partLagSamples(), fileSpectra,
                executor, compact, screen);
    }

    /**
     * An engine that takes the plain residual, the gains and the dynamics from {@code screened}
     * (a screen's results of this setup, one per mix) and measures the rest ({@link NullSum#afterScreen}).
     */
    NullSumEngine engineAfterScreen(List<NullResult> screened, boolean fileSpectra, Executor executor,
                                    boolean compact) {
        return new NullSumEngine(sampleRate, stems, channels, maxLagSamples(),
                alignment.stream().mapToInt(Integer::intValue).toArray(), screened.size(),
                new NullSumEngine.Options(halves.map(Halves::split).orElse(0L), partLagSamples(), fileSpectra,
                        executor, compact, false, screened));
    }

    /** The parts' search range in samples, 0 without parts. */
    private int partLagSamples() {
        return halves.map(h -> (int) Math.round(h.maxOffsetSeconds() * sampleRate)).orElse(0);
    }

    /**
     * A setup with the default +/- 2 s offset range and no alignment.
     *
     * @param sampleRate 1000 to 768000 Hz
     * @param stems      1 to {@link #MAX_STEMS}
     * @param channels   1 to {@link #MAX_CHANNELS}
     * @return the setup
     * @throws IllegalArgumentException when a value is out of range
     */
    public static NullSumSetup of(int sampleRate, int stems, int channels) {
        return new NullSumSetup(sampleRate, stems, channels, DEFAULT_MAX_OFFSET_SECONDS);
    }

    private static void check(boolean ok, String name, int value) {
        if (!ok) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%s out of range: %d", name, value));
        }
    }

    /**
     * Two parts of the song over which each stem's offset is measured on its own, for drift
     * ({@link #withHalves}).
     *
     * @param split            the first frame of the second part, {@code >= 1}, counted in frames
     *                         compared
     * @param maxOffsetSeconds each part's search range, +/- seconds, positive: narrow, since drift
     *                         moves a stem by milliseconds (100 ppm over 15 minutes is 90 ms)
     */
    public record Halves(long split, double maxOffsetSeconds) {

        /**
         * Validates the values.
         *
         * @param split            {@code >= 1}
         * @param maxOffsetSeconds positive and finite
         * @throws IllegalArgumentException when a value is out of range
         */
        public Halves {
            if (split < 1) {
                throw new IllegalArgumentException("split must be >= 1, got " + split);
            }
            if (!(maxOffsetSeconds > 0) || Double.isInfinite(maxOffsetSeconds)) {
                throw new IllegalArgumentException(
                        "maxOffsetSeconds must be positive and finite, got " + maxOffsetSeconds);
            }
        }
    }
}
