package org.stemcheck.core.internal.checks;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.stemcheck.core.CheckContext;
import org.stemcheck.core.Finding;
import org.stemcheck.core.Measurement;
import org.stemcheck.core.file.Role;
import org.stemcheck.core.file.StemFile;
import org.stemcheck.dsp.ClipRun;
import org.stemcheck.dsp.ClipRuns;
import org.stemcheck.io.AudioFormat;

/**
 * {@code level.clipping}: runs of samples at or beyond full scale. In an integer file a run of
 * the spec's {@code clipRunSamples} or more samples at the largest code (default
 * {@link org.stemcheck.core.DeliverySpec#CLIP_RUN_SAMPLES}, 3) is clipped audio (an error: the
 * waveform's tops are gone); in a float file samples above 1.0 are still there, so it is a warning
 * that says so: lower the gain instead of clipping. Mixdowns are judged too: a float mix that
 * peaks at +6 dBFS is clipped by the first fixed-point copy anyone makes of it.
 */
final class ClippingCheck extends BaseCheck {

    ClippingCheck() {
        super("level.clipping", "no stem or mix has clipped samples (runs at full scale)");
    }

    @Override
    public Set<Measurement<?>> needs() {
        return Set.of(Measurement.CLIP_RUNS);
    }

    @Override
    public List<Finding> run(CheckContext ctx) {
        long over = ctx.spec().levels().clipRunSamples();
        List<Finding> out = new ArrayList<>();
        List<StemFile> files = ctx.files().stream()
                .filter(f -> f.readable() && (f.role().isStem() || f.role() == Role.MIXDOWN)).toList();
        for (StemFile f : files) {
            ctx.measurement(f, Measurement.CLIP_RUNS)
                    .filter(r -> r.runs() > 0)
                    .ifPresent(r -> judge(f, r, over, out));
        }
        return out;
    }

    /**
     * True when this check reports the file: a float file over full scale, or an integer file with
     * a run of {@code over} samples.
     */
    static boolean reports(StemFile f, ClipRuns.Result r, long over) {
        if (r.runs() == 0) {
            return false;
        }
        return f.format().orElseThrow().isFloat() || r.longest().orElseThrow().length() >= over;
    }

    private void judge(StemFile f, ClipRuns.Result r, long over, List<Finding> out) {
        AudioFormat fmt = f.format().orElseThrow();
        ClipRun longest = r.longest().orElseThrow();
        double rate = fmt.sampleRate();
        String where = Measured.at(longest.startFrame() / rate);
        String label = f.role() == Role.MIXDOWN ? f.name() : f.displayLabel();
        Finding base;
        if (fmt.isFloat()) {
            base = Finding.warning(id(), String.format(Locale.ROOT,
                            "%s goes over 0 dBFS: %d samples above full scale in %d runs, the longest %d samples at %s;"
                                    + " recoverable in a float file, but a fixed-point conversion will clip them",
                            label, r.clippedSamples(), r.runs(), longest.length(), where))
                    .withFix("recoverable: lower the gain of " + label + " (or its master fader) and export again;"
                            + " do not clip");
        } else if (longest.length() >= over) {
            base = Finding.error(id(), String.format(Locale.ROOT,
                            "%s is clipped: %d runs at full scale, the longest %d samples (%.2f ms) at %s",
                            label, r.runs(), longest.length(), 1000.0 * longest.length() / rate, where))
                    .withFix("export " + label + " again with the clipping plug-in or the overloaded channel pulled"
                            + " down; leave at least 1 dB of headroom");
        } else {
            return;
        }
        out.add(base.withFiles(f.name())
                .withMeasurement("runs", r.runs())
                .withMeasurement("clipped_samples", r.clippedSamples())
                .withMeasurement("longest_run_samples", longest.length())
                .withMeasurement("longest_run_s", longest.startFrame() / rate)
                .withWhere(spans(f, r)));
    }

    /** The runs as spans, worst first, the same place on several channels once. */
    private static List<Finding.Span> spans(StemFile f, ClipRuns.Result r) {
        Set<Finding.Span> spans = new LinkedHashSet<>();
        for (ClipRun run : r.worst()) {
            spans.add(Measured.span(f, run.startFrame(), run.endFrame()));
        }
        return List.copyOf(spans);
    }
}
