package org.stemcheck.core.internal.checks.mix;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.stemcheck.core.CheckContext;
import org.stemcheck.core.Finding;
import org.stemcheck.core.file.StemFile;
import org.stemcheck.core.nulltest.Drift;
import org.stemcheck.core.nulltest.NullTestResult;
import org.stemcheck.core.nulltest.StemComparison;

/**
 * {@code mix.drift}: a stem whose offset against the mix changes along the song (its clock or
 * sample rate differs from the session's), in ppm and in milliseconds at the end. A stem that was
 * in place at the start gets no {@code mix.offset} nor {@code mix.gain} beside it
 * ({@link MixCheck#onlyDrifts}).
 */
final class DriftCheck extends MixCheck {

    DriftCheck() {
        super("mix.drift", "no stem drifts against the mix along the song");
    }

    @Override
    List<Finding> judge(CheckContext ctx, NullTestResult r) {
        List<Finding> out = new ArrayList<>();
        int rate = r.sampleRate();
        double duration = (double) r.frames() / rate;
        for (StemComparison s : r.stems()) {
            if (!drifts(r, s)) {
                continue;
            }
            Drift d = s.drift().orElseThrow();
            double change = d.lateSamples() - d.earlySamples();
            StemFile f = s.file();
            double ppm = d.ppm(rate);
            double endMs = ppm * 1e-6 * duration * 1000.0;
            out.add(Finding.error(id(), String.format(Locale.ROOT,
                            "%s drifts against the mix: %.1f ppm, %.2f ms %s by the end (%.1f samples between the"
                                    + " two halves of the song)", f.displayLabel(), Math.abs(ppm), Math.abs(endMs),
                            ppm > 0 ? "later" : "earlier", Math.abs(change)))
                    .withFiles(f.name())
                    .withMeasurement("drift_ppm", ppm)
                    .withMeasurement("drift_end_ms", endMs)
                    .withMeasurement("early_offset_samples", d.earlySamples())
                    .withMeasurement("late_offset_samples", d.lateSamples())
                    .withFix("re-export " + f.displayLabel() + " from the session at its own sample rate, with the"
                            + " interface locked to the session clock; do not convert it by ear"));
        }
        return out;
    }
}
