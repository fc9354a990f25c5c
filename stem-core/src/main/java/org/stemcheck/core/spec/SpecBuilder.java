package org.stemcheck.core.spec;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.stemcheck.core.file.ChannelLayout;

/**
 * Changes some values of a spec; {@link #build()} validates them and makes a new spec. Not
 * thread-safe; the spec it was made from is unchanged.
 */
public final class SpecBuilder extends SpecLimits {
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

    SpecBuilder(DeliverySpec s) {
        super(s);
        name = s.name();
        description = s.description();
        standard = s.standard();
        format(s.format());
        naming = s.naming();
        stems(s.stems());
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
     * The labels that mark effect returns ({@link org.stemcheck.core.file.Role#FX}): stems of the reverbs and delays,
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
     * A new spec of these values.
     *
     * @return the spec
     * @throws IllegalArgumentException when a value is out of range (the message names it)
     */
    public DeliverySpec build() {
        return new DeliverySpec(name, description, standard,
                new Format(sampleRates, minBitDepth, floatAllowed, channels, stemChannels, layout, stemLayouts,
                        noLfe, noCentre, channelOrder), naming,
                new Stems(new ArrayList<>(expected), minStems, maxStems, fxLabels), currentTiming(), currentLevels(),
                currentLoudness(), currentMix());
    }
}
