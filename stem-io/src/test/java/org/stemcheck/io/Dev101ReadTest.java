package org.stemcheck.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.stemcheck.io.testing.TestData;

/** The dev101 clean delivery reads with the format and TimeReference its README and truth.json give. */
class Dev101ReadTest {

    static Stream<Path> cleanFiles() throws IOException {
        Path dir = TestData.require("songs/dev101/clean");
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> wavs = s.filter(p -> p.toString().endsWith(".wav")).sorted().toList();
            return wavs.stream();
        }
    }

    @ParameterizedTest
    @MethodSource("cleanFiles")
    void readsFormatFramesAndTimeReference(Path file) throws IOException {
        AudioFile f = AudioFiles.open(file);

        assertThat(f.format().kind()).isEqualTo(FileKind.WAV);
        assertThat(f.format().sampleRate()).isEqualTo(48000.0);
        assertThat(f.format().channels()).isEqualTo(2);
        assertThat(f.format().validBits()).isEqualTo(24);
        assertThat(f.frames()).isEqualTo(384000L);
        assertThat(f.truncation()).isEmpty();
        assertThat(f.metadata().timeReference()).contains(172800000L);

        long frames = 0;
        double peak = 0;
        double[][] block = new double[2][1000];
        try (SampleStream s = f.openStream()) {
            for (int n; (n = s.read(block, 0, 1000)) > 0; ) {
                frames += n;
                for (int i = 0; i < n; i++) {
                    peak = Math.max(peak, Math.max(Math.abs(block[0][i]), Math.abs(block[1][i])));
                }
            }
        }
        assertThat(frames).isEqualTo(384000L);
        assertThat(peak).isGreaterThan(0.0).isLessThanOrEqualTo(1.0);
    }
}
