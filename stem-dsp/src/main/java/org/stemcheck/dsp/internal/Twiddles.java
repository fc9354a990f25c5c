package org.stemcheck.dsp.internal;

/** Twiddle factors and index tables shared by the FFT plans. */
final class Twiddles {

    private Twiddles() {
    }

    /**
     * {@code cos(2 pi t / n)}, from the octant {@code t} falls in so that every value is a sine or
     * cosine of an angle of at most pi/4 (exact symmetries; the library's sin and cos are within
     * one ulp there), which keeps the tables accurate to a unit of rounding at any size.
     */
    static double cos(long t, long n) {
        return unit(t, n, true);
    }

    /** {@code sin(2 pi t / n)}, as {@link #cos(long, long)}. */
    static double sin(long t, long n) {
        return unit(t, n, false);
    }

    private static double unit(long t, long n, boolean cosine) {
        long m = Math.floorMod(t, n);
        // angle = 2 pi m / n = octant * pi/4 + 2 pi rem / (8 n), rem in [0, n)
        long eight = 8 * m;
        int octant = (int) (eight / n);
        long rem = eight - octant * n;
        // even octants work from r = 2 pi rem / (8 n), odd ones from the distance to the next
        // octant boundary, r' = 2 pi (n - rem) / (8 n); both in [0, pi/4]
        boolean odd = (octant & 1) != 0;
        double r = 2 * Math.PI * ((double) (odd ? n - rem : rem) / (8.0 * n));
        double s = Math.sin(r);
        double c = Math.cos(r);
        double x;
        double y;
        switch (octant) {
            case 0: x = c; y = s; break;      // r
            case 1: x = s; y = c; break;      // pi/2 - r'
            case 2: x = -s; y = c; break;     // pi/2 + r
            case 3: x = -c; y = s; break;     // pi - r'
            case 4: x = -c; y = -s; break;    // pi + r
            case 5: x = -s; y = -c; break;    // 3 pi/2 - r'
            case 6: x = s; y = -c; break;     // 3 pi/2 + r
            default: x = c; y = -s; break;    // 2 pi - r'
        }
        return cosine ? x : y;
    }
}
