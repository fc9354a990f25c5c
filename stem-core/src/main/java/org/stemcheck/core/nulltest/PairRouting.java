package org.stemcheck.core.nulltest;

import java.util.Objects;

import org.stemcheck.core.file.StemFile;

/**
 * How one stem's mirrored speaker pair lands in the mix: the least-squares gain of the stem's
 * pair onto the mix's pair as routed ({@code straight}: 1.0 when it is exactly as in the mix)
 * and crossed, left onto right and right onto left ({@code crossed}: 1.0 for a stem whose
 * pair is swapped).
 *
 * @param file     the stem
 * @param left     the pair's left speaker ({@code Ls})
 * @param right    its right speaker ({@code Rs})
 * @param straight the gain as routed; {@code NaN} when the stem's pair is silent
 * @param crossed  the gain crossed; {@code NaN} when the stem's pair is silent
 * @param rmsDbfs  the stem's RMS level in the pair, dBFS
 */
public record PairRouting(StemFile file, String left, String right, double straight, double crossed,
                          double rmsDbfs) {

    /**
     * The crossed match must reach 0.25 (the stem's pair at -12 dB in the mix's crossed pair)
     * for a swap: a stem far quieter than that in the mix cannot be told swapped from faded.
     */
    public static final double MIN_CROSSED = 0.25;

    /**
     * ...and be at least twice the straight match: a stem with identical or strongly correlated
     * left and right (a mono source in both surrounds) matches both ways and is left alone.
     */
    public static final double DOMINANCE = 2.0;

    /** A pair quieter than -60 dBFS RMS in the stem is not judged: too little to route (dither, a reverb's last tail). */
    public static final double MIN_PAIR_RMS_DBFS = -60.0;

    /**
     * Whether the pair can be judged: a file of two or more channels with sound in the pair.
     *
     * @return true when {@link #swapped()} means something
     */
    public boolean judged() {
        return file.format().map(f -> f.channels() >= 2).orElse(false) && rmsDbfs >= MIN_PAIR_RMS_DBFS
                && !Double.isNaN(crossed);
    }

    /**
     * Whether the stem's pair is swapped against the mix: judged, its crossed match at least
     * {@link #MIN_CROSSED} and {@link #DOMINANCE} times its straight one.
     *
     * @return true for a swapped pair
     */
    public boolean swapped() {
        return judged() && crossed >= MIN_CROSSED && crossed >= DOMINANCE * Math.abs(straight);
    }

    /**
     * Checks that no part is null.
     *
     * @param file     not {@code null}
     * @param left     not {@code null}
     * @param right    not {@code null}
     * @param straight as measured
     * @param crossed  as measured
     * @param rmsDbfs  as measured
     */
    public PairRouting {
        Objects.requireNonNull(file, "file must not be null");
        Objects.requireNonNull(left, "left must not be null");
        Objects.requireNonNull(right, "right must not be null");
    }
}
