package org.stemcheck.io.spi;

import java.io.IOException;

/**
 * Where an audio file's bytes come from: a file that can be opened any number of times, or a
 * stream that can be read once.
 */
public interface AudioSource {

    /**
     * The name for messages.
     *
     * @return the path, or the name given with a stream
     */
    String name();

    /**
     * Opens the bytes from the start. For a one-shot stream, every call returns the same input,
     * wherever it has got to.
     *
     * @return an input the caller closes
     * @throws IOException when the file cannot be opened
     */
    ByteInput open() throws IOException;

    /**
     * Whether the bytes can be read more than once.
     *
     * @return true when {@link #open()} gives a fresh input each time (a file); false for a
     *         one-shot stream
     */
    boolean repeatable();
}
