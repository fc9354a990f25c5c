package org.stemcheck.dsp.internal.set;

/**
 * Streams one signal down by an integer factor {@code D} for the coarse offset search: a
 * fourth-order cascaded moving average (CIC, Hogenauer, IEEE Trans. ASSP 29(2), 1981), applied as
 * its FIR of {@code 4 (D - 1) + 1} taps at every {@code D}-th input only. Its zeros sit on every
 * multiple of the new rate, so what folds onto the lower part of the new band is far down (at a
 * fifth of the new rate, the image from four fifths is {@code (1/4)^4}, -48 dB); the upper part
 * folds and is left out of the vote (the offset search's {@code COARSE_USED_BAND}). Every stream of one
 * search is filtered alike, so the filter's phase and droop cancel in the cross-spectrum. Output
 * {@code m} is the filtered input at frame {@code m D}. Not thread-safe.
 */
public final class CicDecimator {

    /** Order of the moving-average cascade. */
    private static final int ORDER = 4;

    private final int factor;
    private final double[] taps;
    private final double[] history;
    private long consumed;

    /**
     * @param factor   D, 2 or more
     * @param maxBlock the largest block {@link #process} takes
     */
    public CicDecimator(int factor, int maxBlock) {
        this.factor = factor;
        this.taps = taps(factor);
        this.history = new double[taps.length - 1 + maxBlock];
    }

    /** The impulse response: a box of D ones convolved with itself ORDER times, unity gain at DC. */
    static double[] taps(int factor) {
        double[] h = {1.0};
        for (int o = 0; o < ORDER; o++) {
            double[] next = new double[h.length + factor - 1];
            for (int i = 0; i < h.length; i++) {
                for (int k = 0; k < factor; k++) {
                    next[i + k] += h[i] / factor;
                }
            }
            h = next;
        }
        return h;
    }

    /** The most outputs a block of {@code frames} inputs can give. */
    public static int maxOutput(int frames, int factor) {
        return frames / factor + 1;
    }

    /**
     * Takes {@code x[offset, offset + frames)} and writes the outputs due in this block to
     * {@code out} from 0.
     *
     * @return how many outputs were written
     */
    public int process(double[] x, int offset, int frames, double[] out) {
        int keep = taps.length - 1;
        System.arraycopy(x, offset, history, keep, frames);
        int produced = 0;
        // first input index of this block (absolute) and the first multiple of D at or after it
        long first = consumed;
        long next = (first + factor - 1) / factor * factor;
        int at = (int) (next - first) + keep;
        int end = frames + keep;
        // four outputs at a time, each summed in the same order as alone: four independent chains
        // of additions instead of one that waits on its previous addition at every tap
        int f = factor;
        for (; at + 3 * f < end; at += 4 * f) {
            double y0 = 0;
            double y1 = 0;
            double y2 = 0;
            double y3 = 0;
            for (int k = 0; k < taps.length; k++) {
                double h = taps[k];
                y0 += h * history[at - k];
                y1 += h * history[at + f - k];
                y2 += h * history[at + 2 * f - k];
                y3 += h * history[at + 3 * f - k];
            }
            out[produced] = y0;
            out[produced + 1] = y1;
            out[produced + 2] = y2;
            out[produced + 3] = y3;
            produced += 4;
        }
        for (; at < end; at += f) {
            double y = 0;
            for (int k = 0; k < taps.length; k++) {
                y += taps[k] * history[at - k];
            }
            out[produced++] = y;
        }
        System.arraycopy(history, frames, history, 0, keep);
        consumed += frames;
        return produced;
    }
}
