package org.stemcheck.core.internal.delivery;

import org.stemcheck.core.Stem;
import org.stemcheck.io.AudioFormat;
import org.stemcheck.io.SampleStream;

/** A {@link SampleStream} over a stem held in memory: copies straight from its arrays. */
final class BufferStream implements SampleStream {

    private final Stem stem;
    private final AudioFormat format;
    private long position;

    BufferStream(Stem stem, AudioFormat format) {
        this.stem = stem;
        this.format = format;
    }

    @Override
    public AudioFormat format() {
        return format;
    }

    @Override
    public int read(double[][] dst, int offset, int maxFrames) {
        if (maxFrames < 1) {
            throw new IllegalArgumentException("maxFrames must be at least 1: " + maxFrames);
        }
        int n = (int) Math.min(maxFrames, stem.frames() - position);
        for (int c = 0; c < stem.channelCount(); c++) {
            System.arraycopy(stem.channel(c), (int) position, dst[c], offset, n);
        }
        position += n;
        return n;
    }

    @Override
    public long position() {
        return position;
    }

    @Override
    public void close() {
        // nothing to release
    }
}
