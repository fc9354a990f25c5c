package org.stemcheck.core.internal.spec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.stemcheck.core.spec.DeliverySpec;

/**
 * Loads spec files: JSON over the spec each {@code "extends"} (a preset by name, or another file
 * by a path relative to the extending file; {@code music} when a file names none). A chain that
 * comes back to a file it already holds is refused. Every error is one line:
 * {@code file:line:column: key.path: what is wrong}.
 */
public final class SpecFiles {

    /** The preset a file extends when it names none: the default of {@code StemSet}. */
    static final String DEFAULT_BASE = "music";

    /** A spec file larger than this is no spec (the biggest preset is 2 kB). */
    static final long MAX_BYTES = 1 << 20;

    private SpecFiles() {
    }

    /**
     * Loads a spec file and the chain it extends.
     *
     * @param file the spec file
     * @return the spec
     * @throws IllegalArgumentException when the file or one it extends is not a valid spec, or
     *         does not exist
     * @throws UncheckedIOException when a file cannot be read
     */
    public static DeliverySpec load(Path file) {
        return load(file, new ArrayList<>());
    }

    private static DeliverySpec load(Path file, List<Path> chain) {
        Path abs = file.toAbsolutePath().normalize();
        String shown = file.toString();
        String text = read(file, shown);
        try {
            Json.Obj top = SpecReader.top(parse(text));
            chain.add(abs);
            DeliverySpec base = base(SpecReader.extendsOf(top), abs, chain);
            return SpecReader.apply(top, base, defaultName(abs));
        } catch (SpecError e) {
            throw new IllegalArgumentException(shown + ":" + e.getMessage(), e);
        } catch (JsonReader.SyntaxError e) {
            throw new IllegalArgumentException(shown + ":" + e.line() + ":" + e.column() + ": not valid JSON: "
                    + e.getMessage().substring(e.getMessage().indexOf(": ") + 2), e);
        }
    }

    private static DeliverySpec base(Optional<Json.Str> ext, Path abs, List<Path> chain) {
        if (ext.isEmpty()) {
            return Presets.get(DEFAULT_BASE);
        }
        Json.Str v = ext.get();
        Optional<DeliverySpec> preset = Presets.find(v.value());
        if (preset.isPresent()) {
            return preset.get();
        }
        Path target;
        try {
            target = abs.getParent().resolve(v.value()).normalize();
        } catch (java.nio.file.InvalidPathException e) {
            throw new SpecError("extends", v, "neither a preset nor a path: " + e.getReason());
        }
        if (chain.contains(target)) {
            String cycle = chain.subList(chain.indexOf(target), chain.size()).stream()
                    .map(p -> p.getFileName().toString()).collect(Collectors.joining(" -> "));
            throw new SpecError("extends", v, "a cycle: " + cycle + " -> " + target.getFileName()
                    + "; a spec cannot extend itself");
        }
        if (!Files.isRegularFile(target)) {
            throw new SpecError("extends", v, "no preset named " + JsonReader.quote(v.value()) + " (the presets are "
                    + String.join(", ", Presets.names()) + ") and no file " + target);
        }
        return load(target, chain); // an error there names that file
    }

    /** Parses a spec text; a preset's parse errors surface here too. */
    static Json parse(String text) {
        return JsonReader.read(text);
    }

    private static String read(Path file, String shown) {
        try {
            if (Files.isDirectory(file)) {
                throw new IllegalArgumentException(shown + ": a folder, not a spec file");
            }
            if (Files.size(file) > MAX_BYTES) {
                throw new IllegalArgumentException(shown + ": " + Files.size(file) + " bytes; a spec file is JSON of"
                        + " a few kB (at most " + MAX_BYTES + " bytes)");
            }
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("no such spec file: " + shown + " (nor a preset of that name: "
                    + String.join(", ", Presets.names()) + ")", e);
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException(shown + ": not UTF-8 text; a spec file is JSON in UTF-8", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read spec file " + shown + ": " + e, e);
        }
    }

    /** {@code label.json} is named {@code label}. */
    private static String defaultName(Path abs) {
        String n = abs.getFileName().toString();
        return n.toLowerCase(java.util.Locale.ROOT).endsWith(".json") ? n.substring(0, n.length() - 5) : n;
    }
}
