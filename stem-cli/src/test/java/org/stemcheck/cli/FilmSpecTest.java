package org.stemcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stemcheck.io.WavWriter;

/** The README's film command: {@code stemcheck check reel1/ --spec film} on a 5.1 DME delivery and its printmaster. */
class FilmSpecTest {

    private static final int RATE = 48_000;
    private static final int FRAMES = 4 * RATE;

    @TempDir
    Path tmp;

    record Run(int status, String out, String err) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            status = Main.run(o, e, false, args);
        }
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Noise of its own seed in the given channels of a 5.1 file (L R C LFE Ls Rs), faded in and out. */
    private static double[][] stem(long seed, double amp, int... channels) {
        double[][] x = new double[6][FRAMES];
        for (int c : channels) {
            Random rnd = new Random(seed * 10 + c);
            for (int i = 0; i < FRAMES; i++) {
                double fade = Math.min(1, Math.min(i / 2400.0, Math.max(0, (FRAMES - RATE - i) / (double) RATE)));
                x[c][i] = amp * fade * (2 * rnd.nextDouble() - 1);
            }
        }
        return x;
    }

    /** Writes Show_Dialogue, Show_Music, Show_Effects and Show_PM (their sum); the Effects stem with Ls and Rs exchanged when asked. */
    private Path reel(boolean swapEffectsSurrounds) throws IOException {
        Path reel = Files.createDirectory(tmp.resolve("reel1"));
        double[][] dx = stem(1, 0.1, 2);
        double[][] mx = stem(2, 0.05, 0, 1, 4, 5);
        double[][] fx = stem(3, 0.05, 0, 1, 2, 3, 4, 5);
        double[][] pm = new double[6][FRAMES];
        for (double[][] s : new double[][][] {dx, mx, fx}) {
            for (int c = 0; c < 6; c++) {
                for (int i = 0; i < FRAMES; i++) {
                    pm[c][i] += s[c][i];
                }
            }
        }
        if (swapEffectsSurrounds) {
            double[] t = fx[4];
            fx[4] = fx[5];
            fx[5] = t;
        }
        WavWriter w = WavWriter.pcm(24).withChannelMask(0x3F).withTimeReference(3600L * RATE);
        w.write(reel.resolve("Show_Dialogue.wav"), RATE, dx);
        w.write(reel.resolve("Show_Music.wav"), RATE, mx);
        w.write(reel.resolve("Show_Effects.wav"), RATE, fx);
        w.write(reel.resolve("Show_PM.wav"), RATE, pm);
        return reel;
    }

    @Test
    void aClean51DeliveryPassesSpecFilmAndTheJsonShowsEachFilesLayout() throws IOException {
        Run r = run("check", reel(false).toString(), "--spec", "film", "--format", "json");

        assertThat(r.status()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("\"spec\":\"film\"", "\"reference\":{\"file\":\"Show_PM.wav\"",
                "\"layout\":\"5.1\",\"speakers\":[\"L\",\"R\",\"C\",\"LFE\",\"Ls\",\"Rs\"]", "\"passed\":true");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void swappedEffectsSurroundsFailTheCheckOnTheEffectsStem() throws IOException {
        Run r = run("check", reel(true).toString(), "--spec", "film");

        assertThat(r.status()).isEqualTo(1);
        assertThat(r.out()).contains("mix.swapped-channels", "Effects has its Ls and Rs swapped against Show_PM.wav");
    }
}
