package org.stemcheck.io.internal;

import java.io.IOException;
import java.nio.file.Path;

import org.stemcheck.io.spi.AudioSource;
import org.stemcheck.io.spi.ByteInput;

/** A file on disk: opened any number of times. */
public record PathSource(Path path) implements AudioSource {

    @Override
    public String name() {
        return path.toString();
    }

    @Override
    public ByteInput open() throws IOException {
        return new FileByteInput(path);
    }

    @Override
    public boolean repeatable() {
        return true;
    }
}
