package org.stemcheck.dsp.nullsum;

/** The standard test delivery: four stereo stems at 48 kHz, 8 s, and builders for faults. */
final class Stems {

    static final int SECONDS = 8;
    static final int FRAMES = Signals.RATE * SECONDS;

    /** Index of the drum-like stem (120 bpm hits). */
    static final int DRUMS = 1;

    /** Index of the broadband noise stem. */
    static final int AIR = 3;

    private Stems() {
    }

    /** Bass (low-passed noise), drums (120 bpm), tones, air (broadband noise). */
    static double[][][] standard() {
        int n = FRAMES;
        double[] bass = Signals.filter(Signals.noise(1, n, 0.5), Signals.lowPass(250, Signals.RATE));
        double[] drums = Signals.drums(2, n, 120, Signals.RATE);
        double[] tones = Signals.tones(n, Signals.RATE, 220, 277.18, 329.63, 440, 659.26);
        double[] air = Signals.noise(4, n, 0.05);
        return new double[][][] {
            Signals.pan(bass, 1.0),
            Signals.pan(drums, 0.8),
            Signals.pan(tones, 0.6),
            {air, Signals.noise(5, n, 0.05)},
        };
    }

    /** {@code stems} with stem {@code i} replaced. */
    static double[][][] with(double[][][] stems, int i, double[][] replacement) {
        double[][][] out = stems.clone();
        out[i] = replacement;
        return out;
    }

    /** Every channel of a stem through {@code f}. */
    static double[][] map(double[][] stem, java.util.function.UnaryOperator<double[]> f) {
        double[][] out = new double[stem.length][];
        for (int c = 0; c < stem.length; c++) {
            out[c] = f.apply(stem[c]);
        }
        return out;
    }
}
