package org.stemcheck.core.internal.report.html;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.stemcheck.core.Plots.Series;
import org.stemcheck.core.internal.report.html.SvgChart.Line;
import org.stemcheck.core.internal.report.html.SvgChart.Scale;

/**
 * The stretch of a chart up to {@code untilX} where each line is another measure of the same thing
 * (the momentary loudness before the short-term window is full): drawn dotted in the line's own
 * colour ({@link Legend#LEAD_IN_DASH}) over a shaded band named {@code label}; {@code legend} is
 * the one legend entry that says what the dots are. {@link #NONE} (an {@code untilX} of
 * {@code NaN}) draws nothing.
 */
record LeadIn(double untilX, String label, String legend) {

    /** No lead-in. */
    static final LeadIn NONE = new LeadIn(Double.NaN, "", "");

    /** Whether there is a lead-in to draw. */
    boolean active() {
        return !Double.isNaN(untilX);
    }

    /** The shaded stretch, up to {@code until} (the lead-in's end or the x range's), named at its foot (lines run high more often than low). */
    void band(StringBuilder b, Scale sx, double until, int top, int plotHeight) {
        double x0 = sx.map(sx.lo());
        double x1 = sx.map(Math.max(sx.lo(), until));
        b.append(String.format(Locale.ROOT, "<rect class=\"leadin\" x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\"/>",
                x0, top, x1 - x0, plotHeight));
        b.append(String.format(Locale.ROOT, "<text class=\"leadin-label\" x=\"%.1f\" y=\"%d\">%s</text>", x0 + 6,
                top + plotHeight - 6, Html.esc(label)));
    }

    /**
     * A line as drawn: whole, or with its points up to {@link #untilX} as a dotted part (through
     * the first point after, so the two parts join) and the rest as the line itself.
     */
    List<Line> split(Line l) {
        Series s = l.series();
        if (!active() || s.size() == 0 || s.x(0) + l.xOffset() >= untilX) {
            return List.of(l);
        }
        int n = 0;
        while (n < s.size() && s.x(n) + l.xOffset() < untilX) {
            n++;
        }
        int head = Math.min(s.size(), n + 1);
        Series first = Series.of(Arrays.copyOf(s.x(), head), Arrays.copyOf(s.y(), head));
        Line dotted = new Line(l.name(), first, l.xOffset(), l.style(), l.emphasis(), true);
        if (n == s.size()) {
            return List.of(dotted);
        }
        Series rest = Series.of(Arrays.copyOfRange(s.x(), n, s.size()), Arrays.copyOfRange(s.y(), n, s.size()));
        return List.of(dotted, new Line(l.name(), rest, l.xOffset(), l.style(), l.emphasis()));
    }
}
