package org.stemcheck.core.internal.checks.mix;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

import org.stemcheck.core.CheckContext;
import org.stemcheck.core.Finding;
import org.stemcheck.core.file.Role;
import org.stemcheck.core.file.StemFile;
import org.stemcheck.core.internal.diagnosis.Thresholds;
import org.stemcheck.core.nulltest.NullTestResult;
import org.stemcheck.core.nulltest.Offset;
import org.stemcheck.core.nulltest.StemComparison;

/**
 * {@code mix.offset}: a stem early or late against the mix, within the +/- 2 s search range, in
 * samples (to a fraction where it is under ten), milliseconds and beats (tempo from the names);
 * or the mix itself late against every stem (uncompensated latency on its bus), one finding on the
 * mix and the stems' offsets given against it.
 */
final class OffsetCheck extends MixCheck {

    /** Below this many samples the fraction matters (sub-sample comb filtering at high frequencies). */
    static final double FRACTION_BELOW = 10.0;

    /**
     * An FX return moved onto a place where it is not most of its own part of the mix
     * ({@link Thresholds#MIN_OWN_COHERENCE}): a delay or reverb return correlates with its dry
     * sources at its delay time, and against a limited mix that peak can win (a ping-pong delay
     * read "0.75 beats late": its own delay time). Moved truly back, a return is its own part again.
     */
    private static boolean echoOfItsSources(StemComparison s) {
        return s.file().role() == Role.FX && s.ownCoherence() < Thresholds.MIN_OWN_COHERENCE;
    }

    /**
     * A mix late by up to this much against every stem may be a plug-in's latency on the master
     * (look-ahead limiters hold 1 to 10 ms, linear-phase EQs up to about 100 ms at their finest
     * resolution); later, or early, it is another export start (a bar of pre-roll, a mix
     * bounced from another marker).
     */
    static final double PLUGIN_LATENCY_MS = 100.0;

    OffsetCheck() {
        super("mix.offset", "every stem starts where it sits in the mix");
    }

    @Override
    List<Finding> judge(CheckContext ctx, NullTestResult r) {
        List<Finding> out = new ArrayList<>();
        int rate = r.sampleRate();
        double latency = r.mixBus().latencySamples();
        if (latency != 0) {
            double ms = 1000.0 * latency / rate;
            boolean plugin = latency > 0 && ms <= PLUGIN_LATENCY_MS;
            out.add(Finding.error(id(), String.format(Locale.ROOT, "%s is %d samples (%.1f ms) %s against every stem: %s",
                            r.mix().name(), Math.abs(Math.round(latency)), Math.abs(ms), latency > 0 ? "late" : "early",
                            plugin ? "latency on the mix bus that was not compensated (a look-ahead limiter or"
                                    + " linear-phase EQ on the master), or an export from another start"
                                    : "the mix and the stems were exported from different start points"))
                    .withFiles(r.mix().name())
                    .withMeasurement("offset_samples", latency)
                    .withMeasurement("offset_ms", ms)
                    .withFix("export the mix again with the master's plug-in delay compensated (or bounce it with"
                            + " the stems from the same start point); the stems are in place"));
        }
        OptionalDouble bpm = r.stems().stream().map(s -> s.file().bpm()).filter(OptionalDouble::isPresent)
                .mapToDouble(OptionalDouble::getAsDouble).findFirst();
        for (StemComparison s : r.stems()) {
            Offset o = s.offset();
            if (!o.displaced() || otherVersion(r, s) || echoOfItsSources(s) || onlyDrifts(r, s)) {
                continue;
            }
            StemFile f = s.file();
            double ms = 1000.0 * o.samples() / rate;
            String samples = Math.abs(o.samples()) < FRACTION_BELOW
                    ? String.format(Locale.ROOT, "%.2f", Math.abs(o.samples()))
                    : String.format(Locale.ROOT, "%d", Math.abs(o.wholeSamples()));
            String beats = bpm.isPresent()
                    ? String.format(Locale.ROOT, ", %.2f beats at %.0f bpm", Math.abs(ms) * bpm.getAsDouble() / 60000.0,
                            bpm.getAsDouble()) : "";
            String when = o.samples() > 0 ? "late" : "early";
            // The one stem that sounds (a single stem, or the others silent) witnesses its own offset
            // only: the mix may as well be the one exported from another start.
            boolean alone = r.stems().stream().filter(c -> c.gain().identifiable()).count() == 1;
            Finding x = Finding.error(id(), String.format(Locale.ROOT, "%s is %s samples (%.1f ms%s) %s against the mix%s",
                            f.displayLabel(), samples, Math.abs(ms), beats, when,
                            alone ? String.format(Locale.ROOT, " (or %s is %s: %s is the only stem that sounds, so the two"
                                    + " cannot be told apart)", r.mix().name(), o.samples() > 0 ? "early" : "late",
                                    f.displayLabel()) : ""))
                    .withFiles(alone ? List.of(f.name(), r.mix().name()) : List.of(f.name()))
                    .withMeasurement("offset_samples", o.samples())
                    .withMeasurement("offset_ms", ms)
                    .withMeasurement("coherence", o.coherence())
                    .withFix(String.format(Locale.ROOT, "re-export %s from the same start point as the other stems"
                            + " (it is %s by %.1f ms)", f.displayLabel(), when, Math.abs(ms)));
            if (bpm.isPresent()) {
                x = x.withMeasurement("offset_beats", ms * bpm.getAsDouble() / 60000.0);
            }
            out.add(x);
        }
        return out;
    }
}
