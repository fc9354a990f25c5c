package org.stemcheck.core;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

import org.stemcheck.core.file.StemFile;


/**
 * What a run found: the files with their facts, the findings, and whether the delivery passed.
 * A value: immutable and thread-safe. {@link ReportFormat} writes it as JSON
 * ({@code stemcheck-report/1}, see {@code docs/findings.md} and {@code docs/report.schema.json}),
 * as text for a terminal, or as one self-contained HTML page with plots (the plot data is
 * {@link #plots()}).
 *
 * <pre>{@code
 * Report report = StemSet.from(dir).run();
 * report.findings(Severity.ERROR).forEach(System.out::println);
 * ReportFormat.html().write(report, dir.resolve("report.html"));
 * }</pre>
 */
public final class Report {

    /** The JSON schema id of {@link ReportFormat#json()}. */
    public static final String SCHEMA = "stemcheck-report/1";

    /**
     * The version written into reports: this library's version as built, e.g.
     * {@code 0.1.0-SNAPSHOT} before the release of {@code 0.1.0} ({@code "unknown"} when the
     * build did not fill in its version resource).
     */
    public static final String TOOL_VERSION = ToolVersion.read();

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
     * add its own). They are drawn by {@link ReportFormat#html()}; the JSON and text reports leave them out.
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

    @Override
    public String toString() {
        return "Report[" + delivery + ": " + count(Severity.ERROR) + " errors, " + count(Severity.WARNING)
                + " warnings, " + count(Severity.INFO) + " infos]";
    }
}
