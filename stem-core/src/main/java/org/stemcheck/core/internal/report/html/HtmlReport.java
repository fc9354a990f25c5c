package org.stemcheck.core.internal.report.html;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;

import org.stemcheck.core.Finding;
import org.stemcheck.core.Report;
import org.stemcheck.core.Severity;
import org.stemcheck.core.internal.report.ForPeople;
import org.stemcheck.core.internal.report.Formats;

/**
 * Writes a {@link Report} as one self-contained HTML page: inline CSS, inline SVG plots, no
 * script, and a Content-Security-Policy that forbids loading anything, so that a page that tried
 * would show it as a console error (the browser test fails on those). Every piece of text from
 * the report (file names, messages) is escaped.
 */
public final class HtmlReport {

    /** Forbids every fetch: styles are inline, images are inline SVG. */
    static final String CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

    private HtmlReport() {
    }

    public static void write(Report r, Writer out) throws IOException {
        StringBuilder b = new StringBuilder(64 * 1024);
        head(r, b);
        verdict(r, b);
        findings(r, b);
        FilesTable.write(r, b);
        PlotSections.write(r, b);
        b.append("<footer>stemcheck ").append(Html.esc(Report.TOOL_VERSION)).append(" \u00b7 ")
                .append(Html.esc(Report.SCHEMA)).append("</footer></main></body></html>\n");
        out.write(b.toString());
        out.flush();
    }

    private static void head(Report r, StringBuilder b) {
        b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"").append(CSP).append("\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>stemcheck: ").append(r.passed() ? "passed" : "FAILED").append(" \u2014 ")
                .append(Html.esc(r.delivery())).append("</title><style>").append(Css.STYLE).append("</style></head>")
                .append("<body><main>");
    }

    private static void verdict(Report r, StringBuilder b) {
        String cls = r.passed() ? "passed" : "failed";
        b.append("<header class=\"verdict ").append(cls).append("\"><div class=\"word\">")
                .append(r.passed() ? "PASSED" : "FAILED").append("</div><div class=\"what\"><h1>")
                .append(Html.esc(r.delivery())).append("</h1><p>spec <b>").append(Html.esc(r.spec())).append("</b> \u00b7 ")
                .append(r.files().size()).append(r.files().size() == 1 ? " file" : " files").append(" \u00b7 reference mix: ")
                .append(r.reference().map(x -> "<b>" + Html.esc(x.file()) + "</b>").orElse(referenceByRole(r)))
                .append("</p></div><ul class=\"counts\">");
        for (Severity s : Severity.values()) {
            int n = r.count(s);
            b.append("<li class=\"").append(sev(s)).append(n == 0 ? " zero" : "").append("\"><b>").append(n)
                    .append("</b> ").append(plural(s, n)).append("</li>");
        }
        b.append("</ul></header>");
        b.append("<nav><a href=\"#findings\">Findings</a><a href=\"#files\">Files</a><a href=\"#plots\">Plots</a></nav>");
    }

    private static String referenceByRole(Report r) {
        return r.files().stream().filter(f -> f.role() == org.stemcheck.core.file.Role.MIXDOWN).findFirst()
                .map(f -> "<b>" + Html.esc(f.name()) + "</b>").orElse("none");
    }

    private static void findings(Report r, StringBuilder b) {
        b.append("<section id=\"findings\"><h2>Findings</h2>");
        if (r.findings().isEmpty()) {
            b.append("<p class=\"clean\">No findings: the delivery meets the spec on everything that was checked.</p>");
        }
        for (Severity s : Severity.values()) {
            List<Finding> list = r.findings(s);
            if (list.isEmpty()) {
                continue;
            }
            b.append("<h3 class=\"group ").append(sev(s)).append("\">").append(capital(plural(s, 2)))
                    .append(" <span class=\"n\">").append(list.size()).append("</span></h3>");
            for (Finding f : list) {
                finding(f, b);
            }
        }
        b.append("</section>");
    }

    private static void finding(Finding f, StringBuilder b) {
        String s = sev(f.severity());
        b.append("<article class=\"finding ").append(s).append("\"><header><span class=\"badge ").append(s).append("\">")
                .append(f.severity().name()).append("</span> <code>").append(Html.esc(f.code())).append("</code>");
        for (String file : f.files()) {
            b.append(" <span class=\"file\">").append(Html.esc(file)).append("</span>");
        }
        b.append("</header><p class=\"msg\">").append(Html.esc(f.message())).append("</p>");
        List<ForPeople.Shown> nums = ForPeople.measurements(f.measurements());
        if (!nums.isEmpty()) {
            b.append("<dl class=\"nums\">");
            for (ForPeople.Shown n : nums) {
                b.append("<div><dt>").append(Html.esc(n.label())).append("</dt><dd>").append(Html.num(n.value()))
                        .append(n.unit().isEmpty() ? "" : "\u00a0" + Html.esc(n.unit())).append("</dd></div>");
            }
            b.append("</dl>");
        }
        if (!f.where().isEmpty()) {
            List<Finding.Span> spans = ForPeople.spans(f.where());
            b.append("<p class=\"where\"><b>Where</b> (in time order): ");
            for (int i = 0; i < spans.size(); i++) {
                Finding.Span sp = spans.get(i);
                b.append(i == 0 ? "" : ", ").append("<span class=\"span\">").append(Html.time(sp.startSeconds()))
                        .append("\u2013").append(Html.time(sp.endSeconds())).append("</span>");
            }
            b.append("</p>");
        }
        if (!f.fix().isEmpty()) {
            b.append("<p class=\"fix\"><b>Fix:</b> ").append(Html.esc(f.fix())).append("</p>");
        }
        b.append("</article>");
    }

    static String sev(Severity s) {
        return Formats.severityName(s);
    }

    static String plural(Severity s, int n) {
        String w = sev(s);
        return n == 1 ? w : w + "s";
    }

    private static String capital(String w) {
        return w.substring(0, 1).toUpperCase(Locale.ROOT) + w.substring(1);
    }
}
