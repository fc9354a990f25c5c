package org.stemcheck.io.internal.flac;

import java.io.EOFException;

/**
 * The input ended where the format needs more bits: inside a frame, a frame header or a metadata
 * block. Callers turn it into a truncation (whole frames before it are kept) or an error.
 */
final class InputEnded extends EOFException {

    private static final long serialVersionUID = 1L;

    /** @param position the byte offset where more bytes were needed */
    InputEnded(long position) {
        super("the input ends at byte " + position);
    }
}
