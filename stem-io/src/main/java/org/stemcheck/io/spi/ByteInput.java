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

    /**
     * Total bytes in the source, when known.
     *
     * @return the file's length in bytes; empty for a stream
     */
    OptionalLong size();

    /**
     * Bytes consumed so far.
     *
     * @return the offset of the next byte read, from the start of the source
     */
    long position();

    /**
     * Reads up to {@code len} bytes, like {@link java.io.InputStream#read(byte[], int, int)}.
     *
     * @param b   where to put the bytes
     * @param off the first index of {@code b} to write
     * @param len the most bytes to read
     * @return bytes read, or -1 at the end of the source
     * @throws IOException when the source cannot be read
     */
    int read(byte[] b, int off, int len) throws IOException;

    /**
     * Reads as many bytes as are left, up to {@code len}, blocking until {@code len} bytes or the
     * end of the source.
     *
     * @param b   where to put the bytes
     * @param off the first index of {@code b} to write
     * @param len the most bytes to read
     * @return bytes read; fewer than {@code len} only at the end of the source
     * @throws IOException when the source cannot be read
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

    /**
     * Reads exactly {@code len} bytes.
     *
     * @param b   where to put the bytes
     * @param off the first index of {@code b} to write
     * @param len how many bytes to read
     * @throws EOFException when the source ends first; the message gives the position
     * @throws IOException  when the source cannot be read
     */
    default void readFully(byte[] b, int off, int len) throws IOException {
        int n = readUpTo(b, off, len);
        if (n < len) {
            throw new EOFException("end of input after " + n + " of " + len + " bytes at byte " + position());
        }
    }

    /**
     * Skips up to {@code n} bytes forward (seeking where possible).
     *
     * @param n how many bytes to skip, {@code >= 0}
     * @return bytes skipped; fewer than {@code n} only at the end of the source
     * @throws IOException when the source cannot be read
     */
    long skip(long n) throws IOException;

    /**
     * Whether {@link #seek(long)} works.
     *
     * @return true for a file, false for a stream
     */
    boolean canSeek();

    /**
     * Moves to an absolute position.
     *
     * @param position the byte offset from the start of the source
     * @throws UnsupportedOperationException when {@link #canSeek()} is false
     * @throws IOException                   when the source cannot seek there
     */
    void seek(long position) throws IOException;
}
