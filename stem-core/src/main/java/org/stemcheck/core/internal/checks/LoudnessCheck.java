package org.stemcheck.core.internal.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.stemcheck.core.CheckContext;
import org.stemcheck.core.spec.DeliverySpec;
import org.stemcheck.core.Finding;
import org.stemcheck.core.Measurement;
import org.stemcheck.core.file.Role;
import org.stemcheck.core.file.StemFile;
import org.stemcheck.dsp.LoudnessResult;
import org.stemcheck.core.spec.Loudness;

/**
 * {@code level.loudness}: the integrated loudness (ITU-R BS.1770-4, gated) of the files the spec's
 * loudness target applies to (the mixdown or printmaster, or every stem) outside the target plus
 * or minus its tolerance: an error naming both numbers and how far off. Without a mix the target
 * cannot be checked: the stems' plain sum is not the mix (its bus processing and master fader are
 * not in the stems), so an info says so rather than guessing. Nothing without a target.
 */
final class LoudnessCheck extends BaseCheck {

    /**
     * Loudness is shown to 0.1 LU, as BS.1770 meters display it; a reading must pass the tolerance
     * by more than half of that, so that "-23.5 LUFS" is never reported as outside "-23.0 +-0.5".
     */
    static final double MARGIN_LU = 0.05;

    /** BS.1770-4's absolute gate: blocks below -70 LUFS do not count; a file with none is silent to the meter. */
    static final double ABSOLUTE_GATE_LUFS = -70.0;

    LoudnessCheck() {
        super("level.loudness", "the mix meets the spec's integrated loudness target");
    }

    @Override
    public Set<Measurement<?>> needs() {
        return Set.of(Measurement.LOUDNESS);
    }

    @Override
    public List<Finding> run(CheckContext ctx) {
        Loudness l = ctx.spec().loudness();
        if (l.targetLufs().isEmpty()) {
            return List.of();
        }
        boolean mix = l.appliesTo() == Loudness.Scope.MIX;
        List<StemFile> files = mix
                ? ctx.files(Role.MIXDOWN).stream().filter(StemFile::readable).toList()
                : ctx.readableStems();
        if (files.isEmpty()) {
            return mix ? List.of(noMix(ctx, l)) : List.of();
        }
        List<Finding> out = new ArrayList<>();
        if (l.gating() == Loudness.Gating.DIALOGUE) {
            for (StemFile f : files) {
                ctx.measurement(f, Measurement.LOUDNESS).ifPresent(r -> dialogueGated(ctx, f, r, l, out));
            }
            return out;
        }
        for (StemFile f : files) {
            ctx.measurement(f, Measurement.LOUDNESS).ifPresent(r -> judge(ctx, f, r, l, out));
        }
        return out;
    }

    /**
     * Dialogue-gated: the mix over the blocks in which a dialogue stem is active
     * ({@link DialogueGating}). Without a dialogue stem, or with one that never speaks, the
     * loudness cannot be measured this way: a warning says so (never a silent fall back to the
     * programme's loudness, which can stand several LU from the dialogue's).
     */
    private void dialogueGated(CheckContext ctx, StemFile f, LoudnessResult r, Loudness l, List<Finding> out) {
        double target = l.targetLufs().getAsDouble();
        double tol = l.toleranceLu();
        String asks = String.format(Locale.ROOT, "the spec %s asks %.1f +-%.1f LUFS dialogue-gated", ctx.spec().name(),
                target, tol);
        List<StemFile> dialogue = ctx.readableStems().stream().filter(s -> isDialogue(ctx, s)).toList();
        List<LoudnessResult> measured = new ArrayList<>();
        for (StemFile d : dialogue) {
            ctx.measurement(d, Measurement.LOUDNESS).ifPresent(measured::add);
        }
        String programme = Double.isFinite(r.integratedLufs())
                ? String.format(Locale.ROOT, " (its programme loudness is %.1f LUFS)", r.integratedLufs()) : "";
        if (measured.isEmpty()) {
            out.add(Finding.warning(id(), String.format(Locale.ROOT, "%s: %s, and the delivery has no dialogue stem"
                                    + " to find the dialogue by: the dialogue-gated loudness cannot be measured%s",
                            f.name(), asks, programme))
                    .withFiles(f.name())
                    .withMeasurement("target_lufs", target)
                    .withMeasurement("tolerance_lu", tol)
                    .withFix("add the dialogue stem (Dialogue, DX) to the delivery, or measure the printmaster with a"
                            + " speech-gated meter"));
            return;
        }
        DialogueGating.Result g = DialogueGating.of(r, measured);
        String names = String.join(", ", dialogue.stream().map(StemFile::displayLabel).toList());
        if (g.dialogueBlocks() == 0 || !Double.isFinite(g.lufs())) {
            out.add(Finding.warning(id(), String.format(Locale.ROOT, "%s: %s, and %s is never active in it: the"
                                    + " dialogue-gated loudness cannot be measured%s", f.name(), asks, names, programme))
                    .withFiles(f.name(), dialogue.get(0).name())
                    .withMeasurement("target_lufs", target)
                    .withMeasurement("tolerance_lu", tol)
                    .withMeasurement("dialogue_share", 0.0)
                    .withFix("check that the dialogue stem is the right file and not silent"));
            return;
        }
        double off = g.lufs() - target;
        String measuredText = String.format(Locale.ROOT, "%s is %.1f LUFS dialogue-gated (over the %.0f%% of the"
                + " programme in which %s is active)", f.name(), g.lufs(), 100 * g.share(), names);
        Finding base;
        if (Math.abs(off) <= tol + MARGIN_LU) {
            base = Finding.info(id(), measuredText + "; " + asks + ": met");
        } else {
            boolean loud = off > 0;
            base = Finding.error(id(), String.format(Locale.ROOT, "%s; %s: %.1f LU too %s", measuredText, asks,
                            Math.abs(off), loud ? "loud" : "quiet"))
                    .withFix(String.format(Locale.ROOT, "%s the printmaster by %.1f dB (the dialogue to %.1f LUFS)"
                            + " and print it again", loud ? "turn down" : "bring up", Math.abs(off), target));
        }
        List<String> files = new ArrayList<>();
        files.add(f.name());
        dialogue.forEach(d -> files.add(d.name()));
        out.add(base.withFiles(files.toArray(String[]::new))
                .withMeasurement("dialogue_gated_lufs", g.lufs())
                .withMeasurement("integrated_lufs", r.integratedLufs())
                .withMeasurement("dialogue_share", g.share())
                .withMeasurement("target_lufs", target)
                .withMeasurement("tolerance_lu", tol)
                .withMeasurement("difference_lu", off));
    }

    /** A dialogue stem: the spec's expected stem named Dialogue (by label or pattern), or a label that says so. */
    private static boolean isDialogue(CheckContext ctx, StemFile f) {
        return SpecLabels.specName(ctx.spec(), f).equalsIgnoreCase("dialogue")
                || DIALOGUE_LABEL.matcher(f.displayLabel()).find();
    }

    /** Labels that name dialogue on their own, as the film preset's pattern does (Dialogue, Dialog, DX, Dial). */
    private static final java.util.regex.Pattern DIALOGUE_LABEL =
            java.util.regex.Pattern.compile("(?i)(^|[^a-z])(dialog(ue)?|dx|dial)([^a-z]|$)");

    private void judge(CheckContext ctx, StemFile f, LoudnessResult r, Loudness l, List<Finding> out) {
        double target = l.targetLufs().getAsDouble();
        double tol = l.toleranceLu();
        double lufs = r.integratedLufs();
        String who = f.role() == Role.MIXDOWN ? f.name() : f.displayLabel();
        String asks = String.format(Locale.ROOT, "the spec %s asks %.1f +-%.1f LUFS", ctx.spec().name(), target, tol);
        if (Double.isNaN(lufs)) {
            out.add(Finding.info(id(), String.format(Locale.ROOT, "%s is too short for an integrated loudness"
                            + " (under 400 ms); %s: not checked", who, asks))
                    .withFiles(f.name())
                    .withMeasurement("target_lufs", target)
                    .withMeasurement("tolerance_lu", tol));
            return;
        }
        if (lufs == Double.NEGATIVE_INFINITY) {
            out.add(Finding.error(id(), String.format(Locale.ROOT, "%s is silent to a loudness meter (no 400 ms"
                            + " block above the %.0f LUFS gate); %s", who, ABSOLUTE_GATE_LUFS, asks))
                    .withFiles(f.name())
                    .withMeasurement("target_lufs", target)
                    .withMeasurement("tolerance_lu", tol)
                    .withFix("export " + who + " again from the session; check that it is not muted"));
            return;
        }
        double off = lufs - target;
        if (Math.abs(off) <= tol + MARGIN_LU) {
            return;
        }
        boolean loud = off > 0;
        String msg = String.format(Locale.ROOT, "%s is %.1f LUFS; %s: %.1f LU too %s", who, lufs, asks,
                Math.abs(off), loud ? "loud" : "quiet");
        String peak = l.maxTruePeakDbtp().isPresent()
                ? String.format(Locale.ROOT, " (true peak at most %.1f dBTP)", l.maxTruePeakDbtp().getAsDouble()) : "";
        String fix = loud
                ? String.format(Locale.ROOT, "turn %s down by %.1f dB (or master it again to %.1f LUFS) and export"
                        + " again", who, off, target)
                : String.format(Locale.ROOT, "bring %s up by %.1f dB to %.1f LUFS, with a true-peak limiter%s if its"
                        + " peaks would pass the ceiling, and export again", who, -off, target, peak);
        out.add(Finding.error(id(), msg)
                .withFiles(f.name())
                .withMeasurement("integrated_lufs", lufs)
                .withMeasurement("target_lufs", target)
                .withMeasurement("tolerance_lu", tol)
                .withMeasurement("difference_lu", off)
                .withFix(fix));
    }

    private Finding noMix(CheckContext ctx, Loudness l) {
        double target = l.targetLufs().getAsDouble();
        return Finding.info(id(), String.format(Locale.ROOT, "The spec %s asks the mix to be %.1f +-%.1f LUFS, and"
                                + " the delivery holds no mix: the loudness target was not checked (the stems' sum"
                                + " is not the mix: its bus processing and master fader are not in the stems)",
                        ctx.spec().name(), target, l.toleranceLu()))
                .withMeasurement("target_lufs", target)
                .withMeasurement("tolerance_lu", l.toleranceLu())
                .withFix("add the mixdown (or printmaster) to the delivery, or name it with --mixdown");
    }
}
