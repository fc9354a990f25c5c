package org.stemcheck.core.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import org.stemcheck.io.testing.TestData;

/**
 * Builds a full dev101 variant in a temporary folder: the files stored in the variant's own folder
 * plus those its {@code truth.json} reuses from {@code clean/} ({@code reused_from_clean}: name in
 * the variant -> name in clean), as symbolic links (copies where links are unsupported). The shared
 * test data is never copied into the repository.
 */
public final class Dev101 {

    private Dev101() {
    }

    /** The variant assembled in {@code into}; skips the test when the shared data is absent. */
    public static Path variant(String name, Path into) throws IOException {
        Path own = TestData.require("songs/dev101/" + name);
        Path clean = TestData.require("songs/dev101/clean");
        try (Stream<Path> s = Files.list(own)) {
            for (Path p : s.filter(p -> p.getFileName().toString().endsWith(".wav")).toList()) {
                linkOrCopy(p, into.resolve(p.getFileName()));
            }
        }
        Object truth = Json.parse(Files.readString(own.resolve("truth.json")));
        Object reused = ((Map<?, ?>) truth).get("reused_from_clean");
        if (reused instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                linkOrCopy(clean.resolve((String) e.getValue()), into.resolve((String) e.getKey()));
            }
        }
        return into;
    }

    /** A symbolic link where the file system has them, else a copy in the temporary folder. */
    public static Path linkOrCopy(Path target, Path link) throws IOException {
        try {
            return Files.createSymbolicLink(link, target.toAbsolutePath());
        } catch (UnsupportedOperationException | IOException e) {
            return Files.copy(target, link);
        }
    }
}
