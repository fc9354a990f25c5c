package org.stemcheck.core.internal.pipeline;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.stemcheck.core.Measurement;
import org.stemcheck.core.Plots;
import org.stemcheck.core.file.StemFile;
import org.stemcheck.core.nulltest.NullTestResult;
import org.stemcheck.core.nulltest.Segment;
import org.stemcheck.dsp.LoudnessResult;
import org.stemcheck.dsp.LoudnessTimeline;
import org.stemcheck.dsp.LevelTimeline;
import org.stemcheck.dsp.Spectrum;
import org.stemcheck.dsp.WelchSpectrum;

/**
 * The HTML report's curves from the per-file measurements the pass made anyway: the level
 * timeline (RMS over all channels per 100 ms), the channels' average Welch spectrum, and the
 * short-term loudness (momentary before its window is full). A file lacking a measurement has no curve (the report says "not measured").
 */
final class PlotData {

    private static final Logger LOG = LoggerFactory.getLogger(PlotData.class);

    private PlotData() {
    }

    /**
     * The curves; a failure to build them costs the plots, never the report.
     *
     * @param nullTest the null test, whose residual is drawn against the mix
     */
    static Plots of(List<StemFile> files, Map<String, FileResults> measured, Optional<NullTestResult> nullTest) {
        Plots p;
        try {
            p = files(files, measured);
        } catch (RuntimeException e) {
            LOG.warn("the report's plots could not be built; left out", e);
            return Plots.NONE;
        }
        if (nullTest.isPresent()) {
            try {
                p = withResidual(p, nullTest.get());
            } catch (RuntimeException e) {
                LOG.warn("the null residual could not be plotted; left out", e);
            }
        }
        return p;
    }

    private static Plots files(List<StemFile> files, Map<String, FileResults> measured) {
        Plots p = Plots.NONE;
        for (StemFile f : files) {
            FileResults m = measured.getOrDefault(f.name(), FileResults.NONE);
            if (f.format().isEmpty()) {
                continue;
            }
            double rate = f.format().get().sampleRate();
            Optional<LevelTimeline.Result> t = m.get(Measurement.TIMELINE).filter(x -> x.points() > 0);
            if (t.isPresent()) {
                p = p.withLevel(f.name(), Plots.Series.uniform(0, t.get().intervalFrames() / rate, levels(t.get())));
            }
            Optional<WelchSpectrum.Result> s = m.get(Measurement.SPECTRUM).filter(x -> x.average().segments() > 0);
            if (s.isPresent()) {
                p = p.withSpectrum(f.name(), spectrum(s.get().average()));
            }
            Optional<LoudnessResult> l = m.get(Measurement.LOUDNESS).filter(x -> x.timeline().size() > 0);
            if (l.isPresent()) {
                p = p.withLoudness(f.name(), loudness(l.get().timeline()));
            }
        }
        return p;
    }

    /**
     * The null residual and the reference mix's level per segment, in dBFS, on the files' time
     * axis, and the residual split by the causes the diagnosis names ({@link ResidualCauses}).
     */
    private static Plots withResidual(Plots plots, NullTestResult r) {
        List<Segment> segments = r.residual().segments();
        if (segments.isEmpty()) {
            return plots;
        }
        double[] t = new double[segments.size()];
        double[] residual = new double[t.length];
        double[] mix = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            Segment g = segments.get(i);
            t[i] = r.startSeconds() + (g.startSeconds() + g.endSeconds()) / 2;
            residual[i] = 20 * Math.log10(g.residualRms());
            mix[i] = 20 * Math.log10(g.mixRms());
        }
        Plots withResidual = plots.withResidual(Plots.Series.of(t, residual), Plots.Series.of(t, mix));
        return withResidual.withResidualParts(ResidualCauses.of(r, withResidual));
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

    /**
     * The short-term loudness and, where its 3 s window is not yet full (the first 2.9 s), the
     * momentary loudness (400 ms window, EBU Tech 3341 section 2.2), so that the curve starts at
     * 0.4 s with the audio: {@link Plots#loudness()} says so, and the report draws that stretch apart.
     */
    private static Plots.Series loudness(LoudnessTimeline t) {
        double[] x = new double[t.size()];
        double[] y = new double[t.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = t.timeSeconds(i);
            double shortTerm = t.shortTermLufs(i);
            y[i] = Double.isNaN(shortTerm) ? t.momentaryLufs(i) : shortTerm;
        }
        return Plots.Series.of(x, y);
    }
}
