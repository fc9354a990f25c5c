package org.stemcheck.examples.snippets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stemcheck.core.Finding;
import org.stemcheck.core.Report;
import org.stemcheck.core.Severity;
import org.stemcheck.core.file.StemFile;
import org.stemcheck.examples.Console;
import org.stemcheck.examples.ExampleDelivery;
import org.stemcheck.io.WavWriter;

/**
 * Documentation snippets are compiled: every {@code <pre>{@code ...}</pre>} block in the javadoc
 * of the exported packages of stem-io, stem-dsp and stem-core (read from each
 * {@code module-info.java}) and every {@code ```java} block of {@code README.md} must appear,
 * verbatim up to whitespace, in {@link ApiSnippets} or {@link MeasurementSnippets}, which the
 * compiler checks. The snippets that need no files of their own are also run here, and those of
 * stem-io and stem-dsp on files and signals made here.
 */
class SnippetsTest {

    private static final Pattern JAVADOC = Pattern.compile("<pre>\\{@code\\s*\\n(.*?)\\}</pre>", Pattern.DOTALL);
    private static final Pattern MARKDOWN = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern EXPORTS = Pattern.compile("^\\s*exports\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);
    private static final String SNIPPETS = "examples/src/test/java/org/stemcheck/examples/snippets/";
    private static final List<String> LIBRARIES = List.of("stem-io", "stem-dsp", "stem-core");

    @TempDir
    Path tmp;

    @Test
    void everyJavadocSnippetOfTheExportedPackagesIsCompiled() throws IOException {
        String compiled = normalised(Files.readString(source(SNIPPETS + "ApiSnippets.java"))
                + Files.readString(source(SNIPPETS + "MeasurementSnippets.java")));
        List<String> snippets = new ArrayList<>();
        for (Path p : exportedSources()) {
            Matcher m = JAVADOC.matcher(Files.readString(p));
            while (m.find()) {
                String code = m.group(1).replaceAll("(?m)^\\s*\\* ?", "");
                snippets.add(code);
                assertThat(compiled).as("the snippet of %s is in ApiSnippets or MeasurementSnippets:%n%s",
                        p.getFileName(), code).contains(normalised(code));
            }
        }
        // stem-core's 6, and AudioFiles, LoudnessMeter, TruePeakMeter and NullSum.
        assertThat(snippets).hasSizeGreaterThanOrEqualTo(10);
    }

    @Test
    void theEntryPointsEachCarryASnippet() throws IOException {
        for (String type : List.of("stem-io/src/main/java/org/stemcheck/io/AudioFiles.java",
                "stem-dsp/src/main/java/org/stemcheck/dsp/LoudnessMeter.java",
                "stem-dsp/src/main/java/org/stemcheck/dsp/TruePeakMeter.java",
                "stem-dsp/src/main/java/org/stemcheck/dsp/nullsum/NullSum.java",
                "stem-core/src/main/java/org/stemcheck/core/StemSet.java",
                "stem-core/src/main/java/org/stemcheck/core/Report.java",
                "stem-core/src/main/java/org/stemcheck/core/Check.java")) {
            assertThat(JAVADOC.matcher(Files.readString(source(type))).find()).as(type).isTrue();
        }
    }

    @Test
    void theBuildChecksTheJavadocOfExactlyTheExportedPackagesAndTheCli() throws IOException {
        Matcher scope = Pattern.compile("<stemcheck.doclint.packages>([^<]*)</stemcheck.doclint.packages>")
                .matcher(Files.readString(source("stem-io").getParent().resolve("pom.xml")));  // the parent pom
        assertThat(scope.find()).as("the doclint scope in the parent pom").isTrue();
        List<String> api = new ArrayList<>(exportedPackages());
        api.add("org.stemcheck.cli");
        assertThat(List.of(scope.group(1).trim().split("\\s*,\\s*"))).containsExactlyInAnyOrderElementsOf(api);
    }

    @Test
    void everyRecordOfTheApiDocumentsEachComponent() throws IOException {
        // Neither javac's doclint nor javadoc (JDK 17) reports a record component without @param.
        Pattern record = Pattern.compile("public\\s+(?:static\\s+)?record\\s+(\\w+)\\s*(?:<[^(]*>)?\\s*\\(([^)]*)\\)");
        int records = 0;
        for (Path p : exportedSources()) {
            String text = Files.readString(p);
            Matcher m = record.matcher(text);
            while (m.find()) {
                records++;
                String doc = text.substring(text.lastIndexOf("/**", m.start()), m.start());
                String components = m.group(2);
                while (components.contains("<")) {
                    components = components.replaceAll("<[^<>]*>", "");
                }
                for (String component : components.split(",")) {
                    String[] words = component.trim().split("\\s+");
                    String name = words[words.length - 1];
                    assertThat(doc).as("record %s of %s documents %s", m.group(1), p.getFileName(), name)
                            .containsPattern("@param\\s+" + name + "\\b");
                }
            }
        }
        assertThat(records).isGreaterThanOrEqualTo(40);
    }

    /** Every package the library modules export, from their module-info.java. */
    private static List<String> exportedPackages() throws IOException {
        List<String> packages = new ArrayList<>();
        for (String module : LIBRARIES) {
            Matcher exports = EXPORTS.matcher(Files.readString(source(module + "/src/main/java/module-info.java")));
            int before = packages.size();
            while (exports.find()) {
                packages.add(exports.group(1));
            }
            assertThat(packages.size()).as("exported packages of %s", module).isGreaterThan(before);
        }
        return packages;
    }

    /** The main sources of every package the library modules export. */
    private static List<Path> exportedSources() throws IOException {
        List<Path> sources = new ArrayList<>();
        for (String pkg : exportedPackages()) {
            Path dir = null;
            for (String module : LIBRARIES) {
                Path candidate = source(module + "/src/main/java").resolve(pkg.replace('.', '/'));
                if (Files.isDirectory(candidate)) {
                    dir = candidate;
                }
            }
            assertThat(dir).as("the sources of %s", pkg).isNotNull();
            try (Stream<Path> files = Files.list(dir)) {
                sources.addAll(files.filter(f -> f.toString().endsWith(".java")).sorted().toList());
            }
        }
        return sources;
    }

    @Test
    void everyJavaBlockOfTheReadmeDraftIsCompiledInApiSnippets() throws IOException {
        String compiled = normalised(Files.readString(source("examples/src/test/java/org/stemcheck/examples/snippets/ApiSnippets.java")));
        Matcher m = MARKDOWN.matcher(Files.readString(source("README.md")));
        int n = 0;
        while (m.find()) {
            n++;
            assertThat(compiled).as("README block:%n%s", m.group(1)).contains(normalised(m.group(1)));
        }
        assertThat(n).isGreaterThanOrEqualTo(2);
    }

    @Test
    void snippetsThatNeedNoFolderRun() {
        assertThat(ApiSnippets.spec().format().sampleRates()).containsExactly(48_000);
        assertThat(ApiSnippets.spec().loudness().targetLufs()).hasValue(-14.0);
        assertThat(ApiSnippets.finding().measurements()).containsEntry("sample_rate_hz", 44100.0);
        Report empty = Report.of("d", "music", List.<StemFile>of(), Map.of(), Optional.empty(), List.<Finding>of());
        Report r = ApiSnippets.plots(empty, new double[] {-20, -18}, new double[] {100, 1000}, new double[] {-40, -50});
        assertThat(r.plots().levels()).containsKey("Song_Bass_120bpm.wav");
        assertThat(r.plots().spectra().get("Song_Bass_120bpm.wav").size()).isEqualTo(2);
        assertThat(new ApiSnippets.MaxStems().id()).isEqualTo("acme.max-stems");
    }

    @Test
    void fileSnippetsReadAToneWrittenHere() throws IOException {
        // EBU Tech 3341 test case 1: a 1 kHz stereo sine at -23.0 dBFS reads -23.0 LUFS, +-0.1 LU.
        int rate = 48_000;
        double amplitude = Math.pow(10, -23.0 / 20);
        double[] tone = new double[5 * rate];
        for (int i = 0; i < tone.length; i++) {
            tone[i] = amplitude * Math.sin(2 * Math.PI * 1000 * i / rate);
        }
        Path wav = tmp.resolve("Song_Tone_120bpm.wav");
        WavWriter.float32().write(wav, rate, tone, tone);

        assertThat(MeasurementSnippets.loudness(wav)).isCloseTo(-23.0, within(0.1));
        assertThat(MeasurementSnippets.queued(wav)).as("the same meter fed on a pool").isEqualTo(MeasurementSnippets.loudness(wav));
        // 48 samples a period: sample 12 sits on the crest, so the sample peak is the amplitude.
        assertThat(MeasurementSnippets.peak(wav)).isCloseTo(amplitude, within(1e-7));
    }

    @Test
    void truePeakSnippetFindsThePeakBetweenTheSamples() {
        // A full-scale sine at a quarter of the rate, sampled 45 degrees off its crests: every
        // sample is +-0.707 (-3.01 dBFS) while the waveform reaches 0 dBTP between them.
        double[] quarter = new double[48_000];
        for (int i = 0; i < quarter.length; i++) {
            quarter[i] = Math.sin(Math.PI / 2 * i + Math.PI / 4);
        }
        assertThat(MeasurementSnippets.truePeak(quarter, quarter)).isCloseTo(0.0, within(0.5));
    }

    @Test
    void nullTestSnippetTellsAMixOfTheStemsFromOneMissingAStem() {
        Random random = new Random(8);
        double[][][] stems = new double[2][2][48_000];
        double[][] mix = new double[2][48_000];
        for (int s = 0; s < stems.length; s++) {
            for (int c = 0; c < 2; c++) {
                for (int i = 0; i < mix[c].length; i++) {
                    stems[s][c][i] = 0.1 * random.nextGaussian();
                    mix[c][i] += stems[s][c][i];
                }
            }
        }
        assertThat(MeasurementSnippets.nulls(stems, mix)).isTrue();
        assertThat(MeasurementSnippets.nulls(stems, stems[0])).as("a mix without the second stem").isFalse();
        double[] depths = MeasurementSnippets.twoMixes(stems, mix, stems[0]);
        assertThat(depths[0]).as("the full mix").isLessThan(-100);
        assertThat(depths[1]).as("a mix without the second stem").isGreaterThan(-10);
    }

    @Test
    void readmeAndReportSnippetsRunOnAGeneratedDelivery() throws Exception {
        Path faulty = ExampleDelivery.write(tmp.resolve("faulty"), "Song", true);
        Path clean = ExampleDelivery.write(tmp.resolve("clean"), "Song", false);

        boolean[] passed = new boolean[2];
        String printed = Console.capture(() -> {
            passed[0] = ApiSnippets.readme(faulty);
            passed[1] = ApiSnippets.readme(clean);
            ApiSnippets.report(faulty);
        });
        assertThat(passed).containsExactly(false, true);
        assertThat(printed).contains("format.bit-depth [Song_Bass_120bpm.wav]: Bass is 16-bit");
        assertThat(Files.readString(faulty.resolve("report.html"))).contains(">FAILED<");
        assertThat(Severity.values()).hasSize(3);
    }

    /** The project folder (tests run from a module folder under Maven, from the root in an IDE). */
    private static Path source(String relative) {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.exists(p.resolve(relative))) {
                return p.resolve(relative);
            }
        }
        throw new IllegalStateException(relative + " not found above " + Path.of("").toAbsolutePath());
    }

    private static String normalised(String code) {
        return code.replaceAll("\\s+", " ").trim();
    }
}
