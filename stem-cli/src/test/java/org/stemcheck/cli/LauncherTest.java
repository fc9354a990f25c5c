package org.stemcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher {@code ./stemcheck} (beside {@code mvnw}): run with a jar of its own whose main
 * class prints the JVM options and arguments it was started with, so the test sees what the
 * launcher hands to {@code java} (the real jar is built after the tests).
 */
class LauncherTest {

    /** The launcher's own option; the reason for it is in the script and docs/benchmarks.md. */
    private static final String BACK_EDGE = "-XX:Tier4BackEdgeThreshold=400000";

    @TempDir
    Path tmp;

    private Path launcher;
    private Path jar;
    private Path cache;

    /** The main class of the probe jar: one line of JVM options, then one line per argument. */
    public static final class Probe {
        private Probe() {
        }

        /**
         * Prints what it was started with and exits with the status its first argument names
         * (0 when that is no number).
         *
         * @param args the exit status, then anything
         */
        public static void main(String[] args) {
            System.out.println("jvm " + ManagementFactory.getRuntimeMXBean().getInputArguments());
            for (String a : args) {
                System.out.println("arg " + a);
            }
            System.exit(args.length > 0 && args[0].matches("\\d{1,3}") ? Integer.parseInt(args[0]) : 0);
        }
    }

    @BeforeEach
    void probeJar() throws IOException {
        launcher = Path.of("").toAbsolutePath().getParent().resolve("stemcheck");
        assumeTrue(Files.isExecutable(launcher), "no executable launcher at " + launcher);
        assumeTrue(Files.isExecutable(Path.of("/bin/bash")) || Files.isExecutable(Path.of("/usr/bin/bash")),
                "the launcher is a bash script");
        jar = tmp.resolve("probe.jar");
        cache = tmp.resolve("cache");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, Probe.class.getName());
        String entry = Probe.class.getName().replace('.', '/') + ".class";
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out, manifest);
                var in = Probe.class.getClassLoader().getResourceAsStream(entry)) {
            j.putNextEntry(new JarEntry(entry));
            in.transferTo(j);
            j.closeEntry();
        }
    }

    private record Run(int status, List<String> lines) {
        String jvm() {
            return lines.stream().filter(l -> l.startsWith("jvm ")).findFirst().orElseThrow();
        }

        List<String> args() {
            return lines.stream().filter(l -> l.startsWith("arg ")).map(l -> l.substring(4)).toList();
        }
    }

    private Run run(Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(launcher.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().remove("JAVA_OPTS");
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().put("STEMCHECK_JAR", jar.toString());
        pb.environment().put("STEMCHECK_CACHE", cache.toString());
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (!p.waitFor(2, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("the launcher did not end in 2 minutes");
        }
        return new Run(p.exitValue(), out.lines().toList());
    }

    private List<Path> archives() throws IOException {
        if (!Files.isDirectory(cache)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(cache)) {
            return s.toList();
        }
    }

    @Test
    void passesArgumentsAndStatusThroughWithItsOptionsBeforeTheUsers() throws Exception {
        Run r = run(Map.of("JAVA_OPTS", "-Xmx64m -Dprobe=1"), "3", "two words", "", "--format");

        assertThat(r.status()).isEqualTo(3);
        assertThat(r.args()).containsExactly("3", "two words", "", "--format");
        String jvm = r.jvm();
        assertThat(jvm).contains(BACK_EDGE, "-XX:-UsePerfData", "-Xmx64m", "-Dprobe=1");
        assertThat(jvm.indexOf(BACK_EDGE)).as("JAVA_OPTS come after, so they win").isLessThan(jvm.indexOf("-Xmx64m"));
        // not a check or demo: no archive is written (it would hold only start-up classes)
        assertThat(jvm).doesNotContain("ArchiveClassesAtExit", "SharedArchiveFile");
        assertThat(archives()).isEmpty();
    }

    @Test
    void theFirstCheckWritesTheClassArchiveAndLaterRunsMapIt() throws Exception {
        Run first = run(Map.of(), "check", "x");
        assertThat(first.jvm()).contains("-XX:ArchiveClassesAtExit=");
        assertThat(first.status()).isZero();
        List<Path> made = archives();
        assertThat(made).hasSize(1);
        assertThat(made.get(0).getFileName().toString()).matches("stemcheck-\\d+\\.jsa");

        Run second = run(Map.of(), "4", "y");
        assertThat(second.status()).isEqualTo(4);
        assertThat(second.jvm()).contains("-XX:SharedArchiveFile=" + made.get(0)).doesNotContain("ArchiveClassesAtExit");
        assertThat(archives()).isEqualTo(made);
    }

    @Test
    void stemcheckCdsZeroLeavesTheArchiveOut() throws Exception {
        Run r = run(Map.of("STEMCHECK_CDS", "0"), "check", "x");
        assertThat(r.jvm()).contains(BACK_EDGE).doesNotContain("Archive");
        assertThat(archives()).isEmpty();
    }

    @Test
    void aMissingJarIsAUsageErrorThatSaysHowToBuildIt() throws Exception {
        Files.delete(jar);
        Run r = run(Map.of(), "0");
        assertThat(r.status()).isEqualTo(2);
        assertThat(String.join("\n", r.lines())).contains("no jar at", "./mvnw -q -B package -DskipTests");
    }
}
