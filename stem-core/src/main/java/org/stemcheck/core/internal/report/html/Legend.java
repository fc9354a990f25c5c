package org.stemcheck.core.internal.report.html;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.stemcheck.core.Plots.Series;
import org.stemcheck.core.internal.report.html.SvgChart.Line;

/**
 * How the lines of a {@link SvgChart} are told apart (palette colours, dash patterns, the black of
 * an emphasised series, the dots of a lead-in) and the legend that names them, in rows below the
 * plot.
 */
final class Legend {

    /**
     * Colours of the Okabe-Ito palette (Okabe and Ito 2008, "Color Universal Design"), told apart
     * by readers with any common colour-vision deficiency; its yellow is left out (too faint on
     * white paper) and its black is kept for the emphasised series.
     */
    static final String[] COLOURS = {"#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9"};

    /** Dash patterns, cycled after the colours, so that lines stay apart in greyscale print too. */
    static final String[] DASHES = {"", "7 3", "2 2.5", "9 3 2 3"};

    static final String EMPHASIS = "#000000";

    /**
     * A neutral grey, apart from every file's colour, for a series that is no file's (the whole
     * null residual, the part no stem accounts for); style index {@link #NEUTRAL}.
     */
    static final String NEUTRAL_COLOUR = "#6B7580";
    static final int NEUTRAL = -1;

    /** The dots of a lead-in (see {@link LeadIn}): apart from every dash pattern above. */
    static final String LEAD_IN_DASH = "1.5 3";

    /** The height of one row of the legend, px. */
    static final int ROW = 20;

    private Legend() {
    }

    /** The stroke attributes of a line (and of its legend entry): colour, width, dashes. */
    static String stroke(Line l) {
        if (l.leadIn()) {
            String colour = l.emphasis() ? EMPHASIS : colour(l);
            return "stroke=\"" + colour + "\" stroke-width=\"" + (l.emphasis() ? "2.6" : "2")
                    + "\" stroke-linecap=\"round\" stroke-dasharray=\"" + LEAD_IN_DASH + "\"";
        }
        if (l.emphasis()) {
            String dash = DASHES[l.style() % DASHES.length];
            return "stroke=\"" + EMPHASIS + "\" stroke-width=\"2.6\""
                    + (dash.isEmpty() ? "" : " stroke-dasharray=\"" + dash + "\"");
        }
        if (l.style() == NEUTRAL) {
            return "stroke=\"" + NEUTRAL_COLOUR + "\" stroke-width=\"2\"";
        }
        String dash = DASHES[(l.style() / COLOURS.length) % DASHES.length];
        return "stroke=\"" + COLOURS[l.style() % COLOURS.length] + "\" stroke-width=\"1.8\""
                + (dash.isEmpty() ? "" : " stroke-dasharray=\"" + dash + "\"");
    }

    /** A line's palette colour (the neutral grey for no file's series), also the fill of a lane. */
    static String colour(Line l) {
        return l.style() == NEUTRAL ? NEUTRAL_COLOUR : COLOURS[l.style() % COLOURS.length];
    }

    /**
     * The legend's rows, each as SVG to place at the plot's left edge: one entry per line (a name
     * over 60 characters is cut), then one for a lead-in's dots, wrapped to {@code usable} px.
     */
    static List<String> rows(List<Line> lines, LeadIn leadIn, int usable) {
        List<String> rows = new ArrayList<>();
        StringBuilder row = new StringBuilder();
        int x = 0;
        for (Line l : lines) {
            String name = l.name().length() > 60 ? l.name().substring(0, 57) + "..." : l.name();
            int w = 34 + (int) Math.ceil(name.length() * 7.2) + 22;
            if (x > 0 && x + w > usable) {
                rows.add(row.toString());
                row.setLength(0);
                x = 0;
            }
            row.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"0\" y2=\"0\" %s/>", x, x + 26, stroke(l)));
            row.append(String.format(Locale.ROOT, "<text class=\"lg\" x=\"%d\" y=\"4\">%s</text>", x + 32, Html.esc(name)));
            x += w;
        }
        if (leadIn.active() && !leadIn.legend().isEmpty()) {
            int w = 34 + (int) Math.ceil(leadIn.legend().length() * 7.2) + 22;
            if (x > 0 && x + w > usable) {
                rows.add(row.toString());
                row.setLength(0);
                x = 0;
            }
            row.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"0\" y2=\"0\" %s/>", x, x + 26,
                    stroke(new Line("", Series.of(new double[0], new double[0]), 0, 0, true, true))));
            row.append(String.format(Locale.ROOT, "<text class=\"lg\" x=\"%d\" y=\"4\">%s</text>", x + 32,
                    Html.esc(leadIn.legend())));
            x += w;
        }
        if (x > 0) {
            rows.add(row.toString());
        }
        return rows;
    }
}
