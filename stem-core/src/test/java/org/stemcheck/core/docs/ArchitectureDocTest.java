package org.stemcheck.core.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.stemcheck.core.testing.ProjectFiles;

/**
 * {@code docs/architecture.md} stays true: every class it names (in backticks, or a CamelCase word
 * in its pictures) is a class of the project's sources (main, or a test it cites) or of the JDK, every member it names
 * ({@code Measurements.standard()}) is in that class's file, and every {@code internal/...}
 * package it names exists in stem-core.
 */
class ArchitectureDocTest {

    private static final List<String> MODULES = List.of("stem-io", "stem-dsp", "stem-core", "stem-cli");
    /** {@code `Name`}, {@code `Name.member`} or {@code `Name.member()`}. */
    private static final Pattern TICKED = Pattern.compile("`([A-Z][A-Za-z0-9]*)(?:\\.([A-Za-z_][A-Za-z0-9_]*)(?:\\(\\))?)?`");
    /** CamelCase with at least two humps, as class names in a text picture are written. */
    private static final Pattern CAMEL = Pattern.compile("\\b([A-Z][a-z0-9]+(?:[A-Z][a-z0-9]*)+)(?:\\.([a-z][A-Za-z0-9]*))?");
    private static final Pattern FENCE = Pattern.compile("(?s)```\\n(.*?)```");
    private static final Pattern INTERNAL = Pattern.compile("`internal/([a-z/]+)`");
    /** Words in backticks that are not classes of ours. */
    private static final Set<String> NOT_CLASSES = Set.of("META-INF");

    static Map<String, Path> mainClasses() throws IOException {
        Map<String, Path> out = new HashMap<>();
        for (String m : MODULES) {
            for (String tree : List.of("/src/main/java", "/src/test/java")) {
                try (Stream<Path> s = Files.walk(ProjectFiles.resolve(m + tree))) {
                    s.filter(p -> p.toString().endsWith(".java"))
                            .forEach(p -> out.putIfAbsent(p.getFileName().toString().replace(".java", ""), p));
                }
            }
        }
        return out;
    }

    @Test
    void everyClassAndMemberItNamesExists() throws IOException {
        String doc = Files.readString(ProjectFiles.resolve("docs/architecture.md"));
        Map<String, Path> classes = mainClasses();
        Set<String> missing = new TreeSet<>();
        Set<String> seen = new TreeSet<>();
        check(TICKED.matcher(doc), classes, missing, seen);
        Matcher fence = FENCE.matcher(doc);
        while (fence.find()) {
            check(CAMEL.matcher(fence.group(1)), classes, missing, seen);
        }
        assertThat(seen).as("names checked (the scan is not vacuous)").contains("Engine", "NullSum", "Measurements.standard", "DeliveryFile.readAlone");
        assertThat(missing).as("names in docs/architecture.md that are no class or member of the sources").isEmpty();
    }

    private static void check(Matcher m, Map<String, Path> classes, Set<String> missing, Set<String> seen)
            throws IOException {
        while (m.find()) {
            String type = m.group(1);
            if (NOT_CLASSES.contains(type) || jdk(type)) {
                continue;
            }
            String member = m.group(2);
            String name = member == null ? type : type + "." + member;
            seen.add(name);
            Path file = classes.get(type);
            if (file == null) {
                missing.add(name);
            } else if (member != null && !Files.readString(file).contains(member)) {
                missing.add(name);
            }
        }
    }

    /** A JDK class the text may name ({@code ServiceLoader}, {@code ExecutorService}). */
    private static boolean jdk(String simpleName) {
        for (String pkg : List.of("java.lang.", "java.util.", "java.util.concurrent.")) {
            try {
                Class.forName(pkg + simpleName, false, ArchitectureDocTest.class.getClassLoader());
                return true;
            } catch (ClassNotFoundException e) {
                // not in this package
            }
        }
        return false;
    }

    @Test
    void everyInternalPackageItNamesExists() throws IOException {
        String doc = Files.readString(ProjectFiles.resolve("docs/architecture.md"));
        Path internal = ProjectFiles.resolve("stem-core/src/main/java/org/stemcheck/core/internal");
        Matcher m = INTERNAL.matcher(doc);
        int n = 0;
        while (m.find()) {
            n++;
            assertThat(internal.resolve(m.group(1))).as("internal/%s", m.group(1)).isDirectory();
        }
        assertThat(n).isPositive();
    }
}
