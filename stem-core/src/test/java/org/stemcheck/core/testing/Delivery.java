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
            boolean isMix = s == files.get("mix");
            if (!isMix) {
                k++;
            }
            double[][] ch = isMix ? mix(s) : s.samples != null ? s.samples : signal(s, k);
            Path p = dir.resolve(s.name);
            w.write(p, s.rate, ch);
            out.add(p);
        }
        return out;
    }

    /** The mix's level against the plain sum of the stems: a master fader that keeps 7 stems' peaks below full scale. */
    public static final double MIX_GAIN = 0.125;

    /**
     * The mix: the stems as they would sound at the mix's rate and channels (a mono stem in every
     * channel, a shorter one silent after its end), summed at {@link #MIX_GAIN}, so that the stems
     * null against it (with a common gain, which the null test reads as mix-bus gain). A stem with
     * its own {@code samples} enters the mix as they are (a fault injected that way is in the mix
     * too, as it would be in a mix bounced from the same session); they must be at the mix's rate.
     * The mix's own {@code samples} are ignored. The mix is computed in {@link #write}: a file
     * changed on disk after that is not in it (which is how a test models a stem re-exported wrongly).
     */
    private double[][] mix(Spec m) {
        int n = (int) Math.round(m.seconds * m.rate);
        double[][] out = new double[m.channels][n];
        int k = 0;
        for (Spec s : files.values()) {
            if (s == m) {
                continue;
            }
            k++;
            int len = (int) Math.min(n, Math.round(s.seconds * m.rate));
            int stemFrames = (int) Math.round(s.seconds * m.rate);
            for (int c = 0; c < m.channels; c++) {
                int sc = Math.min(c, s.channels - 1);
                for (int i = 0; i < len; i++) {
                    double v;
                    if (s.samples != null) {
                        if (s.rate != m.rate) {
                            // Its sound in the mix would need a resampler the test does not have: say so.
                            throw new IllegalStateException(s.name + " has its own samples at " + s.rate
                                    + " Hz and the mix is at " + m.rate + " Hz: set the mix's rate too, or no mix");
                        }
                        v = i < s.samples[sc].length ? s.samples[sc][i] : 0;
                    } else {
                        v = 0.25 * fade((double) i / stemFrames) * Math.sin(2 * Math.PI * (110.0 * k + 3 * sc) * i / m.rate);
                    }
                    out[c][i] += MIX_GAIN * v;
                }
            }
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
