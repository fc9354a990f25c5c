package org.stemcheck.core.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.stemcheck.io.AudioFile;
import org.stemcheck.io.AudioFiles;
import org.stemcheck.io.SampleStream;
import org.stemcheck.io.WavWriter;
import org.stemcheck.io.testing.TestData;

/**
 * The dev101 song deliveries, materialised into a temporary folder at test time (symbolic links
 * to the shared files, or copies where links are not possible; never into the repository), and
 * faults injected into the clean delivery in code.
 */
public final class Dev101 {

    public static final String PREFIX = "DistantHarbor_";
    public static final int RATE = 48_000;
    public static final double BPM = 86.0;

    private Dev101() {
    }

    /** The file name of one stem ({@code "Bass"}). */
    public static String stem(String label) {
        return PREFIX + label + "_86bpm.wav";
    }

    /** Builds a variant's full delivery in {@code dst} from its truth.json (files reused from clean/ linked). */
    @SuppressWarnings("unchecked")
    public static Path variant(String variant, Path dst) throws IOException {
        Path root = TestData.require("songs/dev101");
        Path vdir = root.resolve(variant);
        Map<String, Object> truth = (Map<String, Object>) Json.parse(Files.readString(vdir.resolve("truth.json")));
        Map<String, Object> reused = (Map<String, Object>) truth.getOrDefault("reused_from_clean", Map.of());
        for (Object o : (List<Object>) truth.get("files")) {
            String name = (String) ((Map<String, Object>) o).get("file");
            Path src = vdir.resolve(name);
            if (!Files.exists(src)) {
                src = root.resolve("clean").resolve((String) reused.get(name));
            }
            link(src, dst.resolve(name));
        }
        return dst;
    }

    /** The clean delivery with one file replaced by {@code change} of its samples (null drops the file). */
    public static Path cleanWith(Path dst, String file, UnaryOperator<double[][]> change) throws IOException {
        variant("clean", dst);
        Path p = dst.resolve(file);
        double[][] samples = read(p);
        Files.delete(p);
        if (change != null) {
            WavWriter.pcm(24).withTimeReference(172_800_000L).write(p, RATE, change.apply(samples));
        }
        return dst;
    }

    /** Multiplies by {@code 10^(db/20)}. */
    public static UnaryOperator<double[][]> gainDb(double db) {
        double g = Math.pow(10, db / 20);
        return x -> times(x, g);
    }

    /** Adds {@code offset} (of full scale) to every sample of every channel: a DC offset. */
    public static UnaryOperator<double[][]> dc(double offset) {
        return x -> {
            double[][] y = new double[x.length][];
            for (int c = 0; c < x.length; c++) {
                y[c] = x[c].clone();
                for (int t = 0; t < y[c].length; t++) {
                    y[c][t] += offset;
                }
            }
            return y;
        };
    }

    /** A copy of {@code x} multiplied by {@code g}. */
    public static double[][] times(double[][] x, double g) {
        double[][] y = new double[x.length][];
        for (int c = 0; c < x.length; c++) {
            y[c] = x[c].clone();
            for (int i = 0; i < y[c].length; i++) {
                y[c][i] *= g;
            }
        }
        return y;
    }

    /** Flips the polarity. */
    public static double[][] invert(double[][] x) {
        return gainDb(0.0).andThen(y -> {
            for (double[] c : y) {
                for (int i = 0; i < c.length; i++) {
                    c[i] = -c[i];
                }
            }
            return y;
        }).apply(x);
    }

    /**
     * Delays by a fraction of a sample (later by {@code samples}, |samples| < 8) with a
     * Blackman-windowed sinc of 128 taps: flat to well under 0.1 dB below 18 kHz at 48 kHz.
     */
    public static UnaryOperator<double[][]> fractionalDelay(double samples) {
        int half = 64;
        return x -> {
            double[][] y = new double[x.length][x[0].length];
            double[] taps = new double[2 * half];
            for (int k = 0; k < taps.length; k++) {
                double t = k - half + 1 + samples;        // the input offset this tap reads, plus the delay
                double w = 0.42 + 0.5 * Math.cos(Math.PI * t / half) + 0.08 * Math.cos(2 * Math.PI * t / half);
                taps[k] = Math.abs(t) >= half ? 0 : (t == 0 ? 1 : Math.sin(Math.PI * t) / (Math.PI * t)) * w;
            }
            for (int c = 0; c < x.length; c++) {
                int n = x[c].length;
                for (int i = 0; i < n; i++) {
                    double acc = 0;
                    for (int k = 0; k < taps.length; k++) {
                        int j = i + k - half + 1;
                        if (j >= 0 && j < n) {
                            acc += taps[k] * x[c][j];
                        }
                    }
                    y[c][i] = acc;
                }
            }
            return y;
        };
    }

    /**
     * Plays the file slower by {@code ppm} parts per million (as a stem exported on a clock that
     * runs fast): the content at time {@code u} moves to {@code u (1 + ppm 1e-6)}, so it is later
     * and later along the song. Blackman-windowed sinc interpolation, 64 taps.
     */
    public static UnaryOperator<double[][]> drift(double ppm) {
        double stretch = 1 + ppm * 1e-6;
        int half = 32;
        return x -> {
            double[][] y = new double[x.length][x[0].length];
            int n = x[0].length;
            double[] taps = new double[2 * half];
            for (int i = 0; i < n; i++) {
                double pos = i / stretch;
                int base = (int) Math.floor(pos);
                double frac = pos - base;
                for (int k = 0; k < taps.length; k++) {
                    double t = k - half + 1 - frac;
                    double w = 0.42 + 0.5 * Math.cos(Math.PI * t / half) + 0.08 * Math.cos(2 * Math.PI * t / half);
                    taps[k] = Math.abs(t) >= half ? 0 : (t == 0 ? 1 : Math.sin(Math.PI * t) / (Math.PI * t)) * w;
                }
                for (int c = 0; c < x.length; c++) {
                    double acc = 0;
                    for (int k = 0; k < taps.length; k++) {
                        int j = base + k - half + 1;
                        if (j >= 0 && j < n) {
                            acc += taps[k] * x[c][j];
                        }
                    }
                    y[c][i] = acc;
                }
            }
            return y;
        };
    }

    /** Moves later by {@code samples} (negative: earlier), keeping the length (zeros fill in). */
    public static UnaryOperator<double[][]> shift(int samples) {
        return x -> {
            double[][] y = new double[x.length][x[0].length];
            for (int c = 0; c < x.length; c++) {
                int n = x[c].length;
                for (int i = 0; i < n; i++) {
                    int j = i - samples;
                    y[c][i] = j >= 0 && j < n ? x[c][j] : 0.0;
                }
            }
            return y;
        };
    }

    /**
     * The clean delivery with the effects printed into the stems: the FX stem's signal is shared
     * out over the six other stems (each gets one sixth) and the FX file is dropped, so the stems
     * still sum to the mixes.
     */
    public static Path cleanWithFxPrinted(Path dst) throws IOException {
        variant("clean", dst);
        Path fxFile = dst.resolve(stem("FX"));
        double[][] fx = read(fxFile);
        Files.delete(fxFile);
        String[] others = {"Drums", "Bass", "GtrKeys", "Pads", "Vocals", "BackingVocals"};
        for (String label : others) {
            Path p = dst.resolve(stem(label));
            double[][] x = read(p);
            Files.delete(p);
            for (int c = 0; c < x.length; c++) {
                for (int i = 0; i < x[c].length; i++) {
                    x[c][i] += fx[c][i] / others.length;
                }
            }
            WavWriter.pcm(24).withTimeReference(172_800_000L).write(p, RATE, x);
        }
        return dst;
    }

    /** The stem labels of the clean delivery, in the order of its README. */
    public static final List<String> LABELS = List.of("Drums", "Bass", "GtrKeys", "Pads", "Vocals", "BackingVocals", "FX");

    /** The two mixes of the clean delivery. */
    public static final List<String> MIXES = List.of("mixdown.wav", "mixdown_nobus.wav");

    /**
     * The clean delivery whose stem {@code file} is delivered as it is, while the mix has it through
     * {@code inMix} (bus processing the stem lacks): both mixes are replaced by one
     * {@code mixdown.wav}, the sum of the stems with that one processed.
     */
    public static Path cleanWithMixProcessing(Path dst, String file, UnaryOperator<double[][]> inMix) throws IOException {
        variant("clean", dst);
        List<double[][]> parts = new java.util.ArrayList<>();
        for (String label : LABELS) {
            double[][] x = read(dst.resolve(stem(label)));
            parts.add(stem(label).equals(file) ? inMix.apply(x) : x);
        }
        return replaceMixes(dst, BusChain.sum(parts));
    }

    /**
     * The clean stems as delivered, with one {@code mixdown.wav}: the sum of each stem's version
     * in the mix ({@code inMix} of its file name and samples) through {@code mixBus}.
     */
    public static Path cleanWithMix(Path dst, java.util.function.BiFunction<String, double[][], double[][]> inMix,
                                    UnaryOperator<double[][]> mixBus) throws IOException {
        variant("clean", dst);
        List<double[][]> parts = new java.util.ArrayList<>();
        for (String label : LABELS) {
            parts.add(inMix.apply(stem(label), read(dst.resolve(stem(label)))));
        }
        return replaceMixes(dst, mixBus.apply(BusChain.sum(parts)));
    }

    /** The clean stems with one {@code mixdown.wav}: their sum through {@code mixBus}. */
    public static Path cleanWithMixBus(Path dst, UnaryOperator<double[][]> mixBus) throws IOException {
        variant("clean", dst);
        List<double[][]> parts = new java.util.ArrayList<>();
        for (String label : LABELS) {
            parts.add(read(dst.resolve(stem(label))));
        }
        return replaceMixes(dst, mixBus.apply(BusChain.sum(parts)));
    }

    /** The clean delivery with every stem (FX included) through {@code chain}; the mixes stay. */
    public static Path cleanWithEveryStem(Path dst, UnaryOperator<double[][]> chain) throws IOException {
        variant("clean", dst);
        for (String label : LABELS) {
            Path p = dst.resolve(stem(label));
            double[][] x = read(p);
            Files.delete(p);
            write(p, chain.apply(x));
        }
        return dst;
    }

    /** The clean delivery with the names of two stems swapped: the {@code a} file holds {@code b}'s audio and back. */
    public static Path cleanWithSwappedLabels(Path dst, String a, String b) throws IOException {
        variant("clean", dst);
        Path pa = dst.resolve(stem(a));
        Path pb = dst.resolve(stem(b));
        Path tmp = dst.resolve("swap.tmp");
        Files.move(pa, tmp);
        Files.move(pb, pa);
        Files.move(tmp, pb);
        return dst;
    }

    /** Drops the given files from a materialised delivery. */
    public static Path without(Path dst, List<String> files) throws IOException {
        for (String f : files) {
            Files.delete(dst.resolve(f));
        }
        return dst;
    }

    private static Path replaceMixes(Path dst, double[][] mix) throws IOException {
        without(dst, MIXES);
        write(dst.resolve("mixdown.wav"), mix);
        return dst;
    }

    /** Writes 24-bit PCM with the delivery's time reference (01:00:00:00). */
    public static void write(Path p, double[][] x) throws IOException {
        WavWriter.pcm(24).withTimeReference(172_800_000L).write(p, RATE, x);
    }

    /** Reads a whole file, {@code [channel][frame]}. */
    public static double[][] read(Path p) throws IOException {
        AudioFile f = AudioFiles.open(p);
        try (SampleStream s = f.openStream()) {
            int ch = s.format().channels();
            int frames = (int) f.frames();
            double[][] out = new double[ch][frames];
            int at = 0;
            while (at < frames) {
                int r = s.read(out, at, Math.min(65536, frames - at));
                if (r == 0) {
                    break;
                }
                at += r;
            }
            return out;
        }
    }

    private static void link(Path target, Path link) throws IOException {
        try {
            Files.createSymbolicLink(link, target.toAbsolutePath());
        } catch (UnsupportedOperationException | IOException e) {
            Files.copy(target, link);
        }
    }
}
