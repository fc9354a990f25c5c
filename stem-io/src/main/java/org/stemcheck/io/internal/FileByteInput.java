package org.stemcheck.io.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.OptionalLong;

import org.stemcheck.io.spi.ByteInput;

/** A seekable {@link ByteInput} over a file, with its own read buffer. */
public final class FileByteInput implements ByteInput {

    private static final int BUFFER_BYTES = 1 << 16;

    private final FileChannel channel;
    private final long size;
    private final ByteBuffer buffer = ByteBuffer.allocate(BUFFER_BYTES);
    /** File offset of buffer index 0. */
    private long bufferStart;

    public FileByteInput(Path path) throws IOException {
        this.channel = FileChannel.open(path, StandardOpenOption.READ);
        this.size = channel.size();
        buffer.limit(0);
    }

    @Override
    public OptionalLong size() {
        return OptionalLong.of(size);
    }

    @Override
    public long position() {
        return bufferStart + buffer.position();
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (!buffer.hasRemaining()) {
            if (len >= BUFFER_BYTES) {
                // Large reads bypass the buffer.
                long pos = position();
                int n = channel.read(ByteBuffer.wrap(b, off, len), pos);
                if (n > 0) {
                    bufferStart = pos + n;
                    buffer.limit(0);
                }
                return n <= 0 ? -1 : n;
            }
            if (!fill()) {
                return -1;
            }
        }
        int n = Math.min(len, buffer.remaining());
        buffer.get(b, off, n);
        return n;
    }

    private boolean fill() throws IOException {
        long pos = position();
        buffer.clear();
        int n = channel.read(buffer, pos);
        buffer.flip();
        bufferStart = pos;
        return n > 0;
    }

    @Override
    public long skip(long n) throws IOException {
        if (n <= 0) {
            return 0;
        }
        long target = n >= size - position() ? size : position() + n;
        long skipped = target - position();
        seek(target);
        return skipped;
    }

    @Override
    public boolean canSeek() {
        return true;
    }

    @Override
    public void seek(long position) throws IOException {
        if (position < 0) {
            throw new IllegalArgumentException("position must not be negative: " + position);
        }
        if (position >= bufferStart && position <= bufferStart + buffer.limit()) {
            buffer.position((int) (position - bufferStart));
        } else {
            bufferStart = position;
            buffer.limit(0);
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
