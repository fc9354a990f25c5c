package org.stemcheck.core.internal.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.stemcheck.core.file.ChannelLayout;
import org.stemcheck.core.CheckContext;
import org.stemcheck.core.Finding;
import org.stemcheck.core.Measurement;
import org.stemcheck.core.file.Role;
import org.stemcheck.core.file.StemFile;
import org.stemcheck.dsp.ChannelStats;
import org.stemcheck.dsp.SampleStats;
import org.stemcheck.dsp.Spectrum;
import org.stemcheck.dsp.WelchSpectrum;

/**
 * {@code content.layout} (warning): content in a channel the spec says a stem leaves empty:
 * dialogue in the LFE (the spec's {@code no_lfe}; the film preset names Dialogue), or, where a
 * recipient asks for it ({@code no_centre}, off by default), music in the centre. The channel is
 * found by the file's {@link ChannelLayout}; its level is given against the stem's loudest channel.
 * And in any stem or mix, a channel its layout takes for the LFE that is full range: the file's
 * channels are in another order than its mask or the spec's channel order says.
 */
final class LayoutContentCheck extends BaseCheck {

    /**
     * A channel whose RMS is more than 40 dB below the stem's loudest channel is left alone: that
     * is leakage, a reverb tail or noise, inaudible under the rest of the stem; a send someone set
     * on purpose or by mistake sits far above it (a typical LFE send is within 10-20 dB of the
     * source). No standard fixes the number; it is a judgement.
     */
    static final double RELATIVE_FLOOR_DB = -40.0;

    /**
     * An LFE carries the band below 120 Hz (ITU-R BS.775-3 Annex 7: the LFE channel's range is
     * 20-120 Hz; Dolby Digital encoders low-pass it at 120 Hz): an octave above that, 240 Hz,
     * leaves room for any filter slope, so a channel with most of its power above it is not an LFE.
     */
    static final double LFE_BAND_EDGE_HZ = 240.0;
    /** "Most of its power": an LFE channel with more than half its power above {@link #LFE_BAND_EDGE_HZ} is full range. */
    static final double FULL_RANGE_SHARE = 0.5;

    LayoutContentCheck() {
        super("content.layout", "no content where the spec keeps a channel of a stem empty (dialogue in the LFE)");
    }

    @Override
    public Set<Measurement<?>> needs() {
        return Set.of(Measurement.SAMPLE_STATS, Measurement.SPECTRUM);
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
            int before = out.size();
            if (SpecLabels.listed(noLfe, ctx.spec(), f)) {
                judge(ctx, f, layout, stats, "LFE", out);
            }
            boolean lfeJudged = out.size() > before;
            if (SpecLabels.listed(noCentre, ctx.spec(), f)) {
                judge(ctx, f, layout, stats, "C", out);
            }
            if (!lfeJudged) {
                fullRangeLfe(ctx, f, layout, stats).ifPresent(out::add);
            }
        }
        for (StemFile f : ctx.files(Role.MIXDOWN)) {
            ChannelLayout layout = f.layout().orElse(null);
            SampleStats.Result stats = f.readable() ? Measured.stats(ctx, f).orElse(null) : null;
            if (layout != null && stats != null && layout.channels() > 1 && stats.channels().size() == layout.channels()) {
                fullRangeLfe(ctx, f, layout, stats).ifPresent(out::add);
            }
        }
        return out;
    }

    /**
     * A channel the layout takes for the LFE that holds full-range sound: most of its power above
     * {@link #LFE_BAND_EDGE_HZ}. That is a surround or a front channel, so the file is in another
     * channel order than its layout says (a Pro Tools film-order file, L C R Ls Rs LFE, taken in
     * SMPTE order has its left surround where the LFE should be).
     */
    private Optional<Finding> fullRangeLfe(CheckContext ctx, StemFile f, ChannelLayout layout,
                                           SampleStats.Result stats) {
        int ch = layout.indexOf("LFE");
        if (ch < 0 || !(stats.channels().get(ch).peakDbfs() >= ctx.spec().levels().silentPeakDbfs())) {
            return Optional.empty();
        }
        WelchSpectrum.Result spectra = ctx.measurement(f, Measurement.SPECTRUM).orElse(null);
        if (spectra == null || spectra.channels().size() != layout.channels()) {
            return Optional.empty();
        }
        Spectrum s = spectra.channels().get(ch);
        if (s.segments() == 0) {
            return Optional.empty();
        }
        double total = 0;
        double above = 0;
        for (int k = 0; k < s.bins(); k++) {
            double p = Math.pow(10, s.powerDb(k) / 10);
            if (Double.isFinite(p)) {
                total += p;
                above += s.frequency(k) > LFE_BAND_EDGE_HZ ? p : 0;
            }
        }
        double share = total > 0 ? above / total : 0;
        if (!(share > FULL_RANGE_SHARE)) {
            return Optional.empty();
        }
        boolean masked = layout.mask() != 0;
        String how = masked
                ? String.format(Locale.ROOT, "its speaker mask 0x%X says channel %d is the LFE", layout.mask(), ch + 1)
                : "it has no speaker mask and is taken as " + layout.describe() + " (the spec's "
                        + ctx.spec().format().channelOrder() + " channel order)";
        String fix = masked
                ? "export " + f.displayLabel() + " again with the LFE in channel " + (ch + 1)
                        + ", or with a speaker mask that says where each channel is"
                : "if " + f.displayLabel() + " is in Pro Tools' film order (L C R Ls Rs LFE), say so in the spec"
                        + " (\"format\": {\"channel_order\": \"film\"}); otherwise export it again with a"
                        + " WAVE_FORMAT_EXTENSIBLE speaker mask";
        return Optional.of(Finding.warning(id(), String.format(Locale.ROOT, "%s: channel %d, which %s, is full"
                                + " range: %.0f%% of its power lies above %.0f Hz, where an LFE carries nothing (it"
                                + " holds the band below 120 Hz); the file's channels are likely in another order",
                        f.displayLabel(), ch + 1, masked ? "its mask calls the LFE" : "its layout takes for the LFE",
                        100 * share, LFE_BAND_EDGE_HZ) + "; " + how)
                .withFiles(f.name())
                .withMeasurement("channel", ch + 1)
                .withMeasurement("share_above_band", share)
                .withFix(fix));
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
