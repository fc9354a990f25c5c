package org.stemcheck.core.file;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.stemcheck.io.AudioFormat;

/**
 * Which speaker each channel of a file feeds, in file order, with the labels a film mixer uses
 * ({@code L R C LFE Ls Rs}; in 7.1 the side and rear surrounds {@code Lss Rss Lrs Rrs}).
 *
 * <p>From the file's WAVE_FORMAT_EXTENSIBLE speaker mask where it declares one (channels take the
 * set bits in ascending order; the mask's "back" pair is Ls/Rs in 5.1, the rear surrounds Lrs/Rrs
 * when the side pair is there too); otherwise assumed from the channel count in SMPTE / ITU order
 * (SMPTE ST 428-3 and ITU-R BS.775: 5.1 is L R C LFE Ls Rs; 7.1 is L R C LFE Lss Rss Lrs Rrs,
 * the order of SMPTE ST 2067-8 and Dolby's 7.1 deliverables), which for up to six channels is also
 * the default WAV order. Immutable.
 *
 * @param name     the layout's usual name ({@code "5.1"}, {@code "2.0"}, {@code "7.1"}), or
 *                 {@code "6 channels"} for a set of speakers without one
 * @param speakers one label per channel, in file order; {@code "ch7"} for a channel of unknown position
 * @param mask     the speaker mask the file declares, 0 when the layout is assumed
 */
public record ChannelLayout(String name, List<String> speakers, long mask) {

    /** The WAVE_FORMAT_EXTENSIBLE speaker bits (Microsoft KSAUDIO_SPEAKER_*), as film labels. */
    private static final String[] MASK_LABELS = {"L", "R", "C", "LFE", "Ls", "Rs", "Lc", "Rc", "Cs", "Lss", "Rss",
            "Tc", "Ltf", "Ctf", "Rtf", "Ltr", "Ctr", "Rtr"};
    private static final long BACK_PAIR = 0x30;
    private static final long SIDE_PAIR = 0x600;

    /** The named layouts, in canonical (SMPTE / WAVE) order. */
    private static final Map<String, List<String>> NAMED = Map.ofEntries(
            Map.entry("1.0", List.of("C")),
            Map.entry("2.0", List.of("L", "R")),
            Map.entry("2.1", List.of("L", "R", "LFE")),
            Map.entry("3.0", List.of("L", "R", "C")),
            Map.entry("3.1", List.of("L", "R", "C", "LFE")),
            Map.entry("4.0", List.of("L", "R", "Ls", "Rs")),
            Map.entry("5.0", List.of("L", "R", "C", "Ls", "Rs")),
            Map.entry("5.1", List.of("L", "R", "C", "LFE", "Ls", "Rs")),
            Map.entry("7.0", List.of("L", "R", "C", "Lss", "Rss", "Lrs", "Rrs")),
            Map.entry("7.1", List.of("L", "R", "C", "LFE", "Lss", "Rss", "Lrs", "Rrs")));

    /** Other names a spec may use for a layout. */
    private static final Map<String, String> ALIASES = Map.of("mono", "1.0", "stereo", "2.0", "quad", "4.0",
            "lcr", "3.0");

    /** The mirrored speaker pairs whose channels a swap exchanges. */
    private static final List<List<String>> PAIRS = List.of(List.of("L", "R"), List.of("Ls", "Rs"),
            List.of("Lss", "Rss"), List.of("Lrs", "Rrs"), List.of("Lc", "Rc"), List.of("Ltf", "Rtf"),
            List.of("Ltr", "Rtr"));

    /**
     * Validates and copies.
     *
     * @param name     not blank
     * @param speakers at least one label; copied
     * @param mask     0 or the declared mask
     * @throws IllegalArgumentException when the name is blank or there is no speaker
     */
    public ChannelLayout {
        Objects.requireNonNull(name, "name must not be null");
        speakers = List.copyOf(speakers);
        if (name.isBlank() || speakers.isEmpty()) {
            throw new IllegalArgumentException("a layout needs a name and at least one speaker: " + name);
        }
    }

    /**
     * The layout of a file's format: from its speaker mask, else assumed from its channel count.
     *
     * @param format the file's format
     * @return its layout
     */
    public static ChannelLayout of(AudioFormat format) {
        Objects.requireNonNull(format, "format must not be null");
        int n = format.channels();
        long mask = format.channelMask() & 0x3FFFFL;
        if (mask == 0 || Long.bitCount(mask) < n) {
            return assumed(n);
        }
        boolean both = (mask & BACK_PAIR) != 0 && (mask & SIDE_PAIR) != 0;
        List<String> out = new ArrayList<>(n);
        for (int bit = 0; bit < MASK_LABELS.length && out.size() < n; bit++) {
            if ((mask & (1L << bit)) != 0) {
                out.add(both ? sevenOne(MASK_LABELS[bit]) : sideAsSurround(MASK_LABELS[bit]));
            }
        }
        return new ChannelLayout(nameOf(out), out, format.channelMask());
    }

    private static String sevenOne(String label) {
        return switch (label) {
            case "Ls" -> "Lrs";
            case "Rs" -> "Rrs";
            default -> label;
        };
    }

    private static String sideAsSurround(String label) {
        return switch (label) {
            case "Lss" -> "Ls";
            case "Rss" -> "Rs";
            default -> label;
        };
    }

    /**
     * The layout assumed for a file that declares no speaker mask: 1 {@code C}; 2 {@code L R};
     * 3 {@code L R C}; 4 {@code L R Ls Rs}; 5 {@code L R C Ls Rs}; 6 {@code L R C LFE Ls Rs}; 8
     * {@code L R C LFE Lss Rss Lrs Rrs}; other counts, channels of unknown position.
     *
     * @param channels the channel count, at least 1
     * @return the assumed layout, mask 0
     */
    public static ChannelLayout assumed(int channels) {
        if (channels < 1) {
            throw new IllegalArgumentException("channels must be at least 1: " + channels);
        }
        String name = switch (channels) {
            case 1 -> "1.0";
            case 2 -> "2.0";
            case 3 -> "3.0";
            case 4 -> "4.0";
            case 5 -> "5.0";
            case 6 -> "5.1";
            case 8 -> "7.1";
            default -> null;
        };
        if (name != null) {
            return new ChannelLayout(name, NAMED.get(name), 0);
        }
        List<String> unknown = new ArrayList<>(channels);
        for (int i = 1; i <= channels; i++) {
            unknown.add("ch" + i);
        }
        return new ChannelLayout(channels + " channels", unknown, 0);
    }

    /**
     * A layout by name, as a spec file names it.
     *
     * @param name {@code 1.0 2.0 2.1 3.0 3.1 4.0 5.0 5.1 7.0 7.1}, or {@code mono}, {@code stereo},
     *             {@code lcr}, {@code quad}; case and surrounding spaces ignored
     * @return the layout, mask 0; empty for any other name
     */
    public static Optional<ChannelLayout> named(String name) {
        String key = name.strip().toLowerCase(Locale.ROOT);
        key = ALIASES.getOrDefault(key, key);
        List<String> s = NAMED.get(key);
        return s == null ? Optional.empty() : Optional.of(new ChannelLayout(key, s, 0));
    }

    /**
     * A layout of the given speakers in the given order, named after the layout they make
     * ({@code 5.1 (L C R Ls Rs LFE)} for 5.1 in film order), with no mask: how a spec's channel
     * order lays out a file that declares none.
     *
     * @param speakers labels in file order, at least one
     * @return the layout, mask 0
     */
    public static ChannelLayout inOrder(List<String> speakers) {
        return new ChannelLayout(nameOf(List.copyOf(speakers)), speakers, 0);
    }

    /**
     * The names {@link #named(String)} takes, for messages and the schema.
     *
     * @return the canonical names, in order of channel count
     */
    public static List<String> names() {
        return List.of("1.0", "2.0", "2.1", "3.0", "3.1", "4.0", "5.0", "5.1", "7.0", "7.1");
    }

    private static String nameOf(List<String> speakers) {
        for (Map.Entry<String, List<String>> e : NAMED.entrySet()) {
            if (e.getValue().equals(speakers)) {
                return e.getKey();
            }
        }
        for (Map.Entry<String, List<String>> e : NAMED.entrySet()) {
            if (e.getValue().size() == speakers.size() && e.getValue().containsAll(speakers)) {
                return e.getKey() + " (" + String.join(" ", speakers) + ")";
            }
        }
        return speakers.size() + (speakers.size() == 1 ? " channel" : " channels");
    }

    /**
     * The number of channels.
     *
     * @return the number of speakers
     */
    public int channels() {
        return speakers.size();
    }

    /**
     * Where a speaker's channel is.
     *
     * @param speaker a label, e.g. {@code "LFE"}
     * @return its 0-based channel, or -1 when the layout has no such speaker
     */
    public int indexOf(String speaker) {
        return speakers.indexOf(speaker);
    }

    /**
     * Whether two layouts feed the same speakers in the same order (names and masks aside: a 5.1
     * declared with the side bits, 0x60F, is the same as one declared with the back bits, 0x3F).
     *
     * @param other another layout
     * @return true when the speaker lists are equal
     */
    public boolean sameSpeakers(ChannelLayout other) {
        return speakers.equals(other.speakers);
    }

    /**
     * The mirrored speaker pairs of this layout (L/R, Ls/Rs, Lss/Rss, Lrs/Rrs ...), as channel
     * indices.
     *
     * @return {@code {left, right}} channel pairs, front first
     */
    public List<int[]> mirroredPairs() {
        List<int[]> out = new ArrayList<>();
        for (List<String> p : PAIRS) {
            int l = indexOf(p.get(0));
            int r = indexOf(p.get(1));
            if (l >= 0 && r >= 0) {
                out.add(new int[] {l, r});
            }
        }
        return out;
    }

    /**
     * The layout for messages.
     *
     * @return e.g. {@code 5.1 (L R C LFE Ls Rs)}
     */
    public String describe() {
        return name.contains("(") ? name : name + " (" + String.join(" ", speakers) + ")";
    }
}
