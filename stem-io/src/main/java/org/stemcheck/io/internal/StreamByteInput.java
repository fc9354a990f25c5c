package org.stemcheck.io.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.OptionalLong;

import org.stemcheck.io.spi.ByteInput;

/** A forward-only {@link ByteInput} over an {@link InputStream} (a socket, a GZIPInputStream). */
public final class StreamByteInput implements ByteInput {

    private final InputStream in;
    private long position;

    public StreamByteInput(InputStream in) {
        this.in = in;
    }

    @Override
    public OptionalLong size() {
        return OptionalLong.empty();
    }

    @Override
    public long position() {
        return position;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = in.read(b, off, len);
        if (n > 0) {
            position += n;
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = 0;
        byte[] scratch = null;
        while (skipped < n) {
            long s = in.skip(n - skipped);
            if (s <= 0) {
                // InputStream.skip may return 0 before the end: confirm by reading.
                if (scratch == null) {
                    scratch = new byte[8192];
                }
                int r = in.read(scratch, 0, (int) Math.min(scratch.length, n - skipped));
                if (r < 0) {
                    break;
                }
                s = r;
            }
            skipped += s;
        }
        position += skipped;
        return skipped;
    }

    @Override
    public boolean canSeek() {
        return false;
    }

    @Override
    public void seek(long position) {
        throw new UnsupportedOperationException("a stream cannot seek");
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
