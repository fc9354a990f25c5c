package org.stemcheck.dsp.nullsum;

import java.util.List;
import java.util.concurrent.Executor;
import org.stemcheck.dsp.WelchSpectrum;
import org.stemcheck.dsp.internal.set.Aligner;

/**
 * The null tests of one set of stems against one or more mixes, fed together: per mix a
 * {@link MixEngine} (residual, gains, dynamics), and for all of them one
 * {@link LagEstimator} (offsets) and one {@link FrameSpectra} (transfers, spectra), so that the
 * stems' share of the work (their mono downmix, its decimation and transforms, their short-time
 * spectra, their loudest hop) is done once whatever the number of mixes. Known offsets are undone
 * first, for all mixes alike ({@link Aligner}). With an executor, the short-time spectra run on
 * its threads beside the rest ({@link SpectraActor}). Behind {@code NullSum}; not thread-safe (one
 * caller thread).
 */
final class NullSumEngine {

    /**
     * What the engine measures beyond the residual, gains, offsets, transfers and spectra, and how.
     *
     * @param split    the first frame of the second part for {@link NullResult#halves()}, or 0 for none
     * @param halfLag  each part's offset search range, samples (used when {@code split > 0})
     * @param welch    whether to sum every stem's and mix's Welch spectrum ({@link #stemSpectrum})
     * @param executor where the short-time spectra run beside the caller, or null: on the caller's thread
     * @param compact  whether the offsets' full-rate stage keeps a shorter loudest hop (about half
     *                 its memory; {@link LagEstimator#LagEstimator(int, int, int, LagEstimator.Reference, int, boolean)})
     * @param screen   whether to measure only the plain residual, the gains and the dynamics (and
     *                 the files' Welch spectra when {@code welch}): no offsets, no halves, no
     *                 transfers or residual spectra ({@link NullSum#screen})
     * @param screened a screen's results of the same setup and frames, one per mix, whose plain
     *                 residual, gains and dynamics the results take instead of summing them again
     *                 ({@link NullSum#afterScreen}); null to measure everything
     */
    record Options(long split, int halfLag, boolean welch, Executor executor, boolean compact, boolean screen,
                   List<NullResult> screened) {

        Options(long split, int halfLag, boolean welch, Executor executor) {
            this(split, halfLag, welch, executor, false, false, null);
        }

        Options(long split, int halfLag, boolean welch, Executor executor, boolean compact) {
            this(split, halfLag, welch, executor, compact, false, null);
        }

        Options(long split, int halfLag, boolean welch, Executor executor, boolean compact, boolean screen) {
            this(split, halfLag, welch, executor, compact, screen, null);
        }
    }

    /**
     * Bytes added to every estimate for what its parts do not itemise: the transform plans made on
     * first use and the results. Measured: a null sum's allocations from creation to its results
     * are within 1.2 MiB of the itemised sum (3 and 7 stems, full and compact offsets).
     */
    static final long SLACK = 2L << 20;

    private final int sampleRate;
    private final MixEngine[] engines;
    /** The offset search, or null in a screen. */
    private final LagEstimator lags;
    /** The short-time spectra, or null in a screen without the files' spectra. */
    private final FrameSpectra spectra;
    /** The spectra's feeder on another thread, or null when they are fed on the caller's. */
    private final SpectraActor actor;
    private final Aligner aligner;
    /** The offsets over two parts of the song, or null when not asked for (or in a screen). */
    private final HalvesProbe halves;
    /**
     * Where chunks are cut for the halves ({@link Options#split}), also in a screen that measures
     * no halves: so that the residual, gains and dynamics of a screen are summed over the same
     * chunks, and are the same to the bit, as those of the full test of the same setup.
     */
    private final long split;
    private final boolean screen;
    /** The screen's results whose residual, gains and dynamics the results take, or null ({@link Options#screened}). */
    private final List<NullResult> screened;
    private long fed;
    /** Per chunk: every stem's mono downmix, and each mix's mono residual. */
    private final double[][] mono;
    private final double[][] references;

    /**
     * @param maxLag the largest offset searched, in samples (validated by the caller)
     * @param lateBy per stem, an offset to undo before measuring (samples, positive = late), or
     *               an empty array for none (validated by the caller: within {@code +/- maxLag})
     * @param mixes  how many mixes are compared, at least 1
     * @param options what else to measure, and where the spectra run
     */
    NullSumEngine(int sampleRate, int stems, int channels, int maxLag, int[] lateBy, int mixes, Options options) {
        this.sampleRate = sampleRate;
        this.screen = options.screen();
        this.screened = options.screened() == null ? null : List.copyOf(options.screened());
        this.split = options.split();
        this.engines = new MixEngine[mixes];
        for (int k = 0; k < mixes; k++) {
            // the first mix's engine sums the stems' Gram matrix for all (it is fed each chunk first)
            engines[k] = new MixEngine(sampleRate, stems, channels, k == 0 ? null : engines[0], screened != null);
        }
        this.lags = screen ? null : new LagEstimator(sampleRate, stems, maxLag, LagEstimator.Reference.MIX_MINUS_OTHERS,
                mixes, options.compact());
        this.mono = screen ? null : new double[stems][MixEngine.CHUNK];
        this.references = new double[mixes][];
        this.spectra = screen && !options.welch() ? null
                : new FrameSpectra(sampleRate, stems, channels, mixes, options.welch(), screen);
        this.actor = options.executor() == null || spectra == null ? null
                : new SpectraActor(spectra, options.executor(), stems, mixes, channels);
        this.aligner = lateBy.length == 0 ? null : new Aligner(lateBy, channels, mixes, MixEngine.CHUNK);
        this.halves = options.split() > 0 && !screen
                ? new HalvesProbe(sampleRate, stems, channels, mixes, lags.factor(), options.split(), options.halfLag())
                : null;
        if (halves != null) {
            lags.feed(halves);
        }
    }

    /**
     * An estimate of the heap the engine holds at its peak, bytes.
     *
     * @param aligned whether offsets are undone (delay lines as long as the offsets)
     * @param options what else is measured, and where
     */
    static long estimateBytes(int sampleRate, int stems, int channels, int maxLag, boolean aligned, int mixes,
                                     Options options) {
        // SLACK: what the parts below do not itemise (transform plans made on first use, results)
        long total = SLACK + mixes * MixEngine.estimateBytes(stems, channels) + 8L * stems * MixEngine.CHUNK
                + LagEstimator.bytes(sampleRate, stems, maxLag, mixes, options.compact())
                + FrameSpectra.bytes(sampleRate, stems, channels, mixes, options.welch());
        if (options.split() > 0) {
            total += HalvesProbe.bytes(stems, mixes, LagEstimator.factorFor(sampleRate, maxLag), options.halfLag());
        }
        if (options.executor() != null) {
            total += queueBytes(stems, mixes, channels);
        }
        if (aligned) {
            total += 8L * (stems + mixes) * channels * (2L * maxLag + 2L * MixEngine.CHUNK);
        }
        return total;
    }

    /**
     * The heap the queue of blocks holds when the spectra run on an executor.
     *
     * @return bytes
     */
    static long queueBytes(int stems, int mixes, int channels) {
        return SpectraActor.bytes(stems + mixes, channels);
    }

    /** Arrays already validated by the caller: {@code in[stem][channel]}, {@code mixes[mix][channel]}. */
    void accept(double[][][] in, double[][][] mixes, int offset, int count) {
        if (aligner == null) {
            measure(in, mixes, offset, count);
            return;
        }
        for (int done = 0; done < count; done += MixEngine.CHUNK) {
            int ready = aligner.push(in, mixes, offset + done, Math.min(MixEngine.CHUNK, count - done));
            measure(aligner.stems(), aligner.mixes(), 0, ready);
        }
    }

    private void measure(double[][][] in, double[][][] mixes, int offset, int count) {
        if (actor != null) {
            actor.accept(in, mixes, offset, count); // first, so that the spectra start while the rest runs here
        }
        int done = 0;
        while (done < count) {
            // every engine has taken the same frames: the same room up to its next segment boundary
            int n = Math.min(count - done, engines[0].room());
            if (fed < split) {
                n = (int) Math.min(n, split - fed); // as HalvesProbe.room: no chunk crosses the split
            }
            for (int k = 0; k < engines.length; k++) {
                engines[k].chunk(in, mixes[k], offset + done, n);
                references[k] = engines[k].monoResidual();
            }
            if (!screen) {
                if (halves != null) {
                    halves.downmix(in, offset + done, n, mono);
                } else {
                    MixEngine.downmix(in, offset + done, n, mono);
                }
                lags.accept(mono, references, n);
            }
            fed += n;
            done += n;
        }
        if (actor == null && spectra != null) {
            spectra.accept(in, mixes, offset, count);
        }
    }

    /** The spectra, once every block fed so far has reached them. */
    private FrameSpectra spectra() {
        return actor == null ? spectra : actor.await();
    }

    /**
     * The short-time spectra's frame size at a rate.
     *
     * @param sampleRate Hz
     * @return a power of two, about 170 ms
     */
    static int frameSizeFor(int sampleRate) {
        return FrameSpectra.frameSizeFor(sampleRate);
    }

    /** @return true when known offsets are undone before measuring */
    boolean aligned() {
        return aligner != null;
    }

    /** @return the short-time spectra's complete frames so far (0 in a screen without them) */
    long wholeFrames() {
        return spectra == null ? 0 : spectra().frames();
    }

    /** @return true when only the plain residual, gains and dynamics are measured ({@link Options#screen}) */
    boolean screen() {
        return screen;
    }

    /**
     * Each stem's energy (the Gram matrix's diagonal, about each file's mean, all channels) over
     * mix {@code k}'s, dB.
     *
     * @param k the mix
     * @return per stem, dB; -200 for a silent stem, NaN for a silent mix
     */
    double[] stemLevelsDb(int k) {
        return engines[k].stemLevelsDb();
    }

    /**
     * Stem {@code i}'s Welch spectrum over the complete frames so far (see {@link FrameSpectra}).
     *
     * @param i the stem
     * @return the spectrum
     * @throws IllegalStateException when the engine was made without {@code welch}
     */
    WelchSpectrum.Result stemSpectrum(int i) {
        return spectra().stemWelch(i);
    }

    /**
     * Mix {@code k}'s Welch spectrum over the complete frames so far.
     *
     * @param k the mix
     * @return the spectrum
     * @throws IllegalStateException when the engine was made without {@code welch}
     */
    WelchSpectrum.Result mixSpectrum(int k) {
        return spectra().mixWelch(k);
    }

    /**
     * Everything so far against mix {@code k}; does not change the state.
     *
     * @param k the mix, {@code 0 <= k < mixes}
     * @return the result
     */
    NullResult result(int k) {
        if (screen) {
            if (actor != null) {
                actor.await(); // the files' spectra may still be summing; nothing else to wait for
            }
            return engines[k].screenResult();
        }
        List<HalfOffsets> parts = halves == null ? List.of() : halves.result(k);
        if (screened != null) {
            NullResult s = screened.get(k);
            if (s.frames() != engines[k].frames()) {
                throw new IllegalStateException(String.format(java.util.Locale.ROOT,
                        "the screen compared %d frames, this null sum %d: the screen's gains are not these frames'",
                        s.frames(), engines[k].frames()));
            }
            return engines[k].result(spectra(), k, lags.result(k, sampleRate), parts, s);
        }
        return engines[k].result(spectra(), k, lags.result(k, sampleRate), parts);
    }
}
