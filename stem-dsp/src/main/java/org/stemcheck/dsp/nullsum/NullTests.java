package org.stemcheck.dsp.nullsum;

import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Executor;
import org.stemcheck.dsp.WelchSpectrum;

/**
 * The {@link NullSum}s of one set of stems against several candidate mixes (a full mix, an
 * instrumental, a TV mix), fed together: each mix gets its own residual, gains, offsets and
 * transfers, while the stems' short-time transforms, which do not depend on the mix, are computed
 * once for all. Results are those of one {@code NullSum} per mix, to rounding.
 *
 * <pre>{@code
 * NullTests tests = NullTests.create(NullSum.Setup.of(48_000, stems.length, 2), 2);
 * tests.accept(stems, new double[][][] {full, instrumental}, 0, full[0].length);
 * double fullDb = tests.result(0).residual().totalDb();
 * double instrumentalDb = tests.result(1).residual().totalDb();
 * }</pre>
 *
 * <p>The tests transform every stem and mix in Welch's segments anyway (Hann windows of about
 * 170 ms, 50 % overlap, from the first frame); made with {@code fileSpectra}, they also sum each
 * file's Welch spectrum from those transforms ({@link #stemSpectrum}, {@link #mixSpectrum}): the
 * same result, to the last bit, as a {@link WelchSpectrum} of the default size fed the same frames,
 * at the cost of a few additions per bin instead of a transform per segment and channel.
 *
 * <p>Memory: {@link NullSum.Setup#estimatedBytes(int, boolean)}. Not thread-safe.
 */
public final class NullTests {

    /** Most mixes compared at once. */
    public static final int MAX_MIXES = 16;

    private final NullSum.Shapes shapes;
    private final NullSumEngine engine;
    private final int mixes;
    private final int stems;
    private final boolean fileSpectra;
    private final boolean welchSized;

    private NullTests(NullSum.Setup setup, int mixes, boolean fileSpectra, Executor executor) {
        this.shapes = new NullSum.Shapes(setup);
        this.engine = setup.engine(mixes, fileSpectra, executor);
        this.mixes = mixes;
        this.stems = setup.stems();
        this.fileSpectra = fileSpectra;
        this.welchSized = welchSized(setup.sampleRate());
    }

    /**
     * Fresh tests of one set of stems against {@code mixes} mixes.
     *
     * @param setup the rate, stem and channel counts, the offset search range and any alignment
     *              (applied to every mix)
     * @param mixes how many mixes, 1 to {@link #MAX_MIXES}
     * @return tests that have measured nothing
     * @throws IllegalArgumentException when {@code mixes} is out of range
     */
    public static NullTests create(NullSum.Setup setup, int mixes) {
        return create(setup, mixes, false);
    }

    /**
     * Fresh tests of one set of stems against {@code mixes} mixes, which also sum every stem's
     * and mix's Welch spectrum when {@code fileSpectra} is true (see the class comment).
     *
     * @param setup       as for {@link #create(NullSum.Setup, int)}
     * @param mixes       how many mixes, 1 to {@link #MAX_MIXES}
     * @param fileSpectra whether to sum the files' Welch spectra
     * @return tests that have measured nothing
     * @throws IllegalArgumentException when {@code mixes} is out of range
     */
    public static NullTests create(NullSum.Setup setup, int mixes, boolean fileSpectra) {
        return create(setup, mixes, fileSpectra, null);
    }

    /**
     * As {@link #create(NullSum.Setup, int, boolean)}, with the short-time spectra (the windowed
     * transforms of every stem, mix and channel: the larger part of the work) running on
     * {@code executor}'s threads beside the caller's, which goes on with the residual, gains and
     * offsets. Each block is copied into a short queue (a few blocks; the caller waits when the
     * spectra lag); the results are the same to the bit. Tasks on the executor never wait for the
     * caller, so it may be a pool the caller shares with other work. The instance is still fed and
     * read by one thread.
     *
     * @param setup       as for {@link #create(NullSum.Setup, int)}
     * @param mixes       how many mixes, 1 to {@link #MAX_MIXES}
     * @param fileSpectra whether to sum the files' Welch spectra
     * @param executor    where the spectra run; null for the caller's thread
     * @return tests that have measured nothing
     * @throws IllegalArgumentException when {@code mixes} is out of range
     */
    public static NullTests create(NullSum.Setup setup, int mixes, boolean fileSpectra, Executor executor) {
        Objects.requireNonNull(setup, "setup must not be null");
        if (mixes < 1 || mixes > MAX_MIXES) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "mixes must be 1 .. %d, got %d", MAX_MIXES, mixes));
        }
        return new NullTests(setup, mixes, fileSpectra, executor);
    }

    /**
     * Takes the next {@code frames} frames of every stem and of every mix.
     *
     * @param stems  {@code [stem][channel][frame]}, as {@link NullSum#accept}
     * @param mixes  {@code [mix][channel][frame]}, as many mixes as created with, each at the
     *               stems' position in time
     * @param offset the first frame of each array to take
     * @param frames how many frames to take, {@code >= 0}
     * @throws IllegalArgumentException when the shapes do not match the setup
     */
    public void accept(double[][][] stems, double[][][] mixes, int offset, int frames) {
        Objects.requireNonNull(mixes, "mixes must not be null");
        if (mixes.length != this.mixes) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "expected %d mixes, got %d", this.mixes, mixes.length));
        }
        for (double[][] mix : mixes) {
            shapes.check(stems, mix, offset, frames);
        }
        engine.accept(stems, mixes, offset, frames);
    }

    /**
     * How many mixes are compared.
     *
     * @return the count given to {@link #create}
     */
    public int mixes() {
        return mixes;
    }

    /**
     * Whether the null tests' frames at {@code sampleRate} are the segments of a default-size
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
     * frames: the tests were made with {@code fileSpectra}, the null test's frames have Welch's
     * default size at this rate (they do at 22.05 to 192 kHz, not at 32 kHz and below), no
     * alignment moved the stems, and at least one whole segment has been fed.
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
     * @throws IllegalStateException     when the tests were made without {@code fileSpectra}
     * @throws IndexOutOfBoundsException when {@code stem} is out of range
     */
    public WelchSpectrum.Result stemSpectrum(int stem) {
        Objects.checkIndex(stem, stems);
        return engine.stemSpectrum(stem);
    }

    /**
     * As {@link #stemSpectrum}, of mix {@code mix}.
     *
     * @param mix the mix, {@code 0 <= mix < mixes()}
     * @return the spectrum
     * @throws IllegalStateException     when the tests were made without {@code fileSpectra}
     * @throws IndexOutOfBoundsException when {@code mix} is out of range
     */
    public WelchSpectrum.Result mixSpectrum(int mix) {
        Objects.checkIndex(mix, mixes);
        return engine.mixSpectrum(mix);
    }

    /**
     * The measurements against one mix over everything accepted so far; more blocks may follow.
     *
     * @param mix the mix's index in the {@code mixes} arrays, {@code 0 <= mix < mixes()}
     * @return its residual, gains, offsets, transfers and spectra
     * @throws IndexOutOfBoundsException when {@code mix} is out of range
     */
    public NullResult result(int mix) {
        Objects.checkIndex(mix, mixes);
        return engine.result(mix);
    }
}
