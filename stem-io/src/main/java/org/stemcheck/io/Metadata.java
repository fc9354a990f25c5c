package org.stemcheck.io;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Metadata found in an audio file. Every collection is immutable; absent chunks give empty values.
 *
 * @param bext   the Broadcast Wave {@code bext} chunk
 * @param ixml   the {@code iXML} chunk's text (parse it with {@link IXml#parse(String)}, which
 *               refuses DTDs and external entities)
 * @param info   {@code LIST/INFO} entries by four-character id ({@code INAM}, {@code ISFT}, ...),
 *               AIFF text chunks ({@code NAME}, {@code AUTH}, {@code ANNO}, {@code (c) }), or
 *               FLAC Vorbis comments by upper-case field name ({@code TITLE}, {@code ENCODER}, ...)
 * @param cues   cue points in file order
 * @param chunks every chunk the walk found, in file order (for FLAC, the metadata blocks)
 * @param adm    the ADM chunks ({@code chna}, {@code axml}) of an ADM Broadcast WAV file
 */
public record Metadata(
        Optional<Bext> bext,
        Optional<String> ixml,
        Map<String, String> info,
        List<CuePoint> cues,
        List<ChunkInfo> chunks,
        Optional<Adm> adm) {

    /** Metadata of a file that has none. */
    public static final Metadata EMPTY = new Metadata(Optional.empty(), Optional.empty(), Map.of(), List.of(), List.of(),
            Optional.empty());

    /**
     * Copies the collections, so the record is immutable.
     *
     * @param bext   not {@code null}
     * @param ixml   not {@code null}
     * @param info   copied; no {@code null} key or value
     * @param cues   copied; no {@code null} element
     * @param chunks copied; no {@code null} element
     * @param adm    not {@code null}
     * @throws NullPointerException when an argument or a collection element is {@code null}
     */
    public Metadata {
        Objects.requireNonNull(adm, "adm must not be null");
        Objects.requireNonNull(bext, "bext must not be null");
        Objects.requireNonNull(ixml, "ixml must not be null");
        info = Map.copyOf(info);
        cues = List.copyOf(cues);
        chunks = List.copyOf(chunks);
    }

    /**
     * Metadata without ADM chunks (the form before ADM was read).
     *
     * @param bext   not {@code null}
     * @param ixml   not {@code null}
     * @param info   copied
     * @param cues   copied
     * @param chunks copied
     */
    public Metadata(Optional<Bext> bext, Optional<String> ixml, Map<String, String> info, List<CuePoint> cues,
                    List<ChunkInfo> chunks) {
        this(bext, ixml, info, cues, chunks, Optional.empty());
    }

    /**
     * Where the file starts on the session timeline, as the Broadcast Wave TimeReference. Stems
     * exported from one session share the rate, so equal values mean they start together. A FLAC
     * file carries it in the bext chunk {@code flac --keep-foreign-metadata} keeps, or in the
     * {@code TIME_REFERENCE} comment ffmpeg writes (then {@link #bext()} holds what ffmpeg kept).
     *
     * @return the first sample's position since midnight, in samples at the file's rate; empty
     *         when the file has no bext chunk (or, for FLAC, neither of those)
     */
    public Optional<Long> timeReference() {
        return bext.map(Bext::timeReference);
    }
}
