package org.stemcheck.io;

import java.util.Objects;

/**
 * One chunk of a RIFF or IFF file, or one metadata block of a FLAC file, as found by the walk.
 *
 * @param id     the four-character id, e.g. {@code "fmt "}; non-printable bytes as {@code \xNN};
 *               for FLAC the block type ({@code "STREAMINFO"}, {@code "VORBIS_COMMENT"} ...)
 * @param offset byte offset of the chunk header in the file
 * @param size   the chunk's payload size in bytes (the ds64 value for RF64 data)
 */
public record ChunkInfo(String id, long offset, long size) {

    /**
     * Checks the id.
     *
     * @param id     not {@code null}
     * @param offset as found by the walk
     * @param size   as declared by the chunk header (or the ds64 chunk)
     * @throws NullPointerException when {@code id} is {@code null}
     */
    public ChunkInfo {
        Objects.requireNonNull(id, "id must not be null");
    }
}
