package org.stemcheck.io;

import java.util.Objects;

/**
 * One chunk of a RIFF or IFF file, as found by the chunk walk.
 *
 * @param id     the four-character id, e.g. {@code "fmt "}; non-printable bytes as {@code \xNN}
 * @param offset byte offset of the chunk header in the file
 * @param size   the chunk's payload size in bytes (the ds64 value for RF64 data)
 */
public record ChunkInfo(String id, long offset, long size) {

    public ChunkInfo {
        Objects.requireNonNull(id, "id must not be null");
    }
}
