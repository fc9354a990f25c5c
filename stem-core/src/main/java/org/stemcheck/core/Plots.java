package org.stemcheck.core;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.stemcheck.core.file.StemFile;

/**
 * The curves the HTML report draws, handed over by the engine after its passes (or by any tool,
 * with {@link Report#withPlots}). Every part is optional: a plot with no series says "not
 * measured". Per-file series are keyed by the file name ({@link StemFile#name()}).
 *
 * <pre>{@code
 * Plots p = Plots.NONE
 *         .withLevel("Song_Bass_120bpm.wav", Plots.Series.uniform(0.0, 0.1, levelDbPer100ms))
 *         .withSpectrum("Song_Bass_120bpm.wav", Plots.Series.of(hz, db));
 * Report withPlots = report.withPlots(p);
 * }</pre>
 *
 * <p>Units, as the report labels its axes:
 * <ul>
 *   <li>{@code levels}: x = seconds from the file's first sample, y = level in dBFS (RMS or
 *       peak over short windows, 50-100 ms). The report lines the files up by their BWF
 *       TimeReference where every file has one.</li>
 *   <li>{@code spectra}: x = frequency in Hz (positive; drawn on a log axis), y = power in dB
 *       relative to full scale (an averaged, Welch-style spectrum).</li>
 *   <li>{@code loudness}: x = seconds (the end of each window), y = short-term loudness in LUFS
 *       (EBU R128, 3 s window); before 3 s, where that window is not yet full, the momentary
 *       loudness (400 ms window), which the report draws dotted. {@code -Infinity} is digital
 *       silence: the report draws no level there.</li>
 *   <li>{@code residual}: x = seconds, y = level of (sum of stems - reference mix) in dBFS, over
 *       the same windows as {@code residualMix}, the mix's own level: the report draws them
 *       together, so a failing null shows as the residual rising towards the mix.</li>
 *   <li>{@code residualParts}: the residual split by the causes the null test's diagnosis names
 *       ({@link ResidualPart}), on the residual's windows, y = dBFS; they add up to the residual
 *       in power. Empty where the diagnosis names no cause.</li>
 * </ul>
 *
 * <p>Immutable; the {@code with...} methods return new instances.
 *
 * @param levels      level over time per file name
 * @param spectra     averaged spectrum per file name
 * @param loudness    short-term loudness over time per file name
 * @param residual    the null-test residual over time, where the null test ran
 * @param residualMix the reference mix's level over the residual's windows, where the null test ran
 * @param residualParts the residual per cause the diagnosis names, then the rest; empty when none is named
 */
public record Plots(
        Map<String, Series> levels,
        Map<String, Series> spectra,
        Map<String, Series> loudness,
        Optional<Series> residual,
        Optional<Series> residualMix,
        List<ResidualPart> residualParts) {

    /** No series at all: every plot of the report says "not measured". */
    public static final Plots NONE = new Plots(Map.of(), Map.of(), Map.of(), Optional.empty(), Optional.empty(),
            List.of());

    /**
     * Plots without a split of the residual.
     *
     * @param levels      copied
     * @param spectra     copied
     * @param loudness    copied
     * @param residual    not {@code null}
     * @param residualMix not {@code null}
     */
    public Plots(Map<String, Series> levels, Map<String, Series> spectra, Map<String, Series> loudness,
                 Optional<Series> residual, Optional<Series> residualMix) {
        this(levels, spectra, loudness, residual, residualMix, List.of());
    }

    /**
     * The part of the null residual one cause accounts for, over time.
     *
     * @param file  the stem the diagnosis blames ({@link StemFile#name()}); empty for the rest: what
     *              no named stem accounts for
     * @param cause what the diagnosis found, in words for a mix engineer ({@code "lacks its bus
     *              compression"}, {@code "is 1.8 s shorter"}, {@code "unexplained"}, {@code "in no
     *              stem: effect returns"})
     * @param level x = seconds, y = dBFS of this part (on the residual's windows; {@code
     *              -Infinity} where it is nothing)
     */
    public record ResidualPart(Optional<String> file, String cause, Series level) {
        /**
         * Checks that no part is null.
         *
         * @param file  not {@code null}
         * @param cause not {@code null}
         * @param level not {@code null}
         */
        public ResidualPart {
            Objects.requireNonNull(file, "file must not be null");
            Objects.requireNonNull(cause, "cause must not be null");
            Objects.requireNonNull(level, "level must not be null");
        }
    }

    /**
     * Copies the maps (keeping their order); no key or value may be null.
     *
     * @param levels      copied
     * @param spectra     copied
     * @param loudness    copied
     * @param residual    not {@code null}
     * @param residualMix not {@code null}
     * @param residualParts not {@code null}; copied
     */
    public Plots {
        levels = copy(levels, "levels");
        spectra = copy(spectra, "spectra");
        loudness = copy(loudness, "loudness");
        Objects.requireNonNull(residual, "residual must not be null");
        Objects.requireNonNull(residualMix, "residualMix must not be null");
        residualParts = List.copyOf(Objects.requireNonNull(residualParts, "residualParts must not be null"));
    }

    private static Map<String, Series> copy(Map<String, Series> m, String what) {
        Objects.requireNonNull(m, what + " must not be null");
        Map<String, Series> c = new LinkedHashMap<>();
        m.forEach((k, v) -> c.put(Objects.requireNonNull(k, what + ": a file name is null"),
                Objects.requireNonNull(v, what + ": the series of " + k + " is null")));
        return Collections.unmodifiableMap(c);
    }

    /**
     * The same plots plus (or replacing) one file's level over time.
     *
     * @param file the file's name, as {@link StemFile#name()}
     * @param s    x = seconds from the file's first sample, y = dBFS
     * @return new plots; these are unchanged
     */
    public Plots withLevel(String file, Series s) {
        return new Plots(put(levels, file, s), spectra, loudness, residual, residualMix, residualParts);
    }

    /**
     * The same plots plus (or replacing) one file's spectrum.
     *
     * @param file the file's name, as {@link StemFile#name()}
     * @param s    x = Hz (positive), y = dB re full scale
     * @return new plots; these are unchanged
     */
    public Plots withSpectrum(String file, Series s) {
        return new Plots(levels, put(spectra, file, s), loudness, residual, residualMix, residualParts);
    }

    /**
     * The same plots plus (or replacing) one file's short-term loudness over time.
     *
     * @param file the file's name, as {@link StemFile#name()}
     * @param s    x = seconds, y = LUFS (momentary before 3 s, see the class comment)
     * @return new plots; these are unchanged
     */
    public Plots withLoudness(String file, Series s) {
        return new Plots(levels, spectra, put(loudness, file, s), residual, residualMix, residualParts);
    }

    /**
     * The same plots with the null-test residual and the mix's level over the same windows.
     *
     * @param residualLevel x = seconds, y = dBFS of (sum of stems - mix)
     * @param mixLevel      x = seconds, y = dBFS of the mix, over the same windows
     * @return new plots; these are unchanged
     */
    public Plots withResidual(Series residualLevel, Series mixLevel) {
        return new Plots(levels, spectra, loudness, Optional.of(Objects.requireNonNull(residualLevel, "residual")),
                Optional.of(Objects.requireNonNull(mixLevel, "mix level")), residualParts);
    }

    /**
     * The same plots with the residual split by cause.
     *
     * @param parts per cause the diagnosis names, then the rest; copied
     * @return new plots; these are unchanged
     */
    public Plots withResidualParts(List<ResidualPart> parts) {
        return new Plots(levels, spectra, loudness, residual, residualMix, parts);
    }

    /**
     * Whether there is nothing to plot.
     *
     * @return true when no level, spectrum, loudness or residual series is present
     */
    public boolean isEmpty() {
        return levels.isEmpty() && spectra.isEmpty() && loudness.isEmpty() && residual.isEmpty();
    }

    private static Map<String, Series> put(Map<String, Series> m, String file, Series s) {
        Map<String, Series> c = new LinkedHashMap<>(m);
        c.put(Objects.requireNonNull(file, "file must not be null"), Objects.requireNonNull(s, "series must not be null"));
        return c;
    }

    /**
     * One curve: points {@code (x[i], y[i])}, x finite and not decreasing. A y of
     * {@code -Infinity} (digital silence) is drawn at the bottom of the plot; {@code NaN} leaves a
     * gap. The arrays are copied in and out; use {@link #x(int)} and {@link #y(int)} to read
     * without copying.
     *
     * @param x the abscissas (seconds or Hz)
     * @param y the values (dB)
     */
    public record Series(double[] x, double[] y) {

        /**
         * Copies the arrays.
         *
         * @param x finite, not decreasing; copied
         * @param y as long as {@code x}; copied
         * @throws IllegalArgumentException when the lengths differ or x is not finite and not decreasing
         */
        public Series {
            Objects.requireNonNull(x, "x must not be null");
            Objects.requireNonNull(y, "y must not be null");
            if (x.length != y.length) {
                throw new IllegalArgumentException("x and y differ in length: " + x.length + " vs " + y.length);
            }
            x = x.clone();
            y = y.clone();
            for (int i = 0; i < x.length; i++) {
                if (!Double.isFinite(x[i]) || (i > 0 && x[i] < x[i - 1])) {
                    throw new IllegalArgumentException("x must be finite and not decreasing; x[" + i + "] = " + x[i]);
                }
            }
        }

        /**
         * A curve from its points.
         *
         * @param x the abscissas, finite and not decreasing (seconds or Hz)
         * @param y the values, as long as {@code x} (dB)
         * @return the curve
         * @throws IllegalArgumentException when the lengths differ or x is not finite and not decreasing
         */
        public static Series of(double[] x, double[] y) {
            return new Series(x, y);
        }

        /**
         * A curve sampled every {@code step} from {@code start} (a level per analysis window).
         *
         * @param start the first abscissa, finite (seconds)
         * @param step  the spacing, positive and finite (0.1 for 100 ms windows)
         * @param y     the values (dB)
         * @return the curve, {@code x[i] = start + i * step}
         * @throws IllegalArgumentException when start is not finite or step not positive
         */
        public static Series uniform(double start, double step, double[] y) {
            Objects.requireNonNull(y, "y must not be null");
            if (!Double.isFinite(start) || !(step > 0) || Double.isInfinite(step)) {
                throw new IllegalArgumentException("start must be finite and step positive: " + start + ", " + step);
            }
            double[] x = new double[y.length];
            for (int i = 0; i < x.length; i++) {
                x[i] = start + i * step;
            }
            return new Series(x, y);
        }

        /**
         * The abscissas.
         *
         * @return a copy
         */
        @Override
        public double[] x() {
            return x.clone();
        }

        /**
         * The values.
         *
         * @return a copy
         */
        @Override
        public double[] y() {
            return y.clone();
        }

        /**
         * The number of points.
         *
         * @return the length of {@code x} and {@code y}
         */
        public int size() {
            return x.length;
        }

        /**
         * The abscissa of one point, without copying.
         *
         * @param i the point, {@code 0 <= i < size()}
         * @return seconds or Hz
         */
        public double x(int i) {
            return x[i];
        }

        /**
         * The value of one point, without copying.
         *
         * @param i the point, {@code 0 <= i < size()}
         * @return dB; {@code -Infinity} for digital silence, {@code NaN} for a gap
         */
        public double y(int i) {
            return y[i];
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Series s && Arrays.equals(x, s.x) && Arrays.equals(y, s.y);
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(x) + Arrays.hashCode(y);
        }

        @Override
        public String toString() {
            return "Series[" + x.length + " points]";
        }
    }
}
