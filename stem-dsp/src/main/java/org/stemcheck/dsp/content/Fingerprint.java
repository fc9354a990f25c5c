package org.stemcheck.dsp.content;

import java.util.Objects;
import java.util.Optional;

/**
 * A compact, gain- and polarity-aware summary of a file's audio, one pair of numbers per interval
 * (100 ms by default), made by {@link Fingerprinter}:
 * <ul>
 * <li>{@code sketch}: a signed random projection of each interval, {@code sum r(frame, channel) * x},
 *     with fixed pseudo-random signs {@code r = +-1}. It is linear in the audio, so a copy scaled by
 *     {@code g} (negative when inverted) has exactly {@code g} times the sketch, while unrelated
 *     audio gives a correlation near 0 (about {@code 1/sqrt(points)}). It needs sample alignment:
 *     it finds copies, not re-recordings.
 * <li>{@code envelope}: the RMS of each interval over all channels, for plots and a gain- and
 *     polarity-blind similarity.
 * </ul>
 * Memory: 8 bytes per interval (288 KB per hour at 100 ms).
 *
 * @param intervalFrames frames per interval
 * @param channels       channels of the audio
 * @param sketch         the signed projections (copied in and out)
 * @param envelope       the RMS levels, linear (copied in and out)
 */
public record Fingerprint(int intervalFrames, int channels, float[] sketch, float[] envelope) {

    /** |correlation| of the sketches that counts as the same audio: 0.99 (unrelated audio: ~0.01). */
    public static final double MATCH_CORRELATION = 0.99;

    /** Sounding intervals needed before two fingerprints can match: 10 (1 s at 100 ms). */
    public static final int MIN_SOUNDING_POINTS = 10;

    /**
     * Copies the arrays.
     *
     * @param intervalFrames {@code >= 1}
     * @param channels       {@code >= 1}
     * @param sketch         not {@code null}; copied
     * @param envelope       not {@code null}, as long as {@code sketch}; copied
     * @throws IllegalArgumentException when the arrays differ in length
     */
    public Fingerprint {
        Objects.requireNonNull(sketch, "sketch must not be null");
        Objects.requireNonNull(envelope, "envelope must not be null");
        if (sketch.length != envelope.length) {
            throw new IllegalArgumentException("sketch and envelope differ in length");
        }
        sketch = sketch.clone();
        envelope = envelope.clone();
    }

    /**
     * The signed projections, one per interval.
     *
     * @return a copy
     */
    @Override
    public float[] sketch() {
        return sketch.clone();
    }

    /**
     * The RMS level of each interval over all channels, linear (full scale 1.0).
     *
     * @return a copy
     */
    @Override
    public float[] envelope() {
        return envelope.clone();
    }

    /**
     * Intervals summarised.
     *
     * @return the number of points: the file's length over the interval, rounded up
     */
    public int points() {
        return sketch.length;
    }

    /**
     * Compares with {@code other} over their common length. Two fingerprints of different
     * intervals or channel counts can be compared but never match.
     *
     * @param other the fingerprint of another file
     * @return how {@code other} relates to this one, whether or not they match
     */
    public FingerprintMatch compare(Fingerprint other) {
        Objects.requireNonNull(other, "other must not be null");
        int n = Math.min(points(), other.points());
        boolean comparable = other.intervalFrames == intervalFrames && other.channels == channels;
        double ab = 0;
        double aa = 0;
        double bb = 0;
        int sounding = 0;
        for (int i = 0; i < n; i++) {
            double a = sketch[i];
            double b = other.sketch[i];
            ab += a * b;
            aa += a * a;
            bb += b * b;
            if (envelope[i] > 0 && other.envelope[i] > 0) {
                sounding++;
            }
        }
        double r = aa > 0 && bb > 0 ? ab / Math.sqrt(aa * bb) : 0;
        double gain = aa > 0 ? ab / aa : Double.NaN;
        boolean matches = comparable && sounding >= MIN_SOUNDING_POINTS && Math.abs(r) >= MATCH_CORRELATION;
        return new FingerprintMatch(r, gain, pearson(envelope, other.envelope, n), n, matches);
    }

    /**
     * Finds out whether {@code other} is the same audio up to gain and polarity (a duplicated
     * stem, an inverted copy, the mix delivered as a stem).
     *
     * @param other the fingerprint of another file
     * @return the match when {@link FingerprintMatch#matches()}, else empty
     */
    public Optional<FingerprintMatch> match(Fingerprint other) {
        FingerprintMatch m = compare(other);
        return m.matches() ? Optional.of(m) : Optional.empty();
    }

    private static double pearson(float[] x, float[] y, int n) {
        double sx = 0;
        double sy = 0;
        for (int i = 0; i < n; i++) {
            sx += x[i];
            sy += y[i];
        }
        double mx = n == 0 ? 0 : sx / n;
        double my = n == 0 ? 0 : sy / n;
        double cov = 0;
        double vx = 0;
        double vy = 0;
        for (int i = 0; i < n; i++) {
            double dx = x[i] - mx;
            double dy = y[i] - my;
            cov += dx * dy;
            vx += dx * dx;
            vy += dy * dy;
        }
        return vx > 0 && vy > 0 ? cov / Math.sqrt(vx * vy) : Double.NaN;
    }
}
