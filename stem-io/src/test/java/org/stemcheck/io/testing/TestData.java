package org.stemcheck.io.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;

/**
 * Finds the shared test corpora ({@code ../shared/testdata} beside the project, or the folder
 * named by the system property {@code stemcheck.testdata}). They are never copied into this
 * repository: some of them (the EBU set) may not be redistributed.
 *
 * <p>Where the data is absent a test is skipped with a message, except under CI
 * ({@code CI=true}), where its absence fails the test.
 */
public final class TestData {

    /** System property naming the test data folder. */
    public static final String PROPERTY = "stemcheck.testdata";

    private TestData() {
    }

    /** The test data root, as configured (it may not exist). */
    public static Path root() {
        String configured = System.getProperty(PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        // Run from a module folder (Maven) or from the project root (an IDE).
        Path here = Path.of("").toAbsolutePath();
        for (Path p = here; p != null; p = p.getParent()) {
            Path candidate = p.resolveSibling("shared").resolve("testdata");
            if (Files.isDirectory(candidate) && Files.exists(p.resolve("pom.xml"))) {
                return candidate.normalize();
            }
        }
        return here.resolveSibling("shared").resolve("testdata").normalize();
    }

    /**
     * A file or folder of the shared data, relative to its root; skips the calling test (or fails
     * it under CI) when it is absent.
     */
    public static Path require(String relative) {
        Path p = root().resolve(relative);
        if (!Files.exists(p)) {
            String msg = "shared test data not found: " + p
                    + " (put ../shared/testdata beside the project or set -D" + PROPERTY + "=DIR)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(msg);
            }
            Assumptions.abort(msg);
        }
        return p;
    }

    /** True when running under CI, where missing test data is a failure. */
    public static boolean underCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }
}
