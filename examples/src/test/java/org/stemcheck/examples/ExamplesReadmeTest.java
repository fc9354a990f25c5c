package org.stemcheck.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** Every example with a {@code main} has its one-line command in the README, and the README's build line makes the class path it uses. */
class ExamplesReadmeTest {

    @Test
    void everyRunnableExampleHasItsCommandInTheReadme() throws IOException {
        Path root = root();
        String readme = Files.readString(root.resolve("README.md"));
        List<String> runnable;
        try (Stream<Path> s = Files.list(root.resolve("examples/src/main/java/org/stemcheck/examples"))) {
            runnable = s.filter(p -> p.toString().endsWith(".java")).filter(ExamplesReadmeTest::hasMain)
                    .map(p -> p.getFileName().toString().replace(".java", "")).sorted().toList();
        }
        assertThat(runnable).as("examples with a main").contains("CheckAFolder", "ReadAFile");
        for (String name : runnable) {
            assertThat(readme).as("README command for %s", name)
                    .contains("java -cp \"$CP\" org.stemcheck.examples." + name);
        }
        assertThat(readme).contains("./mvnw -q -B -pl examples -am package -DskipTests", "examples/target/classpath.txt");
        assertThat(Files.readString(root.resolve("examples/pom.xml"))).contains("<goal>build-classpath</goal>");
    }

    private static boolean hasMain(Path p) {
        try {
            return Files.readString(p).contains("public static void main(String[] args)");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Path root() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.exists(p.resolve("README.md")) && Files.isDirectory(p.resolve("examples"))) {
                return p;
            }
        }
        throw new IllegalStateException("project root not found above " + Path.of("").toAbsolutePath());
    }
}
