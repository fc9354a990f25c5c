package org.stemcheck.core;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

import org.stemcheck.core.internal.report.ReportJson;
import org.stemcheck.core.internal.report.ReportText;
import org.stemcheck.core.internal.report.html.HtmlReport;

/**
 * How a {@link Report} is written: as {@code stemcheck-report/1} JSON (schema in
 * {@code docs/report.schema.json}), as text for a person at a terminal, or as one self-contained
 * HTML page with plots. A report is a value; a format writes it.
 *
 * <pre>{@code
 * Report report = StemSet.from(dir).run();
 * ReportFormat.html().write(report, dir.resolve("report.html"));
 * String json = ReportFormat.json().toString(report);
 * }</pre>
 *
 * <p>Writers escape whatever a file name or message holds: JSON as JSON strings, text with control
 * characters shown visibly, HTML escaped. Immutable and thread-safe.
 */
public final class ReportFormat {

    /** Writes a report to a character stream. */
    @FunctionalInterface
    private interface Writing {
        void write(Report report, Writer out) throws IOException;
    }

    private static final ReportFormat JSON = new ReportFormat("json", ReportJson::write);
    private static final ReportFormat TEXT = new ReportFormat("text", (r, out) -> ReportText.write(r, out, false));
    private static final ReportFormat TEXT_ANSI = new ReportFormat("text", (r, out) -> ReportText.write(r, out, true));
    private static final ReportFormat HTML = new ReportFormat("html", HtmlReport::write);

    private final String name;
    private final Writing writing;

    private ReportFormat(String name, Writing writing) {
        this.name = name;
        this.writing = writing;
    }

    /**
     * The JSON report ({@link Report#SCHEMA}) on one line, with no line breaks inside, so that
     * reports of several deliveries can be written as JSON Lines.
     *
     * @return the format
     */
    public static ReportFormat json() {
        return JSON;
    }

    /**
     * The report for a person, grouped by file, without colour.
     *
     * @return the format
     */
    public static ReportFormat text() {
        return TEXT;
    }

    /**
     * The report for a person, grouped by file.
     *
     * @param ansi colour the severities with ANSI escapes (for a terminal)
     * @return the format
     */
    public static ReportFormat text(boolean ansi) {
        return ansi ? TEXT_ANSI : TEXT;
    }

    /**
     * One self-contained HTML page (UTF-8): the verdict, the findings by severity, a table of the
     * files, and the plots as inline SVG. It loads nothing from anywhere (no scripts, no fonts, no
     * network); a plot whose series were not measured says so.
     *
     * @return the format
     */
    public static ReportFormat html() {
        return HTML;
    }

    /**
     * The format's name.
     *
     * @return {@code json}, {@code text} or {@code html}
     */
    public String name() {
        return name;
    }

    /**
     * Writes the report.
     *
     * @param report the report
     * @param out    where to write; not flushed or closed
     * @throws IOException when {@code out} fails
     */
    public void write(Report report, Writer out) throws IOException {
        Objects.requireNonNull(report, "report must not be null");
        Objects.requireNonNull(out, "out must not be null");
        writing.write(report, out);
    }

    /**
     * Writes the report in UTF-8; the stream is flushed, not closed.
     *
     * @param report the report
     * @param out    where to write
     * @throws IOException when {@code out} fails
     */
    public void write(Report report, OutputStream out) throws IOException {
        Writer w = new OutputStreamWriter(Objects.requireNonNull(out, "out must not be null"), StandardCharsets.UTF_8);
        write(report, w);
        w.flush();
    }

    /**
     * Writes the report to a file in UTF-8, replacing it.
     *
     * @param report the report
     * @param file   the file to write, e.g. {@code report.html}
     * @throws IOException when the file cannot be written
     */
    public void write(Report report, Path file) throws IOException {
        Objects.requireNonNull(file, "file must not be null");
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            write(report, w);
        }
    }

    /**
     * The report as a string in this format.
     *
     * @param report the report
     * @return the whole document
     */
    public String toString(Report report) {
        StringWriter w = new StringWriter();
        try {
            write(report, w);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }

    @Override
    public String toString() {
        return name;
    }
}
