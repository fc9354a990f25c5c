package org.stemcheck.core.internal.report;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.stemcheck.core.Finding;
import org.stemcheck.core.Report;
import org.stemcheck.core.file.Role;
import org.stemcheck.core.Severity;
import org.stemcheck.core.file.StemFile;
import org.stemcheck.io.AudioFormat;

/** Writes a {@link Report} for a person: one block per file, then what concerns several files. */
public final class ReportText {

    private static final String RESET = "\u001b[0m";
    private static final String RED = "\u001b[31;1m";
    private static final String YELLOW = "\u001b[33;1m";
    private static final String CYAN = "\u001b[36m";
    private static final String GREEN = "\u001b[32;1m";
    private static final String BOLD = "\u001b[1m";

    /** Stretches printed per finding (after merging, in time order); the JSON report has every span. */
    static final int SPANS_SHOWN = 5;

    private ReportText() {
    }

    public static void write(Report r, Writer out, boolean ansi) throws IOException {
        Style s = new Style(ansi);
        out.write(s.bold("stemcheck " + Visible.of(r.delivery())) + "  (spec: " + Visible.of(r.spec()) + ", "
                + r.files().size() + " files)\n");
        List<Finding> shared = new ArrayList<>();
        for (Finding f : r.findings()) {
            if (f.files().size() != 1) {
                shared.add(f);
            }
        }
        for (StemFile f : r.files()) {
            out.write("\n" + s.bold(Visible.of(f.name())) + "  " + describe(f) + "\n");
            List<Finding> own = r.findings().stream()
                    .filter(x -> x.files().size() == 1 && x.files().get(0).equals(f.name())).toList();
            if (own.isEmpty()) {
                out.write("  " + (f.role() == Role.OTHER ? "not audio: not checked" : s.green("ok")) + "\n");
            }
            for (Finding x : own) {
                finding(out, s, x);
            }
        }
        if (!shared.isEmpty()) {
            out.write("\n" + s.bold("Across files") + "\n");
            for (Finding x : shared) {
                finding(out, s, x);
                if (!x.files().isEmpty()) {
                    out.write("      files: " + Visible.of(String.join(", ", x.files())) + "\n");
                }
            }
        }
        int e = r.count(Severity.ERROR);
        int w = r.count(Severity.WARNING);
        int i = r.count(Severity.INFO);
        String verdict = r.passed() ? s.green("PASSED") : s.red("FAILED");
        out.write(String.format(Locale.ROOT, "%n%s: %d error%s, %d warning%s, %d info%s%n", verdict,
                e, e == 1 ? "" : "s", w, w == 1 ? "" : "s", i, i == 1 ? "" : "s"));
        out.flush();
    }

    private static void finding(Writer out, Style s, Finding x) throws IOException {
        out.write("  " + s.severity(x.severity()) + "  " + x.code() + "  " + Visible.of(x.message()) + "\n");
        if (!x.where().isEmpty()) {
            out.write("      at: " + where(x.where()) + "\n");
        }
        if (!x.fix().isEmpty()) {
            out.write("      fix: " + Visible.of(x.fix()) + "\n");
        }
    }

    /**
     * The stretches in time order, touching spans merged ({@link ForPeople#spans}): the first
     * {@value #SPANS_SHOWN}, {@code 1.000-1.250 s}, and how many more.
     */
    static String where(List<Finding.Span> given) {
        List<Finding.Span> spans = ForPeople.spans(given);
        List<String> shown = new ArrayList<>();
        for (Finding.Span sp : spans.subList(0, Math.min(SPANS_SHOWN, spans.size()))) {
            shown.add(String.format(Locale.ROOT, "%.3f-%.3f s", sp.startSeconds(), sp.endSeconds()));
        }
        int more = spans.size() - shown.size();
        return String.join(", ", shown) + (more > 0 ? " (+" + more + " more)" : "");
    }

    private static String describe(StemFile f) {
        StringBuilder b = new StringBuilder(f.role().jsonName());
        if (f.role().isStem()) {
            f.label().ifPresent(l -> b.append(" \"").append(Visible.of(l)).append('"'));
        }
        if (f.format().isPresent()) {
            AudioFormat fmt = f.format().get();
            b.append(", ").append(f.container().orElse("?").toUpperCase(Locale.ROOT))
                    .append(' ').append(Formats.rate(fmt.sampleRate()))
                    .append(' ').append(Formats.depth(fmt))
                    .append(' ').append(Formats.layout(f))
                    .append(", ").append(Formats.seconds(f.durationSeconds()));
        } else {
            f.container().ifPresent(c -> b.append(", ").append(c.toUpperCase(Locale.ROOT)).append(" content"));
        }
        return b.toString();
    }

    /** ANSI colours, or none. */
    private static final class Style {
        private final boolean ansi;

        Style(boolean ansi) {
            this.ansi = ansi;
        }

        String severity(Severity sev) {
            String word = String.format(Locale.ROOT, "%-7s", sev.name());
            if (!ansi) {
                return word;
            }
            return (sev == Severity.ERROR ? RED : sev == Severity.WARNING ? YELLOW : CYAN) + word + RESET;
        }

        String bold(String t) {
            return ansi ? BOLD + t + RESET : t;
        }

        String green(String t) {
            return ansi ? GREEN + t + RESET : t;
        }

        String red(String t) {
            return ansi ? RED + t + RESET : t;
        }
    }
}
