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
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

import org.stemcheck.core.internal.report.ReportJson;
import org.stemcheck.core.internal.report.ReportText;
import org.stemcheck.core.internal.report.html.HtmlReport;

/**
 * What a run found: the files with their facts, the findings, and whether the delivery passed.
 * Immutable and thread-safe. Written as JSON ({@code stemcheck-report/1}, see FINDINGS.md and
 * {@code docs/report.schema.json}), as text for a terminal, or as one self-contained HTML page
 * with plots ({@link #writeHtml(Path)}; the plot data is {@link #plots()}).
 *
 * <pre>{@code
 * Report report = StemSet.from(dir).run();
 * report.findings(Severity.ERROR).forEach(System.out::println);
 * report.writeHtml(dir.resolve("report.html"));
 * }</pre>
 */
public final class Report {

    /** The JSON schema id of {@link #writeJson}. */
    public static final String SCHEMA = "stemcheck-report/1";

    /** The version written into reports. */
    public static final String TOOL_VERSION = "0.1.0";

    /**
     * The reference mix and how deep the stems null against it.
     *
     * @param file             the mix's file name
     * @param nullDb           residual of (sum of stems - mix) relative to the mix, in dB, where measured
     * @param mixbusProcessing whether the mix carries processing the stems lack, where judged
     */
    public record Reference(String file, OptionalDouble nullDb, Optional<Boolean> mixbusProcessing) {
        /**
         * Checks that no part is null.
         *
         * @param file             not {@code null}
         * @param nullDb           not {@code null}; empty when not measured
         * @param mixbusProcessing not {@code null}; empty when not judged
         */
        public Reference {
            Objects.requireNonNull(file, "file must not be null");
            Objects.requireNonNull(nullDb, "nullDb must not be null");
            Objects.requireNonNull(mixbusProcessing, "mixbusProcessing must not be null");
        }
    }

    private final String delivery;
    private final String spec;
    private final List<StemFile> files;
    private final Map<String, Map<String, Double>> measured;
    private final Optional<Reference> reference;
    private final List<Finding> findings;
    private final Plots plots;

    private Report(String delivery, String spec, List<StemFile> files, Map<String, Map<String, Double>> measured,
                   Optional<Reference> reference, List<Finding> findings, Plots plots) {
        this.delivery = delivery;
        this.spec = spec;
        this.files = files;
        this.measured = measured;
        this.reference = reference;
        this.findings = findings;
        this.plots = plots;
    }

    /**
     * A report (the engine builds these; tools that merge or filter reports may too). The
     * findings are kept in the order given.
     *
     * @param delivery  the delivery as given (the folder path)
     * @param spec      the spec's name
     * @param files     every file, in name order; copied
     * @param measured  per file name, the measured report fields by their JSON names ({@code peak_dbfs} ...); copied
     * @param reference the reference mix and its null depth, or empty
     * @param findings  errors first, then warnings, then infos; copied
     * @return the report, with no plots
     */
    public static Report of(String delivery, String spec, List<StemFile> files,
                            Map<String, Map<String, Double>> measured, Optional<Reference> reference,
                            List<Finding> findings) {
        Objects.requireNonNull(delivery, "delivery must not be null");
        Objects.requireNonNull(spec, "spec must not be null");
        Map<String, Map<String, Double>> m = new LinkedHashMap<>();
        measured.forEach((k, v) -> m.put(k, Collections.unmodifiableMap(new LinkedHashMap<>(v))));
        return new Report(delivery, spec, List.copyOf(files), Collections.unmodifiableMap(m),
                Objects.requireNonNull(reference, "reference must not be null"), List.copyOf(findings), Plots.NONE);
    }

    /**
     * The same report with these plot series (the engine adds them after its passes; a tool may
     * add its own). They are drawn by {@link #writeHtml}; the JSON and text reports leave them out.
     *
     * @param p the series to draw, replacing any this report had
     * @return a new report; this one is unchanged
     */
    public Report withPlots(Plots p) {
        Objects.requireNonNull(p, "plots must not be null");
        return new Report(delivery, spec, files, measured, reference, findings, p);
    }

    /**
     * The series the HTML report plots.
     *
     * @return the plots; {@link Plots#NONE} until the engine measures them
     */
    public Plots plots() {
        return plots;
    }

    /**
     * The delivery checked.
     *
     * @return the delivery as given (the folder path)
     */
    public String delivery() {
        return delivery;
    }

    /**
     * The spec the delivery was held to.
     *
     * @return the spec's name ({@code "music"}, {@code "film"} ...)
     */
    public String spec() {
        return spec;
    }

    /**
     * Every file of the delivery, including unreadable and non-audio ones.
     *
     * @return the files in name order, immutable
     */
    public List<StemFile> files() {
        return files;
    }

    /**
     * The measured report fields of one file.
     *
     * @param file the file's name, as {@link StemFile#name()}
     * @return values by JSON name ({@code peak_dbfs}, {@code true_peak_dbtp}, {@code integrated_lufs}
     *         ...), immutable; empty for a file not measured
     */
    public Map<String, Double> measured(String file) {
        return measured.getOrDefault(file, Map.of());
    }

    /**
     * The reference mix and how deep the stems null against it.
     *
     * @return the reference; empty when there is no mix or the null test did not run
     */
    public Optional<Reference> reference() {
        return reference;
    }

    /**
     * Every finding.
     *
     * @return errors first, then warnings, then infos; within each, in file order; immutable
     */
    public List<Finding> findings() {
        return findings;
    }

    /**
     * The findings of one severity.
     *
     * @param severity the severity wanted
     * @return those findings, in report order, immutable
     */
    public List<Finding> findings(Severity severity) {
        return findings.stream().filter(f -> f.severity() == severity).toList();
    }

    /**
     * The findings that name this file.
     *
     * @param file the file's name, as {@link StemFile#name()}
     * @return those findings, in report order, immutable; set-wide findings that name no file are
     *         not included
     */
    public List<Finding> findingsFor(String file) {
        return findings.stream().filter(f -> f.files().contains(file)).toList();
    }

    /**
     * How many findings have this severity.
     *
     * @param severity the severity counted
     * @return the count, {@code >= 0}
     */
    public int count(Severity severity) {
        return (int) findings.stream().filter(f -> f.severity() == severity).count();
    }

    /**
     * The verdict: whether the recipient can use the delivery as it is.
     *
     * @return true when there is no error (warnings do not fail it)
     */
    public boolean passed() {
        return passes(Severity.ERROR);
    }

    /**
     * A stricter or looser verdict, e.g. for a build gate.
     *
     * @param failOn the least severity that fails ({@code WARNING} fails on warnings and errors)
     * @return true when no finding is at {@code failOn} or more severe
     */
    public boolean passes(Severity failOn) {
        Objects.requireNonNull(failOn, "failOn must not be null");
        return findings.stream().noneMatch(f -> f.severity().compareTo(failOn) <= 0);
    }

    /**
     * Writes the JSON report on one line (no line breaks inside, so reports can be JSON Lines).
     *
     * @param out where to write; not flushed or closed
     * @throws IOException when {@code out} fails
     */
    public void writeJson(Writer out) throws IOException {
        ReportJson.write(this, out);
    }

    /**
     * Writes the JSON report in UTF-8; the stream is flushed, not closed.
     *
     * @param out where to write
     * @throws IOException when {@code out} fails
     */
    public void writeJson(OutputStream out) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writeJson(w);
        w.flush();
    }

    /**
     * The JSON report as a string.
     *
     * @return one line of JSON following {@link #SCHEMA}
     */
    public String toJson() {
        StringWriter w = new StringWriter();
        try {
            writeJson(w);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }

    /**
     * Writes the report for a person, grouped by file.
     *
     * @param out  where to write; not flushed or closed
     * @param ansi colour the severities with ANSI escapes (for a terminal)
     * @throws IOException when {@code out} fails
     */
    public void writeText(Writer out, boolean ansi) throws IOException {
        ReportText.write(this, out, ansi);
    }

    /**
     * Writes the text report in UTF-8; the stream is flushed, not closed.
     *
     * @param out  where to write
     * @param ansi colour the severities with ANSI escapes (for a terminal)
     * @throws IOException when {@code out} fails
     */
    public void writeText(OutputStream out, boolean ansi) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writeText(w, ansi);
        w.flush();
    }

    /**
     * The text report, without colour.
     *
     * @return several lines, grouped by file
     */
    public String toText() {
        StringWriter w = new StringWriter();
        try {
            writeText(w, false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }

    /**
     * Writes one self-contained HTML page (UTF-8): the verdict, the findings by severity, a table
     * of the files, and the plots as inline SVG. It loads nothing from anywhere (no scripts, no
     * fonts, no network); a plot whose series were not measured says so.
     *
     * @param out where to write; not flushed or closed
     * @throws IOException when {@code out} fails
     */
    public void writeHtml(Writer out) throws IOException {
        HtmlReport.write(this, out);
    }

    /**
     * Writes the HTML page to a file in UTF-8, replacing it.
     *
     * @param file the file to write, e.g. {@code report.html} in the delivery folder
     * @throws IOException when the file cannot be written
     */
    public void writeHtml(Path file) throws IOException {
        Objects.requireNonNull(file, "file must not be null");
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            writeHtml(w);
        }
    }

    /**
     * The HTML page as a string.
     *
     * @return a whole, self-contained HTML document
     */
    public String toHtml() {
        StringWriter w = new StringWriter();
        try {
            writeHtml(w);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }

    @Override
    public String toString() {
        return "Report[" + delivery + ": " + count(Severity.ERROR) + " errors, " + count(Severity.WARNING)
                + " warnings, " + count(Severity.INFO) + " infos]";
    }
}
