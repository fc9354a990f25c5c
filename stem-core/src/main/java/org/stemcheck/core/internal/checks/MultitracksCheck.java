package org.stemcheck.core.internal.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.stemcheck.core.CheckContext;
import org.stemcheck.core.spec.DeliverySpec;
import org.stemcheck.core.Finding;
import org.stemcheck.core.Measurement;
import org.stemcheck.core.file.StemFile;
import org.stemcheck.core.internal.delivery.Naming;

/**
 * {@code set.multitracks}: the folder holds raw multitracks (one file per microphone or DI)
 * rather than stems. Judged from the names, the channel counts, the file count and the levels.
 *
 * <p>The level part is conservative: most files peaking low, as unprocessed tracks recorded with
 * headroom do, is a reason only alongside weaker evidence (more files than the spec's most stems,
 * or at least one file named like a single input); quiet stems alone are not multitracks.
 */
final class MultitracksCheck extends BaseCheck {

    /** Words naming a single microphone or instrument input (recording practice; not stem names). */
    static final Set<String> TRACK_WORDS = Set.of("kick", "kik", "snare", "snr", "tom", "toms", "floortom",
            "oh", "ohl", "ohr", "overhead", "overheads", "hat", "hihat", "hh", "ride", "crash", "room", "rooms",
            "di", "amp", "mic", "sm57", "close");

    /** At least this many instrument-level names make a multitrack folder (two could be stems "Kick", "Snare"). */
    static final int MIN_TRACK_NAMES = 3;

    /** More than this many times the spec's most stems is a multitrack session, whatever the names. */
    static final int COUNT_FACTOR = 2;

    /** With more files than the spec's most stems, this share of mono files means tracks, not stems. */
    static final double MONO_SHARE = 0.5;

    /**
     * Raw tracks peak below -20 dBFS: recorded with the 18-20 dB of headroom of the alignment levels
     * (EBU R 68: -18 dBFS; SMPTE RP 155: -20 dBFS), before any bus gain or limiting.
     */
    static final double RAW_PEAK_DBFS = -20.0;

    /** At least two thirds of the (sounding) files peaking that low make "unprocessed levels". */
    static final double RAW_SHARE = 2.0 / 3.0;

    MultitracksCheck() {
        super("set.multitracks", "the folder holds stems, not raw multitracks (kick, snare, OH, DI ...)");
    }

    @Override
    public List<Finding> run(CheckContext ctx) {
        DeliverySpec spec = ctx.spec();
        List<StemFile> stems = ctx.files().stream().filter(f -> f.role().isStem()).toList();
        List<StemFile> trackNamed = stems.stream().filter(MultitracksCheck::trackName).toList();
        long mono = stems.stream().filter(f -> f.format().map(x -> x.channels() == 1).orElse(false)).count();
        List<String> reasons = new ArrayList<>();
        if (trackNamed.size() >= MIN_TRACK_NAMES) {
            reasons.add(trackNamed.size() + " files are named like single microphones or inputs ("
                    + examples(trackNamed) + ")");
        }
        if (stems.size() > COUNT_FACTOR * spec.stems().maxCount()) {
            reasons.add(stems.size() + " files where the " + spec.name() + " spec expects " + spec.stems().minCount()
                    + " to " + spec.stems().maxCount() + " stems");
        }
        if (stems.size() > spec.stems().maxCount() && mono >= MONO_SHARE * stems.size()) {
            reasons.add(String.format(Locale.ROOT, "%d of %d files are mono", mono, stems.size()));
        }
        long quiet = quiet(ctx, stems);
        boolean weakEvidence = stems.size() > spec.stems().maxCount() || !trackNamed.isEmpty();
        if (weakEvidence && stems.size() >= MIN_TRACK_NAMES && quiet >= RAW_SHARE * stems.size()) {
            reasons.add(String.format(Locale.ROOT, "%d of %d files peak below %.0f dBFS, as unprocessed tracks do",
                    quiet, stems.size(), RAW_PEAK_DBFS));
        }
        if (reasons.isEmpty()) {
            return List.of();
        }
        List<StemFile> concerned = trackNamed.size() >= MIN_TRACK_NAMES ? trackNamed : stems;
        return List.of(Finding.warning(id(), "This looks like raw multitracks, not stems: " + String.join("; ", reasons))
                .withFiles(concerned.stream().map(StemFile::name).toList())
                .withMeasurement("files", stems.size())
                .withMeasurement("track_names", trackNamed.size())
                .withMeasurement("mono_files", mono)
                .withMeasurement("quiet_files", quiet)
                .withFix("bounce submixes (Drums, Bass, Keys, Vocals ...) with their bus processing and effects,"
                        + " each from the session start"));
    }

    @Override
    public Set<Measurement<?>> needs() {
        return Set.of(Measurement.SAMPLE_STATS);
    }

    /** Measured, sounding files whose peak is below {@link #RAW_PEAK_DBFS}. */
    private static long quiet(CheckContext ctx, List<StemFile> stems) {
        return stems.stream()
                .filter(f -> !Measured.silent(ctx, f))
                .filter(f -> Measured.stats(ctx, f).map(s -> s.peakDbfs() < RAW_PEAK_DBFS).orElse(false))
                .count();
    }

    static boolean trackName(StemFile f) {
        return Naming.words(f.displayLabel()).stream()
                .map(w -> w.replaceAll("\\d+$", ""))
                .anyMatch(TRACK_WORDS::contains);
    }

    private static String examples(List<StemFile> files) {
        List<String> labels = files.stream().limit(4).map(StemFile::displayLabel).toList();
        return String.join(", ", labels) + (files.size() > 4 ? " ..." : "");
    }
}
