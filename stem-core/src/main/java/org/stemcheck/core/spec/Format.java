package org.stemcheck.core.spec;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.stemcheck.core.file.ChannelLayout;

/**
 * The audio format the recipient takes.
 *
 * @param sampleRates   the rates accepted, in Hz (one rate shared by every file either way)
 * @param minBitDepth   the fewest bits an integer PCM file may carry
 * @param floatAllowed  whether IEEE float files are accepted
 * @param channels      the channel count every stem must have; empty: any, as long as the
 *                      stems agree
 * @param stemChannels  channel counts of particular stems by label (compared ignoring case),
 *                      over {@code channels}: {@code Dialogue -> 1}
 * @param layout        the speaker layout every stem must have ({@code 5.1}: L R C LFE Ls Rs in
 *                      that order); empty: any, as long as the stems agree
 * @param stemLayouts   speaker layouts of particular stems by label (compared ignoring case, or
 *                      the name of the expected stem whose pattern the label matches), over
 *                      {@code layout}
 * @param noLfe         labels of stems that must leave the LFE channel empty (film: dialogue,
 *                      which is never sent to the LFE); content there is {@code content.layout}
 * @param noCentre      labels of stems that must leave the centre channel empty (some recipients
 *                      keep the centre for dialogue; none by default)
 * @param channelOrder  the channel order of files that declare no speaker mask (plain PCM WAV,
 *                      AIFF): {@link ChannelOrder#SMPTE} unless the recipient says otherwise
 */
public record Format(Set<Integer> sampleRates, int minBitDepth, boolean floatAllowed, OptionalInt channels,
                     Map<String, Integer> stemChannels, Optional<ChannelLayout> layout,
                     Map<String, ChannelLayout> stemLayouts, Set<String> noLfe, Set<String> noCentre,
                     ChannelOrder channelOrder) {

    /** The most channels a count may name: 64, as many as a WAVE_FORMAT_EXTENSIBLE mask and BWF-based layouts use. */
    public static final int MAX_CHANNELS = 64;

    /**
     * Validates and copies.
     *
     * @param sampleRates  not empty, each {@code > 0}; copied
     * @param minBitDepth  1 to 64
     * @param floatAllowed as wanted
     * @param channels     empty, or 1 to {@link #MAX_CHANNELS}
     * @param stemChannels each 1 to {@link #MAX_CHANNELS}; copied into a case-insensitive map
     * @param layout       not {@code null}; when present with {@code channels}, of that many channels
     * @param stemLayouts  copied into a case-insensitive map
     * @param noLfe        copied into a case-insensitive set
     * @param noCentre     copied into a case-insensitive set
     * @param channelOrder not {@code null}
     * @throws IllegalArgumentException when a value is out of range, or a layout's channel count
     *                                  contradicts the count given for the same stems
     */
    public Format {
        sampleRates = Set.copyOf(sampleRates);
        if (sampleRates.isEmpty() || sampleRates.stream().anyMatch(r -> r <= 0)) {
            throw new IllegalArgumentException("sampleRates must be positive and not empty: " + sampleRates);
        }
        if (minBitDepth < 1 || minBitDepth > 64) {
            throw new IllegalArgumentException("minBitDepth must be in 1..64: " + minBitDepth);
        }
        Objects.requireNonNull(channels, "channels must not be null");
        channels.ifPresent(n -> requireChannels("channels", n));
        TreeMap<String, Integer> byStem = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        stemChannels.forEach((label, n) -> {
            requireChannels("stemChannels of " + label, n);
            byStem.put(label, n);
        });
        stemChannels = Collections.unmodifiableMap(byStem);
        Objects.requireNonNull(layout, "layout must not be null");
        if (layout.isPresent() && channels.isPresent() && layout.get().channels() != channels.getAsInt()) {
            throw new IllegalArgumentException("layout " + layout.get().name() + " has " + layout.get().channels()
                    + " channels, but channels is " + channels.getAsInt());
        }
        TreeMap<String, ChannelLayout> layouts = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        layouts.putAll(stemLayouts);
        for (Map.Entry<String, ChannelLayout> e : layouts.entrySet()) {
            Integer n = byStem.get(e.getKey());
            if (n != null && n != e.getValue().channels()) {
                throw new IllegalArgumentException("the layout of " + e.getKey() + ", " + e.getValue().name()
                        + ", has " + e.getValue().channels() + " channels, but its channel count is " + n);
            }
        }
        stemLayouts = Collections.unmodifiableMap(layouts);
        noLfe = labels(noLfe);
        noCentre = labels(noCentre);
        Objects.requireNonNull(channelOrder, "channelOrder must not be null");
    }

    /**
     * A format whose files without a speaker mask are in SMPTE order (the form before the channel
     * order was added).
     *
     * @param sampleRates  as in the canonical constructor
     * @param minBitDepth  as in the canonical constructor
     * @param floatAllowed as in the canonical constructor
     * @param channels     as in the canonical constructor
     * @param stemChannels as in the canonical constructor
     * @param layout       as in the canonical constructor
     * @param stemLayouts  as in the canonical constructor
     * @param noLfe        as in the canonical constructor
     * @param noCentre     as in the canonical constructor
     */
    public Format(Set<Integer> sampleRates, int minBitDepth, boolean floatAllowed, OptionalInt channels,
                  Map<String, Integer> stemChannels, Optional<ChannelLayout> layout,
                  Map<String, ChannelLayout> stemLayouts, Set<String> noLfe, Set<String> noCentre) {
        this(sampleRates, minBitDepth, floatAllowed, channels, stemChannels, layout, stemLayouts, noLfe, noCentre,
                ChannelOrder.SMPTE);
    }

    /**
     * A format without layouts or content rules (the form before layouts were added).
     *
     * @param sampleRates  as in the canonical constructor
     * @param minBitDepth  as in the canonical constructor
     * @param floatAllowed as in the canonical constructor
     * @param channels     as in the canonical constructor
     * @param stemChannels as in the canonical constructor
     */
    public Format(Set<Integer> sampleRates, int minBitDepth, boolean floatAllowed, OptionalInt channels,
                  Map<String, Integer> stemChannels) {
        this(sampleRates, minBitDepth, floatAllowed, channels, stemChannels, Optional.empty(), Map.of(), Set.of(),
                Set.of(), ChannelOrder.SMPTE);
    }

    private static Set<String> labels(Set<String> in) {
        TreeSet<String> out = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        out.addAll(in);
        return Collections.unmodifiableSet(out);
    }

    /**
     * The speaker layout the spec asks of a stem.
     *
     * @param label the stem's label ({@code Dialogue}), or the name of the expected stem it is
     * @return its own layout, else {@link #layout()}, else empty (any)
     */
    public Optional<ChannelLayout> layoutOf(String label) {
        ChannelLayout own = stemLayouts.get(label);
        return own != null ? Optional.of(own) : layout;
    }

    private static void requireChannels(String what, int n) {
        if (n < 1 || n > MAX_CHANNELS) {
            throw new IllegalArgumentException(what + " must be in 1.." + MAX_CHANNELS + ": " + n);
        }
    }

    /**
     * The channel count the spec asks of a stem.
     *
     * @param label the stem's label ({@code Dialogue})
     * @return its own count, else {@link #channels()}, else empty (any)
     */
    public OptionalInt channelsOf(String label) {
        Integer own = stemChannels.get(label);
        return own != null ? OptionalInt.of(own) : channels;
    }
}
