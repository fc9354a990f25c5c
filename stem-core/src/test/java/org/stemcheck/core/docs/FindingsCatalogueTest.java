package org.stemcheck.core.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.stemcheck.core.Check;
import org.stemcheck.core.Checks;
import org.stemcheck.core.internal.pipeline.Engine;
import org.stemcheck.core.testing.ProjectFiles;

/**
 * {@code docs/findings.md} is the catalogue of every finding code: it must describe each code the
 * code base can emit (the built-in checks' ids, the engine's own codes, and any code literal handed
 * to {@code Finding.error/warning/info/of} or a check's constructor in the main sources), and
 * nothing else; the README's findings table must list the same codes and link the catalogue.
 */
class FindingsCatalogueTest {

    /** A section of the catalogue: {@code ### format.lossy}. */
    private static final Pattern SECTION = Pattern.compile("(?m)^### ([a-z0-9]+(?:\\.[a-z0-9-]+)+)\\s*$");
    /** A code literal where a finding or a check is made. */
    private static final Pattern LITERAL = Pattern.compile(
            "(?:Finding\\.(?:error|warning|info)\\(|Finding\\.of\\([^,()]+,\\s*|super\\()\\s*\"([a-z0-9]+(?:\\.[a-z0-9-]+)+)\"");
    /** A row of the README's findings table: {@code | `mix.gain` | warning / error | ... |}. */
    private static final Pattern README_ROW = Pattern.compile("(?m)^\\| \\[?`([a-z0-9]+(?:\\.[a-z0-9-]+)+)`");
    private static final Set<String> SEVERITY_WORDS = Set.of("**error", "**warning", "**info");

    /** Every code the code base can emit, from the API and from the sources. */
    static Set<String> emitted() throws IOException {
        Set<String> codes = new TreeSet<>();
        Checks.standard().stream().map(Check::id).forEach(codes::add);
        codes.add(Engine.CHECK_FAILED);
        codes.add(Engine.MEMORY);
        codes.addAll(literals(ProjectFiles.resolve("stem-core/src/main/java")));
        codes.addAll(literals(ProjectFiles.resolve("stem-cli/src/main/java")));
        return codes;
    }

    /** Code literals in the Java sources below {@code dir}, leaving out javadoc examples ({@code acme.}). */
    static Set<String> literals(Path dir) throws IOException {
        Set<String> out = new TreeSet<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = LITERAL.matcher(Files.readString(f));
                while (m.find()) {
                    if (!m.group(1).startsWith("acme.")) {
                        out.add(m.group(1));
                    }
                }
            }
        }
        return out;
    }

    /** The catalogue's sections by code, in page order. */
    static Map<String, String> sections() throws IOException {
        String doc = Files.readString(ProjectFiles.resolve("docs/findings.md"));
        Map<String, String> out = new LinkedHashMap<>();
        Matcher m = SECTION.matcher(doc);
        List<int[]> starts = new ArrayList<>();
        List<String> codes = new ArrayList<>();
        while (m.find()) {
            starts.add(new int[] {m.start(), m.end()});
            codes.add(m.group(1));
        }
        for (int i = 0; i < codes.size(); i++) {
            int end = i + 1 < starts.size() ? starts.get(i + 1)[0] : doc.length();
            String body = doc.substring(starts.get(i)[1], end);
            int nextHeading = body.indexOf("\n## ");
            out.put(codes.get(i), nextHeading < 0 ? body : body.substring(0, nextHeading));
        }
        return out;
    }

    @Test
    void theSourcesYieldTheCodesTheyEmit() throws IOException {
        // not vacuous: the scan finds the engine's own literal and a check's constructor argument
        assertThat(literals(ProjectFiles.resolve("stem-core/src/main/java")))
                .contains("format.unreadable", "level.non-finite", "set.empty", "mix.null");
        assertThat(emitted()).contains("internal.check-failed", "format.header", "level.loudness").hasSizeGreaterThan(30);
    }

    @Test
    void everyEmittedCodeHasASectionInTheCatalogue() throws IOException {
        assertThat(sections().keySet()).as("codes described in docs/findings.md").containsAll(emitted());
    }

    @Test
    void theCatalogueDescribesNoCodeThatNothingEmits() throws IOException {
        assertThat(emitted()).as("codes the code base emits").containsAll(sections().keySet());
    }

    @Test
    void eachSectionGivesSeverityMeaningExampleAndFix() throws IOException {
        for (Map.Entry<String, String> e : sections().entrySet()) {
            String body = e.getValue();
            assertThat(SEVERITY_WORDS.stream().anyMatch(body::contains)).as("%s: its severity in bold", e.getKey()).isTrue();
            assertThat(body).as("%s: an example message", e.getKey()).containsPattern("(?m)^> \\S");
            assertThat(body).as("%s: how to fix it", e.getKey()).contains("Fix:");
        }
    }

    @Test
    void theCataloguesSummaryTableLinksEverySection() throws IOException {
        String doc = Files.readString(ProjectFiles.resolve("docs/findings.md"));
        for (String code : sections().keySet()) {
            assertThat(doc).as("summary row of %s", code).contains("[`" + code + "`](#" + code.replace(".", "") + ")");
        }
    }

    @Test
    void theReadmeListsTheSameCodesAndLinksTheCatalogue() throws IOException {
        String readme = Files.readString(ProjectFiles.resolve("README.md"));
        int from = readme.indexOf("\n## Findings");
        int to = readme.indexOf("\n## ", from + 1);
        assertThat(from).as("README has a Findings section").isPositive();
        String section = readme.substring(from, to);
        Set<String> listed = new TreeSet<>();
        Matcher m = README_ROW.matcher(section);
        while (m.find()) {
            listed.add(m.group(1));
        }
        assertThat(listed).as("codes in the README's findings table").isEqualTo(emitted());
        assertThat(section).contains("(docs/findings.md)").doesNotContain("FINDINGS.md");
    }
}
