package org.stemcheck.examples.snippets;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stemcheck.core.Finding;
import org.stemcheck.core.Report;
import org.stemcheck.core.Severity;
import org.stemcheck.core.StemFile;
import org.stemcheck.examples.ExampleDelivery;

/**
 * Documentation snippets are compiled: every {@code <pre>{@code ...}</pre>} block in the javadoc
 * of stem-core's API package and every {@code ```java} block of {@code README.md}
 * must appear, verbatim up to whitespace, in {@link ApiSnippets}, which the compiler checks. The
 * snippets that need no files of their own are also run here.
 */
class SnippetsTest {

    private static final Pattern JAVADOC = Pattern.compile("<pre>\\{@code\\s*\\n(.*?)\\}</pre>", Pattern.DOTALL);
    private static final Pattern MARKDOWN = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);

    @TempDir
    Path tmp;

    @Test
    void everyJavadocSnippetOfTheApiIsCompiledInApiSnippets() throws IOException {
        String compiled = normalised(Files.readString(source("examples/src/test/java/org/stemcheck/examples/snippets/ApiSnippets.java")));
        List<String> snippets = new ArrayList<>();
        try (Stream<Path> files = Files.list(source("stem-core/src/main/java/org/stemcheck/core"))) {
            for (Path p : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                Matcher m = JAVADOC.matcher(Files.readString(p));
                while (m.find()) {
                    String code = m.group(1).replaceAll("(?m)^\\s*\\* ?", "");
                    snippets.add(code);
                    assertThat(compiled).as("the snippet of %s is in ApiSnippets:%n%s", p.getFileName(), code)
                            .contains(normalised(code));
                }
            }
        }
        assertThat(snippets).hasSizeGreaterThanOrEqualTo(6);
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
        assertThat(ApiSnippets.spec().sampleRates()).containsExactly(48_000);
        assertThat(ApiSnippets.finding().measurements()).containsEntry("sample_rate_hz", 44100.0);
        Report empty = Report.of("d", "music", List.<StemFile>of(), Map.of(), Optional.empty(), List.<Finding>of());
        Report r = ApiSnippets.plots(empty, new double[] {-20, -18}, new double[] {100, 1000}, new double[] {-40, -50});
        assertThat(r.plots().levels()).containsKey("Song_Bass_120bpm.wav");
        assertThat(r.plots().spectra().get("Song_Bass_120bpm.wav").size()).isEqualTo(2);
        assertThat(new ApiSnippets.MaxStems().id()).isEqualTo("acme.max-stems");
    }

    @Test
    void readmeAndReportSnippetsRunOnAGeneratedDelivery() throws IOException {
        Path faulty = ExampleDelivery.write(tmp.resolve("faulty"), "Song", true);
        Path clean = ExampleDelivery.write(tmp.resolve("clean"), "Song", false);

        assertThat(ApiSnippets.readme(faulty)).isFalse();
        assertThat(ApiSnippets.readme(clean)).isTrue();
        ApiSnippets.report(faulty);
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
