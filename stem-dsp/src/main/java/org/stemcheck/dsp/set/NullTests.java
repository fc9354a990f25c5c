package org.stemcheck.dsp.set;

import java.util.Locale;
import java.util.Objects;
import org.stemcheck.dsp.internal.set.SetEngine;

/**
 * The {@link NullTest}s of one set of stems against several candidate mixes (a full mix, an
 * instrumental, a TV mix), fed together: each mix gets its own residual, gains, offsets and
 * transfers, while the stems' short-time transforms, which do not depend on the mix, are computed
 * once for all. Results are those of one {@code NullTest} per mix, to rounding.
 *
 * <pre>{@code
 * NullTests tests = NullTests.create(NullTest.Setup.of(48_000, stems.length, 2), 2);
 * tests.accept(stems, new double[][][] {full, instrumental}, 0, full[0].length);
 * double fullDb = tests.result(0).residual().totalDb();
 * double instrumentalDb = tests.result(1).residual().totalDb();
 * }</pre>
 *
 * <p>Memory: {@link NullTest.Setup#estimatedBytes(int)}. Not thread-safe.
 */
public final class NullTests {

    /** Most mixes compared at once. */
    public static final int MAX_MIXES = 16;

    private final NullTest.Shapes shapes;
    private final SetEngine engine;
    private final int mixes;

    private NullTests(NullTest.Setup setup, int mixes) {
        this.shapes = new NullTest.Shapes(setup);
        this.engine = setup.engine(mixes);
        this.mixes = mixes;
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
    public static NullTests create(NullTest.Setup setup, int mixes) {
        Objects.requireNonNull(setup, "setup must not be null");
        if (mixes < 1 || mixes > MAX_MIXES) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "mixes must be 1 .. %d, got %d", MAX_MIXES, mixes));
        }
        return new NullTests(setup, mixes);
    }

    /**
     * Takes the next {@code frames} frames of every stem and of every mix.
     *
     * @param stems  {@code [stem][channel][frame]}, as {@link NullTest#accept}
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
