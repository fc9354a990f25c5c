package org.stemcheck.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stemcheck.core.testing.Findings.problems;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stemcheck.io.testing.TestData;
import org.stemcheck.core.spec.DeliverySpec;
import org.stemcheck.core.file.StemFile;
import org.stemcheck.core.file.Role;

/** The clean dev101 delivery (7 stems, FX as its own stem, two mixdowns) gives no error and no warning. */
class Dev101CleanTest {

    @Test
    void cleanDeliveryWithItsMixdownsHasNoProblem() {
        Path dir = TestData.require("songs/dev101/clean");
        Report r = StemSet.from(dir).run();

        assertThat(problems(r)).isEmpty();
        assertThat(r.passed()).isTrue();
        assertThat(r.files()).filteredOn(f -> f.role() == Role.MIXDOWN).extracting(StemFile::name)
                .containsExactly("mixdown.wav", "mixdown_nobus.wav");
        assertThat(r.files()).filteredOn(f -> f.role() == Role.FX).extracting(StemFile::name)
                .containsExactly("DistantHarbor_FX_86bpm.wav");
        assertThat(r.files()).filteredOn(f -> f.role() == Role.STEM).hasSize(6)
                .allSatisfy(f -> {
                    assertThat(f.title()).contains("DistantHarbor");
                    assertThat(f.bpm()).hasValue(86.0);
                });
        assertThat(r.files()).filteredOn(f -> f.name().equals("truth.json")).singleElement()
                .extracting(StemFile::role).isEqualTo(Role.OTHER);
        // Every audio file is measured in its one pass, and the numbers are those of a healthy delivery.
        assertThat(r.files()).filteredOn(StemFile::readable).allSatisfy(f -> {
            Map<String, Double> m = r.measured(f.name());
            assertThat(m).containsKeys("peak_dbfs", "true_peak_dbtp", "rms_dbfs", "integrated_lufs", "dc_dbfs",
                    "effective_bits", "bandwidth_hz");
            assertThat(m.get("true_peak_dbtp")).isGreaterThanOrEqualTo(m.get("peak_dbfs") - 0.01).isLessThan(0.0);
            assertThat(m.get("dc_dbfs")).isLessThan(-70.0);
            assertThat(m.get("effective_bits")).isEqualTo(24.0);
        });
        // Only facts: Bass, Pads and Vocals are dual mono (the mix checks' own infos aside).
        assertThat(r.findings()).filteredOn(f -> !f.code().startsWith("mix.")).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo("content.dual-mono");
            assertThat(f.files()).containsExactly("DistantHarbor_Bass_86bpm.wav", "DistantHarbor_Pads_86bpm.wav",
                    "DistantHarbor_Vocals_86bpm.wav");
        });
    }

    @Test
    void cleanDeliveryWithoutItsMixdownsHasNoProblem(@TempDir Path tmp) throws IOException {
        Path dir = TestData.require("songs/dev101/clean");
        // Links, not copies: the shared data stays where it is.
        List<Path> links = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.filter(p -> !p.getFileName().toString().startsWith("mixdown")).toList()) {
                links.add(linkOrCopy(p, tmp.resolve(p.getFileName())));
            }
        }
        Report r;
        try {
            r = StemSet.from(tmp).run();
        } finally {
            for (Path l : links) {
                Files.delete(l);
            }
        }

        assertThat(problems(r)).isEmpty();
        assertThat(r.files()).noneMatch(f -> f.role() == Role.MIXDOWN);
        assertThat(r.files()).filteredOn(f -> f.role().isStem()).hasSize(7);
    }

    /** A symbolic link where the file system has them, else a copy in the temporary folder. */
    private static Path linkOrCopy(Path target, Path link) throws IOException {
        try {
            return Files.createSymbolicLink(link, target.toAbsolutePath());
        } catch (UnsupportedOperationException | IOException e) {
            return Files.copy(target, link);
        }
    }

    @Test
    void cleanDeliveryWithAnExplicitMixdownAndTheFilmSpecStillHasNoFormatOrTimecodeProblem() {
        Path dir = TestData.require("songs/dev101/clean");
        Report r = StemSet.from(dir).mixdown("mixdown_nobus.wav").expect(DeliverySpec.film()).run();

        List<Finding> formatProblems = problems(r).stream().filter(f -> f.code().startsWith("format.")).toList();
        assertThat(formatProblems).isEmpty();
    }
}
