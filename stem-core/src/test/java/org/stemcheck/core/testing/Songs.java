package org.stemcheck.core.testing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Three short songs made in code, each a stem set unlike dev101 and unlike each other: other
 * tempos, rates and sample formats, arrangements with sections (parts that enter late, stop,
 * repeat), instruments that share bands, hard-panned and wide stems, a sidechained bass, and an
 * effects stem that is a real reverb or delay return fed from other stems (so it correlates with
 * them, as a printed return does). Nothing is recorded; every song is reproducible from its seed.
 *
 * <ul>
 *   <li>{@link #ballad()}: 72 bpm, 44.1 kHz 24-bit; piano, upright bass, brushes, vocal, strings
 *       that enter late, a reverb return of the vocal and piano.</li>
 *   <li>{@link #electro()}: 128 bpm, 48 kHz 32-bit float; four-on-the-floor kick, claps and hats,
 *       a sub bass ducked by the kick, a wide detuned lead, an arpeggio, a ping-pong delay return.</li>
 *   <li>{@link #rock()}: 140 bpm, 48 kHz 24-bit; drums with crashes, a pick bass, two distorted
 *       guitar takes hard left and right, an organ, a vocal, a reverb return of snare and vocal.</li>
 * </ul>
 *
 * <p>Every song starts after {@link #PRE_ROLL_SECONDS} of silence and ends with a fade-out and
 * silence; every stem set is scaled so that its sum (the mix) peaks at {@link #MIX_PEAK_DBFS}.
 */
public final class Songs {

    /** The mix's peak: a mix with 3 dB of headroom, so a stem made 3 dB hot still fits in a file. */
    public static final double MIX_PEAK_DBFS = -3.0;
    /** The fade-out at the end of every song, s. */
    static final double FADE_SECONDS = 1.5;
    /** The silence after the fade, s. */
    static final double END_SECONDS = 0.3;
    /** The silence before the first downbeat, s (an export starts a little before bar 1). */
    static final double PRE_ROLL_SECONDS = 0.2;

    private Songs() {
    }

    /**
     * One song's stems.
     *
     * @param title   the title in the file names
     * @param bpm     the tempo in the file names
     * @param rate    the sample rate
     * @param bits    16 or 24 for PCM, 32 for float
     * @param stems   label to {@code [2][frames]} samples, in the order of the arrangement
     * @param fxLabel the label of the effects-return stem
     */
    public record Song(String title, int bpm, int rate, int bits, Map<String, double[][]> stems, String fxLabel) {

        public Song {
            stems = Collections.unmodifiableMap(new LinkedHashMap<>(stems));
        }

        /** The file name of a stem ({@code Ballad_Piano_72bpm.wav}). */
        public String file(String label) {
            return title + "_" + label + "_" + bpm + "bpm.wav";
        }

        /** The mix's file name. */
        public String mixFile() {
            return title + "_Mixdown_" + bpm + "bpm.wav";
        }

        /** The stem labels. */
        public List<String> labels() {
            return List.copyOf(stems.keySet());
        }

        /** Frames of every stem. */
        public int frames() {
            return stems.values().iterator().next()[0].length;
        }

        @Override
        public String toString() {
            return title;
        }
    }

    /** All three songs. */
    public static List<Song> all() {
        return List.of(ballad(), electro(), rock());
    }

    // ---- the songs --------------------------------------------------------------------------

    /** 72 bpm, 44.1 kHz 24-bit, 12 s. */
    public static Song ballad() {
        int rate = 44_100;
        double beat = 60.0 / 72;
        int n = (int) (12.0 * rate);
        Random rnd = new Random(72);
        int[][] chords = {{48, 52, 55, 60}, {45, 48, 52, 57}, {41, 45, 48, 53}, {43, 47, 50, 55}}; // C Am F G

        double[][] piano = new double[2][n];
        for (int b = 0; b * beat < 12; b++) {
            int[] c = chords[(b / 4) % 4];
            for (int k = 0; k < c.length; k++) {
                int note = c[k] + (b % 2 == 1 && k == 0 ? 12 : 0);
                double pan = 0.3 + 0.4 * (note - 40) / 30.0;
                piano(piano, rate, b * beat + 0.012 * k, 1.6, hz(note), 0.11, pan);
            }
        }
        double[][] bass = new double[2][n];
        int[] walk = {0, 7, 12, 10};
        for (int b = 0; b * beat < 12; b++) {
            int root = chords[(b / 4) % 4][0] - 12;
            tone(bass, rate, b * beat, beat * 0.95, hz(root + walk[b % 4]), 0.28, 0.5, new double[] {1, 0.45, 0.15}, 3.0, 0.004);
        }
        double[][] drums = new double[2][n];
        for (int b = 4; b * beat < 12; b++) {
            double t = b * beat;
            if (b % 2 == 0) {
                kick(drums, rate, t, 0.35, 90, 52, 7);
            }
            hit(drums, rate, t + (b % 2 == 1 ? 0 : beat / 2), 0.10, 18, 2500, 9000, rnd, 0.45);
            swish(drums, rate, t, beat, 0.025, rnd);
        }
        double[][] vocal = new double[2][n];
        int[] melody = {64, 67, 69, 67, 64, 62, 60, 62, 64, 64, 67, 72, 71, 69, 67, 64};
        phrase(vocal, rate, 2.4, beat / 2, melody, 0, 8, 0.16, new double[] {800, 1150}, 0.5);
        phrase(vocal, rate, 7.0, beat / 2, melody, 8, 16, 0.16, new double[] {400, 800}, 0.5);
        double[][] strings = new double[2][n];
        for (int bar = 1; bar * 4 * beat < 12; bar++) {
            int[] c = chords[bar % 4];
            for (int k = 1; k < c.length; k++) {
                pad(strings, rate, Math.max(5.0, bar * 4 * beat), (bar + 1) * 4 * beat, hz(c[k] + 12), 0.035, 0.7);
            }
        }
        double[][] reverb = reverb(mixOf(scaled(vocal, 0.6), scaled(piano, 0.35)), rate, 1.8, 0.35, 41);
        Map<String, double[][]> stems = new LinkedHashMap<>();
        stems.put("Piano", piano);
        stems.put("Bass", bass);
        stems.put("Drums", drums);
        stems.put("Vocal", vocal);
        stems.put("Strings", strings);
        stems.put("Reverb", reverb);
        return new Song("Ballad", 72, rate, 24, normalised(stems, rate), "Reverb");
    }

    /** 128 bpm, 48 kHz 32-bit float, 10 s. */
    public static Song electro() {
        int rate = 48_000;
        double beat = 60.0 / 128;
        int n = 10 * rate;
        Random rnd = new Random(128);
        int[] roots = {45, 41, 48, 43}; // Am F C G

        double[][] kick = new double[2][n];
        double[][] perc = new double[2][n];
        double[][] sub = new double[2][n];
        for (int b = 0; b * beat < 10; b++) {
            double t = b * beat;
            kick(kick, rate, t, 0.6, 160, 48, 9);
            if (b % 2 == 1) {
                hit(perc, rate, t, 0.22, 22, 900, 2200, rnd, 0.5);
            }
            hit(perc, rate, t + beat / 2, 0.07, 45, 7000, 16000, rnd, 0.7);
            hit(perc, rate, t + beat / 4 * 3, 0.03, 60, 8000, 16000, rnd, 0.8);
            int root = roots[(b / 4) % 4] - 12;
            tone(sub, rate, t + 0.01, beat * 0.9, hz(root), 0.4, 0.5, new double[] {1, 0.08}, 0.8, 0.006);
        }
        for (int i = 0; i < n; i++) { // sidechain: the kick ducks the sub
            double since = (i / (double) rate) % beat;
            double g = 1 - 0.8 * Math.exp(-since * 14);
            sub[0][i] *= g;
            sub[1][i] *= g;
        }
        double[][] lead = new double[2][n];
        int[] line = {69, 72, 76, 74, 72, 69, 67, 69};
        for (int s = 0; 2.5 + s * beat / 2 < 10; s++) {
            double t = 2.5 + s * beat / 2;
            if (s % 8 != 7) {
                supersaw(lead, rate, t, beat / 2 * 0.85, hz(line[s % 8]), 0.05);
            }
        }
        lowPassInPlace(lead, rate, 3500);
        double[][] arp = new double[2][n];
        for (int s = 0; s * beat / 4 < 10; s++) {
            int root = roots[(s / 16) % 4];
            int note = root + new int[] {0, 3, 7, 12}[s % 4] + 12;
            double pan = s % 2 == 0 ? 0.25 : 0.75;
            tone(arp, rate, s * beat / 4, beat / 4, hz(note), 0.06, pan, new double[] {1, 0, 0.33, 0, 0.2, 0, 0.14}, 14, 0.002);
        }
        double[][] delay = pingPong(mixOf(scaled(lead, 0.5), scaled(arp, 0.5)), rate, beat * 0.75, 0.45);
        Map<String, double[][]> stems = new LinkedHashMap<>();
        stems.put("Kick", kick);
        stems.put("Perc", perc);
        stems.put("Sub", sub);
        stems.put("Lead", lead);
        stems.put("Arp", arp);
        stems.put("Delay", delay);
        return new Song("Electro", 128, rate, 32, normalised(stems, rate), "Delay");
    }

    /** 140 bpm, 48 kHz 24-bit, 10 s. */
    public static Song rock() {
        int rate = 48_000;
        double beat = 60.0 / 140;
        int n = 10 * rate;
        Random rnd = new Random(140);
        int[] roots = {40, 36, 38, 45}; // E C D A

        double[][] drums = new double[2][n];
        double[][] snareSend = new double[2][n];
        for (int b = 0; b * beat < 10; b++) {
            double t = b * beat;
            if (b % 4 == 0 || b % 4 == 2) {
                kick(drums, rate, t, 0.55, 120, 55, 10);
            }
            if (b % 4 == 2) {
                kick(drums, rate, t + beat / 2, 0.4, 120, 55, 10);
            }
            if (b % 2 == 1) {
                hit(drums, rate, t, 0.3, 16, 1200, 5000, rnd, 0.5);
                tone(drums, rate, t, 0.2, 190, 0.18, 0.5, new double[] {1}, 20, 0.001);
                hit(snareSend, rate, t, 0.3, 16, 1200, 5000, new Random(b), 0.5);
            }
            hit(drums, rate, t, 0.05, 50, 7000, 15000, rnd, 0.75);
            hit(drums, rate, t + beat / 2, 0.04, 50, 7000, 15000, rnd, 0.75);
            if (b % 16 == 0) {
                crash(drums, rate, t, 0.12, rnd);
            }
        }
        double[][] bass = new double[2][n];
        double[][] gtrL = new double[2][n];
        double[][] gtrR = new double[2][n];
        Random takeL = new Random(1);
        Random takeR = new Random(2);
        for (int e = 0; e * beat / 2 < 10; e++) {
            double t = e * beat / 2;
            int root = roots[(e / 8) % 4];
            tone(bass, rate, t, beat / 2 * 0.9, hz(root - 12), 0.22, 0.5, sawHarmonics(12), 6, 0.003);
            if (t >= 1.7) {
                powerChord(gtrL, rate, t + 0.004 * takeL.nextGaussian(), beat / 2 * 0.8, hz(root), 0.07, 0.0, 1.0);
                powerChord(gtrR, rate, t + 0.004 * takeR.nextGaussian(), beat / 2 * 0.8, hz(root) * 1.002, 0.07, 1.0, 1.0);
            }
        }
        lowPassInPlace(bass, rate, 900);
        lowPassInPlace(gtrL, rate, 4500);
        lowPassInPlace(gtrR, rate, 4500);
        double[][] organ = new double[2][n];
        for (int bar = 0; bar * 4 * beat < 10; bar++) {
            int root = roots[bar % 4];
            for (int k : new int[] {0, 7, 12}) {
                organ(organ, rate, bar * 4 * beat, (bar + 1) * 4 * beat, hz(root + 12 + k), 0.025);
            }
        }
        double[][] vocals = new double[2][n];
        int[] melody = {64, 64, 67, 69, 71, 69, 67, 64, 62, 64, 67, 64, 71, 74, 71, 69};
        phrase(vocals, rate, 2.0, beat, melody, 0, 8, 0.13, new double[] {650, 1100}, 0.5);
        phrase(vocals, rate, 6.2, beat, melody, 8, 16, 0.13, new double[] {500, 1700}, 0.5);
        double[][] fx = reverb(mixOf(scaled(vocals, 0.5), scaled(snareSend, 0.5)), rate, 1.2, 0.3, 77);
        Map<String, double[][]> stems = new LinkedHashMap<>();
        stems.put("Drums", drums);
        stems.put("Bass", bass);
        stems.put("GtrL", gtrL);
        stems.put("GtrR", gtrR);
        stems.put("Organ", organ);
        stems.put("Vocals", vocals);
        stems.put("FX", fx);
        return new Song("Rock", 140, rate, 24, normalised(stems, rate), "FX");
    }

    // ---- instruments ------------------------------------------------------------------------

    static double hz(int midi) {
        return 440 * Math.pow(2, (midi - 69) / 12.0);
    }

    private static int at(int rate, double seconds) {
        return (int) Math.round(seconds * rate);
    }

    /** A decaying harmonic tone; {@code pan} 0 left .. 1 right (constant power). */
    static void tone(double[][] out, int rate, double start, double dur, double f, double amp, double pan,
            double[] harmonics, double decay, double attack) {
        int s = Math.max(0, at(rate, start));
        int e = Math.min(out[0].length, at(rate, start + dur));
        double gl = Math.cos(pan * Math.PI / 2);
        double gr = Math.sin(pan * Math.PI / 2);
        double release = 0.01;
        for (int i = s; i < e; i++) {
            double t = (i - s) / (double) rate;
            double env = amp * Math.min(1, t / attack) * Math.exp(-t * decay) * Math.min(1, (dur - t) / release);
            double v = 0;
            for (int h = 0; h < harmonics.length; h++) {
                if (harmonics[h] != 0 && f * (h + 1) < rate / 2.2) {
                    v += harmonics[h] * Math.sin(2 * Math.PI * f * (h + 1) * t);
                }
            }
            out[0][i] += gl * env * v;
            out[1][i] += gr * env * v;
        }
    }

    private static double[] sawHarmonics(int count) {
        double[] h = new double[count];
        for (int k = 0; k < count; k++) {
            h[k] = 1.0 / (k + 1);
        }
        return h;
    }

    /** A piano-like note: slightly stretched partials that die faster the higher they are. */
    private static void piano(double[][] out, int rate, double start, double dur, double f, double amp, double pan) {
        int s = at(rate, start);
        int e = Math.min(out[0].length, at(rate, start + dur));
        double gl = Math.cos(pan * Math.PI / 2);
        double gr = Math.sin(pan * Math.PI / 2);
        for (int i = s; i < e; i++) {
            double t = (i - s) / (double) rate;
            double v = 0;
            for (int h = 1; h <= 10; h++) {
                double fh = f * h * Math.sqrt(1 + 0.0004 * h * h);
                if (fh < rate / 2.2) {
                    v += Math.exp(-t * (1.5 + 0.6 * h)) * Math.sin(2 * Math.PI * fh * t) / Math.pow(h, 1.3);
                }
            }
            double env = amp * Math.min(1, t / 0.002) * Math.min(1, (dur - t) / 0.05);
            out[0][i] += gl * env * v;
            out[1][i] += gr * env * v;
        }
    }

    /** A kick: a sine swept from {@code f0} down to {@code f1}. */
    private static void kick(double[][] out, int rate, double start, double amp, double f0, double f1, double decay) {
        int s = at(rate, start);
        int e = Math.min(out[0].length, s + at(rate, 0.4));
        double phase = 0;
        for (int i = s; i < e; i++) {
            double t = (i - s) / (double) rate;
            double f = f1 + (f0 - f1) * Math.exp(-t * 30);
            phase += 2 * Math.PI * f / rate;
            double v = amp * Math.min(1, t / 0.001) * Math.exp(-t * decay) * Math.sin(phase);
            out[0][i] += v;
            out[1][i] += v;
        }
    }

    /** A noise hit band-limited between {@code lo} and {@code hi} Hz (one-pole filters). */
    private static void hit(double[][] out, int rate, double start, double amp, double decay, double lo, double hi,
            Random rnd, double pan) {
        int s = at(rate, start);
        int e = Math.min(out[0].length, s + at(rate, Math.min(1.0, 8 / decay)));
        double aHi = Math.exp(-2 * Math.PI * hi / rate);
        double aLo = Math.exp(-2 * Math.PI * lo / rate);
        double lp = 0;
        double lp2 = 0;
        double gl = Math.cos(pan * Math.PI / 2);
        double gr = Math.sin(pan * Math.PI / 2);
        for (int i = s; i < e; i++) {
            double t = (i - s) / (double) rate;
            lp = (1 - aHi) * rnd.nextGaussian() + aHi * lp;
            lp2 = (1 - aLo) * lp + aLo * lp2;
            double v = amp * Math.exp(-t * decay) * (lp - lp2);
            out[0][i] += gl * v;
            out[1][i] += gr * v;
        }
    }

    /** A brush swish: quiet band-passed noise over one beat, different in each channel. */
    private static void swish(double[][] out, int rate, double start, double dur, double amp, Random rnd) {
        int s = at(rate, start);
        int e = Math.min(out[0].length, at(rate, start + dur));
        double[] lp = new double[2];
        double a = Math.exp(-2 * Math.PI * 6000 / rate);
        for (int i = s; i < e; i++) {
            double x = (i - s) / (double) (e - s);
            double env = amp * Math.sin(Math.PI * x);
            for (int c = 0; c < 2; c++) {
                double w = rnd.nextGaussian();
                double prev = lp[c];
                lp[c] = (1 - a) * w + a * lp[c];
                out[c][i] += env * (lp[c] - prev) * 4;
            }
        }
    }

    /** A crash cymbal: long high noise, independent in each channel. */
    private static void crash(double[][] out, int rate, double start, double amp, Random rnd) {
        int s = at(rate, start);
        int e = Math.min(out[0].length, s + at(rate, 2.5));
        double[] prev = new double[2];
        for (int i = s; i < e; i++) {
            double t = (i - s) / (double) rate;
            for (int c = 0; c < 2; c++) {
                double w = rnd.nextGaussian();
                out[c][i] += amp * Math.exp(-t * 1.8) * (w - prev[c]) * 0.5;
                prev[c] = w;
            }
        }
    }

    /** A sung phrase: a vowel's formants over harmonics, vibrato, legato notes of {@code step} seconds. */
    private static void phrase(double[][] out, int rate, double start, double step, int[] melody, int from, int to,
            double amp, double[] formants, double pan) {
        int s = at(rate, start);
        int e = Math.min(out[0].length, at(rate, start + (to - from) * step));
        double phase = 0;
        double gl = Math.cos(pan * Math.PI / 2);
        double gr = Math.sin(pan * Math.PI / 2);
        for (int i = s; i < e; i++) {
            double t = (i - s) / (double) rate;
            int k = Math.min(to - 1, from + (int) (t / step));
            double f = hz(melody[k]) * (1 + 0.012 * Math.sin(2 * Math.PI * 5.3 * t));
            phase += 2 * Math.PI * f / rate;
            double v = 0;
            for (int h = 1; h <= 20 && f * h < rate / 2.2; h++) {
                double fh = f * h;
                double w = 0;
                for (double fm : formants) {
                    w += 1 / (1 + Math.pow((fh - fm) / 120, 2));
                }
                v += (w + 0.05) * Math.sin(h * phase) / h;
            }
            double total = (e - s) / (double) rate;
            double env = amp * Math.min(1, t / 0.08) * Math.min(1, (total - t) / 0.15);
            out[0][i] += gl * env * v;
            out[1][i] += gr * env * v;
        }
    }

    /** A string pad: saw-like partials, slow attack, detuned between the channels (wide). */
    private static void pad(double[][] out, int rate, double start, double end, double f, double amp, double width) {
        int s = at(rate, start);
        int e = Math.min(out[0].length, at(rate, end));
        for (int i = s; i < e; i++) {
            double t = (i - s) / (double) rate;
            double env = amp * Math.min(1, t / 0.8) * Math.min(1, (end - start - t) / 0.3);
            for (int c = 0; c < 2; c++) {
                double fc = f * (1 + (c == 0 ? -1 : 1) * 0.003 * width);
                double v = 0;
                for (int h = 1; h <= 10 && fc * h < rate / 2.2; h++) {
                    v += Math.sin(2 * Math.PI * fc * h * t + c * h) / Math.pow(h, 1.3);
                }
                out[c][i] += env * v;
            }
        }
    }

    /** Three detuned saws a channel, other detunings left and right. */
    private static void supersaw(double[][] out, int rate, double start, double dur, double f, double amp) {
        int s = at(rate, start);
        int e = Math.min(out[0].length, at(rate, start + dur));
        double[][] cents = {{-9, 0, 6}, {-6, 0, 9}};
        for (int i = s; i < e; i++) {
            double t = (i - s) / (double) rate;
            double env = amp * Math.min(1, t / 0.005) * Math.min(1, (dur - t) / 0.02);
            for (int c = 0; c < 2; c++) {
                double v = 0;
                for (double ct : cents[c]) {
                    double ph = f * Math.pow(2, ct / 1200) * t + 0.37 * ct;
                    v += 2 * (ph - Math.floor(ph)) - 1;
                }
                out[c][i] += env * v;
            }
        }
    }

    /** A distorted power chord (root, fifth, octave through tanh), panned. */
    private static void powerChord(double[][] out, int rate, double start, double dur, double f, double amp,
            double pan, double drive) {
        int s = Math.max(0, at(rate, start));
        int e = Math.min(out[0].length, at(rate, start + dur));
        double gl = Math.cos(pan * Math.PI / 2);
        double gr = Math.sin(pan * Math.PI / 2);
        for (int i = s; i < e; i++) {
            double t = (i - s) / (double) rate;
            double v = 0;
            for (double m : new double[] {1, 1.4983, 2}) {
                double ph = f * m * t;
                v += 2 * (ph - Math.floor(ph)) - 1;
            }
            double env = amp * Math.min(1, t / 0.003) * Math.exp(-t * 3) * Math.min(1, (dur - t) / 0.01);
            double y = env * Math.tanh(6 * drive * v);
            out[0][i] += gl * y;
            out[1][i] += gr * y;
        }
    }

    /** A drawbar organ with a rotary speaker's tremolo, out of phase between the channels. */
    private static void organ(double[][] out, int rate, double start, double end, double f, double amp) {
        int s = at(rate, start);
        int e = Math.min(out[0].length, at(rate, end));
        double[] bars = {0.5, 1, 1.5, 2, 3, 4};
        double[] level = {0.8, 1, 0.6, 0.5, 0.3, 0.25};
        for (int i = s; i < e; i++) {
            double t = (i - s) / (double) rate;
            double v = 0;
            for (int k = 0; k < bars.length; k++) {
                v += level[k] * Math.sin(2 * Math.PI * f * bars[k] * t);
            }
            double env = amp * Math.min(1, t / 0.01) * Math.min(1, (end - start - t) / 0.01);
            out[0][i] += env * v * (1 + 0.3 * Math.sin(2 * Math.PI * 6.2 * t));
            out[1][i] += env * v * (1 - 0.3 * Math.sin(2 * Math.PI * 6.2 * t));
        }
    }

    // ---- effects ----------------------------------------------------------------------------

    /**
     * A reverb return (wet only): Schroeder's four parallel combs and two all-passes a channel,
     * other delays left and right, damped combs; {@code rt60} in seconds.
     */
    static double[][] reverb(double[][] send, int rate, double rt60, double wet, long seed) {
        int n = send[0].length;
        double[][] out = new double[2][n];
        double[][] combMs = {{29.7, 37.1, 41.1, 43.7}, {30.9, 35.9, 40.3, 44.9}};
        double[] allpassMs = {5.0, 1.7};
        for (int c = 0; c < 2; c++) {
            double[] in = new double[n];
            for (int i = 0; i < n; i++) {
                in[i] = 0.5 * (send[0][i] + send[1][i]);
            }
            double[] acc = new double[n];
            for (double ms : combMs[c]) {
                int d = (int) Math.round(ms * rate / 1000);
                double g = Math.pow(10, -3.0 * d / rate / rt60);
                double[] y = new double[n];
                double lp = 0;
                for (int i = 0; i < n; i++) {
                    double fb = i >= d ? y[i - d] : 0;
                    lp = 0.7 * fb + 0.3 * lp;
                    y[i] = in[i] + g * lp;
                    acc[i] += y[i] / 4;
                }
            }
            for (double ms : allpassMs) {
                int d = (int) Math.round(ms * rate / 1000);
                double g = 0.7;
                double[] y = new double[n];
                for (int i = 0; i < n; i++) {
                    double xd = i >= d ? acc[i - d] : 0;
                    double yd = i >= d ? y[i - d] : 0;
                    y[i] = -g * acc[i] + xd + g * yd;
                }
                acc = y;
            }
            for (int i = 0; i < n; i++) {
                out[c][i] = wet * acc[i];
            }
        }
        return out;
    }

    /** A ping-pong delay return (wet only): repeats every {@code delay} s, alternating sides. */
    static double[][] pingPong(double[][] send, int rate, double delay, double feedback) {
        int n = send[0].length;
        int d = (int) Math.round(delay * rate);
        double[][] out = new double[2][n];
        for (int i = d; i < n; i++) {
            double in = 0.5 * (send[0][i - d] + send[1][i - d]);
            out[0][i] = 0.5 * in + feedback * out[1][i - d];
            out[1][i] = feedback * out[0][i - d];
        }
        return out;
    }

    static void lowPassInPlace(double[][] x, int rate, double hz) {
        double a = Math.exp(-2 * Math.PI * hz / rate);
        for (double[] ch : x) {
            double y1 = 0;
            double y2 = 0;
            for (int i = 0; i < ch.length; i++) {
                y1 = (1 - a) * ch[i] + a * y1;
                y2 = (1 - a) * y1 + a * y2;
                ch[i] = y2;
            }
        }
    }

    private static void fadeOut(double[][] x, int rate) {
        int n = x[0].length;
        int end = n - (int) (END_SECONDS * rate);
        int start = end - (int) (FADE_SECONDS * rate);
        for (double[] ch : x) {
            for (int i = Math.max(0, start); i < n; i++) {
                double g = i >= end ? 0 : Math.cos(0.5 * Math.PI * (i - start) / (end - start));
                ch[i] *= g * g;
            }
        }
    }

    /** The same length, everything {@link #PRE_ROLL_SECONDS} later. */
    private static double[][] preRoll(double[][] x, int rate) {
        int d = (int) (PRE_ROLL_SECONDS * rate);
        double[][] y = new double[x.length][x[0].length];
        for (int c = 0; c < x.length; c++) {
            System.arraycopy(x[c], 0, y[c], d, x[c].length - d);
        }
        return y;
    }

    /** Removes each channel's mean: decaying notes leave a little DC that a real chain's high-pass would not. */
    private static void removeMean(double[][] x) {
        for (double[] ch : x) {
            double mean = java.util.Arrays.stream(ch).average().orElse(0);
            for (int i = 0; i < ch.length; i++) {
                ch[i] -= mean;
            }
        }
    }

    static double[][] scaled(double[][] x, double g) {
        return Dev101.times(x, g);
    }

    static double[][] mixOf(double[][]... parts) {
        return BusChain.sum(List.of(parts));
    }

    /**
     * Scales every stem by one factor so that their sum peaks at {@link #MIX_PEAK_DBFS}, and ends
     * the song: a fade-out of {@link #FADE_SECONDS} on every stem, then {@link #END_SECONDS} of
     * digital silence (a song delivered whole, so no stem ends while it sounds).
     */
    private static Map<String, double[][]> normalised(Map<String, double[][]> stems, int rate) {
        for (Map.Entry<String, double[][]> e : stems.entrySet()) {
            double[][] x = preRoll(e.getValue(), rate);
            fadeOut(x, rate);
            removeMean(x);
            e.setValue(x);
        }
        double[][] mix = BusChain.sum(new ArrayList<>(stems.values()));
        double peak = 0;
        for (double[] ch : mix) {
            for (double v : ch) {
                peak = Math.max(peak, Math.abs(v));
            }
        }
        double g = Math.pow(10, MIX_PEAK_DBFS / 20) / peak;
        Map<String, double[][]> out = new LinkedHashMap<>();
        stems.forEach((k, v) -> out.put(k, scaled(v, g)));
        return out;
    }
}
