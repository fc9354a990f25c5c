package org.stemcheck.core.internal.analysis;

import org.stemcheck.core.CheckContext;
import org.stemcheck.core.Measurement;
import org.stemcheck.core.file.StemFile;

/** Whether a file holds music at all, from its sample peak. */
public final class Silence {

    /**
     * A stem whose sample peak stays below -70 dBFS holds no music: 14 dB above the peaks of 16-bit
     * TPDF dither (-84 dBFS, see {@code LevelTimeline.DEFAULT_SILENCE_DBFS}), far below any sounding stem.
     */
    public static final double SILENT_PEAK_DBFS = -70.0;

    private Silence() {
    }

    /** True when the file was measured and holds no music (peak below {@link #SILENT_PEAK_DBFS}). */
    public static boolean silent(CheckContext ctx, StemFile f) {
        return ctx.measurement(f, Measurement.SAMPLE_STATS).map(s -> !(s.peakDbfs() >= SILENT_PEAK_DBFS)).orElse(false);
    }
}
