package org.stemcheck.io.spi;

import java.io.IOException;

import org.stemcheck.io.AudioFile;

/**
 * A reader for one container family, found through {@link java.util.ServiceLoader}.
 *
 * <p>To add a decoder (FLAC, MP3 ...), implement this interface, register it in
 * {@code META-INF/services/org.stemcheck.io.spi.AudioReader} (and {@code provides} in a
 * module-info), and put the jar on the class or module path. Built-in readers are tried first.
 *
 * <p>Implementations must be thread-safe: one instance opens many files at once.
 */
public interface AudioReader {

    /** A short name for logs, e.g. {@code "wav"}. */
    String name();

    /**
     * Answers whether this reader handles a file that starts with these bytes. Never throws.
     *
     * @param head   the file's first bytes
     * @param length how many bytes of {@code head} are valid (fewer than its length for tiny files)
     */
    boolean probe(byte[] head, int length);

    /**
     * Parses the header and metadata and returns the file, ready to stream.
     *
     * @throws org.stemcheck.io.AudioFileException when the file is broken or unsupported
     * @throws IOException                          when the bytes cannot be read
     */
    AudioFile open(AudioSource source) throws IOException;
}
