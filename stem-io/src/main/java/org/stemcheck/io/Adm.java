package org.stemcheck.io;

import java.util.List;
import java.util.Objects;

/**
 * What an ADM Broadcast WAV file (ITU-R BS.2076 metadata in an {@code axml} chunk, ITU-R BS.2088 /
 * EBU Tech 3285 s5 {@code chna} chunk) says about its tracks, read far enough to report that the
 * file is ADM and which channel formats it carries. A full ADM validation is out of scope.
 *
 * @param tracks         the {@code chna} entries in file order (unused entries, track index 0,
 *                       left out); empty without a {@code chna} chunk
 * @param declaredTracks the {@code chna} chunk's {@code numTracks}
 * @param channelFormats the {@code audioChannelFormatName} of each {@code audioChannelFormat}
 *                       element of the {@code axml} chunk, in document order, at most
 *                       {@link #MAX_ENTRIES}; empty without an {@code axml} chunk
 * @param channelFormatIds the {@code audioChannelFormatID} of each of those elements, in the same
 *                       order ({@code AC_00010001}; empty where an element has none)
 * @param hasAxml        whether the file has an {@code axml} chunk
 * @param hasChna        whether the file has a {@code chna} chunk
 * @param trackUidRefs   the {@code audioTrackUIDRef} values of the {@code axml} chunk (the
 *                       audioTrackUIDs its audioObjects name), in document order, at most
 *                       {@link #MAX_ENTRIES}; empty without an {@code axml} chunk
 */
public record Adm(List<Track> tracks, int declaredTracks, List<String> channelFormats,
                  List<String> channelFormatIds, boolean hasAxml, boolean hasChna, List<String> trackUidRefs) {

    /** The most chna entries or channel formats kept: 1024, far beyond the 128 tracks of a BW64 ADM programme. */
    public static final int MAX_ENTRIES = 1024;

    /**
     * The name of the channel format a track refers to: the {@code audioChannelFormat} whose ID has
     * the track format's type and index ({@code AT_00010003_01} and {@code AC_00010003}: the
     * numbering BS.2076 gives a track format and its channel format).
     *
     * @param track one of {@link #tracks()}
     * @return the name, empty when the axml names no such channel format
     */
    public java.util.Optional<String> channelFormatOf(Track track) {
        String ref = track.trackFormatRef();
        if (ref.length() < 11) {
            return java.util.Optional.empty();
        }
        String key = ref.substring(3, 11);
        for (int i = 0; i < channelFormatIds.size(); i++) {
            String id = channelFormatIds.get(i);
            if (id.length() >= 11 && id.substring(3, 11).equalsIgnoreCase(key) && !channelFormats.get(i).isEmpty()) {
                return java.util.Optional.of(channelFormats.get(i));
            }
        }
        return java.util.Optional.empty();
    }

    /**
     * One {@code chna} audio ID: which track carries which ADM track UID.
     *
     * @param trackIndex     the track (channel) of the file, from 1
     * @param uid            the audioTrackUID, e.g. {@code ATU_00000001}
     * @param trackFormatRef the audioTrackFormat (or audioChannelFormat) it refers to, e.g.
     *                       {@code AT_00010001_01}
     * @param packFormatRef  the audioPackFormat, e.g. {@code AP_00010002}; empty when blank
     */
    public record Track(int trackIndex, String uid, String trackFormatRef, String packFormatRef) {
        /**
         * Checks that no part is null.
         *
         * @param trackIndex     1 to 65535
         * @param uid            not {@code null}
         * @param trackFormatRef not {@code null}
         * @param packFormatRef  not {@code null}
         */
        public Track {
            Objects.requireNonNull(uid, "uid must not be null");
            Objects.requireNonNull(trackFormatRef, "trackFormatRef must not be null");
            Objects.requireNonNull(packFormatRef, "packFormatRef must not be null");
        }
    }

    /**
     * Copies the lists.
     *
     * @param tracks         copied
     * @param declaredTracks {@code >= 0}
     * @param channelFormats copied
     * @param channelFormatIds copied; as many as {@code channelFormats}
     * @param hasAxml        as found
     * @param hasChna        as found
     * @param trackUidRefs   copied
     */
    public Adm {
        tracks = List.copyOf(tracks);
        trackUidRefs = List.copyOf(trackUidRefs);
        channelFormats = List.copyOf(channelFormats);
        channelFormatIds = List.copyOf(channelFormatIds);
        if (channelFormatIds.size() != channelFormats.size()) {
            throw new IllegalArgumentException("one ID per channel format: " + channelFormatIds.size() + " vs "
                    + channelFormats.size());
        }
        if (declaredTracks < 0) {
            throw new IllegalArgumentException("declaredTracks must not be negative: " + declaredTracks);
        }
    }

    /**
     * An ADM without the axml's track UID references (the form before they were read).
     *
     * @param tracks           as in the canonical constructor
     * @param declaredTracks   as in the canonical constructor
     * @param channelFormats   as in the canonical constructor
     * @param channelFormatIds as in the canonical constructor
     * @param hasAxml          as in the canonical constructor
     * @param hasChna          as in the canonical constructor
     */
    public Adm(List<Track> tracks, int declaredTracks, List<String> channelFormats, List<String> channelFormatIds,
               boolean hasAxml, boolean hasChna) {
        this(tracks, declaredTracks, channelFormats, channelFormatIds, hasAxml, hasChna, List.of());
    }
}
