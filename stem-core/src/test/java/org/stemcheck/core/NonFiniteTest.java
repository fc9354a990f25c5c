package org.stemcheck.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stemcheck.core.testing.Findings.of;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stemcheck.core.testing.Delivery;
import org.stemcheck.io.AudioFile;
import org.stemcheck.io.AudioFiles;
import org.stemcheck.io.SampleStream;
import org.stemcheck.io.WavWriter;

/** NaN and infinite samples are an error with their places, and hide nothing else: every number stays finite. */
class NonFiniteTest {

    @TempDir
    Path tmp;

    private static double[][] read(Path p) throws IOException {
        AudioFile f = AudioFiles.open(p);
        double[][] x = new double[f.format().channels()][(int) f.frames()];
        try (SampleStream s = f.openStream()) {
            for (int at = 0, n; at < x[0].length && (n = s.read(x, at, x[0].length - at)) > 0; ) {
                at += n;
            }
        }
        return x;
    }

    /** The clean delivery in 32-bit float; then Keys gets {@code nan} NaN and {@code inf} +infinity samples, Bass a gain. */
    private Report check(int nan, int inf, double bassGainDb) throws IOException {
        Delivery d = Delivery.clean();
        for (String l : Delivery.LABELS) {
            d.file(l).floating = true;
        }
        d.file("mix").floating = true;
        d.write(tmp);
        Path keysFile = tmp.resolve("Song_Keys_120bpm.wav");
        double[][] keys = read(keysFile);
        for (int i = 0; i < nan; i++) {
            keys[0][1000 + i] = Double.NaN;
        }
        for (int i = 0; i < inf; i++) {
            keys[1][3000 + i] = Double.POSITIVE_INFINITY;
        }
        WavWriter.float32().withTimeReference(Delivery.ONE_HOUR_AT_48K).write(keysFile, Delivery.RATE, keys);
        if (bassGainDb != 0) {
            Path bassFile = tmp.resolve("Song_Bass_120bpm.wav");
            double[][] bass = read(bassFile);
            double g = Math.pow(10, bassGainDb / 20);
            for (double[] c : bass) {
                for (int i = 0; i < c.length; i++) {
                    c[i] *= g;
                }
            }
            WavWriter.float32().withTimeReference(Delivery.ONE_HOUR_AT_48K).write(bassFile, Delivery.RATE, bass);
        }
        return StemSet.from(tmp).run();
    }

    @Test
    void nanAndInfinitySamplesAreOneErrorWithCountsAndPlacesNotClipping() throws IOException {
        Report r = check(20, 30, 0);

        assertThat(of(r, "level.non-finite")).singleElement().satisfies(f -> {
            assertThat(f.files()).containsExactly("Song_Keys_120bpm.wav");
            assertThat(f.message()).contains("50 samples that are not numbers (20 NaN, 30 +infinity) in 2 places");
            assertThat(f.where()).hasSize(2);
            assertThat(f.where().get(0).startSeconds()).isEqualTo(1000 / 48_000.0);
        });
        assertThat(of(r, "level.clipping")).isEmpty();
        String text = ReportFormat.text().toString(r);
        assertThat(text).doesNotContain("NaN dB", "Infinity");
        assertThat(ReportFormat.json().toString(r)).doesNotContain(":NaN", "Infinity");
        // the page's plots once drew "-Infinity" into the SVG path data (issue 14, point 3)
        String html = ReportFormat.html().toString(r);
        assertThat(html).doesNotContain("Infinity").contains("<svg");
        java.util.regex.Matcher svg = java.util.regex.Pattern.compile("<svg.*?</svg>", java.util.regex.Pattern.DOTALL)
                .matcher(html);
        while (svg.find()) {
            assertThat(svg.group()).doesNotContain("NaN");
        }
        assertThat(r.measured("Song_Keys_120bpm.wav").values()).allMatch(Double::isFinite);
    }

    @Test
    void aStemOfNothingButNanIsNonFiniteNotSilence() throws IOException {
        Delivery d = Delivery.withoutMix();
        d.file("Pads").floating = true;
        double[][] nan = new double[2][24_000];
        for (double[] c : nan) {
            Arrays.fill(c, Double.NaN);
        }
        d.file("Pads").samples = nan;
        d.write(tmp);

        Report r = StemSet.from(tmp).run();

        assertThat(of(r, "level.non-finite")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("in every sample"));
        assertThat(of(r, "level.silent")).isEmpty();
    }

    @Test
    void oneNanDoesNotHideAGainErrorFromTheNullTest() throws IOException {
        Report r = check(1, 0, 3.0);

        assertThat(of(r, "level.non-finite")).hasSize(1);
        assertThat(of(r, "mix.gain")).singleElement().satisfies(f -> {
            assertThat(f.files()).containsExactly("Song_Bass_120bpm.wav");
            assertThat(f.measurements().get("gain_db")).isBetween(2.9, 3.1);
        });
        assertThat(r.reference()).hasValueSatisfying(ref -> assertThat(ref.nullDb()).isPresent());
    }
}
