package org.stemcheck.examples.snippets;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.stemcheck.core.ReportFormat;
import org.stemcheck.core.Analysis;
import org.stemcheck.core.Check;
import org.stemcheck.core.CheckContext;
import org.stemcheck.core.Checks;
import org.stemcheck.core.spec.DeliverySpec;
import org.stemcheck.core.Finding;
import org.stemcheck.core.Measurement;
import org.stemcheck.core.Plots;
import org.stemcheck.core.Report;
import org.stemcheck.core.file.Role;
import org.stemcheck.core.Severity;
import org.stemcheck.core.file.StemFile;
import org.stemcheck.core.StemSet;
import org.stemcheck.dsp.TruePeakResult;
import org.stemcheck.io.AudioFile;
import org.stemcheck.io.AudioFiles;
import org.stemcheck.io.SampleStream;

/**
 * The code of every snippet in stem-core's javadoc and in {@code README.md},
 * verbatim, so that it is compiled with the tests (Java 17 has no {@code @snippet}).
 * {@link SnippetsTest} checks that each documented snippet appears here, and runs the ones that
 * need no files of their own. Edit a snippet here first, then copy it into the documentation.
 */
final class ApiSnippets {

    private ApiSnippets() {
    }

    // Check
    static final class MaxStems implements Check {
        public String id() { return "acme.max-stems"; }
        public String description() { return "no more than 8 stems"; }
        public List<Finding> run(CheckContext ctx) {
            int n = ctx.files(Role.STEM, Role.FX).size();
            return n <= 8 ? List.of()
                    : List.of(Finding.warning(id(), n + " stems, the studio takes 8"));
        }
    }

    // README: reading audio with stem-io (compiled, not run: it reads a file named "Bass.wav")
    static void readAudio() throws IOException {
AudioFile f = AudioFiles.open(Path.of("Bass.wav"));      // sniffed by content, header parsed
System.out.println(f.format() + ", " + f.frames() + " frames");
f.metadata().timeReference().ifPresent(t -> System.out.println("starts at sample " + t));
try (SampleStream s = f.openStream()) {                   // never the whole file in memory
    double[][] block = new double[f.format().channels()][4096];
    for (int n; (n = s.read(block, 0, 4096)) > 0; ) {
        // block[channel][0 .. n) in [-1, 1)
    }
}
    }

    // DeliverySpec
    static DeliverySpec spec() {
        DeliverySpec spec = DeliverySpec.music().toBuilder()
                .name("label")
                .sampleRates(48_000)
                .lengthTolerance(0.010)
                .loudnessTarget(-14.0, 1.0)
                .build();
        return spec;
    }

    // README: the recipient's spec (compiled, not run: it reads a file named "acme-spec.json")
    static Report specFile(Path dir) {
        DeliverySpec spec = DeliverySpec.load(Path.of("acme-spec.json"));   // or DeliverySpec.preset("ebu-r128")
        Report report = StemSet.from(dir).expect(spec).run();
        return report;
    }

    // Finding
    static Finding finding() {
        Finding f =
        Finding.error("format.sample-rate", "Bass is 44.1 kHz, the other 6 stems are 48 kHz")
               .withFiles("Song_Bass_120bpm.wav")
               .withMeasurement("sample_rate_hz", 44100)
               .withFix("re-export Bass at 48 kHz from the session; do not resample");
        return f;
    }

    // StemSet (compiled, not run: it reads a folder named "delivery")
    static Report stemSet() {
        Report report = StemSet.from(Path.of("delivery"))
                .mixdown("mixdown.wav")            // optional: otherwise found by name
                .expect(DeliverySpec.music())      // optional: the default
                .check(Checks.standard())          // optional: the default
                .without("naming.pattern")
                .run();
        return report;
    }

    // Plots
    static Report plots(Report report, double[] levelDbPer100ms, double[] hz, double[] db) {
        Plots p = Plots.NONE
                .withLevel("Song_Bass_120bpm.wav", Plots.Series.uniform(0.0, 0.1, levelDbPer100ms))
                .withSpectrum("Song_Bass_120bpm.wav", Plots.Series.of(hz, db));
        Report withPlots = report.withPlots(p);
        return withPlots;
    }

    // Report
    static void report(Path dir) throws IOException {
        Report report = StemSet.from(dir).run();
        report.findings(Severity.ERROR).forEach(System.out::println);
        ReportFormat.html().write(report, dir.resolve("report.html"));
    }

    // README: the API in ten lines
    static boolean readme(Path dir) throws IOException {
        Report report = StemSet.from(dir)                 // a delivery folder
                .expect(DeliverySpec.music())             // 44.1-192 kHz, 24-bit, <Title>_<Stem>_<bpm>bpm
                .check(Checks.standardAndDiscovered())    // built-in checks + plug-ins on the class path
                .run();                                   // one pass per file; never throws for bad audio

        for (Finding f : report.findings(Severity.ERROR)) {
            System.out.println(f.code() + " " + f.files() + ": " + f.message() + " -> " + f.fix());
        }
        ReportFormat.html().write(report, dir.resolve("report.html"));     // one self-contained page with plots
        return report.passed();
    }

    // Measurement: a plug-in check that reads one per-file measurement
    static final class Headroom implements Check {
        public String id() { return "acme.headroom"; }
        public String description() { return "true peaks below -2 dBTP"; }

    public Set<Measurement<?>> needs() {
        return Set.of(Measurement.TRUE_PEAK);
    }

    public List<Finding> run(CheckContext ctx) {
        return ctx.readableStems().stream()
                .filter(f -> ctx.measurement(f, Measurement.TRUE_PEAK)
                        .map(tp -> tp.maxTruePeakDbtp() > -2.0).orElse(false))
                .map(f -> Finding.warning("acme.headroom", f.displayLabel() + " peaks above -2 dBTP"))
                .toList();
    }
    }

    // CheckContext: one measurement of one file
    static Optional<TruePeakResult> truePeak(CheckContext ctx, StemFile file) {
        Optional<TruePeakResult> tp = ctx.measurement(file, Measurement.TRUE_PEAK);
        return tp;
    }

    // NullTestResult: a plug-in check that reads the stems' gains from the null test
    static List<Finding> tightGains(CheckContext ctx) {
        List<Finding> found = ctx.nullTest().stream()
                .flatMap(n -> n.stems().stream())
                .filter(s -> s.gain().identifiable() && Math.abs(s.gain().levelErrorDb()) > 0.2)
                .map(s -> Finding.warning("acme.tight-gain", s.file().displayLabel() + " is off by "
                        + s.gain().levelErrorDb() + " dB").withFiles(s.file().name()))
                .toList();
        return found;
    }

    // Analysis: a judgement several checks share, computed once per run
    static final Analysis<List<StemFile>> LOUD_STEMS = ctx -> ctx.readableStems().stream()
            .filter(f -> ctx.measurement(f, Measurement.SAMPLE_STATS)
                    .map(s -> s.peakDbfs() > -1.0).orElse(false))
            .toList();

    static int loud(CheckContext ctx) {
        List<StemFile> loud = ctx.analysis(LOUD_STEMS);   // computed on first use, then shared
        return loud.size();
    }

    // ReportFormat: write a report as HTML and as JSON
    static String formats(Path dir) throws IOException {
        Report report = StemSet.from(dir).run();
        ReportFormat.html().write(report, dir.resolve("report.html"));
        String json = ReportFormat.json().toString(report);
        return json;
    }

    // StemSet.onProgress: how far a run has come, on stderr
    static Report progress(Path dir) {
        Report report = StemSet.from(dir)
                .onProgress(p -> System.err.printf("\r%s: %.0f%%", p.stage(), 100 * p.fraction()))
                .run();
        return report;
    }
}
