package org.stemcheck.dsp;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.stemcheck.dsp.internal.Db;

/**
 * Power of a spectrum in bands: the sum of the bins whose centre lies in each band. With the
 * {@link Spectrum} scaling a band's level is the mean square of the signal in that band, in dB re
 * full scale. A band narrower than a bin may hold no bin centre: it then reads negative infinity
 * with {@code bins == 0}, which callers should skip (low third-octaves with short segments).
 */
public final class BandEnergies {

    private BandEnergies() {
    }

    /**
     * The power in one band.
     *
     * @param band    the band
     * @param powerDb its power in dB re full scale squared
     * @param bins    spectrum bins summed
     */
    public record BandLevel(Band band, double powerDb, int bins) {
    }

    /**
     * The power of {@code spectrum} in each of {@code bands}.
     *
     * @param spectrum the spectrum, e.g. a {@link WelchSpectrum} result
     * @param bands    the bands, e.g. {@link Band#thirdOctaves()}; may overlap
     * @return one level per band, in the same order (immutable)
     */
    public static List<BandLevel> of(Spectrum spectrum, List<Band> bands) {
        Objects.requireNonNull(spectrum, "spectrum must not be null");
        Objects.requireNonNull(bands, "bands must not be null");
        List<BandLevel> out = new ArrayList<>(bands.size());
        for (Band band : bands) {
            Objects.requireNonNull(band, "bands must not contain null");
            int lo = Math.max(0, (int) Math.ceil(band.lowHz() / spectrum.binHz()));
            int hi = Math.min(spectrum.bins() - 1, (int) Math.ceil(band.highHz() / spectrum.binHz()) - 1);
            double sum = 0;
            int n = 0;
            for (int k = lo; k <= hi; k++) {
                if (spectrum.frequency(k) < band.highHz()) {
                    sum += Db.toPower(spectrum.powerDb(k));
                    n++;
                }
            }
            out.add(new BandLevel(band, Db.power(sum), n));
        }
        return List.copyOf(out);
    }
}
