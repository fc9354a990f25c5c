package org.stemcheck.dsp.internal.set;

/**
 * Undoes known offsets before the kernels see the audio (the second pass of a null test whose
 * first pass found offset stems). Stem {@code i}, late by {@code D_i}, is read as
 * {@code stem_i(t + D_i)}: every stream goes through a delay line, stem {@code i} by
 * {@code Dmax - D_i} and every mix by {@code Dmax} ({@code Dmax = max(0, max D_i)}), and the
 * first {@code Dmax} aligned frames, which lie before the mixes start, are dropped. The last
 * {@code Dmax} frames of the mixes stay in the delay line: they are not compared.
 */
public final class Aligner {

    private final int stems;
    private final int channels;
    private final int mixes;
    private final int[] stemDelay;
    private final int mixDelay;
    private final int size;
    private final double[][][] stemRings;
    private final double[][][] mixRings;
    /** The aligned chunk handed on: [stem][channel][frame] and [mix][channel][frame]. */
    private final double[][][] stemOut;
    private final double[][][] mixOut;
    private long written;

    /**
     * @param lateBy per stem, how many samples it is late (negative: early), within
     *               {@code +/- maxLag}
     * @param mixes  how many mixes are fed along
     * @param chunk  the largest block {@link #push} takes
     */
    public Aligner(int[] lateBy, int channels, int mixes, int chunk) {
        this.stems = lateBy.length;
        this.channels = channels;
        this.mixes = mixes;
        int max = 0;
        int min = 0;
        for (int d : lateBy) {
            max = Math.max(max, d);
            min = Math.min(min, d);
        }
        this.mixDelay = max;
        this.stemDelay = new int[stems];
        for (int i = 0; i < stems; i++) {
            stemDelay[i] = max - lateBy[i];
        }
        this.size = max - min + chunk;
        this.stemRings = new double[stems][channels][size];
        this.mixRings = new double[mixes][channels][size];
        this.stemOut = new double[stems][channels][chunk];
        this.mixOut = new double[mixes][channels][chunk];
    }

    /** The aligned stems of the last {@link #push}, frames from 0. */
    public double[][][] stems() {
        return stemOut;
    }

    /** The aligned mixes of the last {@link #push}, frames from 0. */
    public double[][][] mixes() {
        return mixOut;
    }

    /**
     * Takes {@code frames <= chunk} frames and returns how many aligned frames are ready in
     * {@link #stems()} and {@link #mixes()} (fewer at the start, while the delay lines fill).
     */
    public int push(double[][][] in, double[][][] mix, int offset, int frames) {
        int at = (int) (written % size);
        for (int c = 0; c < channels; c++) {
            for (int i = 0; i < stems; i++) {
                store(in[i][c], offset, stemRings[i][c], at, frames);
            }
            for (int k = 0; k < mixes; k++) {
                store(mix[k][c], offset, mixRings[k][c], at, frames);
            }
        }
        long from = Math.max(written, mixDelay);
        written += frames;
        int ready = (int) Math.max(0, written - from);
        for (int c = 0; c < channels; c++) {
            for (int i = 0; i < stems; i++) {
                load(stemRings[i][c], from - stemDelay[i], stemOut[i][c], ready);
            }
            for (int k = 0; k < mixes; k++) {
                load(mixRings[k][c], from - mixDelay, mixOut[k][c], ready);
            }
        }
        return ready;
    }

    private void store(double[] src, int offset, double[] ring, int at, int frames) {
        int first = Math.min(frames, size - at);
        System.arraycopy(src, offset, ring, at, first);
        System.arraycopy(src, offset + first, ring, 0, frames - first);
    }

    /** Copies input frames {@code [start, start + n)}; frames before 0 are silence. */
    private void load(double[] ring, long start, double[] out, int n) {
        for (int t = 0; t < n; t++) {
            long k = start + t;
            out[t] = k < 0 ? 0.0 : ring[(int) (k % size)];
        }
    }
}
