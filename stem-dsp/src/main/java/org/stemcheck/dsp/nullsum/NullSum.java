package org.stemcheck.dsp.nullsum;

import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Executor;
import org.stemcheck.dsp.WelchSpectrum;

/**
 * The null test of a stem delivery against its reference mix, or against several candidate mixes
 * at once (a full mix, an instrumental, a TV mix), as one accumulator fed with aligned blocks of
 * all stems and the mixes (memory independent of length).
 *
 * <p>It answers, in one pass and per mix: do the stems sum to the mix ({@link NullResidual}, with
 * a trace along time); which stem has a gain error or inverted polarity (least-squares gains,
 * {@link GainSolution}); which stem is offset in time and by how much ({@link StemOffset}, within
 * {@code +/- maxOffsetSeconds}, to a fraction of a sample); and which stem's relation to the mix
 * is not a plain gain ({@link StemTransfer}: per-band EQ, level-dependent gain); and, when the
 * setup asks for it ({@link NullSumSetup#withHalves}), whether a stem's offset changes along the
 * song ({@link HalfOffsets}: drift). What is compared, and how far the offsets are searched, is a
 * {@link NullSumSetup}.
 *
 * <pre>{@code
 * NullSum sum = NullSum.create(NullSumSetup.of(48_000, stems.length, 2));
 * sum.accept(stems, mix, 0, mix[0].length);   // stems[stem][channel][frame]; blocks of any size
 * NullResult r = sum.result();
 * boolean nulls = r.residual().totalDb() < -50;  // stemcheck warns above -50 dB re the mix
 * }</pre>
 *
 * <p>With several mixes each gets its own residual, gains, offsets and transfers, while the stems'
 * share of the work (their downmix, its decimation and transforms, their short-time spectra),
 * which does not depend on the mix, is done once for all. One mix is the case of one: the results
 * against each mix are those of a null sum of that mix alone, to rounding.
 *
 * <pre>{@code
 * NullSum sums = NullSum.create(NullSumSetup.of(48_000, stems.length, 2), 2);
 * sums.accept(stems, new double[][][] {full, instrumental}, 0, full[0].length);
 * double fullDb = sums.result(0).residual().totalDb();
 * double instrumentalDb = sums.result(1).residual().totalDb();
 * }</pre>
 *
 * <p>An offset stem cannot be fitted in place in the same pass: its own gain comes from
 * {@link StemOffset#alignedScale()}, and its misplaced energy disturbs the other stems' gains by
 * chance correlation (hundredths of a dB over seconds of audio, each with a standard error). When
 * a stem is {@link StemOffset#displaced() displaced}, a second pass with
 * {@code setup.alignedTo(firstResult)} measures everything with the offsets undone.
 *
 * <p>All inputs share one sample rate and channel layout: adapt files first (a
 * {@link Resampler} for other rates; duplicate a mono stem into both channels; feed zeros for
 * a stem that has ended while others go on). Blocks may have any size; results do not depend on
 * it beyond rounding. Non-finite samples do not throw: they turn the affected numbers into
 * {@code NaN}. There is no {@code combine}: the offsets need the material contiguous in time.
 *
 * <p>The null sum transforms every stem and mix in Welch's segments anyway (Hann windows of about
 * 170 ms, 50 % overlap, from the first frame); made with {@code fileSpectra}, it also sums each
 * file's Welch spectrum from those transforms ({@link #stemSpectrum}, {@link #mixSpectrum}): the
 * same result, to the last bit, as a {@link WelchSpectrum} of the default size fed the same frames,
 * at the cost of a few additions per bin instead of a transform per segment and channel.
 *
 * <p>Cost per frame and channel: {@code S^2/2} multiply-adds for the Gram matrix, third-octave
 * transforms for the transfers, and the offset search: at 48 kHz a whole-length correlation at a
 * quarter of the rate ({@code 2S} transforms of {@code 2^17} per ~7 s) plus, at the end, the
 * full-rate location in each stem's loudest hop ({@link StemOffset}). Memory:
 * {@link NullSumSetup#estimatedBytes(int, boolean)}, mostly about {@code 12 N} bytes per stem for
 * the offsets ({@code N = 2^19} for 2 s at 48 kHz: 6 MB per stem). Not thread-safe: one thread
 * feeds and reads an instance (its spectra may run on an executor, see
 * {@link #create(NullSumSetup, int, boolean, Executor)}).
 */
public final class NullSum {

    /** Most mixes compared at once. */
    public static final int MAX_MIXES = 16;

    private final NullSumSetup setup;
    private final NullSumEngine engine;
    private final int mixes;
    private final boolean fileSpectra;
    private final boolean welchSized;
    /** The one mix of {@link #accept(double[][][], double[][], int, int)}, as the engine takes mixes. */
    private final double[][][] oneMix = new double[1][][];

    private NullSum(NullSumSetup setup, int mixes, boolean fileSpectra, Executor executor, boolean compact,
                    boolean screen) {
        this(setup, setup.engine(mixes, fileSpectra, executor, compact, screen), mixes, fileSpectra);
    }

    private NullSum(NullSumSetup setup, NullSumEngine engine, int mixes, boolean fileSpectra) {
        this.setup = setup;
        this.engine = engine;
        this.mixes = mixes;
        this.fileSpectra = fileSpectra;
        this.welchSized = welchSized(setup.sampleRate());
    }

    /**
     * A fresh null sum of one set of stems against one mix.
     *
     * @param setup the rate, stem and channel counts, the offset search range and any alignment
     * @return a null sum that has measured nothing; it allocates about
     *         {@link NullSumSetup#estimatedBytes()} as blocks arrive
     */
    public static NullSum create(NullSumSetup setup) {
        return create(setup, 1);
    }

    /**
     * A fresh null sum of one set of stems against {@code mixes} mixes.
     *
     * @param setup the rate, stem and channel counts, the offset search range and any alignment
     *              (applied to every mix)
     * @param mixes how many mixes, 1 to {@link #MAX_MIXES}
     * @return a null sum that has measured nothing
     * @throws IllegalArgumentException when {@code mixes} is out of range
     */
    public static NullSum create(NullSumSetup setup, int mixes) {
        return create(setup, mixes, false);
    }

    /**
     * As {@link #create(NullSumSetup, int)}, also summing every stem's and mix's Welch spectrum
     * when {@code fileSpectra} is true (see the class comment).
     *
     * @param setup       as for {@link #create(NullSumSetup, int)}
     * @param mixes       how many mixes, 1 to {@link #MAX_MIXES}
     * @param fileSpectra whether to sum the files' Welch spectra
     * @return a null sum that has measured nothing
     * @throws IllegalArgumentException when {@code mixes} is out of range
     */
    public static NullSum create(NullSumSetup setup, int mixes, boolean fileSpectra) {
        return create(setup, mixes, fileSpectra, null);
    }

    /**
     * As {@link #create(NullSumSetup, int, boolean)}, with the short-time spectra (the windowed
     * transforms of every stem, mix and channel: the larger part of the work) running on
     * {@code executor}'s threads beside the caller's, which goes on with the residual, gains and
     * offsets. Each block is copied into a short queue (a few blocks; the caller waits when the
     * spectra lag); the results are the same to the bit. Tasks on the executor never wait for the
     * caller, so it may be a pool the caller shares with other work. The instance is still fed and
     * read by one thread.
     *
     * @param setup       as for {@link #create(NullSumSetup, int)}
     * @param mixes       how many mixes, 1 to {@link #MAX_MIXES}
     * @param fileSpectra whether to sum the files' Welch spectra
     * @param executor    where the spectra run; null for the caller's thread
     * @return a null sum that has measured nothing
     * @throws IllegalArgumentException when {@code mixes} is out of range
     */
    public static NullSum create(NullSumSetup setup, int mixes, boolean fileSpectra, Executor executor) {
        return create(setup, mixes, fileSpectra, executor, false);
    }

    /**
     * As {@link #create(NullSumSetup, int, boolean, Executor)}, with a compact offset search when
     * {@code compactOffsets}: the full-rate stage keeps each stem's loudest hop of a shorter
     * transform (at 48 kHz and +/- 2 s, 2^18 points instead of 2^19: a hop of 1.46 s instead of
     * 6.9 s), which about halves the offsets' memory ({@link NullSumSetup#estimatedBytes(int,
     * boolean, boolean)}) for a heap too small for the full one. The whole-length stage, which
     * decides which peak is the offset, is unchanged; the fine location comes from less material.
     *
     * @param setup          as for {@link #create(NullSumSetup, int)}
     * @param mixes          how many mixes, 1 to {@link #MAX_MIXES}
     * @param fileSpectra    whether to sum the files' Welch spectra
     * @param executor       where the spectra run; null for the caller's thread
     * @param compactOffsets whether the offsets' full-rate stage is compact
     * @return a null sum that has measured nothing
     * @throws IllegalArgumentException when {@code mixes} is out of range
     */
    public static NullSum create(NullSumSetup setup, int mixes, boolean fileSpectra, Executor executor,
                                 boolean compactOffsets) {
        Objects.requireNonNull(setup, "setup must not be null");
        if (mixes < 1 || mixes > MAX_MIXES) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "mixes must be 1 .. %d, got %d", MAX_MIXES, mixes));
        }
        return new NullSum(setup, mixes, fileSpectra, executor, compactOffsets, false);
    }

    /**
     * A screening null sum: the cheap part of the test alone, to find out whether the diagnosis is
     * needed at all. It measures the plain residual (unity gains, no offset: its level and trace,
     * peaks and channel correlation), the least-squares gains (whole and per channel) and the
     * stems' dynamics, each the same to the bit as a {@link #create full} null sum of the same
     * setup measures them (the same chunks in the same order), and, with {@code fileSpectra}, every
     * file's Welch spectrum (also the same to the bit: the same transforms). It searches no offsets
     * (nor the setup's halves) and sums no transfers or residual spectra: its {@link #result}
     * holds no offsets and no halves, each stem's transfer without bands (its dynamics only) and
     * {@code null} spectra. A clean delivery (the stems null deep at unity gain and no offset)
     * needs nothing more; a faulty one is measured again with {@link #create}.
     *
     * <p>Memory: no offset search, so a small part of {@link NullSumSetup#estimatedBytes(int,
     * boolean)}: the residual meters and Gram sums, and with {@code fileSpectra} one frame of every
     * file and channel plus the queue of blocks when the spectra run on {@code executor}.
     *
     * @param setup       as for {@link #create(NullSumSetup, int)}; its halves only cut the chunks
     * @param mixes       how many mixes, 1 to {@link #MAX_MIXES}
     * @param fileSpectra whether to sum the files' Welch spectra
     * @param executor    where the files' spectra run; null for the caller's thread
     * @return a screening null sum that has measured nothing
     * @throws IllegalArgumentException when {@code mixes} is out of range
     */
    public static NullSum screen(NullSumSetup setup, int mixes, boolean fileSpectra, Executor executor) {
        Objects.requireNonNull(setup, "setup must not be null");
        if (mixes < 1 || mixes > MAX_MIXES) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "mixes must be 1 .. %d, got %d", MAX_MIXES, mixes));
        }
        return new NullSum(setup, mixes, fileSpectra, executor, false, true);
    }

    /**
     * A full null sum that follows a screen of the same frames: it measures what the screen left
     * out (the offsets, the setup's halves, the transfers' bands and the residual's spectra) and
     * takes the rest from {@code screened}, the screen's results: the plain residual, the gains
     * (whole and per channel) and the stems' dynamics, which it would have summed to the same bits
     * (the same setup, the same chunks). It computes the residual only as the offset search's
     * reference, and none of the Gram matrix's products: its results are those of a
     * {@link #create full} null sum fed the same blocks, to the bit.
     *
     * <p>Feed it exactly the frames the screen was fed (its stems unmoved, the same mixes in the
     * same order); {@link #result} checks the count. {@link #stemLevelsDb} is the screen's to ask.
     *
     * @param setup          the setup the screen was made with
     * @param screened       the screen's {@link #result(int) results}, one per mix in its order
     * @param fileSpectra    whether to sum the files' Welch spectra
     * @param executor       where the short-time spectra run; null for the caller's thread
     * @param compactOffsets whether the offsets' full-rate stage is compact
     * @return a null sum that has measured nothing
     * @throws IllegalArgumentException when {@code screened} holds no result, more than
     *                                  {@link #MAX_MIXES}, or one that is not a screen's
     */
    public static NullSum afterScreen(NullSumSetup setup, java.util.List<NullResult> screened, boolean fileSpectra,
                                      Executor executor, boolean compactOffsets) {
        Objects.requireNonNull(setup, "setup must not be null");
        Objects.requireNonNull(screened, "screened must not be null");
        if (screened.isEmpty() || screened.size() > MAX_MIXES) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "screened must hold 1 .. %d results, got %d", MAX_MIXES, screened.size()));
        }
        for (NullResult r : screened) {
            if (r.spectra() != null || !r.offsets().isEmpty() || r.transfers().size() != setup.stems()) {
                throw new IllegalArgumentException("screened must hold a screen's results of this setup's stems");
            }
        }
        return new NullSum(setup, setup.engineAfterScreen(screened, fileSpectra, executor, compactOffsets),
                screened.size(), fileSpectra);
    }

    /**
     * Whether this null sum is a screen ({@link #screen}).
     *
     * @return true when it measures the plain residual, gains and dynamics only
     */
    public boolean screens() {
        return engine.screen();
    }

    /**
     * Each stem's level relative to one mix over everything accepted so far: its energy over the
     * mix's, all channels, about each file's mean (the Gram matrix's diagonal). With the plain
     * residual's level it says how far under each stem the residual lies.
     *
     * @param mix the mix's index, {@code 0 <= mix < mixes()}
     * @return per stem in input order, dB; {@code -200} for a silent stem, {@code NaN} for a silent mix
     * @throws IndexOutOfBoundsException when {@code mix} is out of range
     * @throws IllegalStateException     for a null sum {@link #afterScreen after a screen} (ask the screen)
     */
    public double[] stemLevelsDb(int mix) {
        Objects.checkIndex(mix, mixes);
        return engine.stemLevelsDb(mix);
    }

    /**
     * Takes the next {@code frames} frames of every stem and of the one mix:
     * {@code stems[stem][channel][offset .. offset + frames)} and {@code mix[channel][...]}.
     *
     * @param stems  {@code [stem][channel][frame]}, as many stems and channels as the setup
     *               declares, samples at full scale 1.0, all at the same position in time
     * @param mix    {@code [channel][frame]}, the reference mix at that position
     * @param offset the first frame of each array to take
     * @param frames how many frames to take, {@code >= 0}
     * @throws IllegalArgumentException when the shapes do not match the setup, or this null sum
     *                                  compares more than one mix
     */
    public void accept(double[][][] stems, double[][] mix, int offset, int frames) {
        oneMix[0] = Objects.requireNonNull(mix, "mix must not be null");
        try {
            accept(stems, oneMix, offset, frames);
        } finally {
            oneMix[0] = null;
        }
    }

    /**
     * Takes the next {@code frames} frames of every stem and of every mix.
     *
     * @param stems  {@code [stem][channel][frame]}, as for one mix
     *               ({@link #accept(double[][][], double[][], int, int)})
     * @param mixes  {@code [mix][channel][frame]}, as many mixes as created with, each at the
     *               stems' position in time
     * @param offset the first frame of each array to take
     * @param frames how many frames to take, {@code >= 0}
     * @throws IllegalArgumentException when the shapes do not match the setup
     */
    public void accept(double[][][] stems, double[][][] mixes, int offset, int frames) {
        Objects.requireNonNull(stems, "stems must not be null");
        Objects.requireNonNull(mixes, "mixes must not be null");
        if (offset < 0 || frames < 0) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "offset and frames must be >= 0, got %d and %d", offset, frames));
        }
        if (stems.length != setup.stems()) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "expected %d stems, got %d", setup.stems(), stems.length));
        }
        if (mixes.length != this.mixes) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "expected %d mixes, got %d", this.mixes, mixes.length));
        }
        for (int i = 0; i < stems.length; i++) {
            checkChannels(stems[i], offset, frames, "stem " + i);
        }
        for (double[][] mix : mixes) {
            checkChannels(Objects.requireNonNull(mix, "mix must not be null"), offset, frames, "mix");
        }
        engine.accept(stems, mixes, offset, frames);
    }

    private void checkChannels(double[][] block, int offset, int frames, String name) {
        if (block == null || block.length != setup.channels()) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%s must have %d channels, got %s",
                    name, setup.channels(), block == null ? "null" : Integer.toString(block.length)));
        }
        for (int c = 0; c < block.length; c++) {
            if (block[c] == null || block[c].length - offset < frames) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "%s channel %d must hold offset %d + %d frames", name, c, offset, frames));
            }
        }
    }

    /**
     * How many mixes are compared.
     *
     * @return the count given to {@link #create(NullSumSetup, int)}; 1 for
     *         {@link #create(NullSumSetup)}
     */
    public int mixes() {
        return mixes;
    }

    /**
     * Whether the null sum's frames at {@code sampleRate} are the segments of a default-size
     * {@link WelchSpectrum}, so that the files' spectra can stand for their Welch spectra.
     *
     * @param sampleRate the rate, Hz
     * @return true at 22.05 to 192 kHz, false at 32 kHz and below
     */
    public static boolean welchSized(int sampleRate) {
        return NullSumEngine.frameSizeFor(sampleRate) == WelchSpectrum.defaultSize(sampleRate);
    }

    /**
     * Whether {@link #stemSpectrum} and {@link #mixSpectrum} are what a {@link WelchSpectrum} of
     * the default size ({@link WelchSpectrum#create(int, double)}) would measure of the same
     * frames: the null sum was made with {@code fileSpectra}, its frames have Welch's default size
     * at this rate (they do at 22.05 to 192 kHz, not at 32 kHz and below), no alignment moved the
     * stems, and at least one whole segment has been fed.
     *
     * @return true when the files' spectra can stand for their Welch spectra
     */
    public boolean fileSpectraAreWelch() {
        return fileSpectra && welchSized && !engine.aligned() && engine.wholeFrames() > 0;
    }

    /**
     * Stem {@code stem}'s Welch spectrum over the complete segments fed so far, per channel, their
     * mean and the mono fold ({@link WelchSpectrum.Result}); with fewer frames than one segment it
     * holds none (unlike a {@link WelchSpectrum}, which then zero-pads the short file).
     *
     * @param stem the stem, {@code 0 <= stem < stems}
     * @return the spectrum
     * @throws IllegalStateException     when the null sum was made without {@code fileSpectra}
     * @throws IndexOutOfBoundsException when {@code stem} is out of range
     */
    public WelchSpectrum.Result stemSpectrum(int stem) {
        Objects.checkIndex(stem, setup.stems());
        return engine.stemSpectrum(stem);
    }

    /**
     * As {@link #stemSpectrum}, of mix {@code mix}.
     *
     * @param mix the mix, {@code 0 <= mix < mixes()}
     * @return the spectrum
     * @throws IllegalStateException     when the null sum was made without {@code fileSpectra}
     * @throws IndexOutOfBoundsException when {@code mix} is out of range
     */
    public WelchSpectrum.Result mixSpectrum(int mix) {
        Objects.checkIndex(mix, mixes);
        return engine.mixSpectrum(mix);
    }

    /**
     * The measurements against the first (or only) mix over everything accepted so far; more
     * blocks may follow.
     *
     * @return the residual, gains, offsets and transfers of every stem: {@code result(0)}
     */
    public NullResult result() {
        return result(0);
    }

    /**
     * The measurements against one mix over everything accepted so far; more blocks may follow.
     *
     * @param mix the mix's index in the {@code mixes} arrays, {@code 0 <= mix < mixes()}
     * @return its residual, gains, offsets, transfers and spectra
     * @throws IndexOutOfBoundsException when {@code mix} is out of range
     * @throws IllegalStateException     for a null sum {@link #afterScreen after a screen} fed
     *                                   other than the screen's frame count
     */
    public NullResult result(int mix) {
        Objects.checkIndex(mix, mixes);
        return engine.result(mix);
    }
}
