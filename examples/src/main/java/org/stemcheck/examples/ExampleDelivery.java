package org.stemcheck.examples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.stemcheck.io.WavWriter;

/**
 * Writes a small delivery for the examples to check when they are run without arguments: five
 * 48 kHz stereo stems named {@code <Title>_<Stem>_<bpm>bpm.wav} and a {@code mixdown.wav}, 1 s of
 * quiet sines that fade out (a stem that stops at full level is a cut tail), each stamped 01:00:00:00. A faulty one has a 16-bit Bass (an error) and a Vocals
 * stem 0.25 s short (a warning).
 */
public final class ExampleDelivery {

    static final int RATE = 48_000;
    static final long ONE_HOUR = 3600L * RATE;
    static final String[] STEMS = {"Drums", "Bass", "Keys", "Vocals", "Pads"};

    private ExampleDelivery() {
    }

    /** A delivery in a new temporary folder (deleted when the JVM exits). */
    public static Path temporary(String title, boolean faulty) {
        try {
            Path dir = Files.createTempDirectory("stemcheck-example-");
            dir.toFile().deleteOnExit();
            return write(dir, title, faulty);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the delivery into {@code dir} (created if needed); returns {@code dir}. */
    public static Path write(Path dir, String title, boolean faulty) throws IOException {
        Files.createDirectories(dir);
        double[][] mix = new double[2][RATE];
        for (int k = 0; k < STEMS.length; k++) {
            String label = STEMS[k];
            int frames = faulty && label.equals("Vocals") ? RATE * 3 / 4 : RATE;
            double[][] ch = tone(110.0 * (k + 1), frames);
            for (int c = 0; c < 2; c++) {
                for (int i = 0; i < frames; i++) {
                    mix[c][i] += ch[c][i];
                }
            }
            int bits = faulty && label.equals("Bass") ? 16 : 24;
            write(dir.resolve(title + "_" + label + "_120bpm.wav"), bits, ch);
        }
        write(dir.resolve("mixdown.wav"), 24, mix);
        return dir;
    }

    private static void write(Path file, int bits, double[][] ch) throws IOException {
        WavWriter.pcm(bits).withTimeReference(ONE_HOUR).write(file, RATE, ch);
        file.toFile().deleteOnExit();
    }

    /** A quiet stereo sine of {@code frames} frames, fading out from 60% to 90% of its length, silent after. */
    static double[][] tone(double hz, int frames) {
        double[][] ch = new double[2][frames];
        for (int i = 0; i < frames; i++) {
            double pos = (double) i / frames;
            double fade = pos < 0.6 ? 1 : pos > 0.9 ? 0 : 0.5 + 0.5 * Math.cos(Math.PI * (pos - 0.6) / 0.3);
            double v = 0.1 * fade * Math.sin(2 * Math.PI * hz * i / RATE);
            ch[0][i] = v;
            ch[1][i] = 0.8 * v;
        }
        return ch;
    }
}
