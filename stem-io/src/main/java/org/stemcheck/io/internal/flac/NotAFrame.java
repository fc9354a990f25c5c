package org.stemcheck.io.internal.flac;

import java.io.IOException;

/**
 * The bytes where a frame should start are not a frame header (no sync code, a reserved or
 * invalid value, a wrong CRC-8): junk after the audio, or a damaged header.
 */
final class NotAFrame extends IOException {

    private static final long serialVersionUID = 1L;

    /** @param offset where the header was expected; @param reason what is wrong, for a person */
    NotAFrame(long offset, String reason) {
        super("no FLAC frame header at byte " + offset + ": " + reason);
    }
}
