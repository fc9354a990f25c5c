package org.stemcheck.core.spec;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.stemcheck.core.ChannelLayout;

/**
 * Changes some values of a spec; {@link #build()} validates them and makes a new spec. Not
 * thread-safe; the spec it was made from is unchanged.
 */
public final class SpecBuilder {
    private String name;
    private String description;
    private String standard;
    private Set<Integer> sampleRates;
    private int minBitDepth;
    private boolean floatAllowed;
    private OptionalInt channels;
    private Map<String, Integer> stemChannels;
    private Optional<ChannelLayout> layout;
    private Map<String, ChannelLayout> stemLayouts;
    private Set<String> noLfe;
    private Set<String> noCentre;
    private ChannelOrder channelOrder;
    private Names naming;
    private List<ExpectedStem> expected;
    private int minStems;
    private int maxStems;
    private Set<String> fxLabels;
    private Timing timing;
    private Levels levels;
    private Loudness loudness;
    private Mix mix;

    SpecBuilder(DeliverySpec s) {
        name = s.name();
        description = s.description();
        standard = s.standard();
        format(s.format());
        naming = s.naming();
        stems(s.stems());
        timing = s.timing();
        levels = s.levels();
        loudness = s.loudness();
        mix = s.mix();
    }

    /**
     * The name reports show.
     *
     * @param n e.g. a label's or a studio's name
     * @return this builder
     */
    public SpecBuilder name(String n) {
        name = n;
        return this;
    }

    /**
     * One line on what the spec is for.
     *
     * @param d e.g. {@code "Acme Records stems for remixers"}
     * @return this builder
     */
    public SpecBuilder description(String d) {
        description = d;
        return this;
    }

    /**
     * The standard or guidance the spec follows.
     *
     * @param s e.g. {@code "EBU R 128 v4.0 (2020)"}; empty for none
     * @return this builder
     */
    public SpecBuilder standard(String s) {
        standard = s;
        return this;
    }

    /**
     * The whole format group.
     *
     * @param f the format
     * @return this builder
     */
    public SpecBuilder format(Format f) {
        sampleRates = f.sampleRates();
        minBitDepth = f.minBitDepth();
        floatAllowed = f.floatAllowed();
        channels = f.channels();
        stemChannels = f.stemChannels();
        layout = f.layout();
        stemLayouts = f.stemLayouts();
        noLfe = f.noLfe();
        noCentre = f.noCentre();
        channelOrder = f.channelOrder();
        return this;
    }

    /**
     * The rates accepted; every file must still share one rate.
     *
     * @param rates Hz, at least one
     * @return this builder
     */
    public SpecBuilder sampleRates(int... rates) {
        Set<Integer> s = new LinkedHashSet<>();
        for (int r : rates) {
            s.add(r);
        }
        return sampleRates(s);
    }

    /**
     * The rates accepted; every file must still share one rate.
     *
     * @param rates Hz, not empty
     * @return this builder
     */
    public SpecBuilder sampleRates(Set<Integer> rates) {
        sampleRates = Set.copyOf(rates);
        return this;
    }

    /**
     * The minimum integer bit depth and the float policy.
     *
     * @param minBits    the fewest bits an integer PCM file may carry, 1 to 64 (24 for most
     *                   recipients; 16-bit audio padded into 24 bits is still reported)
     * @param allowFloat whether 32-bit float files are accepted
     * @return this builder
     */
    public SpecBuilder bitDepth(int minBits, boolean allowFloat) {
        minBitDepth = minBits;
        floatAllowed = allowFloat;
        return this;
    }

    /**
     * The channel count of every stem.
     *
     * @param n 1 to {@link Format#MAX_CHANNELS}
     * @return this builder
     */
    public SpecBuilder channels(int n) {
        channels = OptionalInt.of(n);
        return this;
    }

    /**
     * The channel count of one stem, over {@link #channels(int)}.
     *
     * @param label the stem's label ({@code Dialogue}), compared ignoring case
     * @param n     1 to {@link Format#MAX_CHANNELS}
     * @return this builder
     */
    public SpecBuilder channels(String label, int n) {
        Map<String, Integer> m = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        m.putAll(stemChannels);
        m.put(Objects.requireNonNull(label, "label must not be null"), n);
        stemChannels = m;
        return this;
    }

    /**
     * The channel order of files that declare no speaker mask (plain PCM WAV, AIFF).
     *
     * @param order e.g. {@link ChannelOrder#FILM} for Pro Tools' L C R Ls Rs LFE
     * @return this builder
     */
    public SpecBuilder channelOrder(ChannelOrder order) {
        channelOrder = Objects.requireNonNull(order, "order must not be null");
        return this;
    }

    /**
     * The speaker layout of every stem.
     *
     * @param l the layout, e.g. {@code ChannelLayout.named("5.1").orElseThrow()}
     * @return this builder
     */
    public SpecBuilder layout(ChannelLayout l) {
        layout = Optional.of(Objects.requireNonNull(l, "layout must not be null"));
        return this;
    }

    /**
     * The speaker layout of one stem, over {@link #layout(ChannelLayout)}.
     *
     * @param label the stem's label ({@code Dialogue}), compared ignoring case
     * @param l     its layout
     * @return this builder
     */
    public SpecBuilder layout(String label, ChannelLayout l) {
        Map<String, ChannelLayout> m = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        m.putAll(stemLayouts);
        m.put(Objects.requireNonNull(label, "label must not be null"), Objects.requireNonNull(l, "layout must not be null"));
        stemLayouts = m;
        return this;
    }

    /**
     * The stems that must leave the LFE channel empty, and those that must leave the centre empty.
     *
     * @param noLfeLabels    stem labels, e.g. {@code Set.of("Dialogue")}
     * @param noCentreLabels stem labels, e.g. {@code Set.of("Music")}; empty for none
     * @return this builder
     */
    public SpecBuilder keepOut(Set<String> noLfeLabels, Set<String> noCentreLabels) {
        noLfe = Set.copyOf(noLfeLabels);
        noCentre = Set.copyOf(noCentreLabels);
        return this;
    }

    /**
     * The naming convention.
     *
     * @param template the pattern as people read it, e.g. {@code <Artist>-<Title>-<Stem>}
     * @param pattern  the same as a regular expression over the file name without its
     *                 extension, with named groups {@code title} and {@code stem}, optionally
     *                 {@code bpm}
     * @return this builder
     */
    public SpecBuilder naming(String template, Pattern pattern) {
        naming = new Names(template, pattern);
        return this;
    }

    /**
     * The whole stems group.
     *
     * @param s the stems
     * @return this builder
     */
    public SpecBuilder stems(Stems s) {
        expected = s.expected();
        minStems = s.minCount();
        maxStems = s.maxCount();
        fxLabels = s.fxLabels();
        return this;
    }

    /**
     * The stems expected, replacing the spec's.
     *
     * @param stems e.g. {@code ExpectedStem.named("Dialogue"), ExpectedStem.matching("Foley", "foley|fol").optional()}
     * @return this builder
     */
    public SpecBuilder expectedStems(ExpectedStem... stems) {
        expected = List.of(stems);
        return this;
    }

    /**
     * Between {@code min} and {@code max} stems (effect returns count).
     *
     * @param min the fewest, {@code >= 0}
     * @param max the most, {@code >= min}
     * @return this builder
     */
    public SpecBuilder stemCount(int min, int max) {
        minStems = min;
        maxStems = max;
        return this;
    }

    /**
     * The labels that mark effect returns ({@link org.stemcheck.core.Role#FX}): stems of the reverbs and delays,
     * summed with the others in the null test.
     *
     * @param labels compared ignoring case
     * @return this builder
     */
    public SpecBuilder fxLabels(Set<String> labels) {
        fxLabels = Set.copyOf(labels);
        return this;
    }

    /**
     * The duration tolerance: stems whose lengths differ by more are reported.
     *
     * @param seconds finite, {@code >= 0} (default {@link DeliverySpec#LENGTH_TOLERANCE_S}, 1 ms)
     * @return this builder
     */
    public SpecBuilder lengthTolerance(double seconds) {
        timing = new Timing(seconds, timing.timecodeToleranceSeconds(), timing.requireTimeReference());
        return this;
    }

    /**
     * The start-time tolerance: TimeReferences that differ by more are reported.
     *
     * @param seconds finite, {@code >= 0} (default {@link DeliverySpec#TIMECODE_TOLERANCE_S}, 0.5 ms)
     * @return this builder
     */
    public SpecBuilder timecodeTolerance(double seconds) {
        timing = new Timing(timing.lengthToleranceSeconds(), seconds, timing.requireTimeReference());
        return this;
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
        return this;
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
        return this;
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
        return this;
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
        return this;
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
        return this;
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
        return this;
    }

    /**
     * The whole loudness group.
     *
     * @param l the loudness target, or {@link Loudness#NONE}
     * @return this builder
     */
    public SpecBuilder loudness(Loudness l) {
        loudness = Objects.requireNonNull(l, "loudness must not be null");
        return this;
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
        return this;
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
        return this;
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
        return this;
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
        return this;
    }

    /**
     * The whole timing group.
     *
     * @param t the timing
     * @return this builder
     */
    public SpecBuilder timing(Timing t) {
        timing = Objects.requireNonNull(t, "timing must not be null");
        return this;
    }

    /**
     * The whole levels group.
     *
     * @param l the levels
     * @return this builder
     */
    public SpecBuilder levels(Levels l) {
        levels = Objects.requireNonNull(l, "levels must not be null");
        return this;
    }

    /**
     * The null test's thresholds.
     *
     * @param m the thresholds ({@link Mix#DEFAULT})
     * @return this builder
     */
    public SpecBuilder mix(Mix m) {
        mix = Objects.requireNonNull(m, "mix must not be null");
        return this;
    }

    /**
     * A new spec of these values.
     *
     * @return the spec
     * @throws IllegalArgumentException when a value is out of range (the message names it)
     */
    public DeliverySpec build() {
        return new DeliverySpec(name, description, standard,
                new Format(sampleRates, minBitDepth, floatAllowed, channels, stemChannels, layout, stemLayouts,
                        noLfe, noCentre, channelOrder), naming,
                new Stems(new ArrayList<>(expected), minStems, maxStems, fxLabels), timing, levels, loudness, mix);
    }
}
