package org.stemcheck.bench.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stemcheck.io.AudioFile;
import org.stemcheck.io.AudioFiles;
import org.stemcheck.io.SampleStream;

class GenerateDeliveryTest {

    private static final double LSB = 0x1p-23;

    @TempDir
    Path dir;

    @Test
    void shortSongHasEveryFileAtTheDeclaredSizeAndFormat() throws IOException {
        Delivery d = Delivery.of("song", 2);
        GenerateDelivery.generate(d, dir);

        assertThat(d.files()).hasSize(9);
        for (String f : d.files()) {
            Path p = dir.resolve(f);
            assertThat(Files.size(p)).as(f).isEqualTo(d.fileBytes());
            AudioFile a = AudioFiles.open(p);
            assertThat(a.frames()).as(f).isEqualTo(2 * 48_000);
            assertThat(a.format().channels()).isEqualTo(2);
            assertThat(a.format().validBits()).isEqualTo(24);
            assertThat(a.metadata().timeReference()).as(f + " bext TimeReference").contains(3600L * 48_000);
        }
        assertThat(GenerateDelivery.isPresent(d, dir)).isTrue();
        try (var list = Files.list(dir)) {
            assertThat(list.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".part"));
        }
    }

    @Test
    void theFaultySongHasTheSongsMixesItsBass3dBHotAndNoFxStem(@TempDir Path clean) throws IOException {
        Delivery d = Delivery.of("song-faulty", 1);
        GenerateDelivery.generate(d, dir);
        GenerateDelivery.generate(Delivery.of("song", 1), clean);

        assertThat(d.files()).hasSize(8).doesNotContain("Song_FX_120bpm.wav");
        assertThat(dir.resolve("Song_FX_120bpm.wav")).doesNotExist();
        for (String f : List.of("mixdown.wav", "mixdown_instrumental.wav", "Song_Drums_120bpm.wav")) {
            assertThat(Files.readAllBytes(dir.resolve(f))).as(f).isEqualTo(Files.readAllBytes(clean.resolve(f)));
        }
        double[][] hot = readAll(dir.resolve("Song_Bass_120bpm.wav"));
        double[][] bass = readAll(clean.resolve("Song_Bass_120bpm.wav"));
        double ratio = rms(hot[0], 0, hot[0].length) / rms(bass[0], 0, bass[0].length);
        assertThat(20 * Math.log10(ratio)).isCloseTo(Delivery.FAULTY_BASS_DB, org.assertj.core.data.Offset.offset(0.001));
    }

    @Test
    void stemsSumToEachMixWithinRoundingOfEveryFile() throws IOException {
        Delivery d = Delivery.of("song", 2);
        GenerateDelivery.generate(d, dir);

        for (Delivery.Mix mix : d.mixes()) {
            double[][] sum = new double[2][];
            for (String stem : mix.stems()) {
                double[][] s = readAll(dir.resolve(stem));
                sum = sum[0] == null ? s : add(sum, s);
            }
            double[][] m = readAll(dir.resolve(mix.file()));
            // each stem and the mix are rounded on their own: at most half a step each
            double tolerance = (mix.stems().size() + 1) * LSB / 2;
            double worst = 0;
            for (int c = 0; c < 2; c++) {
                for (int i = 0; i < m[c].length; i++) {
                    worst = Math.max(worst, Math.abs(sum[c][i] - m[c][i]));
                }
            }
            assertThat(worst).as(mix.file()).isLessThanOrEqualTo(tolerance + 1e-15);
            assertThat(peak(m)).as(mix.file() + " carries sound below full scale").isBetween(0.01, 0.99);
        }
    }

    @Test
    void songHasTransientsAndSilentGaps() throws IOException {
        Delivery d = Delivery.of("song", 2);
        GenerateDelivery.generate(d, dir);

        double[][] drums = readAll(dir.resolve("Song_Drums_120bpm.wav"));
        double[][] vocals = readAll(dir.resolve("Song_Vocals_120bpm.wav"));
        // a kick on every beat (every 24000 frames at 120 bpm): loud at the hit, far quieter just before the next
        assertThat(Math.abs(drums[0][200])).isGreaterThan(10 * rms(drums[0], 23_000, 24_000));
        // the vocals wait 8 sections before they come in: digital silence
        assertThat(peak(vocals)).isZero();
    }

    @Test
    void isPresentIsFalseWhenAFileHasTheWrongSize() throws IOException {
        Delivery d = Delivery.of("song", 1);
        GenerateDelivery.generate(d, dir);
        Files.write(dir.resolve("mixdown.wav"), new byte[10]);

        assertThat(GenerateDelivery.isPresent(d, dir)).isFalse();
    }

    private static double[][] readAll(Path p) throws IOException {
        AudioFile f = AudioFiles.open(p);
        double[][] out = new double[2][(int) f.frames()];
        try (SampleStream s = f.openStream()) {
            for (int at = 0, n; at < out[0].length; at += n) {
                n = s.read(out, at, Math.min(4096, out[0].length - at));
                assertThat(n).as("frames at " + at).isPositive();
            }
        }
        return out;
    }

    private static double[][] add(double[][] a, double[][] b) {
        double[][] out = new double[2][a[0].length];
        for (int c = 0; c < 2; c++) {
            for (int i = 0; i < a[c].length; i++) {
                out[c][i] = a[c][i] + b[c][i];
            }
        }
        return out;
    }

    private static double peak(double[][] x) {
        double p = 0;
        for (double[] c : x) {
            for (double v : c) {
                p = Math.max(p, Math.abs(v));
            }
        }
        return p;
    }

    private static double rms(double[] x, int from, int to) {
        double e = 0;
        for (int i = from; i < to; i++) {
            e += x[i] * x[i];
        }
        return Math.sqrt(e / (to - from));
    }
}
