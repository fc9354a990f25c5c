package org.stemcheck.core.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** Files of the project (docs, README, other modules' sources), found from a module folder or the root. */
public final class ProjectFiles {

    private ProjectFiles() {
    }

    /** The project's root: the nearest folder above the working directory that holds {@code docs/} and {@code pom.xml}. */
    public static Path root() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("docs")) && Files.exists(p.resolve("pom.xml"))
                    && Files.isDirectory(p.resolve("stem-core"))) {
                return p;
            }
        }
        throw new IllegalStateException("the project root (docs/, pom.xml, stem-core/) is not above "
                + Path.of("").toAbsolutePath());
    }

    /** A file by its path from the project root. */
    public static Path resolve(String relative) {
        return root().resolve(relative);
    }
}
