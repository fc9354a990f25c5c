package org.stemcheck.dsp.internal;

import java.util.Arrays;

/**
 * Forward transforms of one windowed segment's channels, in place, leaving out a transform whose
 * result is already known to the bit:
 * <ul>
 *   <li>a channel whose windowed samples equal, bit for bit, those of the channel before it (a
 *       dual-mono stem: a mono source exported as stereo) takes a copy of that channel's
 *       transform: the transform is deterministic, so the copy is what it would have computed;</li>
 *   <li>with {@code powerOnly}, a channel whose windowed samples are all {@code +0.0} (digital
 *       silence) keeps its zeros: the transform of zeros is zeros, some of them {@code -0.0},
 *       whose squares are the same {@code +0.0}; so for a caller that reads only
 *       {@code re * re + im * im} (the Welch spectrum's power) it is the same to the bit. A caller
 *       that reads the signs (cross-spectra, phases) must not ask for it.</li>
 * </ul>
 * Checking costs a scan that stops at the first difference or the first non-zero sample; a
 * transform of 8192 points costs about ten full scans. Static; thread-safe.
 */
public final class SegmentTransforms {

    private SegmentTransforms() {
    }

    /**
     * Transforms {@code channels[c]}, each holding one windowed segment of {@code fft.size()}
     * points, in place into {@link Fft}'s packed layout.
     *
     * @param fft       the transform
     * @param channels  per channel, the windowed segment; each becomes its transform
     * @param powerOnly whether the caller reads only the power of each bin (then silence is not transformed)
     * @return how many transforms were left out (for tests)
     */
    public static int forward(Fft fft, double[][] channels, boolean powerOnly) {
        int n = channels.length;
        int skipped = 0;
        // compare before anything is transformed (the transforms are in place); bit c: channel c
        // equals channel c - 1 (channels from 64 on are always transformed)
        long sameAsBefore = 0;
        for (int c = 1; c < Math.min(n, Long.SIZE); c++) {
            if (bitwiseEqual(channels[c], channels[c - 1])) {
                sameAsBefore |= 1L << c;
            }
        }
        for (int c = 0; c < n; c++) {
            double[] x = channels[c];
            if (c < Long.SIZE && (sameAsBefore & (1L << c)) != 0) {
                System.arraycopy(channels[c - 1], 0, x, 0, x.length);
                skipped++;
            } else if (powerOnly && allPositiveZero(x)) {
                skipped++;
            } else {
                fft.forward(x);
            }
        }
        return skipped;
    }

    /** Equal bit for bit (not {@link Arrays#equals(double[], double[])}, which makes every NaN equal). */
    static boolean bitwiseEqual(double[] a, double[] b) {
        if (a.length != b.length) {
            return false;
        }
        for (int i = 0; i < a.length; i++) {
            if (Double.doubleToRawLongBits(a[i]) != Double.doubleToRawLongBits(b[i])) {
                return false;
            }
        }
        return true;
    }

    /** Every element {@code +0.0} (a {@code -0.0} counts as not: its transform is left to the FFT). */
    static boolean allPositiveZero(double[] x) {
        for (double v : x) {
            if (Double.doubleToRawLongBits(v) != 0L) {
                return false;
            }
        }
        return true;
    }
}
