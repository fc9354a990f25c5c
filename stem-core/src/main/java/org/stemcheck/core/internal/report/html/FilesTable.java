package org.stemcheck.core.internal.report.html;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.stemcheck.core.Finding;
import org.stemcheck.core.Report;
import org.stemcheck.core.Severity;
import org.stemcheck.core.file.StemFile;
import org.stemcheck.core.internal.report.Formats;
import org.stemcheck.io.AudioFormat;

/**
 * The table of files: what each one is, its findings (second, so that a narrow window that scrolls
 * the table still shows them), its format and timing, its measured levels.
 */
final class FilesTable {

    private FilesTable() {
    }

    static void write(Report r, StringBuilder b) {
        b.append("<section id=\"files\"><h2>Files</h2><div class=\"scroll\"><table class=\"files\"><thead><tr>")
                .append("<th>File</th><th>Findings</th><th>Format</th><th class=\"r\">Length</th><th>TimeReference</th>")
                .append("<th class=\"r\">Peak</th><th class=\"r\">True peak</th><th class=\"r\">Integrated</th>")
                .append("<th class=\"r\">DC</th><th class=\"r\">Bandwidth</th><th class=\"r\">Eff. bits</th>")
                .append("</tr></thead><tbody>");
        for (StemFile f : r.files()) {
            row(r, f, b);
        }
        b.append("</tbody></table></div><p class=\"note\">").append(Html.NONE)
                .append(" : not measured in this run, or does not apply.</p></section>");
    }

    private static void row(Report r, StemFile f, StringBuilder b) {
        List<Finding> own = r.findingsFor(f.name());
        String worst = own.stream().map(Finding::severity).min(Enum::compareTo).map(HtmlReport::sev).orElse("ok");
        Map<String, Double> m = r.measured(f.name());
        b.append("<tr class=\"").append(worst).append("\"><td class=\"name\">").append(Html.breakable(f.name()));
        b.append("<br><small>").append(f.role().jsonName());
        if (f.role().isStem()) {
            f.label().ifPresent(l -> b.append(" \u00b7 ").append(Html.esc(l)));
        }
        b.append("</small></td><td class=\"fc\">").append(counts(own)).append("</td>");
        b.append("<td class=\"fmt\">").append(format(f)).append("</td>");
        b.append("<td class=\"r\">").append(f.readable() ? Html.esc(Formats.seconds(f.durationSeconds())) : Html.NONE)
                .append("</td>");
        b.append("<td class=\"fmt\">").append(timeReference(f)).append("</td>");
        cell(b, Html.fixed(m.get("peak_dbfs"), 1, "dBFS"));
        cell(b, Html.fixed(m.get("true_peak_dbtp"), 1, "dBTP"));
        cell(b, Html.fixed(m.get("integrated_lufs"), 1, "LUFS"));
        cell(b, Html.fixed(m.get("dc_dbfs"), 0, "dBFS"));
        Double bw = m.get("bandwidth_hz");
        cell(b, Html.fixed(bw == null ? null : bw / 1000, 1, "kHz"));
        cell(b, Html.fixed(m.get("effective_bits"), 0, ""));
        b.append("</tr>");
    }

    private static void cell(StringBuilder b, String text) {
        b.append("<td class=\"r\">").append(Html.esc(text)).append("</td>");
    }

    private static String format(StemFile f) {
        String container = f.container().map(c -> c.toUpperCase(Locale.ROOT)).orElse("");
        if (f.format().isEmpty()) {
            String what = f.error().map(e -> e.lossy() ? "lossy, not read" : "not readable").orElse("not audio");
            return Html.esc(container.isEmpty() ? what : container + ", " + what);
        }
        AudioFormat fmt = f.format().get();
        return Html.esc((container + " " + Formats.rate(fmt.sampleRate())).trim()) + "<br>"
                + Html.esc(Formats.depth(fmt) + " " + Formats.layout(f));
    }

    private static String timeReference(StemFile f) {
        if (f.startSeconds().isEmpty()) {
            return Html.NONE;
        }
        return "<span title=\"" + f.timeReference().orElse(0L) + " samples\">"
                + Html.esc(Formats.clock(f.startSeconds().getAsDouble())) + "</span>";
    }

    private static String counts(List<Finding> own) {
        if (own.isEmpty()) {
            return "<span class=\"okword\">ok</span>";
        }
        StringBuilder b = new StringBuilder();
        for (Severity s : Severity.values()) {
            long n = own.stream().filter(x -> x.severity() == s).count();
            if (n > 0) {
                b.append("<span class=\"badge small ").append(HtmlReport.sev(s)).append("\">").append(n).append(' ')
                        .append(HtmlReport.plural(s, (int) n)).append("</span> ");
            }
        }
        return b.toString().trim();
    }
}
