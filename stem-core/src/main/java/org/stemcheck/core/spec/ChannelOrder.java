package org.stemcheck.core.spec;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.stemcheck.core.file.ChannelLayout;
import org.stemcheck.io.AudioFormat;

/**
 * The order of the channels in a file that declares no speaker mask (a plain PCM WAV, an AIFF):
 * its header says how many channels there are, not which speaker each feeds, so the recipient's
 * spec says it. A file with a WAVE_FORMAT_EXTENSIBLE mask (or a FLAC file, whose channel
 * assignment is fixed by RFC 9639) keeps the order its mask declares. Immutable.
 *
 * <ul>
 *   <li>{@link #SMPTE} (the default): SMPTE ST 428-3 / ITU-R BS.775 order, also the WAVE default,
 *       5.1 {@code L R C LFE Ls Rs}, 7.1 {@code L R C LFE Lss Rss Lrs Rrs}
 *       ({@link ChannelLayout#assumed(int)}).</li>
 *   <li>{@link #FILM}: Pro Tools' "Film" track layout (Avid, Pro Tools Reference Guide, "5.1
 *       Tracks, Formats, Assignments, and Metering": every 5.1 track is {@code L C R Ls Rs LFE};
 *       "Default Track Layout for 7.1 Format": {@code L C R Lss Rss Lsr Rsr LFE}): the fronts left
 *       to right, the surrounds, the LFE last.</li>
 *   <li>{@link #DTS}: the DTS layout of the same Pro Tools table, 5.1 {@code L R Ls Rs C LFE}
 *       (six channels only; other counts as SMPTE).</li>
 *   <li>{@link #of(List)}: the recipient's own order for files of that many channels (other
 *       counts as SMPTE).</li>
 * </ul>
 *
 * @param name     {@code smpte}, {@code film}, {@code dts}, or the speakers of a custom order
 * @param speakers the custom order's speakers; empty for a named order
 */
public record ChannelOrder(String name, List<String> speakers) {

    /** SMPTE ST 428-3 / ITU-R BS.775 order (the WAVE default): what a file without a mask is taken to be unless the spec says otherwise. */
    public static final ChannelOrder SMPTE = new ChannelOrder("smpte", List.of());
    /** Pro Tools' Film layout: L C R, the surrounds, LFE last (Avid, Pro Tools Reference Guide). */
    public static final ChannelOrder FILM = new ChannelOrder("film", List.of());
    /** The DTS layout of Pro Tools' 5.1 table: L R Ls Rs C LFE (Avid, Pro Tools Reference Guide). */
    public static final ChannelOrder DTS = new ChannelOrder("dts", List.of());

    /** The speaker labels a custom order may use: those {@link ChannelLayout} gives a mask's bits. */
    private static final Set<String> SPEAKERS = Set.of("L", "R", "C", "LFE", "Ls", "Rs", "Lc", "Rc", "Cs", "Lss",
            "Rss", "Lrs", "Rrs", "Tc", "Ltf", "Ctf", "Rtf", "Ltr", "Ctr", "Rtr");
    private static final List<String> DTS_51 = List.of("L", "R", "Ls", "Rs", "C", "LFE");

    /**
     * Validates and copies.
     *
     * @param name     not blank
     * @param speakers empty for {@code smpte}, {@code film}, {@code dts}; else 1 to
     *                 {@link Format#MAX_CHANNELS} distinct labels of {@link #speakerLabels()}
     * @throws IllegalArgumentException when a label is unknown or repeated
     */
    public ChannelOrder {
        Objects.requireNonNull(name, "name must not be null");
        speakers = List.copyOf(speakers);
        if (name.isBlank()) {
            throw new IllegalArgumentException("a channel order needs a name");
        }
        if (speakers.isEmpty() && !List.of("smpte", "film", "dts").contains(name)) {
            throw new IllegalArgumentException("expected smpte, film, dts or a list of speakers, got " + name);
        }
        if (speakers.size() > Format.MAX_CHANNELS) {
            throw new IllegalArgumentException("a channel order has at most " + Format.MAX_CHANNELS + " speakers: "
                    + speakers.size());
        }
        Set<String> seen = new HashSet<>();
        for (String s : speakers) {
            if (!SPEAKERS.contains(s)) {
                throw new IllegalArgumentException("unknown speaker " + s + "; the speakers are "
                        + String.join(" ", speakerLabels()));
            }
            if (!seen.add(s)) {
                throw new IllegalArgumentException("speaker " + s + " is named twice");
            }
        }
    }

    /**
     * A named order.
     *
     * @param name {@code smpte}, {@code film} or {@code dts}, ignoring case
     * @return the order; empty for another name
     */
    public static Optional<ChannelOrder> named(String name) {
        return switch (name.strip().toLowerCase(Locale.ROOT)) {
            case "smpte" -> Optional.of(SMPTE);
            case "film" -> Optional.of(FILM);
            case "dts" -> Optional.of(DTS);
            default -> Optional.empty();
        };
    }

    /**
     * The recipient's own order for files of {@code speakers.size()} channels.
     *
     * @param speakers e.g. {@code ["L", "C", "R", "Ls", "Rs", "LFE"]}
     * @return the order
     * @throws IllegalArgumentException when a label is unknown or repeated, or there is none
     */
    public static ChannelOrder of(List<String> speakers) {
        if (speakers.isEmpty()) {
            throw new IllegalArgumentException("a channel order names at least one speaker");
        }
        return new ChannelOrder(String.join(" ", speakers), speakers);
    }

    /**
     * The speaker labels a custom order may use.
     *
     * @return in WAVE mask bit order
     */
    public static List<String> speakerLabels() {
        return List.of("L", "R", "C", "LFE", "Ls", "Rs", "Lc", "Rc", "Cs", "Lss", "Rss", "Lrs", "Rrs", "Tc", "Ltf",
                "Ctf", "Rtf", "Ltr", "Ctr", "Rtr");
    }

    /**
     * The layout of a file: from its speaker mask where it declares one, else this order's for its
     * channel count.
     *
     * @param format the file's format
     * @return its layout (mask 0 when taken from this order)
     */
    public ChannelLayout layoutOf(AudioFormat format) {
        ChannelLayout declared = ChannelLayout.of(format);
        return declared.mask() != 0 ? declared : assumed(format.channels());
    }

    /**
     * The layout of a file of {@code channels} channels that declares no mask.
     *
     * @param channels at least 1
     * @return the layout, mask 0
     */
    public ChannelLayout assumed(int channels) {
        ChannelLayout smpte = ChannelLayout.assumed(channels);
        if (!speakers.isEmpty()) {
            return speakers.size() == channels ? ChannelLayout.inOrder(speakers) : smpte;
        }
        return arrange(smpte);
    }

    /**
     * A layout the spec names (in SMPTE order) as this order lays it out in a file without a mask:
     * what {@code format.layout} asks of such a file.
     *
     * @param named a layout in SMPTE order
     * @return the same speakers in this order (itself when this is {@link #SMPTE}, or when a
     *         custom order holds other speakers)
     */
    public ChannelLayout arrange(ChannelLayout named) {
        List<String> s = named.speakers();
        if (this.equals(SMPTE)) {
            return named;
        }
        if (!speakers.isEmpty()) {
            boolean same = speakers.size() == s.size() && speakers.containsAll(s);
            return same ? ChannelLayout.inOrder(speakers) : named;
        }
        if (this.equals(DTS)) {
            boolean fiveOne = s.size() == DTS_51.size() && s.containsAll(DTS_51);
            return fiveOne ? ChannelLayout.inOrder(DTS_51) : named;
        }
        List<String> film = new ArrayList<>(s.size());
        for (String front : List.of("L", "C", "R")) {
            if (s.contains(front)) {
                film.add(front);
            }
        }
        for (String x : s) {
            if (!film.contains(x) && !x.equals("LFE")) {
                film.add(x);
            }
        }
        if (s.contains("LFE")) {
            film.add("LFE");
        }
        return film.equals(s) ? named : ChannelLayout.inOrder(film);
    }

    /**
     * The order for messages.
     *
     * @return {@code smpte}, {@code film}, {@code dts}, or the custom speakers
     */
    @Override
    public String toString() {
        return name;
    }
}
