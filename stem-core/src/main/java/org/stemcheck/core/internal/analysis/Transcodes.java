package org.stemcheck.core.internal.analysis;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

import org.stemcheck.core.Analysis;
import org.stemcheck.core.CheckContext;
import org.stemcheck.core.Measurement;
import org.stemcheck.core.file.Role;
import org.stemcheck.core.file.StemFile;
import org.stemcheck.dsp.Spectrum;
import org.stemcheck.dsp.WelchSpectrum;

/**
 * Which stems went through a lossy codec although delivered as PCM, judged once per run and shared:
 * {@code content.lossy-transcode} reports them, and the null test's diagnosis must not blame a
 * second fault on what the codec did. The sign is a brick-wall low-pass at 15-20 kHz (a codec's)
 * that another file of the delivery does not have. A cut-off alone is not evidence: dull sounds
 * (bass, pads) roll off gradually and are never reported. Reads the {@link Measurement#SPECTRUM}
 * and {@link Measurement#SAMPLE_STATS} of every file ({@link #NEEDS}).
 */
public final class Transcodes {

    /** The measurements {@link #FOUND} reads. */
    public static final Set<Measurement<?>> NEEDS = Set.of(Measurement.SAMPLE_STATS, Measurement.SPECTRUM);

    /** Lowest wall searched: 15 kHz, LAME's low-pass at 96 kbit/s (15.1 kHz in its lame.c bitrate/low-pass table). */
    public static final double FROM_HZ = 15_000.0;

    /** Highest wall searched: 20 kHz, above LAME's 19.7 kHz low-pass at 256 kbit/s (lame.c table); higher walls are resamplers'. */
    public static final double TO_HZ = 20_000.0;

    /**
     * Another file must be at least 20 dB louder just above the wall: the band is empty in this stem
     * only, not in the whole session (a session band-limited at its source is not a transcode).
     */
    public static final double CORROBORATION_DB = 20.0;

    /** Walls of high-rate files from here up are an upsampler's, not a codec's ({@code content.fake-hires}): 19 kHz, the low-pass of resamplers from 44.1 kHz (86 % of its Nyquist and up). */
    public static final double UPSAMPLED_FROM_HZ = 19_000.0;

    /** Rates above this are "high resolution": 48 kHz, the highest base rate of AES5-2018. */
    public static final double BASE_RATE_HZ = 48_000.0;

    /**
     * A transcoded stem.
     *
     * @param wall  the codec's wall in its spectrum
     * @param other the file that has content above it
     */
    public record Transcoded(Shelf wall, Other other) {
    }

    /**
     * The file that corroborates a wall.
     *
     * @param file    the file
     * @param aboveDb its level just above the wall, dB per bin
     */
    public record Other(StemFile file, double aboveDb) {
    }

    /** Per transcoded stem (by file name, in delivery order), its wall and the file that corroborates it. */
    public static final Analysis<Map<String, Transcoded>> FOUND = Transcodes::find;

    private Transcodes() {
    }

    private static Map<String, Transcoded> find(CheckContext ctx) {
        List<StemFile> audio = audible(ctx);
        Map<String, Transcoded> out = new LinkedHashMap<>();
        for (StemFile f : audio) {
            judge(ctx, audio, f).ifPresent(t -> out.put(f.name(), t));
        }
        return Collections.unmodifiableMap(out);
    }

    /** The codec cut-off of {@code file} (Hz), empty when it is not reported as transcoded. */
    public static OptionalDouble cutoff(Map<String, Transcoded> found, StemFile file) {
        Transcoded t = found.get(file.name());
        return t == null ? OptionalDouble.empty() : OptionalDouble.of(t.wall().hz());
    }

    /** The readable, not silent stems and mixes: the files judged and the ones that may corroborate. */
    private static List<StemFile> audible(CheckContext ctx) {
        return ctx.files().stream()
                .filter(f -> f.readable() && (f.role().isStem() || f.role() == Role.MIXDOWN))
                .filter(f -> !Silence.silent(ctx, f)).toList();
    }

    private static Optional<Transcoded> judge(CheckContext ctx, List<StemFile> audio, StemFile f) {
        if (!f.role().isStem()) {
            return Optional.empty();
        }
        Optional<Shelf> wall = spectrum(ctx, f).flatMap(x -> Shelf.find(x, FROM_HZ, TO_HZ)).filter(Shelf::wall);
        if (wall.isEmpty() || leftToFakeHires(f, wall.get())) {
            return Optional.empty();
        }
        return corroboration(ctx, audio, f, wall.get()).map(o -> new Transcoded(wall.get(), o));
    }

    /** A high-rate file walled near 20 kHz is an upsampled one: {@code content.fake-hires} says so. */
    private static boolean leftToFakeHires(StemFile f, Shelf wall) {
        return f.format().orElseThrow().sampleRate() > BASE_RATE_HZ && wall.hz() >= UPSAMPLED_FROM_HZ;
    }

    /** The channels' average Welch spectrum of a file, where measured and at least one segment long. */
    public static Optional<Spectrum> spectrum(CheckContext ctx, StemFile f) {
        return ctx.measurement(f, Measurement.SPECTRUM)
                .map(WelchSpectrum.Result::average)
                .filter(s -> s.segments() > 0);
    }

    /** The file with the most content just above the wall, when it has {@link #CORROBORATION_DB} more. */
    private static Optional<Other> corroboration(CheckContext ctx, List<StemFile> audio, StemFile f, Shelf wall) {
        Other best = null;
        for (StemFile g : audio) {
            if (g == f) {
                continue;
            }
            Optional<Spectrum> s = spectrum(ctx, g);
            if (s.isEmpty() || s.get().nyquistHz() < wall.hz() + Shelf.REACH_HZ) {
                continue;
            }
            double above = Shelf.mean(s.get(), wall.hz() + Shelf.GAP_HZ, wall.hz() + Shelf.REACH_HZ);
            if (above - wall.aboveDb() >= CORROBORATION_DB && (best == null || above > best.aboveDb())) {
                best = new Other(g, above);
            }
        }
        return Optional.ofNullable(best);
    }
}
