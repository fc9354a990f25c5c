package org.stemcheck.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.stemcheck.core.spec.DeliverySpec;

/** What {@code --spec} names: a preset by name, or a spec file by path. */
final class Specs {

    private Specs() {
    }

    /**
     * The spec of a preset name (ignoring case) or a file path. A name that is both (a file called {@code film} in
     * the working folder) is the preset: write {@code ./film} for the file.
     *
     * @throws IllegalArgumentException when it is neither, or the file is not a valid spec (the
     *         message is one line with the key's path)
     */
    static DeliverySpec resolve(String nameOrPath) {
        // Preset names ignore case, as the other option values do (--spec FILM).
        for (DeliverySpec p : DeliverySpec.presets()) {
            if (p.name().equalsIgnoreCase(nameOrPath)) {
                return p;
            }
        }
        Path p = Path.of(nameOrPath);
        boolean looksLikeAFile = nameOrPath.contains("/") || nameOrPath.contains(java.io.File.separator)
                || nameOrPath.toLowerCase(Locale.ROOT).endsWith(".json");
        if (!Files.exists(p) && !looksLikeAFile) {
            return DeliverySpec.preset(nameOrPath); // says which presets there are
        }
        return DeliverySpec.load(p);
    }
}
