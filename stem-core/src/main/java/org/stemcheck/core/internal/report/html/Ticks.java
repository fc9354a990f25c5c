package org.stemcheck.core.internal.report.html;

import java.util.ArrayList;
import java.util.List;

/** Round tick positions: 1, 2 or 5 times a power of ten on a linear axis; 1-2-5 per decade on a log axis. */
final class Ticks {

    private Ticks() {
    }

    /** A round step that cuts {@code span} into about {@code count} parts. */
    static double step(double span, int count) {
        double raw = span / Math.max(1, count);
        double p = Math.pow(10, Math.floor(Math.log10(raw)));
        double m = raw / p;
        return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * p;
    }

    /** Round values in {@code [lo, hi]}, about {@code count} of them. */
    static List<Double> linear(double lo, double hi, int count) {
        List<Double> out = new ArrayList<>();
        if (!(hi > lo)) {
            return out;
        }
        double step = step(hi - lo, count);
        for (long k = (long) Math.ceil(lo / step - 1e-9); k * step <= hi + step * 1e-9; k++) {
            out.add(k * step);
        }
        return out;
    }

    /** 1, 2 and 5 times each power of ten in {@code [lo, hi]} (Hz). */
    static List<Double> logHertz(double lo, double hi) {
        List<Double> out = new ArrayList<>();
        for (double decade = Math.pow(10, Math.floor(Math.log10(lo))); decade <= hi; decade *= 10) {
            for (int m : new int[] {1, 2, 5}) {
                double v = m * decade;
                if (v >= lo * 0.999 && v <= hi * 1.001) {
                    out.add(v);
                }
            }
        }
        return out;
    }
}
