package org.stemcheck.io.spi;

import java.io.IOException;

/**
 * Where an audio file's bytes come from: a file that can be opened any number of times, or a
 * stream that can be read once.
 */
public interface AudioSource {

    /** The name for messages: the path, or the name given with a stream. */
    String name();

    /** Opens the bytes from the start. */
    ByteInput open() throws IOException;

    /** True when {@link #open()} may be called again (a file); false for a one-shot stream. */
    boolean repeatable();
}
