package org.stemcheck.io.internal;

import java.io.InputStream;

import org.stemcheck.io.spi.AudioSource;
import org.stemcheck.io.spi.ByteInput;

/** An input stream that can be read once; {@link #open()} hands out the same input each time. */
public final class OneShotSource implements AudioSource {

    private final String name;
    private final ByteInput input;

    public OneShotSource(String name, InputStream in) {
        this.name = name;
        this.input = new StreamByteInput(in);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public ByteInput open() {
        return input;
    }

    @Override
    public boolean repeatable() {
        return false;
    }
}
