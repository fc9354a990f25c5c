package org.stemcheck.core.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.stemcheck.io.WavWriter;

/**
 * Writes a small generated delivery for tests: stems named {@code Song_<Label>_120bpm.wav}, 48 kHz,
 * 24-bit, stereo, 0.5 s, stamped 01:00:00:00, and a {@code mixdown.wav}. Each stem can be changed
 * before writing to inject one fault.
 */
public final class Delivery {

    /** The labels of the clean delivery: 6 stems and an FX return. */
    public static final List<String> LABELS = List.of("Drums", "Bass", "Keys", "Guitars", "Vocals", "Pads", "FX");

    public static final int RATE = 48_000;
    public static final double SECONDS = 0.5;
    public static final long ONE_HOUR_AT_48K = 3600L * RATE;

    /** How one file is written. */
    public static final class Spec {
        public String name;
        public int rate = RATE;
        public int bits = 24;
        public boolean floating;
        public int channels = 2;
        public double seconds = SECONDS;
        public Long timeReference = ONE_HOUR_AT_48K;
        /** The samples to write ({@code [channel][frame]}); null: a quiet sine of its own pitch that fades out. */
        public double[][] samples;

        Spec(String name) {
            this.name = name;
        }
    }

    private final Map<String, Spec> files = new LinkedHashMap<>();

    private Delivery(boolean mixdown) {
        for (String l : LABELS) {
            files.put(l, new Spec("Song_" + l + "_120bpm.wav"));
        }
        if (mixdown) {
            files.put("mix", new Spec("mixdown.wav"));
        }
    }

    /** The clean delivery with its mixdown. */
    public static Delivery clean() {
        return new Delivery(true);
    }

    /** The clean delivery without a mixdown. */
    public static Delivery withoutMix() {
        return new Delivery(false);
    }

    /** The file of one label ({@code "Bass"}) or {@code "mix"}, to change before {@link #write}. */
    public Spec file(String label) {
        return files.get(label);
    }

    /** Writes every file into {@code dir}; returns the paths in order. */
    public List<Path> write(Path dir) throws IOException {
        List<Path> out = new ArrayList<>();
        int k = 0;
        for (Spec s : files.values()) {
            WavWriter w = s.floating ? WavWriter.float32() : WavWriter.pcm(s.bits);
            if (s.timeReference != null) {
                w = w.withTimeReference(s.timeReference);
            }
            k++;
            double[][] ch = s.samples != null ? s.samples : signal(s, k);
            Path p = dir.resolve(s.name);
            w.write(p, s.rate, ch);
            out.add(p);
        }
        return out;
    }

    /**
     * A quiet sine per file (each its own pitch), so that no two files are alike, faded out from 60%
     * to 85% of its length and silent after, as a stem that ends with its tail.
     */
    static double[][] signal(Spec s, int k) {
        int n = (int) Math.round(s.seconds * s.rate);
        double[][] ch = new double[s.channels][n];
        for (int c = 0; c < s.channels; c++) {
            for (int i = 0; i < n; i++) {
                ch[c][i] = 0.25 * fade((double) i / n) * Math.sin(2 * Math.PI * (110.0 * k + 3 * c) * i / s.rate);
            }
        }
        return ch;
    }

    /** 1 up to 60% of the length, a raised-cosine fade to 0 at 85%, 0 after. */
    public static double fade(double position) {
        if (position <= 0.6) {
            return 1;
        }
        if (position >= 0.85) {
            return 0;
        }
        return 0.5 + 0.5 * Math.cos(Math.PI * (position - 0.6) / 0.25);
    }
}
