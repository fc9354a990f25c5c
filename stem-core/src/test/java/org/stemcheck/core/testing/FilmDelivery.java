package org.stemcheck.core.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.stemcheck.io.WavWriter;

/**
 * A small 5.1 film delivery made in code: dialogue, music and effects stems and their printmaster,
 * 48 kHz, 24-bit, WAVE_FORMAT_EXTENSIBLE with mask 0x3F (L R C LFE Ls Rs), a BWF TimeReference of
 * 01:00:00:00, named {@code Show_<Stem>.wav} and {@code Show_PM.wav}.
 *
 * <ul>
 *   <li>Dialogue: centre only, a voice-like noise whose level moves at syllable rate (4 Hz);</li>
 *   <li>Music: L R Ls Rs, each channel its own chord and noise (no centre, no LFE);</li>
 *   <li>Effects: every channel, each its own noise bursts, low rumble in the LFE;</li>
 *   <li>PM: the exact sum of the three, computed from the stems' samples as set when written.</li>
 * </ul>
 *
 * Each stem's samples may be changed before {@link #write} (the fault is then in the printmaster
 * too, as in a printmaster bounced from the same session), or after it with {@link #rewrite} (the
 * stem was exported wrongly, the printmaster is right).
 */
public final class FilmDelivery {

    public static final int RATE = 48_000;
    public static final double SECONDS = 6.0;
    public static final int FRAMES = (int) (SECONDS * RATE);
    /** 5.1 in WAVE / SMPTE order: L R C LFE Ls Rs. */
    public static final long MASK_51 = 0x3F;
    public static final int L = 0;
    public static final int R = 1;
    public static final int C = 2;
    public static final int LFE = 3;
    public static final int LS = 4;
    public static final int RS = 5;
    public static final long ONE_HOUR_AT_48K = 3600L * RATE;

    /** The stems by label, {@code [channel][frame]}; a stereo stem has two channels. */
    public final Map<String, double[][]> stems = new LinkedHashMap<>();
    /** Set to change the printmaster (otherwise the sum of the stems). */
    public double[][] printmaster;
    public String printmasterName = "Show_PM.wav";
    /** Chunks written into the printmaster before its audio (ADM chna/axml ...). */
    public final List<WavWriter.Chunk> printmasterChunks = new ArrayList<>();
    /**
     * Set to write every 5.1 file as Pro Tools exports a film session: its channels in film order
     * (L C R Ls Rs LFE) and no speaker mask. The signals stay in SMPTE order in {@link #stems}.
     */
    public boolean filmOrderWithoutMask;
    /** Film order as indices into SMPTE order: file channel k holds SMPTE channel FILM_ORDER[k]. */
    public static final int[] FILM_ORDER = {0, 2, 1, 4, 5, 3};

    private FilmDelivery() {
        stems.put("Dialogue", dialogue());
        stems.put("Music", music());
        stems.put("Effects", effects());
    }

    /** The clean delivery. */
    public static FilmDelivery clean() {
        return new FilmDelivery();
    }

    /** The file name of a stem. */
    public static String name(String label) {
        return "Show_" + label + ".wav";
    }

    /** Writes the stems and the printmaster into {@code dir}. */
    public List<Path> write(Path dir) throws IOException {
        List<Path> out = new ArrayList<>();
        for (Map.Entry<String, double[][]> e : stems.entrySet()) {
            out.add(write(dir, name(e.getKey()), e.getValue(), List.of()));
        }
        out.add(write(dir, printmasterName, printmaster != null ? printmaster : sum(), printmasterChunks));
        return out;
    }

    /** Writes one stem again, over what {@link #write} wrote (the printmaster is left as it is). */
    public void rewrite(Path dir, String label, double[][] samples) throws IOException {
        write(dir, name(label), samples, List.of());
    }

    private Path write(Path dir, String name, double[][] x, List<WavWriter.Chunk> chunks) throws IOException {
        WavWriter w = WavWriter.pcm(24).withTimeReference(ONE_HOUR_AT_48K);
        for (WavWriter.Chunk c : chunks) {
            w = w.withChunk(c);
        }
        if (x.length == 6 && filmOrderWithoutMask) {
            double[][] film = new double[6][];
            for (int k = 0; k < 6; k++) {
                film[k] = x[FILM_ORDER[k]];
            }
            x = film;
        } else if (x.length == 6) {
            w = w.withChannelMask(MASK_51);
        }
        Path p = dir.resolve(name);
        w.write(p, RATE, x);
        return p;
    }

    /** The stems summed into 5.1 (a stereo stem into L and R). */
    public double[][] sum() {
        double[][] out = new double[6][FRAMES];
        for (double[][] s : stems.values()) {
            for (int c = 0; c < s.length; c++) {
                for (int i = 0; i < FRAMES; i++) {
                    out[c][i] += s[c][i];
                }
            }
        }
        return out;
    }

    /** A copy of a signal at gain {@code g}. */
    public static double[][] scaled(double[][] x, double g) {
        double[][] y = copy(x);
        for (double[] c : y) {
            for (int i = 0; i < c.length; i++) {
                c[i] *= g;
            }
        }
        return y;
    }

    /** A copy of a 5.1 signal with two channels exchanged. */
    public static double[][] swapped(double[][] x, int a, int b) {
        double[][] y = copy(x);
        double[] t = y[a];
        y[a] = y[b];
        y[b] = t;
        return y;
    }

    public static double[][] copy(double[][] x) {
        double[][] y = new double[x.length][];
        for (int c = 0; c < x.length; c++) {
            y[c] = x[c].clone();
        }
        return y;
    }

    /** Fade in over 50 ms and out over the last second, so that no stem ends while sounding. */
    static double envelope(int i) {
        double t = (double) i / RATE;
        double in = Math.min(1, t / 0.05);
        double out = Math.min(1, Math.max(0, (SECONDS - 0.5 - t) / 1.0));
        return in * out;
    }

    private static double[][] dialogue() {
        double[][] x = new double[6][FRAMES];
        Random rnd = new Random(101);
        double lp = 0;
        for (int i = 0; i < FRAMES; i++) {
            double syllable = 0.5 + 0.5 * Math.sin(2 * Math.PI * 4.0 * i / RATE);
            double voiced = Math.sin(2 * Math.PI * 180 * i / RATE) + 0.5 * Math.sin(2 * Math.PI * 360 * i / RATE);
            lp = 0.7 * lp + 0.3 * (2 * rnd.nextDouble() - 1);
            x[C][i] = 0.12 * envelope(i) * syllable * (0.6 * voiced + 0.6 * lp);
        }
        return x;
    }

    private static double[][] music() {
        double[][] x = new double[6][FRAMES];
        double[][] chords = {{220, 277.2, 329.6}, {246.9, 311.1, 370}, {196, 246.9, 293.7}, {174.6, 220, 261.6}};
        int[] channels = {L, R, LS, RS};
        for (int k = 0; k < channels.length; k++) {
            Random rnd = new Random(200 + k);
            for (int i = 0; i < FRAMES; i++) {
                double v = 0;
                for (double hz : chords[k]) {
                    v += Math.sin(2 * Math.PI * hz * i / RATE);
                }
                x[channels[k]][i] = envelope(i) * (0.04 * v + 0.02 * (2 * rnd.nextDouble() - 1));
            }
        }
        return x;
    }

    private static double[][] effects() {
        double[][] x = new double[6][FRAMES];
        for (int c = 0; c < 6; c++) {
            Random rnd = new Random(300 + c);
            double lp = 0;
            for (int i = 0; i < FRAMES; i++) {
                double n = 2 * rnd.nextDouble() - 1;
                if (c == LFE) {
                    lp = 0.995 * lp + 0.005 * n; // a one-pole low-pass near 40 Hz: rumble
                    x[c][i] = envelope(i) * 2.0 * lp;
                } else {
                    double burst = ((i / (RATE / 2) + c) % 3 == 0) ? 1.0 : 0.3; // bursts every half second, per channel
                    x[c][i] = envelope(i) * 0.05 * burst * n;
                }
            }
        }
        return x;
    }
}
