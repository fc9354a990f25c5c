package org.stemcheck.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stemcheck.core.testing.Findings.of;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stemcheck.core.testing.Dev101;
import org.stemcheck.io.testing.TestData;

/**
 * {@code content.label-mismatch} and {@code level.mixbus-processing} on the dev101 deliveries:
 * the swapped Bass/Vocals names and the stems exported through the mix-bus chain are found, the
 * clean delivery gives neither. Variants are materialised in a temporary folder from their
 * {@code truth.json} (links to the shared files, never copies into the repository).
 */
class Dev101ContentChecksTest {

    private static final String LABEL = "content.label-mismatch";
    private static final String MIXBUS = "level.mixbus-processing";

    @TempDir
    Path tmp;


    @Test
    void cleanDeliveryHasNoLabelMismatchAndNoMixbusProcessing() {
        Report r = StemSet.from(TestData.require("songs/dev101/clean")).run();

        assertThat(of(r, LABEL)).isEmpty();
        assertThat(of(r, MIXBUS)).isEmpty();
    }

    @Test
    void cleanStemsSumToTheLevelOfTheUnprocessedMix() {
        Report r = StemSet.from(TestData.require("songs/dev101/clean")).mixdown("mixdown_nobus.wav").run();

        assertThat(of(r, MIXBUS)).isEmpty();
    }

    @Test
    void swappedBassAndVocalsAreEachALabelMismatchAndNothingElseIs() throws IOException {
        Report r = StemSet.from(materialise("mislabeled")).run();

        List<Finding> found = of(r, LABEL);
        assertThat(found).extracting(f -> f.files().get(0))
                .containsExactlyInAnyOrder("DistantHarbor_Bass_86bpm.wav", "DistantHarbor_Vocals_86bpm.wav");
        assertThat(found).allSatisfy(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.message()).contains("check the file names");
            assertThat(f.fix()).contains("rename");
        });
        Finding bass = found.stream().filter(f -> f.files().contains("DistantHarbor_Bass_86bpm.wav")).findFirst()
                .orElseThrow();
        assertThat(bass.message()).startsWith("Bass sounds like a vocal (pitch ").contains("not a bass");
        assertThat(bass.measurements().get("pitch_median_hz")).isGreaterThan(150.0);
        Finding vocals = found.stream().filter(f -> f.files().contains("DistantHarbor_Vocals_86bpm.wav")).findFirst()
                .orElseThrow();
        assertThat(vocals.message()).startsWith("Vocals sounds like a bass (pitch ").contains("not a vocal");
        assertThat(vocals.measurements().get("share_below_300hz")).isGreaterThan(0.6);
        assertThat(of(r, MIXBUS)).isEmpty();
    }

    @Test
    void stemsThroughTheMixBusChainShareTheLimiterCeiling() throws IOException {
        Report r = StemSet.from(materialise("limiter_in_stems")).run();

        List<Finding> found = of(r, MIXBUS);
        assertThat(found).as("findings %s", r.findings()).hasSize(1);
        Finding f = found.get(0);
        assertThat(f.severity()).isEqualTo(Severity.ERROR);
        assertThat(f.files()).containsExactlyInAnyOrder("DistantHarbor_Drums_86bpm.wav", "DistantHarbor_Vocals_86bpm.wav");
        assertThat(f.message()).contains("Drums and Vocals", "-1.0 dBFS", "Drums reaches it");
        assertThat(f.measurements().get("ceiling_dbfs")).isBetween(-1.05, -0.95);
        assertThat(f.fix()).contains("bypassed");
        assertThat(of(r, LABEL)).isEmpty();
    }

    @Test
    void stemsThroughTheMixBusChainAreFarLouderThanTheUnprocessedMix() throws IOException {
        Path dir = materialise("limiter_in_stems");
        Report r = StemSet.from(dir).mixdown("mixdown_nobus.wav").run();

        Finding f = of(r, MIXBUS).get(0);
        assertThat(f.message()).contains("louder than the mix");
        assertThat(f.measurements().get("stems_over_mix_db")).isBetween(6.0, 11.0);
    }

    private Path materialise(String variant) throws IOException {
        return Dev101.variant(variant, Files.createDirectory(tmp.resolve(variant)));
    }
}
