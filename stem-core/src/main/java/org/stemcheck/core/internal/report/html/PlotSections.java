package org.stemcheck.core.internal.report.html;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

import org.stemcheck.core.Plots;
import org.stemcheck.core.Plots.Series;
import org.stemcheck.core.Report;
import org.stemcheck.core.file.Role;
import org.stemcheck.core.file.StemFile;

/** The four plots of the page, each a {@link SvgChart}, or a "not measured" note. */
final class PlotSections {

    /** Quieter than this is drawn on the floor: below any 16-bit noise floor (-96 dBFS). */
    static final double LEVEL_FLOOR_DB = -100;
    /** The bottom of a spectrum plot: the noise floor of 24-bit audio spread over FFT bins lies near here. */
    static final double SPECTRUM_FLOOR_DB = -150;
    /** The bottom of a null-residual plot: a clean 24-bit null sits near -119 dB (dev101 truth). */
    static final double RESIDUAL_FLOOR_DB = -150;
    /** The bottom of the loudness plot: the EBU R128 absolute gate (-70 LUFS, EBU Tech 3341). */
    static final double LOUDNESS_FLOOR_LUFS = -70;
    /** The short-term loudness window (EBU Tech 3341: 3 s); before its end a line is the momentary loudness. */
    static final double SHORT_TERM_WINDOW_S = 3.0;
    /** The momentary loudness window (EBU Tech 3341: 400 ms), where a loudness line starts. */
    static final double MOMENTARY_WINDOW_S = 0.4;

    private PlotSections() {
    }

    static void write(Report r, StringBuilder b) {
        Plots p = r.plots();
        b.append("<section id=\"plots\"><h2>Plots</h2>");
        levels(r, p, b);
        spectra(r, p, b);
        residual(r, p, b);
        loudness(r, p, b);
        b.append("</section>");
    }

    private static void levels(Report r, Plots p, StringBuilder b) {
        open(b, "Level over time", "One lane per file on one time axis: a stem that starts late, ends early or "
                + "falls silent stands out. All lanes share the dBFS scale.");
        List<StemFile> files = withSeries(r, p.levels());
        if (files.isEmpty()) {
            notMeasured(b, "the level timeline (Measurement.TIMELINE)");
            return;
        }
        boolean byTimecode = files.stream().allMatch(f -> f.startSeconds().isPresent());
        double start = byTimecode ? files.stream().mapToDouble(f -> f.startSeconds().getAsDouble()).min().orElse(0) : 0;
        double end = 0;
        for (StemFile f : files) {
            Series s = p.levels().get(f.name());
            end = Math.max(end, offset(f, byTimecode, start) + (s.size() == 0 ? 0 : s.x(s.size() - 1)));
        }
        double[] y = levelRange(files, p);
        for (int i = 0; i < files.size(); i++) {
            StemFile f = files.get(i);
            SvgChart c = SvgChart.lane("level-" + i, "Level over time of " + f.name(), SvgChart.XAxis.SECONDS,
                    y[0], y[1], i == files.size() - 1);
            add(c, r, f, p.levels().get(f.name()), offset(f, byTimecode, start));
            b.append(c.xRange(0, end).render());
        }
        b.append("<p class=\"note\">").append(byTimecode
                ? "Placed by each file's BWF TimeReference; 0 s is the earliest start."
                : "Drawn from each file's first sample (not every file carries a BWF TimeReference).")
                .append(String.format(java.util.Locale.ROOT, " Scale: %s to %s dBFS.", Html.num(y[0]), Html.num(y[1])))
                .append("</p>");
        close(b);
    }

    private static double offset(StemFile f, boolean byTimecode, double start) {
        return byTimecode ? f.startSeconds().getAsDouble() - start : 0;
    }

    /** One dBFS range for every lane: from the quietest level (not below the floor) to the loudest, in 10 dB steps. */
    private static double[] levelRange(List<StemFile> files, Plots p) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (StemFile f : files) {
            Series s = p.levels().get(f.name());
            for (int i = 0; i < s.size(); i++) {
                if (Double.isFinite(s.y(i))) {
                    lo = Math.min(lo, s.y(i));
                    hi = Math.max(hi, s.y(i));
                }
            }
        }
        if (!Double.isFinite(hi)) {
            return new double[] {LEVEL_FLOOR_DB, 0};
        }
        return new double[] {Math.max(LEVEL_FLOOR_DB, Math.floor(lo / 10) * 10), Math.max(0, Math.ceil(hi / 10) * 10)};
    }

    private static void spectra(Report r, Plots p, StringBuilder b) {
        open(b, "Spectrum", "Averaged spectrum of each file: a lossy codec's low-pass shows as a cliff near 16-20 kHz, "
                + "an upsampled file as nothing above its old band.");
        List<StemFile> files = withSeries(r, p.spectra());
        if (files.isEmpty()) {
            notMeasured(b, "the spectra (Measurement.SPECTRUM)");
            return;
        }
        SvgChart c = new SvgChart("spectra", "Spectrum of each file, dB", SvgChart.XAxis.LOG_HERTZ, "power (dB)",
                SPECTRUM_FLOOR_DB, 20, 250);
        files.forEach(f -> add(c, r, f, p.spectra().get(f.name()), 0));
        b.append(c.render());
        close(b);
    }

    private static void residual(Report r, Plots p, StringBuilder b) {
        open(b, "Null test", "What is left of the reference mix once each stem's gain and offset are fitted "
                + "(the stems summed minus the mix, grey), against the mix's own level: where the residual rises "
                + "towards the mix, the stems do not add up to it.");
        if (p.residual().isEmpty() || p.residualMix().isEmpty()) {
            notMeasured(b, r.reference().isEmpty() && !hasMix(r)
                    ? "the null residual: there is no reference mix in this delivery"
                    : "the null residual (Measurement.NULL_TEST)");
            return;
        }
        String mix = r.reference().map(Report.Reference::file).orElseGet(() -> r.files().stream()
                .filter(f -> f.role() == Role.MIXDOWN).map(StemFile::name).findFirst().orElse("reference mix"));
        SvgChart c = new SvgChart("residual", "Null residual against the mix level, dBFS", SvgChart.XAxis.SECONDS,
                "level (dBFS)", RESIDUAL_FLOOR_DB, 12, 200);
        c.emphasised("mix: " + mix, p.residualMix().get());
        c.neutral("residual after gains and offsets", p.residual().get());
        double end = lastX(p.residual().get());
        b.append(c.xRange(0, end).render());
        OptionalDouble depth = r.reference().map(Report.Reference::nullDb).orElse(OptionalDouble.empty());
        if (depth.isPresent()) {
            b.append("<p class=\"note\">Null depth over the whole mix: ")
                    .append(Html.fixed(depth.getAsDouble(), 1, "dB")).append(" relative to the mix.</p>");
        }
        residualParts(r, p, end, b);
        close(b);
    }

    /** The lanes of a split residual span this many dB below the loudest part: a 24-bit null's depth is far below. */
    static final double PARTS_RANGE_DB = 60;

    /**
     * The residual split by cause, one lane per cause on the residual's time axis: each stem the
     * diagnosis names in its own colour (the same as in every plot), the rest in grey.
     */
    private static void residualParts(Report r, Plots p, double end, StringBuilder b) {
        List<Plots.ResidualPart> parts = p.residualParts();
        if (parts.isEmpty()) {
            return;
        }
        double hi = Double.NEGATIVE_INFINITY;
        for (Plots.ResidualPart part : parts) {
            for (int i = 0; i < part.level().size(); i++) {
                if (Double.isFinite(part.level().y(i))) {
                    hi = Math.max(hi, part.level().y(i));
                }
            }
        }
        if (!Double.isFinite(hi)) {
            return;
        }
        double top = Math.ceil(hi / 10) * 10;
        b.append("<p class=\"note\">Where the residual comes from: one lane per cause the diagnosis names, "
                + "in that stem's colour; grey is what no named stem accounts for. A stem's part follows the "
                + "stem's own level over time (fitted over the whole mix); a stem cut short takes the residual "
                + "after its file ends. Scale: ").append(Html.num(top - PARTS_RANGE_DB)).append(" to ")
                .append(Html.num(top)).append(" dBFS.</p>");
        List<StemFile> others = r.files().stream().filter(x -> x.role() != Role.MIXDOWN).toList();
        for (int i = 0; i < parts.size(); i++) {
            Plots.ResidualPart part = parts.get(i);
            SvgChart lane = SvgChart.lane("residual-part-" + i, "Part of the null residual: " + partName(r, part),
                    SvgChart.XAxis.SECONDS, top - PARTS_RANGE_DB, top, i == parts.size() - 1);
            Series level = silenceAsGap(part.level());
            Optional<StemFile> stem = part.file().flatMap(name -> others.stream().filter(f -> f.name().equals(name))
                    .findFirst());
            if (stem.isPresent()) {
                lane.line(partName(r, part), level, 0, others.indexOf(stem.get()));
            } else {
                lane.neutral(partName(r, part), level);
            }
            b.append(lane.xRange(0, end).render());
        }
    }

    /** "Keys: is 1.8 s shorter", or the cause alone for the rest. */
    private static String partName(Report r, Plots.ResidualPart part) {
        return part.file().map(name -> r.files().stream().filter(f -> f.name().equals(name)).findFirst()
                .map(StemFile::displayLabel).orElse(name) + ": " + part.cause()).orElse(part.cause());
    }

    private static double lastX(Series s) {
        return s.size() == 0 ? 1 : s.x(s.size() - 1);
    }

    private static void loudness(Report r, Plots p, StringBuilder b) {
        open(b, "Loudness", String.format(java.util.Locale.ROOT, "Short-term loudness (EBU R128, %s s window) over"
                + " time. The first %s s, before that window is full, show the momentary loudness (%s ms window)"
                + " dotted: it starts %s s in and moves faster.", Html.num(SHORT_TERM_WINDOW_S),
                Html.num(SHORT_TERM_WINDOW_S), Html.num(MOMENTARY_WINDOW_S * 1000), Html.num(MOMENTARY_WINDOW_S)));
        List<StemFile> files = withSeries(r, p.loudness());
        if (files.isEmpty()) {
            notMeasured(b, "the loudness timeline (Measurement.LOUDNESS)");
            return;
        }
        SvgChart c = new SvgChart("loudness", "Short-term loudness, LUFS", SvgChart.XAxis.SECONDS, "loudness (LUFS)",
                LOUDNESS_FLOOR_LUFS, 10, 200).leadIn(SHORT_TERM_WINDOW_S, "momentary",
                String.format(java.util.Locale.ROOT, "dotted: momentary (%s ms), until the %s s window is full",
                        Html.num(MOMENTARY_WINDOW_S * 1000), Html.num(SHORT_TERM_WINDOW_S)));
        List<String> silent = new ArrayList<>();
        for (StemFile f : files) {
            Series s = belowGateAsGap(p.loudness().get(f.name()));
            if (hasValue(s)) {
                add(c, r, f, s, 0);
            } else {
                silent.add(f.role() == Role.MIXDOWN ? f.name() : f.displayLabel());
            }
        }
        if (silent.size() < files.size()) {
            b.append(c.render());
        }
        b.append("<p class=\"note\">Digital silence has no loudness, and EBU R128 counts anything quieter than ")
                .append(Html.num(LOUDNESS_FLOOR_LUFS)).append(" LUFS (its absolute gate) as silence: either leaves a gap in a"
                        + " line, not a level.");
        if (!silent.isEmpty()) {
            b.append(" No line for ").append(Html.esc(String.join(", ", silent)))
                    .append(silent.size() == 1 ? ": it is" : ": they are").append(" silent throughout.");
        }
        b.append("</p>");
        close(b);
    }

    /**
     * The loudness series with silence as a gap: digital silence ({@code -Infinity}) and what lies
     * under the absolute gate ({@link #LOUDNESS_FLOOR_LUFS}), which would otherwise be drawn on the
     * floor as if it were a level.
     */
    static Series belowGateAsGap(Series s) {
        double[] y = silenceAsGap(s).y();
        for (int i = 0; i < y.length; i++) {
            if (y[i] < LOUDNESS_FLOOR_LUFS) {
                y[i] = Double.NaN;
            }
        }
        return Series.of(s.x(), y);
    }

    /** The series with every value that is not a number of LUFS (silence is {@code -Infinity}) as a gap. */
    static Series silenceAsGap(Series s) {
        double[] y = s.y();
        for (int i = 0; i < y.length; i++) {
            if (!Double.isFinite(y[i])) {
                y[i] = Double.NaN;
            }
        }
        return Series.of(s.x(), y);
    }

    private static boolean hasValue(Series s) {
        for (int i = 0; i < s.size(); i++) {
            if (Double.isFinite(s.y(i))) {
                return true;
            }
        }
        return false;
    }

    /** Adds a file's series: the mix emphasised, every other file in its own style (the same in every plot). */
    private static void add(SvgChart c, Report r, StemFile f, Series s, double offset) {
        if (f.role() == Role.MIXDOWN) {
            c.emphasised(f.name() + " (mix)", offset == 0 ? s : shifted(s, offset));
        } else {
            List<StemFile> others = r.files().stream().filter(x -> x.role() != Role.MIXDOWN).toList();
            c.line(f.displayLabel(), s, offset, others.indexOf(f));
        }
    }

    private static Series shifted(Series s, double offset) {
        double[] x = s.x();
        for (int i = 0; i < x.length; i++) {
            x[i] += offset;
        }
        return Series.of(x, s.y());
    }

    /** Files with a series, stems first in delivery order, the mix last (drawn on top). */
    private static List<StemFile> withSeries(Report r, Map<String, Series> series) {
        List<StemFile> out = new ArrayList<>();
        r.files().stream().filter(f -> series.containsKey(f.name()) && f.role() != Role.MIXDOWN).forEach(out::add);
        r.files().stream().filter(f -> series.containsKey(f.name()) && f.role() == Role.MIXDOWN).forEach(out::add);
        return out;
    }

    private static boolean hasMix(Report r) {
        return r.files().stream().anyMatch(f -> f.role() == Role.MIXDOWN);
    }

    private static void open(StringBuilder b, String title, String what) {
        b.append("<figure class=\"plot\"><figcaption><h3>").append(Html.esc(title)).append("</h3><p>")
                .append(Html.esc(what)).append("</p></figcaption>");
    }

    private static void notMeasured(StringBuilder b, String what) {
        b.append("<p class=\"missing\">Not measured in this run: ").append(Html.esc(what)).append(".</p>");
        close(b);
    }

    private static void close(StringBuilder b) {
        b.append("</figure>");
    }
}
