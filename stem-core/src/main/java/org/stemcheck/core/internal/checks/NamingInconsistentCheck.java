package org.stemcheck.core.internal.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.stemcheck.core.CheckContext;
import org.stemcheck.core.Finding;
import org.stemcheck.core.file.StemFile;
import org.stemcheck.core.internal.delivery.Naming;

/**
 * {@code naming.inconsistent}: the title or the tempo in a stem's name differs from the other
 * stems' (titles compared ignoring case, spaces and punctuation).
 */
final class NamingInconsistentCheck extends BaseCheck {

    NamingInconsistentCheck() {
        super("naming.inconsistent", "every stem name gives the same title and tempo");
    }

    @Override
    public List<Finding> run(CheckContext ctx) {
        List<StemFile> named = ctx.files().stream().filter(f -> f.role().isStem() && f.namedByPattern()).toList();
        if (named.size() < 2) {
            return List.of();
        }
        Map<String, List<StemFile>> byTitle = Groups.by(named, f -> Naming.normalised(f.title().orElse("")));
        String title = Groups.majority(byTitle, t -> true);
        String titleShown = byTitle.get(title).get(0).title().orElse("");
        Map<String, List<StemFile>> byBpm = Groups.by(named, f -> NamingPatternCheck.bpmText(f.bpm()));
        String bpm = Groups.majority(byBpm, b -> !b.isEmpty());
        List<Finding> out = new ArrayList<>();
        for (StemFile f : named) {
            boolean titleOdd = !Naming.normalised(f.title().orElse("")).equals(title);
            String fileBpm = NamingPatternCheck.bpmText(f.bpm());
            boolean bpmOdd = !fileBpm.equals(bpm);
            if (!titleOdd && !bpmOdd) {
                continue;
            }
            List<String> says = new ArrayList<>();
            List<String> others = new ArrayList<>();
            if (titleOdd) {
                says.add("title '" + f.title().orElse("") + "'");
                others.add("'" + titleShown + "'");
            }
            if (bpmOdd) {
                says.add(fileBpm.isEmpty() ? "no tempo" : fileBpm + " bpm");
                others.add(bpm.isEmpty() ? "no tempo" : bpm + " bpm");
            }
            int agreeing = (int) named.stream().filter(g -> g != f
                    && Naming.normalised(g.title().orElse("")).equals(title)
                    && NamingPatternCheck.bpmText(g.bpm()).equals(bpm)).count();
            Finding x = Finding.warning(id(), f.name() + " says " + String.join(" and ", says) + ", "
                            + others(agreeing) + " say " + String.join(" and ", others))
                    .withFiles(f.name())
                    .withFix("rename the files so that title and tempo agree (or check that "
                            + f.name() + " belongs to this song)");
            if (bpmOdd && f.bpm().isPresent()) {
                x = x.withMeasurement("bpm", f.bpm().getAsDouble());
            }
            out.add(x);
        }
        return out;
    }
}
