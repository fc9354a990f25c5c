package org.stemcheck.dsp;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * Momentary and short-term loudness every 100 ms, for plotting. Point {@code i} is the window
 * ending at {@link #timeSeconds(int) (i + 1) x 0.1 s}; a window that would reach before the start
 * of the audio has no value (NaN: the first 3 momentary and 29 short-term points); silence is
 * {@code -infinity}.
 *
 * <p>Memory: two {@code float}s per 100 ms, 288 KB per hour of audio. Immutable.
 */
public final class LoudnessTimeline {

    /** Spacing of the points, seconds (EBU Tech 3341 section 2.2: meters refresh at least 10 Hz). */
    public static final double STEP_SECONDS = 0.1;

    private final float[] momentary;
    private final float[] shortTerm;

    private LoudnessTimeline(float[] momentary, float[] shortTerm) {
        this.momentary = momentary;
        this.shortTerm = shortTerm;
    }

    /**
     * A timeline of the given values, which are copied.
     *
     * @param momentaryLufs momentary loudness every {@link #STEP_SECONDS}, LUFS (NaN where there
     *                      is no value)
     * @param shortTermLufs short-term loudness at the same points, LUFS
     * @return the timeline
     * @throws IllegalArgumentException when the arrays differ in length
     */
    public static LoudnessTimeline of(float[] momentaryLufs, float[] shortTermLufs) {
        Objects.requireNonNull(momentaryLufs, "momentaryLufs must not be null");
        Objects.requireNonNull(shortTermLufs, "shortTermLufs must not be null");
        if (momentaryLufs.length != shortTermLufs.length) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "momentary and short-term lengths differ: %d, %d", momentaryLufs.length, shortTermLufs.length));
        }
        return new LoudnessTimeline(momentaryLufs.clone(), shortTermLufs.clone());
    }

    /**
     * Number of points.
     *
     * @return the number of 100 ms points: about ten per second of audio
     */
    public int size() {
        return momentary.length;
    }

    /**
     * Where point {@code i} is on the time axis.
     *
     * @param i the point, {@code 0 <= i < size()}
     * @return the end of its windows, seconds from the first sample
     * @throws IndexOutOfBoundsException when {@code i} is out of range
     */
    public double timeSeconds(int i) {
        Objects.checkIndex(i, momentary.length);
        return (i + 1) * STEP_SECONDS;
    }

    /**
     * Momentary loudness (400 ms window) at point {@code i}.
     *
     * @param i the point, {@code 0 <= i < size()}
     * @return LUFS; NaN for the first 3 points, {@code -infinity} for silence
     * @throws IndexOutOfBoundsException when {@code i} is out of range
     */
    public double momentaryLufs(int i) {
        return momentary[i];
    }

    /**
     * Short-term loudness (3 s window) at point {@code i}.
     *
     * @param i the point, {@code 0 <= i < size()}
     * @return LUFS; NaN for the first 29 points, {@code -infinity} for silence
     * @throws IndexOutOfBoundsException when {@code i} is out of range
     */
    public double shortTermLufs(int i) {
        return shortTerm[i];
    }

    /**
     * All momentary values.
     *
     * @return a copy, LUFS, one per point
     */
    public float[] momentaryLufs() {
        return momentary.clone();
    }

    /**
     * All short-term values.
     *
     * @return a copy, LUFS, one per point
     */
    public float[] shortTermLufs() {
        return shortTerm.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LoudnessTimeline
                && Arrays.equals(momentary, ((LoudnessTimeline) o).momentary)
                && Arrays.equals(shortTerm, ((LoudnessTimeline) o).shortTerm);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(momentary) + Arrays.hashCode(shortTerm);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "LoudnessTimeline[%d points every %.1f s]", size(), STEP_SECONDS);
    }
}
