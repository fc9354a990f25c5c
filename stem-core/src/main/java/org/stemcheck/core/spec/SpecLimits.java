package org.stemcheck.core.spec;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * The limits half of a {@link SpecBuilder}: the timing tolerances, the level ceilings, the
 * loudness target and the null test's thresholds a delivery is judged against. Its public
 * methods are {@link SpecBuilder}'s, its only subclass (javadoc lists them there); the format,
 * naming and stems a delivery must have are in {@link SpecBuilder} itself. Not thread-safe.
 */
abstract sealed class SpecLimits permits SpecBuilder {
    private Timing timing;
    private Levels levels;
    private Loudness loudness;
    private Mix mix;

    SpecLimits(DeliverySpec s) {
        timing = s.timing();
        levels = s.levels();
        loudness = s.loudness();
        mix = s.mix();
    }

    /** The builder itself, for chaining: the only subclass. */
    private SpecBuilder self() {
        return (SpecBuilder) this;
    }

    /**
     * The duration tolerance: stems whose lengths differ by more are reported.
     *
     * @param seconds finite, {@code >= 0} (default {@link DeliverySpec#LENGTH_TOLERANCE_S}, 1 ms)
     * @return this builder
     */
    public SpecBuilder lengthTolerance(double seconds) {
        timing = new Timing(seconds, timing.timecodeToleranceSeconds(), timing.requireTimeReference());
        return self();
    }

    /**
     * The start-time tolerance: TimeReferences that differ by more are reported.
     *
     * @param seconds finite, {@code >= 0} (default {@link DeliverySpec#TIMECODE_TOLERANCE_S}, 0.5 ms)
     * @return this builder
     */
    public SpecBuilder timecodeTolerance(double seconds) {
        timing = new Timing(timing.lengthToleranceSeconds(), seconds, timing.requireTimeReference());
        return self();
    }

    /**
     * Whether every file must carry a Broadcast WAV TimeReference, as picture post-production
     * asks to place stems on the timeline.
     *
     * @param required whether a file without one is reported as an error
     * @return this builder
     */
    public SpecBuilder requireTimeReference(boolean required) {
        timing = new Timing(timing.lengthToleranceSeconds(), timing.timecodeToleranceSeconds(), required);
        return self();
    }

    /**
     * The true-peak ceiling (a warning above it; above 0 dBTP an error).
     *
     * @param dbtp finite, {@code <= 0} (default {@link DeliverySpec#TRUE_PEAK_CEILING_DBTP}, -1 dBTP)
     * @return this builder
     */
    public SpecBuilder truePeakCeiling(double dbtp) {
        levels = new Levels(dbtp, levels.samplePeakCeilingDbfs(), levels.maxDcOffsetDbfs(), levels.silentPeakDbfs(),
                levels.clipRunSamples());
        return self();
    }

    /**
     * The sample-peak ceiling (a warning above it).
     *
     * @param dbfs finite, {@code <= 0} (default {@link DeliverySpec#SAMPLE_PEAK_CEILING_DBFS}, 0 dBFS)
     * @return this builder
     */
    public SpecBuilder samplePeakCeiling(double dbfs) {
        levels = new Levels(levels.truePeakCeilingDbtp(), dbfs, levels.maxDcOffsetDbfs(), levels.silentPeakDbfs(),
                levels.clipRunSamples());
        return self();
    }

    /**
     * The DC-offset limit: a larger offset is a warning.
     *
     * @param dbfs finite, {@code <= 0} (default {@link DeliverySpec#MAX_DC_OFFSET_DBFS}, -50 dBFS)
     * @return this builder
     */
    public SpecBuilder maxDcOffset(double dbfs) {
        levels = new Levels(levels.truePeakCeilingDbtp(), levels.samplePeakCeilingDbfs(), dbfs,
                levels.silentPeakDbfs(), levels.clipRunSamples());
        return self();
    }

    /**
     * The peak below which a stem holds no music ({@code level.silent}).
     *
     * @param dbfs finite, {@code <= 0} (default {@link DeliverySpec#SILENT_PEAK_DBFS}, -70 dBFS)
     * @return this builder
     */
    public SpecBuilder silentPeak(double dbfs) {
        levels = new Levels(levels.truePeakCeilingDbtp(), levels.samplePeakCeilingDbfs(), levels.maxDcOffsetDbfs(),
                dbfs, levels.clipRunSamples());
        return self();
    }

    /**
     * The run of full-scale samples that makes an integer file clipped ({@code level.clipping}).
     *
     * @param samples {@code >= 1} (default {@link DeliverySpec#CLIP_RUN_SAMPLES}, 3)
     * @return this builder
     */
    public SpecBuilder clipRunSamples(int samples) {
        levels = new Levels(levels.truePeakCeilingDbtp(), levels.samplePeakCeilingDbfs(), levels.maxDcOffsetDbfs(),
                levels.silentPeakDbfs(), samples);
        return self();
    }

    /**
     * The whole loudness group.
     *
     * @param l the loudness target, or {@link Loudness#NONE}
     * @return this builder
     */
    public SpecBuilder loudness(Loudness l) {
        loudness = Objects.requireNonNull(l, "loudness must not be null");
        return self();
    }

    /**
     * An integrated loudness target for the mix.
     *
     * @param lufs        the target, LUFS (-70 to 0)
     * @param toleranceLu how far the mix may stand from it either way, LU ({@code >= 0})
     * @return this builder
     */
    public SpecBuilder loudnessTarget(double lufs, double toleranceLu) {
        loudness = new Loudness(OptionalDouble.of(lufs), toleranceLu, loudness.maxTruePeakDbtp(), loudness.appliesTo(),
                loudness.gating());
        return self();
    }

    /**
     * The largest true peak of the files the loudness target applies to.
     *
     * @param dbtp finite, {@code <= 0}
     * @return this builder
     */
    public SpecBuilder loudnessMaxTruePeak(double dbtp) {
        loudness = new Loudness(loudness.targetLufs(), loudness.toleranceLu(), OptionalDouble.of(dbtp),
                loudness.appliesTo(), loudness.gating());
        return self();
    }

    /**
     * Which files the loudness target applies to.
     *
     * @param scope the mixes (default) or every stem
     * @return this builder
     */
    public SpecBuilder loudnessAppliesTo(Loudness.Scope scope) {
        loudness = new Loudness(loudness.targetLufs(), loudness.toleranceLu(), loudness.maxTruePeakDbtp(), scope,
                loudness.gating());
        return self();
    }

    /**
     * Which blocks of the mix its loudness target is measured over.
     *
     * @param gating {@link Loudness.Gating#DIALOGUE} for dialogue-gated loudness (the mix's
     *               blocks in which the dialogue stem is active)
     * @return this builder
     */
    public SpecBuilder loudnessGating(Loudness.Gating gating) {
        loudness = new Loudness(loudness.targetLufs(), loudness.toleranceLu(), loudness.maxTruePeakDbtp(),
                loudness.appliesTo(), Objects.requireNonNull(gating, "gating must not be null"));
        return self();
    }

    /**
     * The whole timing group.
     *
     * @param t the timing
     * @return this builder
     */
    public SpecBuilder timing(Timing t) {
        timing = Objects.requireNonNull(t, "timing must not be null");
        return self();
    }

    /**
     * The whole levels group.
     *
     * @param l the levels
     * @return this builder
     */
    public SpecBuilder levels(Levels l) {
        levels = Objects.requireNonNull(l, "levels must not be null");
        return self();
    }

    /**
     * The null test's thresholds.
     *
     * @param m the thresholds ({@link Mix#DEFAULT})
     * @return this builder
     */
    public SpecBuilder mix(Mix m) {
        mix = Objects.requireNonNull(m, "mix must not be null");
        return self();
    }

    /** @return the timing group as changed so far */
    final Timing currentTiming() {
        return timing;
    }

    /** @return the levels group as changed so far */
    final Levels currentLevels() {
        return levels;
    }

    /** @return the loudness group as changed so far */
    final Loudness currentLoudness() {
        return loudness;
    }

    /** @return the null test's thresholds as changed so far */
    final Mix currentMix() {
        return mix;
    }
}
