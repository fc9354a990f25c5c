package org.stemcheck.core.internal.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.stemcheck.core.CheckContext;
import org.stemcheck.core.Finding;
import org.stemcheck.core.Measurement;
import org.stemcheck.core.file.StemFile;
import org.stemcheck.dsp.content.StemFeatures;

/**
 * {@code content.label-mismatch}: a stem whose audio clearly contradicts its label: a "Bass" that
 * sits in the voice range with a sung pitch, a "Vocals" whose pitch and energy are a bass line's,
 * "Drums" without a single hit. Only clear contradictions are reported (a warning), and only when
 * the stem sounds long enough to judge; labels without a clear acoustic class are not judged.
 */
final class LabelMismatchCheck extends BaseCheck {

    /** Judge only stems sounding at least 3 s: a few notes are too few to tell an instrument by. */
    static final double MIN_SOUNDING_SECONDS = 3.0;
    /** A bass holds most power below 300 Hz (dev101 Bass: 98 %); under 35 % it is not a bass line. */
    static final double BASS_MIN_LOW_SHARE = 0.35;
    /** A bass line's median fundamental sits below 150 Hz (bass guitar E1-E3 is 41-165 Hz); a sung one above. */
    static final double BASS_MAX_MEDIAN_F0 = 150;
    /** Above 60 % of the power below 300 Hz is a bass's balance (dev101: Vocals 10 %, BackingVocals 35 %). */
    static final double VOCAL_MAX_LOW_SHARE = 0.60;
    /** A median fundamental below 110 Hz (A2) is below the sung range of all but the lowest basses. */
    static final double VOCAL_MIN_MEDIAN_F0 = 110;
    /** ... in a pitched line: a bass is voiced in most frames (dev101 Bass: 87 %, Drums: 6 %). */
    static final double BASS_LINE_MIN_VOICED_SHARE = 0.5;
    /** Fewer than 0.25 onsets per sounding second is no beat (dev101 Drums: 2.1/s; a half-time bar at 60 bpm has 2). */
    static final double DRUMS_MIN_ONSET_RATE = 0.25;
    /** ... together with a pitch in at least half of the frames: sustained tonal material, not a kit. */
    static final double DRUMS_MAX_VOICED_SHARE = 0.5;
    /** A voice: pitched in at least 40 % of its sounding frames, most power between 300 Hz and 4 kHz. */
    static final double VOICE_MIN_VOICED_SHARE = 0.4;
    static final double VOICE_MIN_MID_SHARE = 0.5;

    LabelMismatchCheck() {
        super("content.label-mismatch", "the audio of each stem matches its label (a Bass holds a bass line)");
    }

    @Override
    public Set<Measurement<?>> needs() {
        return Set.of(Measurement.FEATURES);
    }

    @Override
    public List<Finding> run(CheckContext ctx) {
        List<Finding> out = new ArrayList<>();
        for (StemFile f : ctx.readableStems()) {
            Optional<StemClass> promised = f.label().flatMap(StemClass::of);
            Optional<StemFeatures.Result> r = ctx.measurement(f, Measurement.FEATURES);
            if (promised.isPresent() && r.isPresent() && r.get().soundingSeconds() >= MIN_SOUNDING_SECONDS) {
                contradiction(promised.get(), r.get()).ifPresent(what -> out.add(finding(f, promised.get(), what, r.get())));
            }
        }
        return out;
    }

    /** What the audio sounds like instead, with the numbers, when it clearly is not {@code promised}. */
    static Optional<String> contradiction(StemClass promised, StemFeatures.Result r) {
        StemFeatures.Pitch p = r.pitch();
        double low = r.bands().below300();
        switch (promised) {
            case BASS:
                if (low < BASS_MIN_LOW_SHARE && p.medianHz() > BASS_MAX_MEDIAN_F0) {
                    return Optional.of(voice(r)
                            ? String.format(Locale.ROOT, "a vocal (pitch %.0f-%.0f Hz, %.0f%% of the energy 300 Hz-4 kHz)",
                                    p.lowHz(), p.highHz(), 100 * r.bands().voiceRange())
                            : String.format(Locale.ROOT, "higher-pitched material (pitch %.0f-%.0f Hz, %.0f%% of the"
                                    + " energy above 300 Hz)", p.lowHz(), p.highHz(), 100 * (1 - low)));
                }
                return Optional.empty();
            case VOCALS:
                if (low > VOCAL_MAX_LOW_SHARE && p.medianHz() < VOCAL_MIN_MEDIAN_F0
                        && p.voicedShare() >= BASS_LINE_MIN_VOICED_SHARE) {
                    return Optional.of(String.format(Locale.ROOT,
                            "a bass (pitch %.0f-%.0f Hz, %.0f%% of the energy below 300 Hz)", p.lowHz(), p.highHz(),
                            100 * low));
                }
                return Optional.empty();
            case DRUMS:
                if (r.onsetsPerSecond() < DRUMS_MIN_ONSET_RATE && p.voicedShare() > DRUMS_MAX_VOICED_SHARE) {
                    return Optional.of(String.format(Locale.ROOT,
                            "sustained pitched material (%.2f hits per second, pitched in %.0f%% of the time)",
                            r.onsetsPerSecond(), 100 * p.voicedShare()));
                }
                return Optional.empty();
            default:
                return Optional.empty();
        }
    }

    private static boolean voice(StemFeatures.Result r) {
        return r.pitch().voicedShare() >= VOICE_MIN_VOICED_SHARE && r.bands().voiceRange() >= VOICE_MIN_MID_SHARE;
    }

    private Finding finding(StemFile f, StemClass promised, String what, StemFeatures.Result r) {
        String label = f.displayLabel();
        return Finding.warning(id(), label + " sounds like " + what + ", not " + promised.noun()
                        + ": check the file names")
                .withFiles(f.name())
                .withMeasurement("share_below_300hz", r.bands().below300())
                .withMeasurement("pitch_median_hz", r.pitch().medianHz())
                .withMeasurement("voiced_share", r.pitch().voicedShare())
                .withMeasurement("onsets_per_s", r.onsetsPerSecond())
                .withMeasurement("centroid_hz", r.centroidHz())
                .withFix("listen to " + f.name() + "; if files were swapped or misnamed, rename them to what they hold");
    }
}
