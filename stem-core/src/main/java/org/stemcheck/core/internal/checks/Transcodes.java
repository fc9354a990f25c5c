package org.stemcheck.core.internal.checks;

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.stream.Collectors;

import org.stemcheck.core.CheckContext;
import org.stemcheck.core.Measurement;
import org.stemcheck.core.StemFile;

/**
 * The stems {@code content.lossy-transcode} reports, with their codec's cut-off, for other checks
 * (the null test) that must not blame a second fault on what the codec did. Needs the
 * {@link Measurement#SPECTRUM} and {@link Measurement#SAMPLE_STATS} of every file.
 */
public final class Transcodes {

    private Transcodes() {
    }

    /** The measurements {@link #cutoffs} reads. */
    public static final List<Measurement> NEEDS = List.of(Measurement.SAMPLE_STATS, Measurement.SPECTRUM);

    /** File name to codec cut-off (Hz) of every stem of the delivery reported as lossy-transcoded. */
    public static Map<String, Double> cutoffs(CheckContext ctx) {
        List<StemFile> audio = LossyTranscodeCheck.audible(ctx);
        return audio.stream()
                .flatMap(f -> LossyTranscodeCheck.judge(ctx, audio, f).stream().map(t -> Map.entry(f.name(), t.wall().hz())))
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** The codec cut-off of {@code file}, empty when it is not reported as transcoded. */
    public static OptionalDouble cutoff(Map<String, Double> cutoffs, StemFile file) {
        Double hz = cutoffs.get(file.name());
        return hz == null ? OptionalDouble.empty() : OptionalDouble.of(hz);
    }
}
