package org.stemcheck.core.internal.nulltest;

import java.util.List;

import org.stemcheck.dsp.level.StereoCorrelation;
import org.stemcheck.dsp.set.NullSpectra;
import org.stemcheck.dsp.spectrum.Band;
import org.stemcheck.dsp.spectrum.BandEnergies;

/**
 * The character of what the stems leave unexplained in one mix: the residual
 * {@code sum(stems) - mix} (stems at unity gain, as fed: aligned in a second pass) measured for
 * its spectrum (octave bands, against the mix's) and for how alike its channels are. A missing
 * reverb return leaves a diffuse residual (channels weakly correlated); a missing bass line a
 * narrow, low, centred one. It also keeps each stem's third-octave spectrum (where a stem's
 * transfer into the mix means something) and how much the mix compresses each stem's loud
 * passages ({@link LoudPassages}). The spectra are the null test's ({@link NullSpectra}, from the
 * transforms it makes anyway); this probe measures what lives in the time domain. Accumulator;
 * not thread-safe.
 */
final class ResidualProbe {

    private final int channels;
    private final double[][] residual;
    private final StereoCorrelation correlation;
    /** Per stem, how much more the mix turns its loud passages down. */
    private final LoudPassages[] loud;

    ResidualProbe(int channels, double rate, int stems) {
        this.channels = channels;
        this.residual = new double[channels][Feed.BLOCK];
        this.correlation = channels == 2 ? StereoCorrelation.create(2, rate) : null;
        this.loud = new LoudPassages[stems];
        for (int i = 0; i < stems; i++) {
            loud[i] = new LoudPassages(rate, channels);
        }
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
        if (correlation != null) {
            correlation.accept(residual, 0, frames);
        }
        for (int i = 0; i < stems.length; i++) {
            loud[i].accept(stems[i], residual, frames);
        }
    }

    /** @param spectra the spectra of the null test fed the same blocks */
    ResidualCharacter result(NullSpectra spectra) {
        List<Band> bands = Band.octaves();
        return new ResidualCharacter(
                BandEnergies.of(spectra.residual(), bands),
                BandEnergies.of(spectra.mix(), bands),
                correlation == null ? Double.NaN : correlation.result().overall(),
                spectra.stems().stream().map(s -> BandEnergies.of(s, Band.thirdOctaves())).toList(),
                java.util.Arrays.stream(loud).map(LoudPassages::reductionDb).toList());
    }
}
