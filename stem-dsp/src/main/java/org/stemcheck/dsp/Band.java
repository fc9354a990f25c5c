package org.stemcheck.dsp;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A frequency band {@code [lowHz, highHz)} with a nominal centre, and the standard band sets.
 *
 * @param lowHz    lower edge, inclusive
 * @param highHz   upper edge, exclusive
 * @param centreHz the nominal (exact, base-ten) mid-band frequency
 */
public record Band(double lowHz, double highHz, double centreHz) {

    /**
     * Checks the edges.
     *
     * @param lowHz    {@code >= 0}
     * @param highHz   above {@code lowHz}, finite
     * @param centreHz as given (not checked against the edges)
     * @throws IllegalArgumentException when the edges are out of order or not finite
     */
    public Band {
        if (!(lowHz >= 0) || !(highHz > lowHz) || Double.isInfinite(highHz)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "need 0 <= lowHz < highHz, finite: %s, %s", lowHz, highHz));
        }
    }

    /**
     * A band of your own (a kick's 40-80 Hz, a de-esser's 5-9 kHz).
     *
     * @param lowHz  lower edge, Hz, {@code >= 0}
     * @param highHz upper edge, Hz, above {@code lowHz}
     * @return the band; its centre is the geometric mean of the edges (the arithmetic mean from 0 Hz)
     * @throws IllegalArgumentException when the edges are out of order or not finite
     */
    public static Band of(double lowHz, double highHz) {
        double centre = lowHz > 0 ? Math.sqrt(lowHz * highHz) : highHz / 2;
        return new Band(lowHz, highHz, centre);
    }

    /**
     * Octave bands with exact base-ten mid-band frequencies {@code 1000 * 10^(3k/10)} and edges at
     * {@code fm * 10^(+-3/20)} (IEC 61260-1:2014, 5.2 and 5.4), nominal 31.5 Hz to 16 kHz.
     *
     * @return the 10 octave bands, low to high (immutable)
     */
    public static List<Band> octaves() {
        return fractional(3, -5, 4);
    }

    /**
     * One-third-octave bands {@code 1000 * 10^(k/10)}, edges {@code fm * 10^(+-1/20)}
     * (IEC 61260-1:2014, 5.2 and 5.4), nominal 20 Hz to 20 kHz.
     *
     * @return the 31 third-octave bands, low to high (immutable)
     */
    public static List<Band> thirdOctaves() {
        return fractional(1, -17, 13);
    }

    private static List<Band> fractional(int step, int from, int to) {
        List<Band> bands = new ArrayList<>();
        for (int k = from; k <= to; k++) {
            double fm = 1000.0 * Math.pow(10, step * k / 10.0);
            double half = Math.pow(10, step / 20.0);
            bands.add(new Band(fm / half, fm * half, fm));
        }
        return List.copyOf(bands);
    }
}
