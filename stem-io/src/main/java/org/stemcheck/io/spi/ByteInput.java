package org.stemcheck.io.spi;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.util.OptionalLong;

/**
 * Bytes read front to back, with a position, a known size where there is one, and seeking where
 * the source allows it. Offsets and sizes are {@code long}: files pass 4 GiB.
 *
 * <p>Not thread-safe.
 */
public interface ByteInput extends Closeable {

    /** Total bytes in the source, when known (a file); empty for a stream. */
    OptionalLong size();

    /** Bytes consumed so far: the offset of the next byte read. */
    long position();

    /**
     * Reads up to {@code len} bytes.
     *
     * @return bytes read, or -1 at the end of the source
     */
    int read(byte[] b, int off, int len) throws IOException;

    /**
     * Reads as many bytes as are left, up to {@code len}, blocking until {@code len} bytes or the
     * end of the source.
     *
     * @return bytes read; fewer than {@code len} only at the end of the source
     */
    default int readUpTo(byte[] b, int off, int len) throws IOException {
        int total = 0;
        while (total < len) {
            int n = read(b, off + total, len - total);
            if (n < 0) {
                break;
            }
            total += n;
        }
        return total;
    }

    /** Reads exactly {@code len} bytes or throws {@link EOFException}. */
    default void readFully(byte[] b, int off, int len) throws IOException {
        int n = readUpTo(b, off, len);
        if (n < len) {
            throw new EOFException("end of input after " + n + " of " + len + " bytes at byte " + position());
        }
    }

    /**
     * Skips up to {@code n} bytes forward (seeking where possible).
     *
     * @return bytes skipped; fewer than {@code n} only at the end of the source
     */
    long skip(long n) throws IOException;

    /** True when {@link #seek(long)} works. */
    boolean canSeek();

    /**
     * Moves to an absolute position.
     *
     * @throws UnsupportedOperationException when {@link #canSeek()} is false
     */
    void seek(long position) throws IOException;
}
