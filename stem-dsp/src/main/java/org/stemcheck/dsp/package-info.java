/**
 * The meters of one file: accumulators fed block by block in the one pass over the file, each
 * giving an immutable result.
 *
 * <ul>
 * <li>Loudness and true peak: {@link org.stemcheck.dsp.LoudnessMeter} (ITU-R BS.1770-4, EBU
 *     Tech 3341/3342: {@link org.stemcheck.dsp.LoudnessResult} with its
 *     {@link org.stemcheck.dsp.LoudnessTimeline}) and {@link org.stemcheck.dsp.TruePeakMeter}
 *     ({@link org.stemcheck.dsp.TruePeakResult}).</li>
 * <li>Level: sample peak, DC, RMS and crest per channel ({@link org.stemcheck.dsp.SampleStats},
 *     {@link org.stemcheck.dsp.ChannelStats}), runs of clipped samples
 *     ({@link org.stemcheck.dsp.ClipRuns}, {@link org.stemcheck.dsp.ClipRun}), the bits in use
 *     ({@link org.stemcheck.dsp.BitDepth}), the level over time with first and last sound and the
 *     tail ({@link org.stemcheck.dsp.LevelTimeline}), stereo correlation / dual mono
 *     ({@link org.stemcheck.dsp.StereoCorrelation}), and the samples that are not numbers
 *     ({@link org.stemcheck.dsp.NonFiniteSamples}, which also clears them from a block before the
 *     other meters see it).</li>
 * <li>Spectrum: Welch's averaged power spectrum ({@link org.stemcheck.dsp.WelchSpectrum},
 *     {@link org.stemcheck.dsp.Spectrum}), the bandwidth of a spectrum
 *     ({@link org.stemcheck.dsp.Cutoff}) and its energy in octave, third-octave or own bands
 *     ({@link org.stemcheck.dsp.BandEnergies}, {@link org.stemcheck.dsp.Band}).</li>
 * <li>The block machinery: {@link org.stemcheck.dsp.Accumulator} ({@code accept(block)},
 *     {@code result()}), {@link org.stemcheck.dsp.Accumulators} (one pass over a stream or an
 *     in-memory signal feeds several meters) and {@link org.stemcheck.dsp.QueuedAccumulator} (a
 *     meter fed on an executor's threads while the caller reads on).</li>
 * </ul>
 *
 * <p>Start with {@link org.stemcheck.dsp.LoudnessMeter} (a file, one pass, loudness and true peak)
 * or {@link org.stemcheck.dsp.TruePeakMeter} (a signal in memory): each carries a complete example.
 *
 * <p>Thread safety: a meter is fed by one thread at a time (use one per thread, and
 * {@code combine} where the meter has it to merge parts measured apart; or let a
 * {@link org.stemcheck.dsp.QueuedAccumulator} feed it on a pool). Results, timelines and spectra
 * are immutable; {@link org.stemcheck.dsp.Accumulators} is stateless.
 */
package org.stemcheck.dsp;
