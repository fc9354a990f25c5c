package org.stemcheck.core.internal.report.html;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

import org.stemcheck.core.internal.report.Visible;

/** Escaping and number words shared by the HTML page and its SVG plots. */
final class Html {

    /** Shown where a value was not measured or does not apply. */
    static final String NONE = "\u2014";

    private Html() {
    }

    /**
     * Text safe inside an element or a double- or single-quoted attribute, in HTML and in SVG;
     * control characters shown as escapes ({@link Visible}).
     */
    static String esc(String raw) {
        String s = Visible.of(raw);
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /** Escaped text that may wrap after an underscore, a dash or a dot (long file names in narrow cells). */
    static String breakable(String s) {
        return esc(s).replaceAll("([_.\\-])", "$1<wbr>");
    }

    /** A number with at most 4 significant digits and no trailing zeros; {@link #NONE} when not finite. */
    static String num(double v) {
        if (!Double.isFinite(v)) {
            return NONE;
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e12) {
            return String.format(Locale.ROOT, "%d", (long) v);
        }
        String s = new BigDecimal(v).round(new MathContext(4)).stripTrailingZeros().toPlainString();
        return s.startsWith("-") ? "\u2212" + s.substring(1) : s;
    }

    /** A number with a fixed count of decimals and a unit; {@link #NONE} when absent or not finite. */
    static String fixed(Double v, int decimals, String unit) {
        if (v == null || !Double.isFinite(v)) {
            return NONE;
        }
        String s = String.format(Locale.ROOT, "%." + decimals + "f", v);
        if (s.startsWith("-")) {
            s = "\u2212" + s.substring(1);
        }
        return unit.isEmpty() ? s : s + "\u00a0" + unit;
    }

    /** Seconds for an axis or a span: {@code 1.25 s}, {@code 2:05.0} past a minute. */
    static String time(double s) {
        if (Math.abs(s) < 60) {
            return num(Math.round(s * 1000) / 1000.0) + "\u00a0s";
        }
        long m = (long) Math.floor(s / 60);
        return String.format(Locale.ROOT, "%d:%04.1f", m, s - 60 * m);
    }

    /** A frequency for an axis: {@code 50 Hz}, {@code 2k}, {@code 20k}. */
    static String hz(double f) {
        return f >= 1000 ? num(f / 1000) + "k" : num(f);
    }
}
