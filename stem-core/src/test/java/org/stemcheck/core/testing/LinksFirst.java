package org.stemcheck.core.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.AnnotatedElementContext;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.io.TempDirDeletionStrategy;

/**
 * Deletes a {@code @TempDir} after removing the symbolic links in it, which the dev101 tests make
 * to the shared corpus ({@link Dev101}): JUnit's own strategy deletes them too but warns about
 * each link to a file outside the temporary folder, some 270 lines per build. The links are
 * ours and their targets stay untouched either way. Set for every test of this module in
 * src/test/resources/junit-platform.properties.
 */
public final class LinksFirst implements TempDirDeletionStrategy {

    @Override
    public DeletionResult delete(Path dir, AnnotatedElementContext element, ExtensionContext context) throws IOException {
        if (Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            List<Path> links;
            try (Stream<Path> paths = Files.walk(dir)) {   // does not follow links
                links = paths.filter(Files::isSymbolicLink).toList();
            }
            for (Path link : links) {
                Files.deleteIfExists(link);
            }
        }
        return TempDirDeletionStrategy.Standard.INSTANCE.delete(dir, element, context);
    }
}
