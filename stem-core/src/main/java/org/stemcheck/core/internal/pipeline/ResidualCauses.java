package org.stemcheck.core.internal.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.stemcheck.core.Plots;
import org.stemcheck.core.file.StemFile;
import org.stemcheck.core.nulltest.Explanation;
import org.stemcheck.core.nulltest.NullTestResult;
import org.stemcheck.core.nulltest.Segment;

/**
 * The causes the null test's diagnosis names, as parts of the residual over time for the report's
 * null-test plot: one part per stem it blames (with what it found, in words), then the rest, which
 * is "unexplained" unless the diagnosis says the mix holds content no stem carries. A stem's part
 * follows the stem's own level ({@link Plots#levels()}); a stem cut short takes the residual after
 * its file ends; {@link ResidualSplit} fits the split.
 */
final class ResidualCauses {

    /** What is left when no cause is named for it. */
    static final String UNEXPLAINED = "unexplained";

    private ResidualCauses() {
    }

    /** One blamed stem: what was found, and whether its part is the residual after its file ends. */
    private static final class Cause {
        final StemFile stem;
        final List<String> found = new ArrayList<>();
        boolean cutShort;

        Cause(StemFile stem) {
            this.stem = stem;
        }
    }

    /**
     * The parts, on the residual's stretches (x = the stretch's centre on the files' time axis).
     *
     * @param r     the null test
     * @param plots the plots so far, whose level timelines give each stem's shape over time
     * @return per blamed stem, then the rest; empty when the diagnosis names no cause
     */
    static List<Plots.ResidualPart> of(NullTestResult r, Plots plots) {
        Map<String, Cause> causes = new LinkedHashMap<>();
        String rest = UNEXPLAINED;
        for (Explanation e : r.explanations()) {
            if (e instanceof Explanation.LacksBusProcessing l) {
                cause(causes, l.stem()).found.add(l.eq() && l.compression() ? "lacks its bus EQ and compression"
                        : l.compression() ? "lacks its bus compression" : l.eq() ? "lacks its bus EQ"
                        : "lacks its bus processing");
            } else if (e instanceof Explanation.FileFault f) {
                Cause c = cause(causes, f.stem());
                c.found.add(f.what());
                c.cutShort |= f.code().equals("format.length") || f.code().equals("format.truncated");
            } else if (e instanceof Explanation.CodecNoise c) {
                c.stems().forEach(s -> cause(causes, s).found.add("lossy codec noise"));
            } else if (e instanceof Explanation.Mismatch m) {
                m.stems().forEach(s -> cause(causes, s).found.add("another take or render than the mix's"));
            } else if (e instanceof Explanation.MissingPart m) {
                rest = m.diffuse() ? "in no stem: effect returns (reverb, delay)" : "in no stem: a missing part";
            }
        }
        List<Segment> segments = r.residual().segments();
        if ((causes.isEmpty() && rest.equals(UNEXPLAINED)) || segments.isEmpty()) {
            return List.of();
        }
        int n = segments.size();
        double[] x = new double[n];
        double[] residual = new double[n];
        for (int i = 0; i < n; i++) {
            Segment g = segments.get(i);
            x[i] = r.startSeconds() + (g.startSeconds() + g.endSeconds()) / 2;
            residual[i] = g.residualRms() * g.residualRms();
        }
        List<Cause> drawn = new ArrayList<>();
        List<double[]> shapes = new ArrayList<>();
        for (Cause c : causes.values()) {
            Optional<double[]> shape = c.cutShort ? Optional.of(afterEnd(r, segments, residual, c.stem))
                    : Optional.ofNullable(plots.levels().get(c.stem.name())).map(s -> power(s, r, segments));
            if (shape.isPresent()) {
                drawn.add(c);
                shapes.add(shape.get());
            }
        }
        List<double[]> parts = ResidualSplit.split(residual, shapes);
        List<Plots.ResidualPart> out = new ArrayList<>();
        for (int k = 0; k < drawn.size(); k++) {
            out.add(new Plots.ResidualPart(Optional.of(drawn.get(k).stem.name()),
                    String.join("; ", drawn.get(k).found), Plots.Series.of(x, db(parts.get(k)))));
        }
        out.add(new Plots.ResidualPart(Optional.empty(), rest, Plots.Series.of(x, db(parts.get(drawn.size())))));
        return out;
    }

    private static Cause cause(Map<String, Cause> causes, StemFile stem) {
        return causes.computeIfAbsent(stem.name(), k -> new Cause(stem));
    }

    /** The residual where the stem's file has ended (its part of the mix is all that is left there). */
    private static double[] afterEnd(NullTestResult r, List<Segment> segments, double[] residual, StemFile stem) {
        double end = stem.durationSeconds();
        double[] shape = new double[segments.size()];
        for (int i = 0; i < shape.length; i++) {
            shape[i] = r.startSeconds() + segments.get(i).startSeconds() >= end ? residual[i] : 0;
        }
        return shape;
    }

    /**
     * The stem's power per stretch: the mean of its level points (x = a window's start) that start
     * within the stretch, or the last that starts before it.
     */
    private static double[] power(Plots.Series level, NullTestResult r, List<Segment> segments) {
        double[] out = new double[segments.size()];
        int j = 0;
        for (int i = 0; i < out.length; i++) {
            double a = r.startSeconds() + segments.get(i).startSeconds();
            double b = r.startSeconds() + segments.get(i).endSeconds();
            while (j < level.size() && level.x(j) < a) {
                j++;
            }
            double sum = 0;
            int count = 0;
            for (int k = j; k < level.size() && level.x(k) < b; k++) {
                sum += Math.pow(10, level.y(k) / 10);
                count++;
            }
            if (count == 0 && j > 0) {
                sum = Math.pow(10, level.y(j - 1) / 10);
                count = 1;
            }
            out[i] = count == 0 ? 0 : sum / count;
        }
        return out;
    }

    private static double[] db(double[] power) {
        double[] y = new double[power.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = 10 * Math.log10(power[i]);
        }
        return y;
    }
}
