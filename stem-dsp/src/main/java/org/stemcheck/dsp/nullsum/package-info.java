/**
 * The null test of a stem delivery: do the stems, summed, give the reference mix, and where they
 * do not, which stem is off and how.
 *
 * <p>The entry point is {@link org.stemcheck.dsp.nullsum.NullSum}, one accumulator fed aligned
 * blocks of every stem and of one mix, or of several candidate mixes at once; what it compares
 * and how far it searches for offsets is a {@link org.stemcheck.dsp.nullsum.NullSumSetup}. Its
 * {@link org.stemcheck.dsp.nullsum.NullResult} per mix holds the plain null
 * ({@link org.stemcheck.dsp.nullsum.NullResidual}), the least-squares gains
 * ({@link org.stemcheck.dsp.nullsum.GainSolution}, {@link org.stemcheck.dsp.nullsum.StemGain}),
 * the offsets ({@link org.stemcheck.dsp.nullsum.StemOffset}, and over two parts of the song
 * {@link org.stemcheck.dsp.nullsum.HalfOffsets}), the transfer and dynamics of each stem into the
 * mix ({@link org.stemcheck.dsp.nullsum.StemTransfer},
 * {@link org.stemcheck.dsp.nullsum.StemDynamics}) and the spectra of the residual, the mix and
 * the stems ({@link org.stemcheck.dsp.nullsum.NullSpectra}). A
 * {@link org.stemcheck.dsp.nullsum.Resampler} brings a file at another rate to the common one
 * first.
 *
 * <p>Thread safety: a {@code NullSum} and a {@code Resampler} are fed by one thread (a null sum's
 * spectra may run on an executor the caller gives it); setups and results are immutable.
 */
package org.stemcheck.dsp.nullsum;
