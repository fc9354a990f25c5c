package org.stemcheck.core.internal.diagnosis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.stemcheck.core.CheckContext;
import org.stemcheck.core.Measurement;
import org.stemcheck.core.file.Role;
import org.stemcheck.core.file.StemFile;
import org.stemcheck.core.internal.delivery.Roles;
import org.stemcheck.core.internal.setpass.SetAnalysis;
import org.stemcheck.core.nulltest.Explanation;
import org.stemcheck.core.nulltest.PairRouting;
import org.stemcheck.dsp.ClipRuns;
import org.stemcheck.dsp.nullsum.NullResidual;

/**
 * The stems whose own file findings leave a residual of their own: mono among stereo stems, cut
 * short (or truncated: the file holds less than its header claims), clipped at export in a
 * fixed-point file (runs at full scale as long as {@code level.clipping} reports), a channel pair
 * swapped against the mix; and the files left out of the null test (channels or a sample rate
 * that do not fit the mix, a stem that could not be read at all). When there are any, the residual is theirs ({@link Diagnosis}).
 */
final class FileFaults {

    /**
     * A stem this much shorter than the longest is cut short: the mix holds its part after the file
     * ends (format.length's own tolerance is finer; 0.1 s is a residual worth naming).
     */
    static final double SHORT_SECONDS = 0.1;

    /**
     * A short stem is the residual's cause only where the residual stands this much higher after
     * the stem's end than before it (per second, and against the mix): twice, the step a part that the
     * mix still plays and the stem no longer carries makes. A stem that simply ends with its part
     * (LMMS's {@code rendertracks} stops each track at its last note) leaves no such step, and the
     * residual of a set that does not null is not its.
     */
    static final double CUT_STEP_DB = 3.0;

    /**
     * ... and where the stretch after its end holds at least this share of the residual's power
     * (a tenth: the cut must explain a real part of what is left, not a quiet tail of it).
     */
    static final double CUT_SHARE = 0.1;

    private FileFaults() {
    }

    /** The faults, in the order of the stems, then the files left out of the null test. */
    static List<Explanation.FileFault> of(CheckContext ctx, SetAnalysis a, List<PairRouting> routing) {
        List<StemFile> stems = a.stems().stream().filter(f -> f.format().isPresent()).toList();
        int mostChannels = stems.stream().mapToInt(f -> f.format().orElseThrow().channels()).max().orElse(0);
        double longest = stems.stream().mapToDouble(StemFile::durationSeconds).max().orElse(0);
        long clipRun = ctx.spec().levels().clipRunSamples();
        List<Explanation.FileFault> out = new ArrayList<>();
        for (StemFile f : stems) {
            if (f.format().orElseThrow().channels() == 1 && mostChannels > 1) {
                out.add(new Explanation.FileFault(f, "format.channels", "is mono: its stereo image is in the mix"));
            } else if (longest - f.durationSeconds() > SHORT_SECONDS
                    && residualStepsAt(a, f.durationSeconds() - a.passes().startSeconds())) {
                out.add(new Explanation.FileFault(f, f.truncation().isPresent() ? "format.truncated" : "format.length",
                        String.format(Locale.ROOT, "is %.1f s shorter", longest - f.durationSeconds())));
            } else if (!f.format().orElseThrow().isFloat() && ctx.measurement(f, Measurement.CLIP_RUNS)
                    .flatMap(ClipRuns.Result::longest).filter(run -> run.length() >= clipRun).isPresent()) {
                out.add(new Explanation.FileFault(f, "level.clipping", "is clipped: the mix holds the peaks it lost"));
            } else {
                swappedPair(routing, f).ifPresent(p -> out.add(new Explanation.FileFault(f, "mix.swapped-channels",
                        "has its " + p.left() + " and " + p.right() + " swapped")));
            }
        }
        out.addAll(leftOut(ctx, a));
        return out;
    }

    /**
     * The stems left out of the null test: readable ones whose channels or rate do not fit the mix,
     * and those that could not be read at all (a lossy file this reader does not decode, a broken
     * header). The mix holds their parts, and no stem is missing; that holds against a mix with
     * bus processing too (where the bands show content no stem carries), where the other faults
     * cannot be read from the residual.
     */
    static List<Explanation.FileFault> leftOut(CheckContext ctx, SetAnalysis a) {
        List<Explanation.FileFault> out = new ArrayList<>();
        for (StemFile f : ctx.files(Role.UNREADABLE)) {
            if (!Roles.isMixName(f.name())) {
                boolean lossy = f.error().map(e -> e.lossy()).orElse(false);
                out.add(new Explanation.FileFault(f, lossy ? "format.lossy" : "format.unreadable", lossy
                        ? "was left out of the null test: a lossy file, which this reader does not decode"
                        : "was left out of the null test: it could not be read"));
            }
        }
        int channels = a.reference().format().map(f -> f.channels()).orElse(0);
        for (StemFile f : ctx.readableStems()) {
            if (a.stems().stream().noneMatch(s -> s.name().equals(f.name())) && f.format().isPresent()) {
                int n = f.format().orElseThrow().channels();
                out.add(n != channels
                        ? new Explanation.FileFault(f, "format.channels", String.format(Locale.ROOT,
                                "was left out of the null test: its %d channels do not fit the mix's %d", n, channels))
                        : new Explanation.FileFault(f, "format.sample-rate",
                                "was left out of the null test: its sample rate cannot be converted to the mix's"));
            }
        }
        return out;
    }

    /**
     * Whether the residual steps up where a stem ends: its power after {@code endSeconds}
     * (residual time) at least {@link #CUT_STEP_DB} over before, per second and as a share of the
     * mix's, and at least {@link #CUT_SHARE} of the residual's power after it.
     */
    static boolean residualStepsAt(SetAnalysis a, double endSeconds) {
        double resBefore = 0, mixBefore = 0, resAfter = 0, mixAfter = 0, tBefore = 0, tAfter = 0;
        for (NullResidual.Segment g : a.passes().last().residual().segments()) {
            double t = g.endSeconds() - g.startSeconds();
            double r = g.residualRms() * g.residualRms() * t;
            double m = g.mixRms() * g.mixRms() * t;
            if (g.startSeconds() >= endSeconds) {
                resAfter += r;
                mixAfter += m;
                tAfter += t;
            } else if (g.endSeconds() <= endSeconds) {
                resBefore += r;
                mixBefore += m;
                tBefore += t;
            }
        }
        if (!(resAfter > 0) || resAfter < CUT_SHARE * (resAfter + resBefore)) {
            return false;
        }
        if (!(resBefore > 0 && mixBefore > 0)) {
            return true;
        }
        // Both per second and against the mix: the mix loses a part that ends with it (the share
        // of what is left rises), and a louder passage after the end raises the residual with it.
        double step = Math.pow(10, CUT_STEP_DB / 10);
        double perSecond = (resAfter / tAfter) / (resBefore / tBefore);
        double againstMix = mixAfter > 0 ? (resAfter / mixAfter) / (resBefore / mixBefore) : Double.POSITIVE_INFINITY;
        return perSecond >= step && againstMix >= step;
    }

    /**
     * A pair the stem has swapped against the mix, unless every stem that sounds in that pair has
     * it swapped (then the mix is the odd one out: {@code mix.swapped-channels} names the mix).
     */
    private static Optional<PairRouting> swappedPair(List<PairRouting> routing, StemFile f) {
        return routing.stream().filter(p -> p.file().name().equals(f.name()) && p.swapped()).filter(p -> {
            List<PairRouting> same = routing.stream()
                    .filter(q -> q.left().equals(p.left()) && q.right().equals(p.right()) && q.judged()).toList();
            return !(same.size() >= 2 && same.stream().allMatch(PairRouting::swapped));
        }).findFirst();
    }
}
