package org.stemcheck.core.internal.nulltest;

import java.util.List;

import org.stemcheck.dsp.level.StereoCorrelation;
import org.stemcheck.dsp.spectrum.Band;
import org.stemcheck.dsp.spectrum.BandEnergies;
import org.stemcheck.dsp.spectrum.WelchSpectrum;

/**
 * The character of what the stems leave unexplained in one mix: the residual
 * {@code sum(stems) - mix} (stems at unity gain, as fed: aligned in a second pass) measured for
 * its spectrum (octave bands, against the mix's) and for how alike its channels are. A missing
 * reverb return leaves a diffuse residual (channels weakly correlated); a missing bass line a
 * narrow, low, centred one. It also keeps each stem's third-octave spectrum (where a stem's
 * transfer into the mix means something). The stems' spectra do not depend on the mix: the probes
 * of one pass share them ({@link #sharing}), the first probe measuring them for all; how much
 * the mix compresses each stem's loud passages ({@link LoudPassages}) is measured per probe.
 * Accumulator; not thread-safe.
 */
final class ResidualProbe {

    private final int channels;
    private final double rate;
    private final double[][] residual;
    private final WelchSpectrum residualSpectrum;
    private final WelchSpectrum mixSpectrum;
    private final StereoCorrelation correlation;
    private final WelchSpectrum[] stemSpectra;
    /** Per stem, how much more the mix turns its loud passages down: depends on the mix, never shared. */
    private final LoudPassages[] loud;
    /** Whether this probe feeds {@link #stemSpectra} (false when another probe of the pass does). */
    private final boolean measuresStems;

    ResidualProbe(int channels, double rate, int stems) {
        this(channels, rate, stems, null);
    }

    private ResidualProbe(int channels, double rate, int stems, ResidualProbe owner) {
        this.channels = channels;
        this.rate = rate;
        this.residual = new double[channels][Feed.BLOCK];
        this.residualSpectrum = WelchSpectrum.create(channels, rate);
        this.mixSpectrum = WelchSpectrum.create(channels, rate);
        this.correlation = channels == 2 ? StereoCorrelation.create(2, rate) : null;
        this.measuresStems = owner == null;
        int n = owner == null ? stems : owner.stemSpectra.length;
        this.loud = new LoudPassages[n];
        for (int i = 0; i < n; i++) {
            loud[i] = new LoudPassages(rate, channels);
        }
        if (owner != null) {
            this.stemSpectra = owner.stemSpectra;
            return;
        }
        this.stemSpectra = new WelchSpectrum[stems];
        for (int i = 0; i < stems; i++) {
            stemSpectra[i] = WelchSpectrum.create(channels, rate);
        }
    }

    /**
     * A probe for another mix over the same stems: fed the same stem blocks right after this one
     * in the same pass, or in a later pass once this one is complete. It reads this probe's stem
     * spectra instead of measuring them again.
     *
     * @return the probe, empty
     */
    ResidualProbe sharing() {
        return new ResidualProbe(channels, rate, 0, this);
    }

    void accept(double[][][] stems, double[][] mix, int frames) {
        for (int c = 0; c < channels; c++) {
            double[] r = residual[c];
            double[] m = mix[c];
            for (int i = 0; i < frames; i++) {
                r[i] = -m[i];
            }
            for (double[][] s : stems) {
                double[] x = s[c];
                for (int i = 0; i < frames; i++) {
                    r[i] += x[i];
                }
            }
        }
        residualSpectrum.accept(residual, 0, frames);
        mixSpectrum.accept(mix, 0, frames);
        if (correlation != null) {
            correlation.accept(residual, 0, frames);
        }
        for (int i = 0; i < stems.length; i++) {
            if (measuresStems) {
                stemSpectra[i].accept(stems[i], 0, frames);
            }
            loud[i].accept(stems[i], residual, frames);
        }
    }

    ResidualCharacter result() {
        List<Band> bands = Band.octaves();
        return new ResidualCharacter(
                BandEnergies.of(residualSpectrum.result().average(), bands),
                BandEnergies.of(mixSpectrum.result().average(), bands),
                correlation == null ? Double.NaN : correlation.result().overall(),
                java.util.Arrays.stream(stemSpectra)
                        .map(w -> BandEnergies.of(w.result().average(), Band.thirdOctaves())).toList(),
                java.util.Arrays.stream(loud).map(LoudPassages::reductionDb).toList());
    }
}
