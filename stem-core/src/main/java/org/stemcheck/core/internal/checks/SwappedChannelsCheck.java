package org.stemcheck.core.internal.checks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.stemcheck.core.CheckContext;
import org.stemcheck.core.Finding;
import org.stemcheck.core.Measurement;
import org.stemcheck.core.file.StemFile;
import org.stemcheck.core.nulltest.NullTestResult;
import org.stemcheck.core.nulltest.PairRouting;

/**
 * {@code mix.swapped-channels} (error): a stem whose left and right channels of a mirrored pair
 * (L/R, Ls/Rs, Lss/Rss, Lrs/Rrs) are exchanged against the printmaster or mix: its pair matches
 * the mix crossed, not as routed ({@link NullTestResult#routing()}). When every stem that has
 * sound in the pair is crossed, the mix is the odd one out and the finding names it.
 */
final class SwappedChannelsCheck extends BaseCheck {

    SwappedChannelsCheck() {
        super("mix.swapped-channels", "no stem has its left and right (or surround) channels swapped against the mix");
    }

    @Override
    public Set<Measurement<?>> needs() {
        return Set.of(Measurement.NULL_TEST);
    }

    @Override
    public List<Finding> run(CheckContext ctx) {
        return ctx.nullTest().map(r -> judge(r)).orElse(List.of());
    }

    private List<Finding> judge(NullTestResult r) {
        Map<String, List<PairRouting>> judged = new LinkedHashMap<>();
        Map<String, List<PairRouting>> swapped = new LinkedHashMap<>();
        for (PairRouting p : r.routing()) {
            if (!p.judged()) {
                continue;
            }
            String pair = p.left() + "/" + p.right();
            judged.computeIfAbsent(pair, k -> new ArrayList<>()).add(p);
            if (p.swapped()) {
                swapped.computeIfAbsent(pair, k -> new ArrayList<>()).add(p);
            }
        }
        List<Finding> out = new ArrayList<>();
        swapped.forEach((pair, list) -> {
            if (list.size() >= 2 && list.size() == judged.get(pair).size()) {
                out.add(mixSwapped(r, pair, list));
            } else {
                list.forEach(p -> out.add(stemSwapped(r, p)));
            }
        });
        return out;
    }

    private Finding stemSwapped(NullTestResult r, PairRouting p) {
        StemFile f = p.file();
        String mix = r.mix().name();
        return Finding.error(id(), String.format(Locale.ROOT, "%s has its %s and %s swapped against %s: its %s"
                                + " matches the mix's %s (%.2f) rather than its %s (%.2f)", f.displayLabel(), p.left(),
                        p.right(), mix, p.left(), p.right(), p.crossed(), p.left(), p.straight()))
                .withFiles(f.name())
                .withMeasurement("crossed_match", p.crossed())
                .withMeasurement("straight_match", p.straight())
                .withFix("print " + f.displayLabel() + " again with " + p.left() + " and " + p.right()
                        + " in their own channels (check the stem's output routing or the track layout of the"
                        + " export)");
    }

    private Finding mixSwapped(NullTestResult r, String pair, List<PairRouting> stems) {
        PairRouting first = stems.get(0);
        List<String> files = new ArrayList<>();
        files.add(r.mix().name());
        stems.forEach(p -> files.add(p.file().name()));
        double worst = stems.stream().mapToDouble(PairRouting::crossed).min().orElse(Double.NaN);
        return Finding.error(id(), String.format(Locale.ROOT, "%s has its %s and %s swapped against all %d stems"
                                + " that sound there: their %s matches its %s (at least %.2f)", r.mix().name(),
                        first.left(), first.right(), stems.size(), first.left(), first.right(), worst))
                .withFiles(files)
                .withMeasurement("crossed_match", worst)
                .withMeasurement("stems", stems.size())
                .withFix("print " + r.mix().name() + " again with " + pair.replace("/", " and ")
                        + " in their own channels, or confirm which of the mix and the stems is right");
    }
}
