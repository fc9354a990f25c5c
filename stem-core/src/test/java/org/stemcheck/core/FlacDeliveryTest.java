package org.stemcheck.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stemcheck.core.testing.Dev101;
import org.stemcheck.io.testing.FlacWriter;
import org.stemcheck.core.file.StemFile;

/** The dev101 delivery converted to FLAC (with our own encoder) gives the WAV delivery's findings. */
class FlacDeliveryTest {

    @TempDir
    Path tmp;

    /** Code, severity and files of every finding, in report order. */
    private static List<String> summary(Report r) {
        return r.findings().stream()
                .map(f -> f.severity() + " " + f.code() + " " + f.files().stream().map(FlacDeliveryTest::base).toList())
                .toList();
    }

    private static String base(String name) {
        return name.replaceAll("\\.(wav|flac)$", "");
    }

    @Test
    void dev101InFlacGivesTheFindingsOfDev101InWav() throws IOException {
        Path wav = Dev101.variant("clean", Files.createDirectory(tmp.resolve("wav")));
        Path flac = Files.createDirectory(tmp.resolve("flac"));
        try (var files = Files.list(wav)) {
            for (Path p : files.filter(p -> p.toString().endsWith(".wav")).toList()) {
                // VERBATIM subframes: our test encoder (written for coverage, not speed) takes a minute to predict these
                FlacWriter.convert(p, flac.resolve(base(p.getFileName().toString()) + ".flac"),
                        FlacWriter.defaults().subframe(FlacWriter.Subframe.VERBATIM));
            }
        }

        Report fromWav = StemSet.from(wav).run();
        Report fromFlac = StemSet.from(flac).run();

        assertThat(fromFlac.files()).allSatisfy(f -> assertThat(f.container()).contains("flac"));
        assertThat(fromFlac.files()).allSatisfy(f -> assertThat(f.timeReference()).contains(172_800_000L));
        assertThat(summary(fromFlac)).isEqualTo(summary(fromWav));
        assertThat(fromFlac.reference()).hasValueSatisfying(ref ->
                assertThat(ref.nullDb().getAsDouble()).isEqualTo(fromWav.reference().orElseThrow().nullDb().getAsDouble()));
        for (StemFile f : fromWav.files()) {
            assertThat(fromFlac.measured(base(f.name()) + ".flac")).as(f.name()).isEqualTo(fromWav.measured(f.name()));
        }
    }
}
