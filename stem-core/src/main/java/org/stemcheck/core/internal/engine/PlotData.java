package org.stemcheck.core.internal.engine;

import java.util.List;
import java.util.Map;

import org.stemcheck.core.Measurement;
import org.stemcheck.core.Plots;
import org.stemcheck.core.StemFile;
import org.stemcheck.dsp.LoudnessResult;
import org.stemcheck.dsp.LoudnessTimeline;
import org.stemcheck.dsp.level.LevelTimeline;
import org.stemcheck.dsp.spectrum.Spectrum;
import org.stemcheck.dsp.spectrum.WelchSpectrum;

/**
 * The HTML report's curves from the per-file measurements the pass made anyway: the level
 * timeline (RMS over all channels per 100 ms), the channels' average Welch spectrum, and the
 * short-term loudness. A file lacking a measurement has no curve (the report says "not measured").
 */
final class PlotData {

    private PlotData() {
    }

    static Plots of(List<StemFile> files, Map<String, Map<Measurement, Object>> measured) {
        Plots p = Plots.NONE;
        for (StemFile f : files) {
            Map<Measurement, Object> m = measured.getOrDefault(f.name(), Map.of());
            if (f.format().isEmpty()) {
                continue;
            }
            double rate = f.format().get().sampleRate();
            if (m.get(Measurement.TIMELINE) instanceof LevelTimeline.Result t && t.points() > 0) {
                p = p.withLevel(f.name(), Plots.Series.uniform(0, t.intervalFrames() / rate, levels(t)));
            }
            if (m.get(Measurement.SPECTRUM) instanceof WelchSpectrum.Result s && s.average().segments() > 0) {
                p = p.withSpectrum(f.name(), spectrum(s.average()));
            }
            if (m.get(Measurement.LOUDNESS) instanceof LoudnessResult l && l.timeline().size() > 0) {
                p = p.withLoudness(f.name(), loudness(l.timeline()));
            }
        }
        return p;
    }

    /** Per point, the RMS over all channels (the power mean), in dBFS. */
    private static double[] levels(LevelTimeline.Result t) {
        float[][] rms = t.rms();
        double[] y = new double[t.points()];
        for (int i = 0; i < y.length; i++) {
            double sum = 0;
            for (float[] channel : rms) {
                sum += (double) channel[i] * channel[i];
            }
            y[i] = 10 * Math.log10(sum / rms.length);
        }
        return y;
    }

    /** From the first bin above DC (the report's frequency axis is logarithmic). */
    private static Plots.Series spectrum(Spectrum s) {
        double[] x = new double[s.bins() - 1];
        double[] y = new double[x.length];
        for (int k = 1; k < s.bins(); k++) {
            x[k - 1] = s.frequency(k);
            y[k - 1] = s.powerDb(k);
        }
        return Plots.Series.of(x, y);
    }

    private static Plots.Series loudness(LoudnessTimeline t) {
        double[] x = new double[t.size()];
        double[] y = new double[t.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = t.timeSeconds(i);
            y[i] = t.shortTermLufs(i);
        }
        return Plots.Series.of(x, y);
    }
}
