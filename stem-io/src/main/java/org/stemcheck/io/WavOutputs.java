package org.stemcheck.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/** The two {@link WavWriter.Output}s: a seekable file patched on close, and a stream of declared length. */
final class WavOutputs {

    /** Bytes encoded per write to the sink: bounds the memory of an output, whatever the file's length. */
    static final int BUFFER_BYTES = 1 << 16;

    private WavOutputs() {
    }

    static WavWriter.Output toFile(Path path, WavLayout layout, long rf64Above) throws IOException {
        FileChannel ch = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
        try {
            writeFully(ch, layout.header(WavLayout.Header.RESERVED, 0));
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
        return new FileOutput(ch, layout, rf64Above);
    }

    static WavWriter.Output toStream(OutputStream out, WavLayout layout, long frames, long rf64Above)
            throws IOException {
        if (frames < 0 || frames > layout.maxFrames()) {
            throw new IllegalArgumentException("frames must be in 0.." + layout.maxFrames() + ": " + frames);
        }
        long dataBytes = frames * layout.blockAlign();
        boolean rf64 = layout.riffSize(WavLayout.Header.PLAIN, dataBytes) > rf64Above;
        out.write(layout.header(rf64 ? WavLayout.Header.RF64 : WavLayout.Header.PLAIN, dataBytes));
        return new StreamOutput(out, layout, frames);
    }

    private static void writeFully(FileChannel ch, byte[] b) throws IOException {
        ByteBuffer buf = ByteBuffer.wrap(b);
        while (buf.hasRemaining()) {
            ch.write(buf);
        }
    }

    /** Validation and encoding shared by both outputs; subclasses say where the bytes go. */
    private abstract static class Base implements WavWriter.Output {
        final WavLayout layout;
        private final byte[] buffer;
        long frames;
        boolean closed;

        Base(WavLayout layout) {
            this.layout = layout;
            this.buffer = new byte[Math.max(layout.blockAlign(), BUFFER_BYTES / layout.blockAlign() * layout.blockAlign())];
        }

        @Override
        public final void write(double[][] block, int offset, int n) throws IOException {
            if (closed) {
                throw new IOException("the output is closed");
            }
            check(block, offset, n);
            beforeWrite(n);
            int step = buffer.length / layout.blockAlign();
            for (int done = 0; done < n; ) {
                int k = Math.min(step, n - done);
                sink(buffer, layout.encode(block, offset + done, k, buffer));
                done += k;
                frames += k;
            }
        }

        private void check(double[][] block, int offset, int n) {
            if (block == null || block.length != layout.channels()) {
                throw new IllegalArgumentException("the block must have one array per channel ("
                        + layout.channels() + "): " + (block == null ? "null" : block.length));
            }
            if (offset < 0 || n < 0) {
                throw new IllegalArgumentException("offset and frames must not be negative: " + offset + ", " + n);
            }
            for (double[] c : block) {
                if (c == null || c.length - offset < n) {
                    throw new IllegalArgumentException("a channel array is shorter than offset + frames ("
                            + ((long) offset + n) + ")");
                }
            }
        }

        @Override
        public final long framesWritten() {
            return frames;
        }

        long dataBytes() {
            return frames * layout.blockAlign();
        }

        abstract void beforeWrite(int n) throws IOException;

        abstract void sink(byte[] b, int length) throws IOException;
    }

    /** A seekable file: the header is rewritten on close with the sizes, as RF64 past the limit. */
    private static final class FileOutput extends Base {
        private final FileChannel ch;
        private final long rf64Above;

        FileOutput(FileChannel ch, WavLayout layout, long rf64Above) {
            super(layout);
            this.ch = ch;
            this.rf64Above = rf64Above;
        }

        @Override
        void beforeWrite(int n) {
            if (n > layout.maxFrames() - frames) {
                throw new IllegalArgumentException("more frames than any file can hold");
            }
        }

        @Override
        void sink(byte[] b, int length) throws IOException {
            ByteBuffer buf = ByteBuffer.wrap(b, 0, length);
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
        }

        @Override
        public void close() throws IOException {
            if (closed) {
                return;
            }
            closed = true;
            try (ch) {
                long data = dataBytes();
                if ((data & 1) != 0) {
                    sink(new byte[1], 1); // RIFF pad byte after an odd-sized chunk
                }
                boolean rf64 = layout.riffSize(WavLayout.Header.RESERVED, data) > rf64Above;
                ByteBuffer h = ByteBuffer.wrap(layout.header(rf64 ? WavLayout.Header.RF64 : WavLayout.Header.RESERVED, data));
                for (long at = 0; h.hasRemaining(); ) {
                    at += ch.write(h, at);
                }
            }
        }
    }

    /** A stream that cannot seek: the header was written for the declared frames, which must all come. */
    private static final class StreamOutput extends Base {
        private final OutputStream out;
        private final long declared;

        StreamOutput(OutputStream out, WavLayout layout, long declared) {
            super(layout);
            this.out = out;
            this.declared = declared;
        }

        @Override
        void beforeWrite(int n) throws IOException {
            if (n > declared - frames) {
                throw new IOException(String.format(Locale.ROOT,
                        "the stream was declared with %d frames; writing %d more after %d would exceed it",
                        declared, n, frames));
            }
        }

        @Override
        void sink(byte[] b, int length) throws IOException {
            out.write(b, 0, length);
        }

        @Override
        public void close() throws IOException {
            if (closed) {
                return;
            }
            closed = true;
            if (frames < declared) {
                out.flush();
                throw new IOException(String.format(Locale.ROOT,
                        "the stream was declared with %d frames but only %d were written: its header is wrong"
                                + " and the file is truncated", declared, frames));
            }
            if ((dataBytes() & 1) != 0) {
                out.write(0); // RIFF pad byte after an odd-sized chunk
            }
            out.flush();
        }
    }
}
