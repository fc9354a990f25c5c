package org.stemcheck.io.internal.flac;

import java.io.IOException;

/**
 * A frame whose header is valid but whose content breaks the format (a reserved subframe type,
 * a partition order the block cannot hold, a CRC-16 that does not match ...). {@link FrameDecoder}
 * turns it into an {@code AudioFileException} naming the frame and its byte offset.
 */
final class BadFrame extends IOException {

    private static final long serialVersionUID = 1L;

    /** @param reason what is wrong, for a person */
    BadFrame(String reason) {
        super(reason);
    }
}
