package org.stemcheck.core.internal.checks;

import java.util.Locale;
import java.util.Optional;

import org.stemcheck.core.CheckContext;
import org.stemcheck.core.Finding;
import org.stemcheck.core.Measurement;
import org.stemcheck.core.StemFile;
import org.stemcheck.dsp.level.SampleStats;

/** What the measurement-based checks share: the silence test, spans in seconds, numbers in words. */
final class Measured {

    /**
     * A stem whose sample peak stays below -70 dBFS holds no music: 14 dB above the peaks of 16-bit
     * TPDF dither (-84 dBFS, see {@code LevelTimeline.DEFAULT_SILENCE_DBFS}), far below any sounding stem.
     */
    static final double SILENT_PEAK_DBFS = -70.0;

    private Measured() {
    }

    /** The file's sample statistics, where measured. */
    static Optional<SampleStats.Result> stats(CheckContext ctx, StemFile f) {
        return ctx.measurement(f, Measurement.SAMPLE_STATS, SampleStats.Result.class);
    }

    /** True when the file was measured and holds no music (peak below {@link #SILENT_PEAK_DBFS}). */
    static boolean silent(CheckContext ctx, StemFile f) {
        return stats(ctx, f).map(s -> !(s.peakDbfs() >= SILENT_PEAK_DBFS)).orElse(false);
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
