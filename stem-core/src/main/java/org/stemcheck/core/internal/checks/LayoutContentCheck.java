package org.stemcheck.core.internal.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.stemcheck.core.ChannelLayout;
import org.stemcheck.core.CheckContext;
import org.stemcheck.core.Finding;
import org.stemcheck.core.Measurement;
import org.stemcheck.core.StemFile;
import org.stemcheck.dsp.ChannelStats;
import org.stemcheck.dsp.SampleStats;

/**
 * {@code content.layout} (warning): content in a channel the spec says a stem leaves empty:
 * dialogue in the LFE (the spec's {@code no_lfe}; the film preset names Dialogue), or, where a
 * recipient asks for it ({@code no_centre}, off by default), music in the centre. The channel is
 * found by the file's {@link ChannelLayout}; its level is given against the stem's loudest channel.
 */
final class LayoutContentCheck extends BaseCheck {

    /**
     * A channel whose RMS is more than 40 dB below the stem's loudest channel is left alone: that
     * is leakage, a reverb tail or noise, inaudible under the rest of the stem; a send someone set
     * on purpose or by mistake sits far above it (a typical LFE send is within 10-20 dB of the
     * source). No standard fixes the number; it is a judgement.
     */
    static final double RELATIVE_FLOOR_DB = -40.0;

    LayoutContentCheck() {
        super("content.layout", "no content where the spec keeps a channel of a stem empty (dialogue in the LFE)");
    }

    @Override
    public Set<Measurement<?>> needs() {
        return Set.of(Measurement.SAMPLE_STATS);
    }

    @Override
    public List<Finding> run(CheckContext ctx) {
        Set<String> noLfe = ctx.spec().format().noLfe();
        Set<String> noCentre = ctx.spec().format().noCentre();
        List<Finding> out = new ArrayList<>();
        for (StemFile f : ctx.readableStems()) {
            ChannelLayout layout = f.layout().orElseThrow();
            if (layout.channels() < 2) {
                continue; // a mono stem has no LFE or centre of its own: where it goes is the mixer's pan
            }
            SampleStats.Result stats = Measured.stats(ctx, f).orElse(null);
            if (stats == null || stats.channels().size() != layout.channels()) {
                continue;
            }
            if (SpecLabels.listed(noLfe, ctx.spec(), f)) {
                judge(ctx, f, layout, stats, "LFE", out);
            }
            if (SpecLabels.listed(noCentre, ctx.spec(), f)) {
                judge(ctx, f, layout, stats, "C", out);
            }
        }
        return out;
    }

    private void judge(CheckContext ctx, StemFile f, ChannelLayout layout, SampleStats.Result stats, String speaker,
                       List<Finding> out) {
        int ch = layout.indexOf(speaker);
        if (ch < 0) {
            return;
        }
        int loudest = 0;
        for (int c = 1; c < stats.channels().size(); c++) {
            if (stats.channels().get(c).rms() > stats.channels().get(loudest).rms()) {
                loudest = c;
            }
        }
        ChannelStats there = stats.channels().get(ch);
        double relative = there.rmsDbfs() - stats.channels().get(loudest).rmsDbfs();
        double silent = ctx.spec().levels().silentPeakDbfs();
        if (!(there.peakDbfs() >= silent) || !(relative > RELATIVE_FLOOR_DB)) {
            return;
        }
        String stem = SpecLabels.specName(ctx.spec(), f);
        boolean lfe = speaker.equals("LFE");
        String where = lfe ? "the LFE channel" : "the centre channel";
        String level = ch == loudest ? "it is the stem's loudest channel"
                : String.format(Locale.ROOT, "%.1f dB relative to its loudest channel (%s)", relative,
                        layout.speakers().get(loudest));
        String why = lfe
                ? "the LFE carries low-frequency effects only: dialogue sent there booms in the subwoofer and is"
                        + " lost in any downmix that drops the LFE"
                : "the spec " + ctx.spec().name() + " keeps the centre for dialogue";
        out.add(Finding.warning(id(), String.format(Locale.ROOT, "%s has content in %s (channel %d): RMS %.1f dBFS,"
                                + " peak %.1f dBFS, %s; %s", f.displayLabel(), where, ch + 1, there.rmsDbfs(),
                        there.peakDbfs(), level, why))
                .withFiles(f.name())
                .withMeasurement("channel", ch + 1)
                .withMeasurement("rms_dbfs", there.rmsDbfs())
                .withMeasurement("peak_dbfs", there.peakDbfs())
                .withMeasurement("relative_db", relative)
                .withFix(lfe
                        ? "remove the LFE send from the " + stem.toLowerCase(Locale.ROOT) + " tracks and bus, then"
                                + " print " + f.displayLabel() + " again"
                        : "pan the " + stem.toLowerCase(Locale.ROOT) + " out of the centre (or divergence to L/R)"
                                + " and print " + f.displayLabel() + " again, or confirm with the recipient"));
    }
}
