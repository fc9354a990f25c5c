package org.stemcheck.dsp.nullsum;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * The null test of a stem delivery against its reference mix, as one accumulator fed with
 * aligned blocks of all stems and the mix (memory independent of length).
 *
 * <p>It answers, in one pass: do the stems sum to the mix ({@link NullResidual}, with a trace
 * along time); which stem has a gain error or inverted polarity (least-squares gains,
 * {@link GainSolution}); which stem is offset in time and by how much ({@link StemOffset},
 * within {@code +/- maxOffsetSeconds}, to a fraction of a sample); and which stem's relation to
 * the mix is not a plain gain ({@link StemTransfer}: per-band EQ, level-dependent gain); and, when
 * the setup asks for it ({@link Setup#withHalves}), whether a stem's offset changes along the song
 * ({@link HalfOffsets}: drift).
 *
 * <pre>{@code
 * NullSum test = NullSum.create(NullSum.Setup.of(48_000, stems.length, 2));
 * test.accept(stems, mix, 0, mix[0].length);   // stems[stem][channel][frame]; blocks of any size
 * NullResult r = test.result();
 * boolean nulls = r.residual().totalDb() < -50;  // stemcheck warns above -50 dB re the mix
 * }</pre>
 *
 * <p>An offset stem cannot be fitted in place in the same pass: its own gain comes from
 * {@link StemOffset#alignedScale()}, and its misplaced energy disturbs the other stems' gains by
 * chance correlation (hundredths of a dB over seconds of audio, each with a standard error). When
 * a stem is {@link StemOffset#displaced() displaced}, a second pass with
 * {@code Setup.alignedTo(firstResult)} measures everything with the offsets undone.
 *
 * <p>All inputs share one sample rate and channel layout: adapt files first (a
 * {@link Resampler} for other rates; duplicate a mono stem into both channels; feed zeros for
 * a stem that has ended while others go on). Blocks may have
 * any size; results do not depend on it beyond rounding. Non-finite samples do not throw: they
 * turn the affected numbers into {@code NaN}. Not thread-safe; there is no {@code combine}: the
 * offsets need the material contiguous in time. To compare the stems with several candidate
 * mixes, {@link NullTests} feeds them all at once and shares the stems' share of the work.
 *
 * <p>Cost per frame and channel: {@code S^2/2} multiply-adds for the Gram matrix, third-octave
 * transforms for the transfers, and the offset search: at 48 kHz a whole-length correlation at a
 * quarter of the rate ({@code 2S} transforms of {@code 2^17} per ~7 s) plus, at the end, the
 * full-rate location in each stem's loudest hop ({@link StemOffset}). Memory: about
 * {@code 12 N} bytes per stem for the offsets ({@code N = 2^19} for 2 s at 48 kHz: 6 MB per
 * stem), the rest is small.
 */
public final class NullSum {

    /** Largest offset search, in samples: keeps the offset FFT at or below 2^21 points. */
    public static final int MAX_LAG_SAMPLES = 1 << 19;

    /** Most stems in one set: bounds the per-stem FFT state (see {@link Setup#estimatedBytes()}). */
    public static final int MAX_STEMS = 64;

    /** Most channels per file: 22.2 (ITU-R BS.2051 system H) has 24, the largest delivery layout. */
    public static final int MAX_CHANNELS = 24;

    private final Shapes shapes;
    private final NullSumEngine engine;
    /** The one mix of each block, as the engine takes mixes: {@code [mix][channel][frame]}. */
    private final double[][][] oneMix = new double[1][][];

    private NullSum(Setup setup) {
        this.shapes = new Shapes(setup);
        this.engine = setup.engine(1, false, null);
    }

    /**
     * A fresh test for the given set.
     *
     * @param setup the rate, stem and channel counts and the offset search range
     * @return a test that has measured nothing; it allocates about
     *         {@link Setup#estimatedBytes()} as blocks arrive
     */
    public static NullSum create(Setup setup) {
        return new NullSum(Objects.requireNonNull(setup, "setup must not be null"));
    }

    /**
     * Takes the next {@code frames} frames of every stem and of the mix:
     * {@code stems[stem][channel][offset .. offset + frames)} and {@code mix[channel][...]}.
     *
     * @param stems  {@code [stem][channel][frame]}, as many stems and channels as the setup
     *               declares, samples at full scale 1.0, all at the same position in time
     * @param mix    {@code [channel][frame]}, the reference mix at that position
     * @param offset the first frame of each array to take
     * @param frames how many frames to take, {@code >= 0}
     * @throws IllegalArgumentException when the shapes do not match the setup
     */
    public void accept(double[][][] stems, double[][] mix, int offset, int frames) {
        shapes.check(stems, mix, offset, frames);
        oneMix[0] = mix;
        engine.accept(stems, oneMix, offset, frames);
        oneMix[0] = null;
    }

    /** Validates the arrays a {@link NullSum} or {@link NullTests} are fed against a setup. */
    static final class Shapes {

        private final Setup setup;

        Shapes(Setup setup) {
            this.setup = setup;
        }

        void check(double[][][] stems, double[][] mix, int offset, int frames) {
            Objects.requireNonNull(stems, "stems must not be null");
            Objects.requireNonNull(mix, "mix must not be null");
            if (offset < 0 || frames < 0) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "offset and frames must be >= 0, got %d and %d", offset, frames));
            }
            if (stems.length != setup.stems()) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "expected %d stems, got %d", setup.stems(), stems.length));
            }
            for (int i = 0; i < stems.length; i++) {
                checkChannels(stems[i], offset, frames, i);
            }
            checkChannels(mix, offset, frames, -1);
        }

        /** {@code stem}: the stem's index, or -1 for the mix (its name is built only for a message). */
        private void checkChannels(double[][] block, int offset, int frames, int stem) {
            if (block == null || block.length != setup.channels()) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "%s must have %d channels, got %s",
                        name(stem), setup.channels(), block == null ? "null" : Integer.toString(block.length)));
            }
            for (int c = 0; c < block.length; c++) {
                if (block[c] == null || block[c].length - offset < frames) {
                    throw new IllegalArgumentException(String.format(Locale.ROOT,
                            "%s channel %d must hold offset %d + %d frames", name(stem), c, offset, frames));
                }
            }
        }

        private static String name(int stem) {
            return stem < 0 ? "mix" : "stem " + stem;
        }
    }

    /**
     * The measurements over everything accepted so far; more blocks may follow.
     *
     * @return the residual, gains, offsets and transfers of every stem
     */
    public NullResult result() {
        return engine.result(0);
    }

    /**
     * What is being compared.
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
    public record Setup(int sampleRate, int stems, int channels, double maxOffsetSeconds,
                        List<Integer> alignment, Optional<Halves> halves) {

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
        public Setup {
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
                        "alignment must be empty or hold one offset per stem (%d), got %d", stems, alignment.size()));
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
        public Setup(int sampleRate, int stems, int channels, double maxOffsetSeconds, List<Integer> alignment) {
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
        public Setup(int sampleRate, int stems, int channels, double maxOffsetSeconds) {
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
        public Setup alignedTo(NullResult firstPass) {
            Objects.requireNonNull(firstPass, "firstPass must not be null");
            if (firstPass.offsets().size() != stems) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "first pass has %d stems, this setup %d", firstPass.offsets().size(), stems));
            }
            List<Integer> late = new ArrayList<>(stems);
            for (StemOffset o : firstPass.offsets()) {
                late.add(o.displaced() ? (int) o.wholeSamples() : 0);
            }
            return new Setup(sampleRate, stems, channels, maxOffsetSeconds, late, halves);
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
        public Setup withHalves(long split, double maxOffsetSeconds) {
            return new Setup(sampleRate, stems, channels, this.maxOffsetSeconds, alignment,
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
         * About how much heap a {@link NullSum} of this setup holds at its peak, in bytes: mostly
         * the offset search, {@code 16 N} per stem with {@code N} the smallest power of two
         * {@code >= 4 * maxLagSamples()} (8 MB per stem for 2 s at 48 kHz). A caller short of
         * memory lowers {@code maxOffsetSeconds}.
         *
         * @return bytes, an estimate
         */
        public long estimatedBytes() {
            return estimatedBytes(1);
        }

        /**
         * About how much heap the {@link NullTests} of this setup against {@code mixes} mixes hold
         * at their peak, in bytes: the offset search per mix, the rest shared.
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
         * As {@link #estimatedBytes(int)}, for {@link NullTests} that also sum the files' Welch
         * spectra ({@link NullTests#create(Setup, int, boolean)}) or not, with the queue of blocks
         * they hold when their spectra run on an executor (a few MiB at most).
         *
         * @param mixes       how many mixes, {@code >= 1}
         * @param fileSpectra whether the stems' and mixes' Welch spectra are summed
         * @return bytes, an estimate
         * @throws IllegalArgumentException when {@code mixes < 1}
         */
        public long estimatedBytes(int mixes, boolean fileSpectra) {
            check(mixes >= 1, "mixes", mixes);
            // with the queue of the spectra's thread, which NullTests made with an executor hold
            return NullSumEngine.estimateBytes(sampleRate, stems, channels, maxLagSamples(), !alignment.isEmpty(), mixes,
                    options(fileSpectra, null)) + NullSumEngine.queueBytes(stems, mixes, channels);
        }

        /** An engine for {@code mixes} mixes with this setup's range, alignment and parts. */
        NullSumEngine engine(int mixes, boolean fileSpectra, Executor executor) {
            return new NullSumEngine(sampleRate, stems, channels, maxLagSamples(),
                    alignment.stream().mapToInt(Integer::intValue).toArray(), mixes, options(fileSpectra, executor));
        }

        private NullSumEngine.Options options(boolean fileSpectra, Executor executor) {
            return new NullSumEngine.Options(halves.map(Halves::split).orElse(0L), partLagSamples(), fileSpectra, executor);
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
        public static Setup of(int sampleRate, int stems, int channels) {
            return new Setup(sampleRate, stems, channels, DEFAULT_MAX_OFFSET_SECONDS);
        }

        private static void check(boolean ok, String name, int value) {
            if (!ok) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "%s out of range: %d", name, value));
            }
        }
    }

    /**
     * Two parts of the song over which each stem's offset is measured on its own, for drift
     * ({@link Setup#withHalves}).
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
                throw new IllegalArgumentException("maxOffsetSeconds must be positive and finite, got " + maxOffsetSeconds);
            }
        }
    }
}
