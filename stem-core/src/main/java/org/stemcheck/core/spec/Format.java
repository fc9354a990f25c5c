package org.stemcheck.core.spec;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;

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
 */
public record Format(Set<Integer> sampleRates, int minBitDepth, boolean floatAllowed, OptionalInt channels,
                     Map<String, Integer> stemChannels) {

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
     * @throws IllegalArgumentException when a value is out of range
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
