package org.stemcheck.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.stemcheck.io.testing.TestData;

/**
 * Every file of the six dev101 deliveries reads with the format, frame count and bext
 * TimeReference its variant's truth.json gives. Files a variant folder does not store are taken
 * from clean/ as its {@code reused_from_clean} map says (songs/README.md, storage convention).
 */
class Dev101ReadTest {

    private static final List<String> VARIANTS = List.of("clean", "missing_fx", "limiter_in_stems",
            "missing_bus_processing", "mislabeled", "lossy_transcode");

    static List<Arguments> deliveredFiles() throws IOException {
        Path root = TestData.require("songs/dev101");
        List<Arguments> all = new ArrayList<>();
        for (String variant : VARIANTS) {
            Path dir = root.resolve(variant);
            JsonNode truth = new ObjectMapper().readTree(dir.resolve("truth.json").toFile());
            JsonNode reused = truth.path("reused_from_clean");
            for (JsonNode file : truth.path("files")) {
                String name = file.path("file").asText();
                Path stored = dir.resolve(name);
                Path path = Files.exists(stored) ? stored : root.resolve("clean").resolve(reused.path(name).asText(name));
                all.add(Arguments.of(variant + "/" + name, path, file));
            }
        }
        return all;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("deliveredFiles")
    void readsWithTheFormatFramesAndTimeReferenceOfTruthJson(String label, Path path, JsonNode truth) throws IOException {
        assertThat(path).as("%s resolves to a stored file", label).exists();
        AudioFile f = AudioFiles.open(path);

        assertThat(truth.path("container").asText()).isEqualTo("wav");
        assertThat(f.format().kind()).isEqualTo(FileKind.WAV);
        assertThat(f.format().sampleRate()).isEqualTo(truth.path("sample_rate").asDouble());
        assertThat(f.format().channels()).isEqualTo(truth.path("channels").asInt());
        assertThat(f.format().validBits()).isEqualTo(truth.path("bit_depth").asInt());
        assertThat(f.frames()).isEqualTo(truth.path("frames").asLong());
        assertThat(f.truncation()).isEmpty();
        assertThat(f.metadata().timeReference()).contains(truth.path("time_reference").asLong());

        long frames = 0;
        double peak = 0;
        double[][] block = new double[f.format().channels()][4096];
        try (SampleStream s = f.openStream()) {
            for (int n; (n = s.read(block, 0, 4096)) > 0; ) {
                frames += n;
                for (double[] channel : block) {
                    for (int i = 0; i < n; i++) {
                        peak = Math.max(peak, Math.abs(channel[i]));
                    }
                }
            }
        }
        assertThat(frames).isEqualTo(truth.path("frames").asLong());
        assertThat(peak).isGreaterThan(0.0).isLessThanOrEqualTo(1.0);
    }
}
