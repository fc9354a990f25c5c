package org.stemcheck.core.internal.checks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.stemcheck.core.CheckContext;
import org.stemcheck.core.Finding;
import org.stemcheck.core.Measurement;
import org.stemcheck.core.file.StemFile;
import org.stemcheck.dsp.LevelTimeline;

/**
 * {@code level.cut-tail}: a stem that ends while still sounding. Its last 100 ms are compared with
 * the stem's typical level (the median of its sounding 100 ms intervals) and with the 100 ms before
 * them: a tail that is still within {@value #NEAR_TYPICAL_DB} dB of the typical level and has not
 * fallen by {@value #DECAY_DB} dB over its last 100 ms was cut at export, not faded or run out.
 * Truncated files are left to {@code format.truncated}, which explains their end. Levels are read
 * without the channels' DC offset ({@code level.dc-offset} names that): a stem with a DC offset of
 * 0.02 ends "at -34 dBFS" however silent its music (the generated songs' bass with DC read
 * "ends while still sounding").
 */
final class CutTailCheck extends BaseCheck {

    /**
     * A tail within 20 dB of the stem's typical level still sounds: a natural ending (note release,
     * reverb tail or fade) has fallen further by its last 100 ms (the dev101 stems, which end with
     * a 0.5 s fade, measure 26 to 38 dB).
     */
    static final double NEAR_TYPICAL_DB = 20.0;

    /**
     * A tail falling less than 10 dB in its last 100 ms is not decaying fast enough to end there:
     * 10 dB per 100 ms is a 0.6 s reverberation time (RT60), the short end of rooms and plates.
     */
    static final double DECAY_DB = 10.0;

    /** Intervals needed to tell a typical level from the tail: 3 (300 ms at 100 ms). */
    static final int MIN_POINTS = 3;

    CutTailCheck() {
        super("level.cut-tail", "no stem ends while still sounding (cut tails)");
    }

    @Override
    public Set<Measurement<?>> needs() {
        return Set.of(Measurement.SAMPLE_STATS, Measurement.TIMELINE);
    }

    @Override
    public List<Finding> run(CheckContext ctx) {
        List<Finding> out = new ArrayList<>();
        for (StemFile f : ctx.readableStems()) {
            if (Measured.silent(ctx, f) || f.truncation().isPresent()) {
                continue;
            }
            // The DC's power, the mean over the channels of its square, taken out of every level.
            double dcPower = ctx.measurement(f, Measurement.SAMPLE_STATS)
                    .map(s -> s.channels().stream().mapToDouble(c -> c.dc() * c.dc()).average().orElse(0.0))
                    .orElse(0.0);
            ctx.measurement(f, Measurement.TIMELINE)
                    .ifPresent(t -> judge(f, t, dcPower, out));
        }
        return out;
    }

    private void judge(StemFile f, LevelTimeline.Result t, double dcPower, List<Finding> out) {
        int before = (int) (t.frames() / t.intervalFrames()) - 2;
        if (t.points() < MIN_POINTS || before < 0) {
            return;
        }
        double[] levels = levels(t, dcPower);
        double typical = typical(levels);
        double tail = 10 * Math.log10(Math.max(t.tailRms() * t.tailRms() - dcPower, SILENT_POWER));
        double decay = levels[before] - tail;
        if (Double.isNaN(typical) || !(tail >= typical - NEAR_TYPICAL_DB) || !(decay < DECAY_DB)) {
            return;
        }
        double end = f.durationSeconds();
        double start = Math.max(0, end - (double) t.intervalFrames() / Measured.rate(f));
        out.add(Finding.warning(id(), String.format(Locale.ROOT,
                        "%s ends while still sounding: its last 100 ms are at %s RMS, %s from its typical level"
                                + " (%s), and fall only %s; the tail was cut at export",
                        f.displayLabel(), Measured.dbfs(tail), Measured.db(tail - typical), Measured.dbfs(typical),
                        Measured.db(Math.max(0, decay))))
                .withFiles(f.name())
                .withMeasurement("tail_rms_dbfs", tail)
                .withMeasurement("typical_rms_dbfs", typical)
                .withMeasurement("tail_decay_db", decay)
                .withWhere(List.of(new Finding.Span(start, end)))
                .withFix("export " + f.displayLabel() + " again to the end of the song plus its longest tail"
                        + " (reverb, delay, note release); export every stem over the same range"));
    }

    /** Power under which a level is silence: -240 dBFS (the floor of {@code Db}). */
    private static final double SILENT_POWER = 1e-24;

    /** The RMS of each interval over all channels (power mean), without the channels' DC, in dBFS. */
    private static double[] levels(LevelTimeline.Result t, double dcPower) {
        float[][] rms = t.rms();
        double[] out = new double[t.points()];
        for (int i = 0; i < out.length; i++) {
            double sum = 0;
            for (float[] channel : rms) {
                sum += (double) channel[i] * channel[i];
            }
            out[i] = 10 * Math.log10(Math.max(sum / rms.length - dcPower, SILENT_POWER));
        }
        return out;
    }

    /** The median of the sounding intervals (above the timeline's silence threshold); NaN when none. */
    private static double typical(double[] levels) {
        double[] sounding = Arrays.stream(levels).filter(l -> l > LevelTimeline.DEFAULT_SILENCE_DBFS).sorted().toArray();
        return sounding.length == 0 ? Double.NaN : sounding[sounding.length / 2];
    }
}
