package org.stemcheck.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stemcheck.core.testing.Findings.problems;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stemcheck.core.testing.Dev101;
import org.stemcheck.core.testing.Findings;

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
        // The null test's residual is the codec's doing: said as info, naming the stem, not as a fault of its own.
        assertThat(Findings.of(r, "mix.null")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.INFO);
            assertThat(f.message()).contains("lossy codec of GtrKeys", "content.lossy-transcode");
        });
    }

    @Test
    void limiterInStemsVariantShowsTheSharedCeilingAndItsInterSamplePeaksOnDrumsAndVocalsOnly() throws IOException {
        Report r = StemSet.from(Dev101.variant("limiter_in_stems", tmp)).run();

        // Drums and Vocals hit the limiter's -1.0 dBFS sample-peak ceiling: no clipped runs, but a
        // sample-peak limiter lets inter-sample peaks through, above the -1 dBTP delivery ceiling,
        // and two stems riding one ceiling is the mix-bus limiter printed into the stems.
        assertThat(r.measured("DistantHarbor_Drums_86bpm.wav").get("peak_dbfs")).isBetween(-1.05, -0.95);
        assertThat(r.measured("DistantHarbor_Vocals_86bpm.wav").get("peak_dbfs")).isBetween(-1.05, -0.95);
        List<Finding> p = problems(r);
        assertThat(p).as("problems: %s", r.findings()).extracting(Finding::code)
                .containsExactlyInAnyOrder("level.true-peak", "level.true-peak", "level.mixbus-processing");
        assertThat(p).filteredOn(f -> f.code().equals("level.true-peak")).allSatisfy(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.measurements().get("true_peak_dbtp")).isBetween(-1.0, 0.0);
        });
        assertThat(p).allSatisfy(f -> assertThat(f.files())
                .isSubsetOf("DistantHarbor_Drums_86bpm.wav", "DistantHarbor_Vocals_86bpm.wav"));
        assertThat(p).filteredOn(f -> f.code().equals("level.mixbus-processing")).singleElement()
                .satisfies(f -> assertThat(f.files())
                        .containsExactlyInAnyOrder("DistantHarbor_Drums_86bpm.wav", "DistantHarbor_Vocals_86bpm.wav"));
    }
}
