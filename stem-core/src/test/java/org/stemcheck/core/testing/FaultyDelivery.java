package org.stemcheck.core.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

import org.stemcheck.core.Plots;
import org.stemcheck.core.Report;
import org.stemcheck.io.WavWriter;

/**
 * A small song-like delivery with faults a person should see in the HTML report: Vocals stamped
 * and placed 0.5 s late, Keys cut off at 4.2 s, Guitars through a 16 kHz low-pass (as a lossy
 * codec leaves it), Bass at 16 bits. 6 s, 48 kHz, stereo, BWF stamped at 01:00:00. The
 * {@code mixdown.wav} is the sum of the stems as they should have been.
 *
 * <p>{@link #plots} computes the series the engine will hand the report, with plain code here
 * (RMS in 50 ms windows, a Hann-windowed DFT at log-spaced frequencies, an un-weighted 3 s
 * loudness estimate): test data for the drawing, not reference measurements.
 */
public final class FaultyDelivery {

    public static final int RATE = 48_000;
    public static final double SECONDS = 6.0;
    static final int FRAMES = (int) (SECONDS * RATE);
    static final long ONE_HOUR = 3600L * RATE;
    static final int LATE_FRAMES = RATE / 2;
    static final int KEYS_FRAMES = (int) (4.2 * RATE);

    /** File name to the planar samples written (as delivered). */
    private final Map<String, double[][]> delivered = new LinkedHashMap<>();
    private double[][] mix;
    private double[][] intendedSum;

    /** Writes the delivery into {@code dir}. */
    public static FaultyDelivery write(Path dir) throws IOException {
        FaultyDelivery d = new FaultyDelivery();
        d.make(dir);
        return d;
    }

    private void make(Path dir) throws IOException {
        Random rnd = new Random(42);
        double[][] drums = Synth.drums(FRAMES, RATE, rnd);
        double[][] bass = Synth.bass(FRAMES, RATE);
        double[][] keys = Synth.chords(FRAMES, RATE, 0.12);
        double[][] guitars = Synth.lowPass(Synth.plucks(FRAMES, RATE, rnd), RATE, 16_000);
        double[][] vocals = Synth.voice(FRAMES, RATE);
        double[][] pads = Synth.pad(FRAMES, RATE, rnd);
        double[][] fx = Synth.tails(FRAMES, RATE, rnd);
        intendedSum = Synth.sum(drums, bass, keys, guitars, vocals, pads, fx);
        mix = intendedSum;
        put(dir, "Song_Drums_120bpm.wav", drums, 24, ONE_HOUR);
        put(dir, "Song_Bass_120bpm.wav", bass, 16, ONE_HOUR);
        put(dir, "Song_Keys_120bpm.wav", Synth.cut(keys, KEYS_FRAMES), 24, ONE_HOUR);
        put(dir, "Song_Guitars_120bpm.wav", guitars, 24, ONE_HOUR);
        put(dir, "Song_Vocals_120bpm.wav", Synth.delay(vocals, LATE_FRAMES), 24, ONE_HOUR + LATE_FRAMES);
        put(dir, "Song_Pads_120bpm.wav", pads, 24, ONE_HOUR);
        put(dir, "Song_FX_120bpm.wav", fx, 24, ONE_HOUR);
        put(dir, "mixdown.wav", mix, 24, ONE_HOUR);
    }

    private void put(Path dir, String name, double[][] ch, int bits, long timeRef) throws IOException {
        WavWriter.pcm(bits).withTimeReference(timeRef).write(dir.resolve(name), RATE, ch);
        delivered.put(name, ch);
    }

    /** The report with the series the engine will provide, computed from the samples written. */
    public Report withPlots(Report r) {
        Plots p = Plots.NONE;
        for (Map.Entry<String, double[][]> e : delivered.entrySet()) {
            double[][] ch = e.getValue();
            p = p.withLevel(e.getKey(), PlotSeries.level(ch, RATE, 0.05))
                    .withSpectrum(e.getKey(), PlotSeries.spectrum(ch, RATE))
                    .withLoudness(e.getKey(), PlotSeries.loudness(ch, RATE));
        }
        // The stems as delivered, summed sample by sample from their first samples, minus the mix.
        double[][] sum = new double[2][FRAMES];
        for (Map.Entry<String, double[][]> e : delivered.entrySet()) {
            if (!e.getKey().equals("mixdown.wav")) {
                Synth.addInto(sum, e.getValue());
            }
        }
        double[][] residual = Synth.sum(sum, Synth.scale(mix, -1));
        p = p.withResidual(PlotSeries.level(residual, RATE, 0.05), PlotSeries.level(mix, RATE, 0.05));
        return r.withPlots(p);
    }

    /** The sum of the stems as they were meant to be (equal to the mix). */
    double[][] intendedSum() {
        return intendedSum;
    }
}
