package org.stemcheck.core.structure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The packages of the published modules depend on each other one way only, read from the import
 * lines of their sources. One kind of edge is allowed to close a loop: an exported package calling
 * into its own module's {@code internal} packages (the entry points {@code StemSet}, {@code
 * Checks}, {@code ReportFormat}, {@code DeliverySpec}, {@code AudioFiles}, {@code AudioReaders}
 * hand the work to the implementation, which uses the API's values). Among the exported packages,
 * and among the internal ones, there is no loop.
 */
class PackageCyclesTest {

    private static final List<String> MODULES = List.of("stem-io", "stem-dsp", "stem-core", "stem-cli");
    private static final Pattern PACKAGE = Pattern.compile("^package\\s+([\\w.]+);", Pattern.MULTILINE);
    private static final Pattern IMPORT =
            Pattern.compile("^import\\s+(?:static\\s+)?(org\\.stemcheck(?:\\.[a-z]\\w*)*)\\.[A-Z]", Pattern.MULTILINE);

    @Test
    void noLoopAmongThePackagesOfAnyModule() {
        Path root = Path.of("").toAbsolutePath().getParent();
        Map<String, Set<String>> edges = new TreeMap<>();
        for (String module : MODULES) {
            Path sources = root.resolve(module).resolve("src/main/java");
            assertThat(sources).as("sources of %s", module).isDirectory();
            readImports(sources, edges);
        }
        assertThat(edges).as("packages read").hasSizeGreaterThan(20);
        assertThat(loops(edges)).as("package loops (edges from an API package into internal left out)").isEmpty();
    }

    @Test
    void findsALoopWhenThereIsOne() {
        Map<String, Set<String>> edges = new HashMap<>();
        edges.put("org.stemcheck.core", Set.of("org.stemcheck.core.nulltest"));
        edges.put("org.stemcheck.core.nulltest", Set.of("org.stemcheck.core"));
        edges.put("org.stemcheck.core.internal.a", Set.of("org.stemcheck.core"));
        assertThat(loops(edges)).containsExactly(List.of("org.stemcheck.core", "org.stemcheck.core.nulltest"));

        edges.clear();
        edges.put("org.stemcheck.core", Set.of("org.stemcheck.core.internal.a"));
        edges.put("org.stemcheck.core.internal.a", Set.of("org.stemcheck.core"));
        assertThat(loops(edges)).as("a facade's edge into internal").isEmpty();
    }

    private static void readImports(Path sources, Map<String, Set<String>> edges) {
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".java"))::iterator) {
                String text = Files.readString(file);
                Matcher p = PACKAGE.matcher(text);
                if (!p.find()) {
                    continue;
                }
                String from = p.group(1);
                Set<String> to = edges.computeIfAbsent(from, k -> new TreeSet<>());
                Matcher i = IMPORT.matcher(text);
                while (i.find()) {
                    String target = i.group(1);
                    if (!target.equals(from)) {
                        to.add(target);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isApi(String pkg) {
        return !pkg.contains(".internal");
    }

    /**
     * The strongly connected components of more than one package (Tarjan), each sorted, once the
     * edges from an API package into an internal one are left out.
     */
    static List<List<String>> loops(Map<String, Set<String>> all) {
        Map<String, Set<String>> edges = new TreeMap<>();
        all.forEach((from, to) -> edges.put(from, to.stream()
                .filter(target -> !(isApi(from) && !isApi(target)))
                .collect(Collectors.toCollection(TreeSet::new))));
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        Set<String> onStack = new TreeSet<>();
        List<List<String>> found = new ArrayList<>();
        Set<String> nodes = new TreeSet<>(edges.keySet());
        edges.values().forEach(nodes::addAll);
        for (String node : nodes) {
            if (!index.containsKey(node)) {
                connect(node, edges, index, low, stack, onStack, found);
            }
        }
        return found;
    }

    private static void connect(String v, Map<String, Set<String>> edges, Map<String, Integer> index,
            Map<String, Integer> low, Deque<String> stack, Set<String> onStack, List<List<String>> found) {
        index.put(v, index.size());
        low.put(v, index.get(v));
        stack.push(v);
        onStack.add(v);
        for (String w : edges.getOrDefault(v, Set.of())) {
            if (!index.containsKey(w)) {
                connect(w, edges, index, low, stack, onStack, found);
                low.put(v, Math.min(low.get(v), low.get(w)));
            } else if (onStack.contains(w)) {
                low.put(v, Math.min(low.get(v), index.get(w)));
            }
        }
        if (low.get(v).equals(index.get(v))) {
            List<String> component = new ArrayList<>();
            String w;
            do {
                w = stack.pop();
                onStack.remove(w);
                component.add(w);
            } while (!w.equals(v));
            if (component.size() > 1) {
                component.sort(null);
                found.add(component);
            }
        }
    }
}
