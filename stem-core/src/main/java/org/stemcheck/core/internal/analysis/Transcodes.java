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
 * that another file of the delivery, itself without such a wall, does not have. A cut-off alone is
 * not evidence: dull sounds (bass, pads) roll off gradually and are never reported. Nor is a wall
 * under another file's higher wall: where every file went through a codec (MUSDB18's stems and
 * mix, each AAC-coded), each file's wall lies where its own content fades into the codec's noise
 * threshold (dev101 through ffmpeg's AAC at 128 kbit/s: the backing vocals at 17.7 kHz, the FX
 * return at 16.9 kHz, the mix above them; through LAME at 128 kbit/s 15.6-16.5 kHz), and no file
 * shows what the session held above it ({@link #CODED_MIX_SPREAD_HZ}). Reads the {@link Measurement#SPECTRUM} and
 * {@link Measurement#SAMPLE_STATS} of every file ({@link #NEEDS}).
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
        double codedMix = codedMixWallHz(ctx, audio);
        Map<String, Transcoded> out = new LinkedHashMap<>();
        for (StemFile f : audio) {
            judge(ctx, audio, f, codedMix).ifPresent(t -> out.put(f.name(), t));
        }
        return Collections.unmodifiableMap(out);
    }

    /**
     * Where every mix of the delivery went through a lossy codec, a stem's wall is its own codec's
     * only when it lies this far under the mixes' highest wall: 2 kHz. One codec leaves each file's
     * wall where that file's content sinks under its noise threshold: dev101 with every file through
     * ffmpeg's AAC at 128 kbit/s, the mixes at 18.2 kHz and the stems from 16.9 kHz; through LAME at
     * 128 kbit/s the mixes at 16.7-16.9 kHz and the stems from 15.6 kHz (so a stem of no high end
     * corroborates a lower wall in another: a bass without a wall of its own held -81 dB per bin
     * above the backing vocals' 17.7 kHz, 21 dB over them). A stem through MP3 at 128 kbit/s (16
     * kHz) beside a mix through AAC at 256 kbit/s (no wall under 20 kHz) is still reported.
     */
    public static final double CODED_MIX_SPREAD_HZ = 2_000.0;

    /** The highest codec wall among the mixes when every mix has one ({@link #wall}); NaN otherwise. */
    private static double codedMixWallHz(CheckContext ctx, List<StemFile> audio) {
        double highest = Double.NaN;
        for (StemFile f : audio) {
            if (f.role() == Role.MIXDOWN) {
                Optional<Shelf> w = wall(ctx, f);
                if (w.isEmpty()) {
                    return Double.NaN;
                }
                highest = Double.isNaN(highest) ? w.get().hz() : Math.max(highest, w.get().hz());
            }
        }
        return highest;
    }

    /**
     * A codec's wall in {@code f}'s own spectrum (15-20 kHz, not an upsampler's), whether or not
     * another file corroborates it: in the reference mix, the sign that the mix went through a
     * lossy codec too.
     */
    public static Optional<Shelf> wall(CheckContext ctx, StemFile f) {
        return spectrum(ctx, f).flatMap(x -> Shelf.find(x, FROM_HZ, TO_HZ)).filter(Shelf::wall)
                .filter(w -> !leftToFakeHires(f, w));
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

    private static Optional<Transcoded> judge(CheckContext ctx, List<StemFile> audio, StemFile f, double codedMixHz) {
        if (!f.role().isStem()) {
            return Optional.empty();
        }
        Optional<Shelf> wall = wall(ctx, f);
        if (wall.isEmpty() || wall.get().hz() > codedMixHz - CODED_MIX_SPREAD_HZ) {
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

    /**
     * The file with the most content just above the wall, when it has {@link #CORROBORATION_DB}
     * more and no codec wall of its own ({@link #wall}).
     */
    private static Optional<Other> corroboration(CheckContext ctx, List<StemFile> audio, StemFile f, Shelf wall) {
        Other best = null;
        for (StemFile g : audio) {
            if (g == f || wall(ctx, g).isPresent()) {
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
