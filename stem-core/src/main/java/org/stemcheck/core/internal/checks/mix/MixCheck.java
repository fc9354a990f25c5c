package org.stemcheck.core.internal.checks.mix;

import java.util.List;
import java.util.Set;

import org.stemcheck.core.CheckContext;
import org.stemcheck.core.Finding;
import org.stemcheck.core.Measurement;
import org.stemcheck.core.internal.analysis.Transcodes;
import org.stemcheck.core.internal.checks.BaseCheck;
import org.stemcheck.core.nulltest.Drift;
import org.stemcheck.core.nulltest.Explanation;
import org.stemcheck.core.nulltest.NullTestResult;
import org.stemcheck.core.nulltest.StemComparison;

/** A check on the null test's result: its id is the one code it emits; nothing to say without a mix. */
abstract class MixCheck extends BaseCheck {

    /**
     * The null test, and what its diagnosis reads: the per-file spectra and levels tell which
     * stems a lossy codec cut ({@link Transcodes#NEEDS}).
     */
    private static final Set<Measurement<?>> NEEDS = mixNeeds();

    private static Set<Measurement<?>> mixNeeds() {
        Set<Measurement<?>> all = new java.util.LinkedHashSet<>(Transcodes.NEEDS);
        all.add(Measurement.NULL_TEST);
        all.add(Measurement.CLIP_RUNS); // the diagnosis attributes a clipped stem's residual to it
        return Set.copyOf(all);
    }

    MixCheck(String id, String description) {
        super(id, description);
    }

    @Override
    public Set<Measurement<?>> needs() {
        return NEEDS;
    }

    @Override
    public List<Finding> run(CheckContext ctx) {
        return ctx.nullTest().map(r -> judge(ctx, r)).orElse(List.of());
    }

    /** The findings, given the null test's result. */
    abstract List<Finding> judge(CheckContext ctx, NullTestResult r);

    /** The explanation of stem {@code file}'s lacking bus processing, if the diagnosis made one. */
    static java.util.Optional<Explanation.LacksBusProcessing> lacking(NullTestResult r, String file) {
        return r.explanations(Explanation.LacksBusProcessing.class).stream()
                .filter(x -> x.stem().name().equals(file)).findFirst();
    }

    /**
     * Whether the diagnosis found that the mix holds another version of stem {@code s}
     * ({@link Explanation.Mismatch}, named in {@code mix.null}): its gain, polarity and offset
     * then describe chance correlation, not the stem, and no finding is read from them.
     */
    static boolean otherVersion(NullTestResult r, StemComparison s) {
        return !s.matchesMix() || r.explanations(Explanation.Mismatch.class).stream()
                .anyMatch(m -> m.stems().stream().anyMatch(f -> f.name().equals(s.file().name())));
    }

    /**
     * A change of offset of at least one sample between the two halves is drift: the
     * partial offsets of broadband stems are good to about 0.03 samples (stem-dsp StemOffset tests),
     * so one sample is far outside their error. A stem of few low partials locates only to a
     * fraction of its correlation peak's width, so the change must also exceed half that width
     * (the same rule as {@code StemOffset.displaced()}).
     */
    static final double MIN_DRIFT_SAMPLES = 1.0;

    /** Whether stem {@code s} drifts against the mix as {@code mix.drift} reports it. */
    static boolean drifts(NullTestResult r, StemComparison s) {
        return s.drift().filter(d -> d.plausible(r.sampleRate())).filter(d -> Math.abs(d.lateSamples() - d.earlySamples())
                >= Math.max(MIN_DRIFT_SAMPLES, d.peakWidthSamples() / 2)).isPresent() && !otherVersion(r, s);
    }

    /**
     * Whether stem {@code s}'s offset is its drift's: it drifts, and was in place at the start. Its
     * offset there, from the halves' offsets taken at a quarter and three quarters of the length, is
     * {@code early - change / 2}; within one {@code change} of zero the stem started in place. Its
     * whole-song offset and gain then describe the drift (the offset its middle, the gain the
     * correlation the drift loses: the generated electro song's arpeggio 60 ppm fast read "17
     * samples late" and "1.1 dB louder" beside its drift), and neither is a fault of its own.
     */
    static boolean onlyDrifts(NullTestResult r, StemComparison s) {
        if (!drifts(r, s)) {
            return false;
        }
        Drift d = s.drift().orElseThrow();
        double change = d.lateSamples() - d.earlySamples();
        return Math.abs(d.earlySamples() - change / 2) <= Math.abs(change);
    }

    /** {@code 60-250 Hz}, {@code 2k-16k Hz}: an octave span for a message. */
    static String hzSpan(double lowHz, double highHz) {
        return hz(lowHz) + "-" + hz(highHz) + " Hz";
    }

    private static String hz(double f) {
        return f >= 1000 ? String.format(java.util.Locale.ROOT, "%.0fk", f / 1000)
                : String.format(java.util.Locale.ROOT, "%.0f", f);
    }
}
