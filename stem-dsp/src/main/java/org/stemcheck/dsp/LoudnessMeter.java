package org.stemcheck.dsp;

import java.util.Objects;

import org.stemcheck.dsp.internal.loudness.ChannelLayout;
import org.stemcheck.dsp.internal.loudness.Gating;
import org.stemcheck.dsp.internal.loudness.KWeighting;
import org.stemcheck.dsp.internal.loudness.LoudnessEngine;
import org.stemcheck.dsp.internal.loudness.MeterArguments;
import org.stemcheck.io.AudioFormat;

/**
 * Loudness per ITU-R BS.1770-4 and EBU Tech 3341 / 3342: integrated (gated), momentary and
 * short-term maxima, loudness range, and a timeline, in one pass.
 *
 * <ul>
 * <li>K-weighting designed for the actual sample rate (4 kHz .. 1.536 MHz, fractional rates
 *     included), reproducing the BS.1770-4 tables at 48 kHz.</li>
 * <li>Channels weighted by their position (BS.1770-4 Annex 1, Table 3): L, R, C 1.0; surrounds
 *     1.41; LFE dropped. The positions come from a file's WAVE channel mask ({@link #forFormat}),
 *     or are the usual ones for the channel count ({@link #of(double, int)}).</li>
 * <li>Integrated: 400 ms blocks every 100 ms, absolute gate -70 LUFS, relative gate -10 LU; exact
 *     (every block's mean square is kept, no histogram).</li>
 * <li>Momentary (400 ms) and short-term (3 s) windows evaluated every 10 ms for the maxima (EBU
 *     Tech 3341 case 13 fails at 100 ms), and every 100 ms for the timeline. A window is evaluated
 *     only when it lies wholly inside the audio.</li>
 * <li>Loudness range: the short-term values every 100 ms (Tech 3342 asks for at least 10 Hz),
 *     gates -70 LUFS and -20 LU, 95th minus 10th percentile.</li>
 * </ul>
 *
 * <pre>{@code
 * AudioFile f = AudioFiles.open(path);
 * LoudnessMeter loudness = LoudnessMeter.forFormat(f.format());
 * TruePeakMeter peaks = TruePeakMeter.forFormat(f.format());
 * try (SampleStream s = f.openStream()) {
 *     double[][] block = new double[f.format().channels()][4096];
 *     for (int n; (n = s.read(block, 0, 4096)) > 0; ) {
 *         loudness.accept(block, 0, n);
 *         peaks.accept(block, 0, n);
 *     }
 * }
 * double lufs = loudness.result().integratedLufs();
 * }</pre>
 *
 * <p>Memory is fixed apart from 16 bytes per 100 ms of audio (576 KB per hour). Non-finite
 * samples (NaN, infinities in float files) are measured as silence. Results do not depend on how
 * the audio is cut into blocks. Not thread-safe.
 */
public final class LoudnessMeter implements Accumulator<LoudnessResult> {

    private final LoudnessEngine engine;

    private LoudnessMeter(double sampleRate, ChannelLayout layout, KWeighting weighting) {
        this(sampleRate, layout.weights(), weighting);
    }

    private LoudnessMeter(double sampleRate, double[] weights, KWeighting weighting) {
        this.engine = new LoudnessEngine(sampleRate, weights, weighting);
    }

    /**
     * A meter whose channels carry the given BS.1770 weights G, in file order, for channels whose
     * positions are known otherwise than by a WAVE mask (a file in Pro Tools' film order L C R Ls
     * Rs LFE: weights 1, 1, 1, 1.41, 1.41, 0).
     *
     * @param sampleRate the rate in Hz, 4 kHz to 1.536 MHz (fractional rates allowed)
     * @param weights    one weight per channel, 1 to 1024 of them, each finite and {@code >= 0}
     *                   (BS.1770-4 Annex 1, Table 3: 1.0 front, 1.41 surround, 0 for the LFE);
     *                   copied
     * @return a new meter, which has measured nothing
     * @throws IllegalArgumentException when the rate or a weight is out of range, or the number of
     *                                  weights is
     */
    public static LoudnessMeter withWeights(double sampleRate, double... weights) {
        Objects.requireNonNull(weights, "weights must not be null");
        MeterArguments.sampleRate(sampleRate);
        if (weights.length < 1 || weights.length > ChannelLayout.MAX_CHANNELS) {
            throw new IllegalArgumentException("weights: 1 .. " + ChannelLayout.MAX_CHANNELS + " channels, got "
                    + weights.length);
        }
        for (double w : weights) {
            if (!(w >= 0) || Double.isInfinite(w)) {
                throw new IllegalArgumentException("a channel weight must be finite and >= 0: " + w);
            }
        }
        return new LoudnessMeter(sampleRate, weights.clone(), KWeighting.forRate(sampleRate));
    }

    /**
     * A meter for audio at {@code sampleRate} Hz with {@code channels} channels in the usual order
     * of a file that declares no channel mask: 1 mono (weighted as a centre channel); 2 L R; 3 L R C;
     * 4 L R Ls Rs; 5 L R C Ls Rs; 6 L R C LFE Ls Rs (5.1); 8 L R C LFE Ls Rs SL SR (7.1); any other
     * count: every channel weight 1.
     *
     * @param sampleRate the rate in Hz, 4 kHz to 1.536 MHz (fractional rates allowed)
     * @param channels   1 to 1024
     * @return a new meter, which has measured nothing
     * @throws IllegalArgumentException when the rate is outside 4 kHz .. 1.536 MHz or the channel
     *                                  count outside 1 .. 1024
     */
    public static LoudnessMeter of(double sampleRate, int channels) {
        return of(sampleRate, ChannelLayout.defaultFor(channels));
    }

    private static LoudnessMeter of(double sampleRate, ChannelLayout layout) {
        MeterArguments.sampleRate(sampleRate);
        return new LoudnessMeter(sampleRate, layout, KWeighting.forRate(sampleRate));
    }

    /**
     * A meter for a file's format: its rate, and the channel positions its WAVE channel mask
     * declares (channels take the mask's set bits in ascending order; without a mask, as
     * {@link #of(double, int)}).
     *
     * @param format the file's format
     * @return a new meter, which has measured nothing
     * @throws IllegalArgumentException when the rate is outside 4 kHz .. 1.536 MHz or the file
     *                                  has more than 1024 channels (callers report such a file
     *                                  as unmeasurable)
     */
    public static LoudnessMeter forFormat(AudioFormat format) {
        Objects.requireNonNull(format, "format must not be null");
        return of(format.sampleRate(), ChannelLayout.fromMask(format.channelMask(), format.channels()));
    }

    @Override
    public void accept(double[][] block, int offset, int frames) {
        MeterArguments.block(block, offset, frames, engine.channels());
        engine.accept(block, offset, frames);
    }

    @Override
    public LoudnessResult result() {
        double[] integrated = engine.integrated();
        double[] range = engine.range();
        return new LoudnessResult(
                integrated[0],
                range[0],
                Gating.lufs(engine.maxMomentaryPower()),
                Gating.lufs(engine.maxShortTermPower()),
                integrated[1],
                range[1],
                range[2],
                engine.blockCount(),
                engine.frames(),
                LoudnessTimeline.of(engine.momentaryTimeline(), engine.shortTermTimeline()));
    }
}
