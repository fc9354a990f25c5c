package org.stemcheck.core.internal.checks;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.stemcheck.core.CheckContext;
import org.stemcheck.core.Finding;
import org.stemcheck.core.Measurement;
import org.stemcheck.core.StemFile;
import org.stemcheck.dsp.spectrum.Spectrum;
import org.stemcheck.dsp.spectrum.WelchSpectrum;

/**
 * {@code content.lossy-transcode}: a PCM stem whose spectrum shows a codec's low-pass: a brick wall
 * ({@link Shelf#wall()}) between {@value #FROM_HZ} and {@value #TO_HZ} Hz with nothing above it,
 * while another file of the delivery (a stem or the mix) has content above that frequency. The
 * cut-off alone is not evidence: dull sounds (bass, pads) roll off gradually and are never reported.
 */
final class LossyTranscodeCheck extends BaseCheck {

    /** Lowest wall searched: 15 kHz, LAME's low-pass at 96 kbit/s (15.1 kHz in its lame.c bitrate/low-pass table). */
    static final double FROM_HZ = 15_000.0;

    /** Highest wall searched: 20 kHz, above LAME's 19.7 kHz low-pass at 256 kbit/s (lame.c table); higher walls are resamplers'. */
    static final double TO_HZ = 20_000.0;

    /**
     * Another file must be at least 20 dB louder just above the wall: the band is empty in this stem
     * only, not in the whole session (a session band-limited at its source is not a transcode).
     */
    static final double CORROBORATION_DB = 20.0;

    LossyTranscodeCheck() {
        super("content.lossy-transcode", "no PCM stem went through a lossy codec (codec low-pass)");
    }

    @Override
    public Set<Measurement> needs() {
        return EnumSet.of(Measurement.HEADER, Measurement.SAMPLE_STATS, Measurement.SPECTRUM);
    }

    @Override
    public List<Finding> run(CheckContext ctx) {
        List<StemFile> audio = audible(ctx);
        List<Finding> out = new ArrayList<>();
        for (StemFile f : audio) {
            judge(ctx, audio, f).ifPresent(w -> out.add(finding(f, w.wall(), w.other())));
        }
        return out;
    }

    /** The readable, not silent stems and mixes: the files judged and the ones that may corroborate. */
    static List<StemFile> audible(CheckContext ctx) {
        return readableAudio(ctx).stream().filter(f -> !Measured.silent(ctx, f)).toList();
    }

    /** The codec's wall in stem {@code f} and the file that corroborates it, when {@code f} is reported. */
    static Optional<Transcoded> judge(CheckContext ctx, List<StemFile> audio, StemFile f) {
        if (!f.role().isStem() || !audio.contains(f)) {
            return Optional.empty();
        }
        Optional<Shelf> wall = spectrum(ctx, f).flatMap(x -> Shelf.find(x, FROM_HZ, TO_HZ)).filter(Shelf::wall);
        if (wall.isEmpty() || leftToFakeHires(f, wall.get())) {
            return Optional.empty();
        }
        return corroboration(ctx, audio, f, wall.get()).map(o -> new Transcoded(wall.get(), o));
    }

    record Transcoded(Shelf wall, Other other) {
    }

    /** A high-rate file walled near 20 kHz is an upsampled one: {@code content.fake-hires} says so. */
    private static boolean leftToFakeHires(StemFile f, Shelf wall) {
        return Measured.rate(f) > 48_000 && wall.hz() >= FakeHiresCheck.FROM_HZ;
    }

    static Optional<Spectrum> spectrum(CheckContext ctx, StemFile f) {
        return ctx.measurement(f, Measurement.SPECTRUM, WelchSpectrum.Result.class)
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

    record Other(StemFile file, double aboveDb) {
    }

    private Finding finding(StemFile f, Shelf wall, Other other) {
        return Finding.warning(id(), String.format(Locale.ROOT,
                        "%s looks transcoded from a lossy codec (MP3/AAC): its spectrum stops dead at %.1f kHz"
                                + " (%s fall within 1 kHz, nothing above) while %s has content up there",
                        f.displayLabel(), wall.hz() / 1000, Measured.db(wall.dropDb()), other.file().displayLabel()))
                .withFiles(f.name())
                .withMeasurement("cutoff_hz", wall.hz())
                .withMeasurement("drop_db", wall.dropDb())
                .withMeasurement("others_above_db", other.aboveDb() - wall.aboveDb())
                .withFix("export " + f.displayLabel() + " again from the session as WAV; if its source was an MP3"
                        + " (a sample, a bounce sent by e-mail), get the original");
    }
}
