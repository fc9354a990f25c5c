package org.stemcheck.dsp;

import java.util.Objects;

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
 * <li>Channels weighted by their {@link ChannelRole}: L, R, C 1.0; surrounds 1.41; LFE dropped.</li>
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
    private final ChannelLayout layout;

    private LoudnessMeter(double sampleRate, ChannelLayout layout, KWeighting weighting) {
        this.layout = layout;
        this.engine = new LoudnessEngine(sampleRate, layout.weights(), weighting);
    }

    /**
     * A meter for audio at {@code sampleRate} Hz with the given channels.
     *
     * @param sampleRate the rate in Hz, 4 kHz to 1.536 MHz (fractional rates allowed)
     * @param layout     the channels' roles, which set their weights
     * @return a new meter, which has measured nothing
     * @throws IllegalArgumentException when the rate is outside 4 kHz .. 1.536 MHz
     */
    public static LoudnessMeter of(double sampleRate, ChannelLayout layout) {
        Objects.requireNonNull(layout, "layout must not be null");
        MeterArguments.sampleRate(sampleRate);
        return new LoudnessMeter(sampleRate, layout, KWeighting.forRate(sampleRate));
    }

    /**
     * A meter for a file's format: its rate, and the layout its channel mask (or count) implies.
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

    /**
     * The channel layout measured.
     *
     * @return the layout given or implied by the format; its size is the channel count
     *         {@link #accept} expects
     */
    public ChannelLayout layout() {
        return layout;
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
