package org.stemcheck.core.lmms;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;
import org.stemcheck.core.Finding;
import org.stemcheck.core.Report;
import org.stemcheck.core.Severity;
import org.stemcheck.core.StemSet;
import org.stemcheck.core.testing.Json;

/**
 * The diagnosis on real DAW renders: every delivery of the LMMS corpus (scripts/lmms-corpus.sh,
 * docs/lmms-corpus.md) is checked with the default spec and checks, and its findings are held
 * against its truth.json: each expected finding on the right file with its number, no error or
 * warning on an innocent stem, no error or warning at all on a clean render, except what
 * truth.json "allows" (conditions of the render itself, measured by the script). The rules are those of
 * scripts/lmms-evaluate.py, so the test and the BEFORE/AFTER tables count the same things.
 *
 * <p>Tagged {@code lmms}: the default build excludes it; {@code -Plmms} runs it, reading the corpus
 * from {@code -Dstemcheck.lmmsCorpus=DIR}. Without a corpus it is skipped with a message, except
 * under CI ({@code CI=true}) with the profile active, where that fails. Cases that fail today are
 * listed in {@code lmms-known-failures.txt} beside this class; a listed case that passes fails
 * the test, so the list only ever shrinks, and so does one that gains a false finding (the list
 * excuses what a case misses, not what it blames).
 */
@Tag("lmms")
class LmmsCorpusTest {

    private static final String KNOWN_FAILURES = "lmms-known-failures.txt";

    /** How {@link #judge} begins a false finding's line. */
    private static final String FALSE = "false ";

    @TestFactory
    Stream<DynamicTest> everyDeliveryOfTheCorpus() throws IOException {
        String dir = System.getProperty("stemcheck.lmmsCorpus", "");
        Path root = dir.isBlank() ? null : Path.of(dir);
        List<Path> truths = root != null && Files.isDirectory(root) ? truthFiles(root) : List.of();
        if (truths.isEmpty()) {
            return noCorpus(root);
        }
        Set<String> known = knownFailures();
        Set<String> cases = new HashSet<>();
        List<DynamicTest> tests = new ArrayList<>();
        for (Path truth : truths) {
            String name = root.relativize(truth.getParent()).toString().replace('\\', '/');
            cases.add(name);
            tests.add(DynamicTest.dynamicTest(name, truth.toUri(), () -> check(name, truth, known.contains(name))));
        }
        // A listed case of a song this corpus holds must exist (the list only shrinks); a corpus
        // of other songs (scripts/lmms-native.sh's) is not held to the list.
        Set<String> stale = new LinkedHashSet<>(known);
        stale.removeAll(cases);
        stale.removeIf(c -> !Files.isDirectory(root.resolve(c.split("/")[0])));
        if (!stale.isEmpty()) {
            tests.add(DynamicTest.dynamicTest("known failures name existing cases", () ->
                    fail("%s lists cases the corpus does not have: %s", KNOWN_FAILURES, stale)));
        }
        return tests.stream();
    }

    /**
     * The one test to show when the corpus is absent: skipped with the reason, except under CI
     * with the profile active, where that fails. A dynamic test that aborts, not an abort of the
     * factory: surefire then counts it as skipped and prints the reason.
     */
    static Stream<DynamicTest> noCorpus(Path root) {
        String why = "no LMMS corpus (truth.json files) under " + (root == null ? "-Dstemcheck.lmmsCorpus (unset)" : root)
                + ": render it with scripts/lmms-corpus.sh DIR (docs/lmms-corpus.md)";
        if ("true".equals(System.getenv("CI")) && Boolean.getBoolean("stemcheck.lmmsProfile")) {
            fail(why);
        }
        return Stream.of(DynamicTest.dynamicTest("LMMS corpus present", () -> Assumptions.abort(why)));
    }

    private static List<Path> truthFiles(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root, 3)) {
            return s.filter(p -> p.getFileName().toString().equals("truth.json")).sorted().collect(Collectors.toList());
        }
    }

    private static Set<String> knownFailures() throws IOException {
        try (InputStream in = LmmsCorpusTest.class.getResourceAsStream(KNOWN_FAILURES)) {
            if (in == null) {
                return Set.of();
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(l -> l.replaceFirst("#.*", "").strip()).filter(l -> !l.isEmpty())
                    .collect(Collectors.toCollection(LinkedHashSet::new));
        }
    }

    private static void check(String name, Path truthFile, boolean knownFailure) throws IOException {
        @SuppressWarnings("unchecked")
        Map<String, Object> truth = (Map<String, Object>) Json.parse(Files.readString(truthFile));
        Report report = StemSet.from(truthFile.getParent()).run();
        List<String> problems = judge(truth, report);
        if (knownFailure && problems.isEmpty()) {
            fail("%s passes but is listed in %s: take it off the list", name, KNOWN_FAILURES);
        }
        // A listed case is excused a missed finding, never a false one (a wrong offset on the
        // guilty stem and a missing stem read into its residual went unseen that way once).
        List<String> falseOnes = problems.stream().filter(p -> p.startsWith(FALSE)).toList();
        if (knownFailure && !falseOnes.isEmpty()) {
            fail("%s is listed in %s for what it misses, but now has false findings:%n  %s", name, KNOWN_FAILURES,
                    String.join("\n  ", falseOnes));
        }
        if (knownFailure) {
            Assumptions.abort("known failure (" + KNOWN_FAILURES + "): " + String.join("; ", problems));
        }
        if (!problems.isEmpty()) {
            fail("%s (%s):%n  %s%nall findings: %s", name, truth.get("description"),
                    String.join("\n  ", problems), report.findings());
        }
    }

    /** What is wrong with the report against the truth: missed expectations and false findings. */
    @SuppressWarnings("unchecked")
    static List<String> judge(Map<String, Object> truth, Report report) {
        List<String> problems = new ArrayList<>();
        Set<String> stems = ((Map<String, Object>) truth.getOrDefault("stems", Map.of())).keySet();
        Set<String> innocent = new HashSet<>((List<String>) truth.getOrDefault("innocent_files", List.of()));
        List<Map<String, Object>> expected = new ArrayList<>((List<Map<String, Object>>) truth.get("expected"));
        // The mix's own latency (a master plug-in LMMS does not compensate) is a fault of the
        // delivery the report must name on the mix, within a sample (as lmms-evaluate.py).
        Map<String, Object> mix = (Map<String, Object>) truth.getOrDefault("mix", Map.of());
        Number latency = (Number) mix.get("latency_samples");
        if (latency != null && latency.doubleValue() != 0) {
            expected.add(Map.of("code", "mix.offset", "file", mix.get("file"), "measurement", "offset_samples",
                    "value", latency, "tolerance", 1.0));
        }
        List<Map<String, Object>> allowed = (List<Map<String, Object>>) truth.getOrDefault("allowed", List.of());
        Set<String> expectedCodes = new HashSet<>();
        for (Map<String, Object> e : expected) {
            List<String> codes = codes(e);
            expectedCodes.addAll(codes);
            boolean found;
            if (e.containsKey("report_key")) {
                found = report.reference().flatMap(r -> r.mixbusProcessing())
                        .map(v -> v.equals(e.get("value"))).orElse(false);
            } else {
                found = report.findings().stream().anyMatch(f -> matches(e, codes, f, stems));
            }
            if (!found) {
                problems.add("missed " + e.get("code") + " on " + (e.get("file") != null ? e.get("file") : e.get("removed_file"))
                        + (e.containsKey("value") ? " (" + e.get("measurement") + " " + e.get("value") + ")" : ""));
            }
        }
        boolean clean = "clean".equals(truth.get("variant"));
        String mixFile = (String) ((Map<String, Object>) truth.get("mix")).get("file");
        for (Finding f : report.findings()) {
            if (f.severity() == Severity.INFO) {
                continue;
            }
            if (isAllowed(allowed, mixFile, f)) {
                continue;
            }
            boolean namesInnocent = f.files().stream().anyMatch(innocent::contains);
            boolean unexpected = !expectedCodes.contains(f.code());
            if (namesInnocent || clean || unexpected) {
                problems.add(FALSE + f.severity() + " " + f.code() + " " + f.files() + ": " + f.message());
            }
        }
        return problems;
    }

    /**
     * True when truth.json's "allowed" covers the finding: an entry with its code and no file (any
     * files), or every file it names is one of those entries' files or the mix (what the render itself holds, such as a DC
     * offset in a drum sample, or a consequence of the fault that names only the mix).
     */
    private static boolean isAllowed(List<Map<String, Object>> allowed, String mixFile, Finding f) {
        Set<Object> files = allowed.stream().filter(a -> f.code().equals(a.get("code")))
                .map(a -> a.get("file")).collect(Collectors.toCollection(HashSet::new));
        if (files.isEmpty()) {
            return false;
        }
        files.add(mixFile);
        return files.contains(null) || files.containsAll(f.files());
    }

    @SuppressWarnings("unchecked")
    private static List<String> codes(Map<String, Object> e) {
        Object c = e.get("codes");
        return c instanceof List ? (List<String>) c : List.of((String) e.get("code"));
    }

    private static boolean matches(Map<String, Object> e, List<String> codes, Finding f, Set<String> stems) {
        if (!codes.contains(f.code())) {
            return false;
        }
        Object file = e.get("file");
        if (file != null && !f.files().contains(file)) {
            boolean namesAStem = f.files().stream().anyMatch(stems::contains);
            if (!(Boolean.TRUE.equals(e.get("file_or_none")) && !namesAStem)) {
                return false;
            }
        }
        if (e.containsKey("measurement") && f.code().equals(e.get("code"))) {
            Double v = f.measurements().get((String) e.get("measurement"));
            double want = ((Number) e.get("value")).doubleValue();
            double tolerance = ((Number) e.get("tolerance")).doubleValue();
            return v != null && Math.abs(v - want) <= tolerance;
        }
        return true;
    }
}
