package org.stemcheck.core.internal.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

import org.stemcheck.core.CheckContext;
import org.stemcheck.core.Finding;
import org.stemcheck.core.file.StemFile;
import org.stemcheck.core.internal.delivery.Sources;

/** {@code naming.pattern}: a stem whose name does not follow the spec's pattern ({@code <Title>_<Stem>_<bpm>bpm}). */
final class NamingPatternCheck extends BaseCheck {

    NamingPatternCheck() {
        super("naming.pattern", "every stem is named after the spec's pattern");
    }

    @Override
    public List<Finding> run(CheckContext ctx) {
        List<StemFile> stems = ctx.files().stream().filter(f -> f.role().isStem()).toList();
        List<StemFile> named = stems.stream().filter(StemFile::namedByPattern).toList();
        Optional<String> title = common(Groups.by(named, f -> f.title().orElse("")));
        Optional<String> bpm = common(Groups.by(named, f -> bpmText(f.bpm())));
        String template = ctx.spec().naming().template();
        List<Finding> out = new ArrayList<>();
        for (StemFile f : stems) {
            if (!f.namedByPattern()) {
                out.add(Finding.warning(id(), f.name() + " does not follow the naming pattern " + template)
                        .withFiles(f.name())
                        .withFix("rename it, e.g. " + example(template, title, f.displayLabel(), bpm)
                                + "." + extensionOr(f.name())));
            }
        }
        return out;
    }

    private static Optional<String> common(Map<String, List<StemFile>> groups) {
        if (groups.isEmpty()) {
            return Optional.empty();
        }
        String k = Groups.majority(groups, s -> !s.isEmpty());
        return k.isEmpty() ? Optional.empty() : Optional.of(k);
    }

    static String bpmText(OptionalDouble bpm) {
        if (bpm.isEmpty()) {
            return "";
        }
        double b = bpm.getAsDouble();
        return b == Math.rint(b) ? Long.toString((long) b) : Double.toString(b);
    }

    private static String example(String template, Optional<String> title, String label, Optional<String> bpm) {
        String clean = label.replaceAll("[^\\p{L}\\p{N}]+", "");
        return template.replace("<Title>", title.orElse("Title"))
                .replace("<Stem>", clean.isEmpty() ? "Stem" : clean)
                .replace("<bpm>", bpm.orElse("120"));
    }

    private static String extensionOr(String name) {
        String ext = Sources.extension(name);
        return ext.isEmpty() ? "wav" : ext;
    }
}
