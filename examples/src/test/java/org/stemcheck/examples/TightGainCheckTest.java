package org.stemcheck.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stemcheck.core.Checks;
import org.stemcheck.core.Finding;
import org.stemcheck.core.Report;
import org.stemcheck.core.StemSet;
import org.stemcheck.io.AudioFiles;
import org.stemcheck.io.SampleStream;
import org.stemcheck.io.WavWriter;

/** The plug-in reads the null test through the public API: a stem 0.4 dB hot is its finding, not stemcheck's. */
class TightGainCheckTest {

    @TempDir
    Path tmp;

    /** Multiplies a stem of the example delivery by {@code 10^(db/20)}, in place. */
    private static void gain(Path file, double db) throws IOException {
        double[][] x;
        try (SampleStream s = AudioFiles.open(file).openStream()) {
            x = new double[s.format().channels()][ExampleDelivery.RATE];
            for (int at = 0, n; at < x[0].length && (n = s.read(x, at, x[0].length - at)) > 0; ) {
                at += n;
            }
        }
        double g = Math.pow(10, db / 20);
        for (double[] c : x) {
            for (int i = 0; i < c.length; i++) {
                c[i] *= g;
            }
        }
        WavWriter.pcm(24).withTimeReference(ExampleDelivery.ONE_HOUR).write(file, ExampleDelivery.RATE, x);
    }

    @Test
    void aStemOffByLessThanStemchecksOwnToleranceIsTheAcmeFinding() throws IOException {
        Path dir = ExampleDelivery.write(tmp, "Song", false);
        gain(dir.resolve("Song_Keys_120bpm.wav"), 0.4);

        Report r = StemSet.from(dir).check(Checks.standardAndDiscovered()).run();

        assertThat(r.findings()).extracting(Finding::code).doesNotContain("mix.gain");
        assertThat(r.findings()).filteredOn(f -> f.code().equals(TightGainCheck.CODE)).singleElement()
                .satisfies(f -> {
                    assertThat(f.files()).containsExactly("Song_Keys_120bpm.wav");
                    assertThat(f.measurements().get("gain_db")).isCloseTo(0.4, within(0.01));
                    assertThat(f.message()).startsWith("Keys is 0.40 dB louder than in mixdown.wav");
                });
    }

    @Test
    void aCleanDeliveryGivesItNothingAndWithoutAMixItHasNothingToRead() throws IOException {
        Path dir = ExampleDelivery.write(tmp, "Song", false);
        Report clean = StemSet.from(dir).check(new TightGainCheck()).run();
        assertThat(clean.findings()).isEmpty();

        java.nio.file.Files.delete(dir.resolve("mixdown.wav"));
        Report noMix = StemSet.from(dir).check(new TightGainCheck()).run();
        assertThat(noMix.findings()).isEmpty();
    }
}
