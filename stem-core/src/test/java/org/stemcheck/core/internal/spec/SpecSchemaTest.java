package org.stemcheck.core.internal.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.stemcheck.core.spec.DeliverySpec;
import org.stemcheck.core.testing.Json;
import org.stemcheck.core.testing.SchemaValidator;

/**
 * docs/spec.schema.json, the loader and the presets agree: every key the loader knows is in the
 * schema and the reverse, every preset is valid under the schema, and docs/specs.md names every key.
 */
class SpecSchemaTest {

    static Map<String, Object> schema;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void readSchema() throws IOException {
        schema = (Map<String, Object>) Json.parse(Files.readString(docs("spec.schema.json")));
    }

    /** A file of docs/, found from the module folder (Maven) or the project root (an IDE). */
    static Path docs(String name) {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("docs").resolve(name);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("docs/" + name + " not found above " + Path.of("").toAbsolutePath());
    }

    @Test
    void everyKeyTheLoaderKnowsIsInTheSchemaAndTheReverse() {
        Set<String> inSchema = new TreeSet<>();
        collect(schema, "", inSchema);
        assertThat(inSchema).isEqualTo(SpecReader.keyPaths());
    }

    /** The key paths of a schema's properties: {@code format.bit_depth}, {@code stems.expected[].name}. */
    @SuppressWarnings("unchecked")
    private static void collect(Map<String, Object> node, String path, Set<String> out) {
        Map<String, Object> props = (Map<String, Object>) node.getOrDefault("properties", Map.of());
        for (Map.Entry<String, Object> e : props.entrySet()) {
            String p = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
            out.add(p);
            Map<String, Object> child = (Map<String, Object>) e.getValue();
            collect(child, p, out);
            if (child.get("items") instanceof Map<?, ?> items) {
                collect((Map<String, Object>) items, p + "[]", out);
            }
        }
    }

    @Test
    void everyObjectOfTheSchemaRefusesUnknownKeysAsTheLoaderDoes() {
        assertThat(schema).containsEntry("additionalProperties", false);
        @SuppressWarnings("unchecked")
        Map<String, Object> props = (Map<String, Object>) schema.get("properties");
        for (String group : List.of("format", "naming", "stems", "timing", "levels", "loudness", "mix")) {
            @SuppressWarnings("unchecked")
            Map<String, Object> g = (Map<String, Object>) props.get(group);
            assertThat(g).as(group).containsEntry("additionalProperties", false);
        }
    }

    @Test
    void everyPresetIsValidUnderTheSchemaAndLoads() {
        SchemaValidator validator = new SchemaValidator(schema);
        for (String name : Presets.names()) {
            Object preset = Json.parse(Presets.text(name));
            assertThat(validator.validate(preset)).as(name).isEmpty();
            assertThat(DeliverySpec.preset(name).name()).isEqualTo(name);
        }
    }

    @Test
    void musicJsonStatesEveryKeyAndIsTheRootTheOthersBuildOn() {
        Set<String> stated = new TreeSet<>();
        statedKeys((Map<?, ?>) Json.parse(Presets.text("music")), "", stated);
        Set<String> all = new TreeSet<>(SpecReader.keyPaths());
        all.removeIf(k -> k.startsWith("stems.expected[]") || k.equals("extends") || k.equals("$schema"));
        assertThat(stated).as("music.json is the reference of every key").containsAll(all);
        DeliverySpec root = Presets.root();
        DeliverySpec music = DeliverySpec.music();
        assertThat(music.toBuilder().description("").standard("").build()).isEqualTo(root);
    }

    private static void statedKeys(Map<?, ?> o, String path, Set<String> out) {
        for (Map.Entry<?, ?> e : o.entrySet()) {
            String p = path.isEmpty() ? (String) e.getKey() : path + "." + e.getKey();
            out.add(p);
            if (e.getValue() instanceof Map<?, ?> m && !p.equals("format.stem_channels")) {
                statedKeys(m, p, out);
            }
        }
    }

    @Test
    void theSpecsPageNamesEveryKeyAndEveryPreset() throws IOException {
        String page = Files.readString(docs("specs.md"));
        for (String key : SpecReader.keyPaths()) {
            String last = key.substring(key.lastIndexOf('.') + 1);
            String shown = key.contains("[]") ? key.substring(key.indexOf('.') + 1) : last;
            assertThat(page).as("docs/specs.md documents %s", key).contains("`" + shown + "`");
        }
        for (String name : Presets.names()) {
            assertThat(page).as("docs/specs.md lists the preset %s", name).contains("`" + name + "`");
        }
        assertThat(page).contains("level.loudness");
    }
}
