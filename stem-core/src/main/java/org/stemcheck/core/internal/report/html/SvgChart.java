package org.stemcheck.core.internal.report.html;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.stemcheck.core.Plots.Series;

/**
 * One line chart as inline SVG: a plot area with a grid, ticks on both axes (seconds or a log
 * frequency axis; dB), one polyline per series and a legend below. Every plot of the report is
 * one of these. Series are thinned to at most one point per pixel column (the highest y, so
 * peaks and a spectrum's cut-off survive); y below the floor, and {@code -Infinity}, is drawn at
 * the floor; {@code NaN} leaves a gap. How the lines are told apart and the legend are
 * {@link Legend}'s; a lead-in's dots and band are {@link LeadIn}'s.
 */
final class SvgChart {

    /** What the x axis shows. */
    enum XAxis { SECONDS, LOG_HERTZ }

    private static final int WIDTH = 1100;
    private static final int LEFT = 64;
    private static final int RIGHT = 20;
    private static final int LANE_HEIGHT = 46;

    /**
     * One series and how it is drawn: {@code style} indexes the palette, or for an emphasised
     * series the dashes; a {@code leadIn} part is drawn dotted and has no legend entry of its own.
     */
    record Line(String name, Series series, double xOffset, int style, boolean emphasis, boolean leadIn) {
        Line(String name, Series series, double xOffset, int style, boolean emphasis) {
            this(name, series, xOffset, style, emphasis, false);
        }
    }

    private final String id;
    private final String label;
    private final XAxis xAxis;
    private final String yUnit;
    private final double yFloor;
    private final double yCeiling;
    private final int plotHeight;
    private final List<Line> lines = new ArrayList<>();
    private double xMin = Double.NaN;
    private double xMax = Double.NaN;
    private double yLo = Double.NaN;
    private double yHi = Double.NaN;
    /** A lane: one short strip of a stack sharing the x axis, its series filled, named inside. */
    private boolean lane;
    private boolean xLabels = true;
    private int top = 14;
    private int axis = 40;
    /** Up to its x every line is a lead-in (another measure), drawn dotted over a shaded band. */
    private LeadIn leadIn = LeadIn.NONE;

    /**
     * @param id        unique in the page (names the chart's clip path)
     * @param label     what the chart shows, for screen readers
     * @param yFloor    the lowest y shown (quieter values are drawn on it)
     * @param yCeiling  the highest y shown at most
     */
    SvgChart(String id, String label, XAxis xAxis, String yUnit, double yFloor, double yCeiling, int plotHeight) {
        this.id = id;
        this.label = label;
        this.xAxis = xAxis;
        this.yUnit = yUnit;
        this.yFloor = yFloor;
        this.yCeiling = yCeiling;
        this.plotHeight = plotHeight;
    }

    /**
     * One lane of a stack: a short strip with a fixed y range and no legend, its name written in
     * it; only the last lane of a stack shows the x labels. Lanes of one x range line up exactly.
     */
    static SvgChart lane(String id, String label, XAxis xAxis, double yLo, double yHi, boolean xLabels) {
        SvgChart c = new SvgChart(id, label, xAxis, "", yLo, yHi, LANE_HEIGHT);
        c.lane = true;
        c.xLabels = xLabels;
        c.top = 4;
        c.axis = xLabels ? 36 : 4;
        return c.yRange(yLo, yHi);
    }

    /** Adds a series in the next palette style; {@code xOffset} shifts it right (a later start). */
    SvgChart line(String name, Series s, double xOffset) {
        return line(name, s, xOffset, lines.size());
    }

    /** Adds a series in palette style {@code style} (the same file keeps its colour in every plot). */
    SvgChart line(String name, Series s, double xOffset, int style) {
        lines.add(new Line(name, s, xOffset, style, false));
        return this;
    }

    /** Adds a series that belongs to no file, in the neutral grey ({@link Legend#NEUTRAL_COLOUR}). */
    SvgChart neutral(String name, Series s) {
        lines.add(new Line(name, s, 0, Legend.NEUTRAL, false));
        return this;
    }

    /** Fixes the y range; by default it spans the data, within the floor and the ceiling. */
    SvgChart yRange(double lo, double hi) {
        yLo = lo;
        yHi = hi > lo ? hi : lo + 1;
        return this;
    }

    /**
     * Adds a series drawn thick and black (the mix against which the others are read); a second
     * and third emphasised series (an instrumental, a TV mix) take the next dash patterns, so that
     * two mixes never look alike.
     */
    SvgChart emphasised(String name, Series s) {
        int earlier = (int) lines.stream().filter(Line::emphasis).count();
        lines.add(new Line(name, s, 0, earlier, true));
        return this;
    }

    /**
     * Marks the stretch up to {@code untilX} as a lead-in: there each line is another measure of
     * the same thing (the momentary loudness before the short-term window is full), drawn dotted
     * in the line's own colour over a shaded band named {@code label}; one legend entry says what
     * the dots are.
     */
    SvgChart leadIn(double untilX, String label, String legend) {
        leadIn = new LeadIn(untilX, label, legend);
        return this;
    }

    /** Fixes the x range (a shared time axis); by default it spans the data. */
    SvgChart xRange(double min, double max) {
        xMin = min;
        xMax = max;
        return this;
    }

    String render() {
        double[] xr = xRange();
        double[] yr = yRange();
        Scale sx = xAxis == XAxis.LOG_HERTZ
                ? Scale.log(xr[0], xr[1], LEFT, WIDTH - RIGHT) : Scale.linear(xr[0], xr[1], LEFT, WIDTH - RIGHT);
        Scale sy = Scale.linear(yr[0], yr[1], top + plotHeight, top);
        List<String> legend = lane ? List.of() : Legend.rows(lines, leadIn, WIDTH - LEFT - RIGHT);
        int height = top + plotHeight + axis + legend.size() * Legend.ROW + 6;
        StringBuilder b = new StringBuilder(8192);
        b.append(String.format(Locale.ROOT, "<svg class=\"chart%s\" viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"%s\">",
                lane ? " lane" : "", WIDTH, height, Html.esc(label)));
        b.append("<title>").append(Html.esc(label)).append("</title>");
        if (leadIn.active()) {
            leadIn.band(b, sx, Math.min(leadIn.untilX(), xr[1]), top, plotHeight);
        }
        grid(b, sx, sy, yr);
        b.append(String.format(Locale.ROOT, "<clipPath id=\"%s\"><rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\"/></clipPath>",
                clipId(), LEFT, top - 2, WIDTH - LEFT - RIGHT, plotHeight + 4));
        b.append("<g clip-path=\"url(#").append(clipId()).append(")\">");
        for (Line l : lines) {
            for (Line part : leadIn.split(l)) {
                b.append(path(part, sx, sy, yr[0]));
            }
        }
        b.append("</g>");
        if (lane && !lines.isEmpty()) {
            b.append(String.format(Locale.ROOT, "<text class=\"name\" x=\"%d\" y=\"%d\">%s</text>", LEFT + 8, top + 15,
                    Html.esc(lines.get(0).name())));
        }
        int y = top + plotHeight + axis + 4;
        for (String row : legend) {
            b.append(String.format(Locale.ROOT, "<g transform=\"translate(%d,%d)\">%s</g>", LEFT, y, row));
            y += Legend.ROW;
        }
        return b.append("</svg>").toString();
    }

    private String clipId() {
        return "clip-" + id;
    }

    private double[] xRange() {
        if (!Double.isNaN(xMin)) {
            return new double[] {xMin, xMax > xMin ? xMax : xMin + 1};
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Line l : lines) {
            for (int i = 0; i < l.series().size(); i++) {
                double x = l.series().x(i) + l.xOffset();
                if (xAxis == XAxis.LOG_HERTZ && x <= 0) {
                    continue;
                }
                lo = Math.min(lo, x);
                hi = Math.max(hi, x);
            }
        }
        if (xAxis == XAxis.LOG_HERTZ) {
            lo = Double.isFinite(lo) ? Math.max(lo, 10) : 20;
            hi = Double.isFinite(hi) && hi > lo * 2 ? hi : lo * 1000;
            return new double[] {lo, hi};
        }
        lo = Double.isFinite(lo) ? Math.min(lo, 0) : 0;
        return new double[] {lo, Double.isFinite(hi) && hi > lo ? hi : lo + 1};
    }

    private double[] yRange() {
        if (!Double.isNaN(yLo)) {
            return new double[] {yLo, yHi};
        }
        double hi = Double.NEGATIVE_INFINITY;
        double lo = Double.POSITIVE_INFINITY;
        for (Line l : lines) {
            for (int i = 0; i < l.series().size(); i++) {
                double y = l.series().y(i);
                if (Double.isFinite(y)) {
                    hi = Math.max(hi, y);
                    lo = Math.min(lo, y);
                }
            }
        }
        if (!Double.isFinite(hi)) {
            return new double[] {yFloor, yCeiling};
        }
        double step = Ticks.step(Math.max(hi - Math.max(lo, yFloor), 1), 6);
        double top = Math.min(yCeiling, Math.ceil((hi + step * 0.05) / step) * step);
        double bottom = Math.max(yFloor, Math.floor(lo / step) * step);
        if (top <= bottom) {
            top = bottom + step;
        }
        return new double[] {bottom, top};
    }

    private void grid(StringBuilder b, Scale sx, Scale sy, double[] yr) {
        int bottom = top + plotHeight;
        b.append("<g class=\"grid\">");
        for (double t : Ticks.linear(yr[0], yr[1], lane ? 2 : 6)) {
            double y = sy.map(t);
            b.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\"/>", LEFT, WIDTH - RIGHT, y, y));
            b.append(String.format(Locale.ROOT, "<text class=\"ty\" x=\"%d\" y=\"%.1f\">%s</text>", LEFT - 6, y + 4,
                    Html.esc(Html.num(t))));
        }
        List<Double> xt = xAxis == XAxis.LOG_HERTZ ? Ticks.logHertz(sx.lo, sx.hi) : Ticks.linear(sx.lo, sx.hi, 10);
        for (double t : xt) {
            double x = sx.map(t);
            b.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\" y2=\"%d\"/>", x, x, top, bottom));
            if (!xLabels) {
                continue;
            }
            String word = xAxis == XAxis.LOG_HERTZ ? Html.hz(t) : Html.time(t);
            b.append(String.format(Locale.ROOT, "<text class=\"tx\" x=\"%.1f\" y=\"%d\">%s</text>", x, bottom + 16,
                    Html.esc(word)));
        }
        b.append("</g>");
        b.append(String.format(Locale.ROOT, "<rect class=\"frame\" x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\"/>",
                LEFT, top, WIDTH - LEFT - RIGHT, plotHeight));
        String xName = xAxis == XAxis.LOG_HERTZ ? "frequency (Hz, log)" : "time";
        if (xLabels) {
            b.append(String.format(Locale.ROOT, "<text class=\"axis\" x=\"%d\" y=\"%d\">%s</text>",
                    WIDTH - RIGHT, bottom + 32, xName));
        }
        if (!yUnit.isEmpty()) {
            b.append(String.format(Locale.ROOT,
                    "<text class=\"axis\" transform=\"rotate(-90)\" x=\"%d\" y=\"14\">%s</text>", -top, Html.esc(yUnit)));
        }
    }

    /**
     * The polyline, at most one point per pixel column (the highest y of the column); in a lane,
     * each unbroken run is also filled down to the floor.
     */
    private String path(Line l, Scale sx, Scale sy, double floor) {
        StringBuilder d = new StringBuilder();
        StringBuilder area = new StringBuilder();
        Series s = l.series();
        long column = Long.MIN_VALUE;
        long last = 0;
        double best = Double.NaN;
        boolean pen = false;
        String base = String.format(Locale.ROOT, "%.1f", sy.map(floor));
        for (int i = 0; i <= s.size(); i++) {
            long c = Long.MAX_VALUE;
            double y = Double.NaN;
            if (i < s.size()) {
                double x = s.x(i) + l.xOffset();
                if (xAxis == XAxis.LOG_HERTZ && x <= 0) {
                    continue;
                }
                c = Math.round(sx.map(x));
                y = s.y(i);
            }
            if (c != column && column != Long.MIN_VALUE) {
                if (Double.isNaN(best)) {
                    close(area, pen, last, base);
                    pen = false;
                } else {
                    String py = String.format(Locale.ROOT, "%.1f", sy.map(Math.max(best, floor)));
                    d.append(pen ? 'L' : 'M').append(column).append(' ').append(py);
                    if (!pen) {
                        area.append('M').append(column).append(' ').append(base);
                    }
                    area.append('L').append(column).append(' ').append(py);
                    last = column;
                    pen = true;
                }
                best = Double.NaN;
            }
            column = c;
            if (!Double.isNaN(y)) {
                best = Double.isNaN(best) ? y : Math.max(best, y);
            }
        }
        close(area, pen, last, base);
        if (d.length() == 0) {
            return "";
        }
        String fill = lane && !l.emphasis()
                ? "<path stroke=\"none\" fill-opacity=\"0.22\" fill=\"" + Legend.colour(l) + "\" d=\"" + area + "\"/>"
                : lane ? "<path stroke=\"none\" fill-opacity=\"0.12\" fill=\"" + Legend.EMPHASIS + "\" d=\"" + area + "\"/>" : "";
        return fill + "<path fill=\"none\" stroke-linejoin=\"round\" " + Legend.stroke(l) + " d=\"" + d + "\"/>";
    }

    private static void close(StringBuilder area, boolean pen, long last, String base) {
        if (pen) {
            area.append('L').append(last).append(' ').append(base).append('Z');
        }
    }

    /** A map from data to pixels, linear or logarithmic. */
    record Scale(double lo, double hi, double from, double to, boolean log) {
        static Scale linear(double lo, double hi, double from, double to) {
            return new Scale(lo, hi, from, to, false);
        }

        static Scale log(double lo, double hi, double from, double to) {
            return new Scale(lo, hi, from, to, true);
        }

        double map(double v) {
            double t = log ? Math.log(v / lo) / Math.log(hi / lo) : (v - lo) / (hi - lo);
            return from + t * (to - from);
        }
    }
}
