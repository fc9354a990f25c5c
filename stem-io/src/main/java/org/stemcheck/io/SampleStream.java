package org.stemcheck.io;

import java.io.IOException;

/**
 * Samples of one file, read front to back in blocks, normalised to {@code double} in
 * [-1, 1) for integer formats (full scale = 1.0; float files are passed through unchanged, so
 * they may exceed 1.0).
 *
 * <p>Not thread-safe: one stream is read by one thread. Open one stream per reader.
 */
public interface SampleStream extends AutoCloseable {

    /**
     * The format of the samples.
     *
     * @return the file's format; {@link AudioFormat#channels()} is the number of arrays
     *         {@link #read} fills
     */
    AudioFormat format();

    /**
     * Reads up to {@code maxFrames} frames into {@code dst[channel][offset ...]}.
     *
     * @param dst       one array per channel, each at least {@code offset + maxFrames} long
     * @param offset    where to write in each channel array
     * @param maxFrames the most frames to read, at least 1
     * @return frames read; 0 only at the end of the audio
     * @throws IOException when the underlying file cannot be read
     */
    int read(double[][] dst, int offset, int maxFrames) throws IOException;

    /**
     * Frames delivered so far, which is also the index of the next frame {@link #read} delivers.
     *
     * @return frames read since the stream was opened, {@code >= 0}
     */
    long position();

    /**
     * Releases the file. Further reads are not allowed.
     *
     * @throws IOException when the underlying file cannot be closed
     */
    @Override
    void close() throws IOException;
}
