package org.stemcheck.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stemcheck.core.testing.Findings.problems;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stemcheck.core.testing.Dev101;

/** The dev101 fault variants, assembled from the shared data: the level and content checks say what is there. */
class Dev101VariantsTest {

    @TempDir
    Path tmp;

    @Test
    void lossyTranscodeVariantIsFoundOnTheGtrKeysStemOnly() throws IOException {
        Report r = StemSet.from(Dev101.variant("lossy_transcode", tmp)).run();

        List<Finding> p = problems(r);
        assertThat(p).as("problems: %s", r.findings()).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo("content.lossy-transcode");
            assertThat(f.files()).containsExactly("DistantHarbor_GtrKeys_86bpm.wav");
            assertThat(f.measurements().get("cutoff_hz")).isBetween(15_500.0, 17_000.0);
        });
    }

    @Test
    void limiterInStemsVariantHasNoClippingAndNoLevelFaultBelowTheCeiling() throws IOException {
        Report r = StemSet.from(Dev101.variant("limiter_in_stems", tmp)).run();

        // Drums and Vocals peak at exactly -1.0 dBFS: no clipped runs, no DC, nothing silent or cut.
        assertThat(r.measured("DistantHarbor_Drums_86bpm.wav").get("peak_dbfs")).isBetween(-1.05, -0.95);
        assertThat(r.measured("DistantHarbor_Vocals_86bpm.wav").get("peak_dbfs")).isBetween(-1.05, -0.95);
        assertThat(problems(r)).as("problems: %s", r.findings())
                .noneMatch(f -> List.of("level.clipping", "level.dc-offset", "level.silent", "level.cut-tail",
                        "content.lossy-transcode", "content.padded-bits", "content.out-of-phase", "set.duplicate")
                        .contains(f.code()));
    }
}
