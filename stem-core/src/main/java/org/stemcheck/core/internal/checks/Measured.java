package org.stemcheck.core.internal.checks;

import java.util.Locale;
import java.util.Optional;

import org.stemcheck.core.CheckContext;
import org.stemcheck.core.Finding;
import org.stemcheck.core.Measurement;
import org.stemcheck.core.file.StemFile;
import org.stemcheck.core.internal.analysis.Silence;
import org.stemcheck.dsp.SampleStats;

/** What the measurement-based checks share: the silence test, spans in seconds, numbers in words. */
final class Measured {

    private Measured() {
    }

    /** The file's sample statistics, where measured. */
    static Optional<SampleStats.Result> stats(CheckContext ctx, StemFile f) {
        return ctx.measurement(f, Measurement.SAMPLE_STATS);
    }

    /**
     * True when the file was measured and holds no music: its sample peak is below the spec's
     * {@code silentPeakDbfs} (default {@link org.stemcheck.core.DeliverySpec#SILENT_PEAK_DBFS}, the
     * same as {@link Silence#SILENT_PEAK_DBFS}, which the mix diagnosis keeps).
     */
    static boolean silent(CheckContext ctx, StemFile f) {
        double below = ctx.spec().levels().silentPeakDbfs();
        return stats(ctx, f).map(s -> !(s.peakDbfs() >= below)).orElse(false);
    }

    /** The file's sample rate (files reaching a measurement check are readable). */
    static double rate(StemFile f) {
        return f.format().orElseThrow().sampleRate();
    }

    /** Frames {@code [start, end)} of {@code f} as a span in seconds. */
    static Finding.Span span(StemFile f, long start, long end) {
        double r = rate(f);
        return new Finding.Span(start / r, end / r);
    }

    /** {@code -3.2 dB}. */
    static String db(double v) {
        return String.format(Locale.ROOT, "%.1f dB", v);
    }

    /** {@code -3.2 dBFS}. */
    static String dbfs(double v) {
        return String.format(Locale.ROOT, "%.1f dBFS", v);
    }

    /** {@code 1.234 s}. */
    static String at(double seconds) {
        return String.format(Locale.ROOT, "%.3f s", seconds);
    }
}
