package org.stemcheck.core.internal.diagnosis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.stemcheck.core.CheckContext;
import org.stemcheck.core.Measurement;
import org.stemcheck.core.file.StemFile;
import org.stemcheck.core.internal.setpass.SetAnalysis;
import org.stemcheck.core.nulltest.Explanation;
import org.stemcheck.core.nulltest.PairRouting;
import org.stemcheck.dsp.ClipRuns;

/**
 * The stems whose own file findings leave a residual of their own: mono among stereo stems, cut
 * short (or truncated: the file holds less than its header claims), clipped at export in a
 * fixed-point file (runs at full scale as long as {@code level.clipping} reports), a channel pair
 * swapped against the mix; and the files left out of the null test (channels or a sample rate
 * that do not fit the mix). When there are any, the residual is theirs ({@link Diagnosis}).
 */
final class FileFaults {

    /**
     * A stem this much shorter than the longest is cut short: the mix holds its part after the file
     * ends (format.length's own tolerance is finer; 0.1 s is a residual worth naming).
     */
    static final double SHORT_SECONDS = 0.1;

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
            } else if (longest - f.durationSeconds() > SHORT_SECONDS) {
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
