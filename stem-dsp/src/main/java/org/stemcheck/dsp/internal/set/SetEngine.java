package org.stemcheck.dsp.internal.set;

import org.stemcheck.dsp.set.NullResult;

/**
 * The null tests of one set of stems against one or more mixes, fed together: per mix a
 * {@link NullTestEngine} (residual, gains, dynamics, offsets), and one {@link FrameSpectra} for
 * all of them, so that each stem's short-time transforms are computed once whatever the number
 * of mixes. Known offsets are undone first, for all mixes alike ({@link Aligner}). Behind
 * {@code org.stemcheck.dsp.set.NullTest} and {@code NullTests}; not thread-safe.
 */
public final class SetEngine {

    private final NullTestEngine[] engines;
    private final FrameSpectra spectra;
    private final Aligner aligner;

    /**
     * @param maxLag the largest offset searched, in samples (validated by the caller)
     * @param lateBy per stem, an offset to undo before measuring (samples, positive = late), or
     *               an empty array for none (validated by the caller: within {@code +/- maxLag})
     * @param mixes  how many mixes are compared, at least 1
     */
    public SetEngine(int sampleRate, int stems, int channels, int maxLag, int[] lateBy, int mixes) {
        this.engines = new NullTestEngine[mixes];
        for (int k = 0; k < mixes; k++) {
            engines[k] = new NullTestEngine(sampleRate, stems, channels, maxLag);
        }
        this.spectra = new FrameSpectra(sampleRate, stems, channels, mixes);
        this.aligner = lateBy.length == 0 ? null : new Aligner(lateBy, channels, mixes, NullTestEngine.CHUNK);
    }

    /**
     * An estimate of the heap the engine holds at its peak, bytes.
     *
     * @param aligned whether offsets are undone (delay lines as long as the offsets)
     */
    public static long estimateBytes(int sampleRate, int stems, int channels, int maxLag, boolean aligned, int mixes) {
        long total = mixes * NullTestEngine.estimateBytes(sampleRate, stems, channels, maxLag)
                + FrameSpectra.bytes(sampleRate, stems, channels, mixes);
        if (aligned) {
            total += 8L * (stems + mixes) * channels * (2L * maxLag + 2L * NullTestEngine.CHUNK);
        }
        return total;
    }

    /** Arrays already validated by the caller: {@code in[stem][channel]}, {@code mixes[mix][channel]}. */
    public void accept(double[][][] in, double[][][] mixes, int offset, int count) {
        if (aligner == null) {
            measure(in, mixes, offset, count);
            return;
        }
        for (int done = 0; done < count; done += NullTestEngine.CHUNK) {
            int ready = aligner.push(in, mixes, offset + done, Math.min(NullTestEngine.CHUNK, count - done));
            measure(aligner.stems(), aligner.mixes(), 0, ready);
        }
    }

    private void measure(double[][][] in, double[][][] mixes, int offset, int count) {
        for (int k = 0; k < engines.length; k++) {
            engines[k].accept(in, mixes[k], offset, count);
        }
        spectra.accept(in, mixes, offset, count);
    }

    /**
     * Everything so far against mix {@code k}; does not change the state.
     *
     * @param k the mix, {@code 0 <= k < mixes}
     * @return the result
     */
    public NullResult result(int k) {
        return engines[k].result(spectra, k);
    }
}
