package org.stemcheck.io.spi;

import java.util.List;

import org.stemcheck.io.internal.readers.Readers;

/** The readers installed: what {@code AudioFiles.open} chooses from. */
public final class AudioReaders {

    private AudioReaders() {
    }

    /**
     * The readers {@code AudioFiles.open} tries, in order: the built-in ones (WAV/BWF/RF64,
     * AIFF/AIFF-C, FLAC) first, then the plug-ins found on the class or module path when the
     * readers were first needed.
     *
     * @return an immutable list; the first reader whose {@link AudioReader#probe} accepts a file
     *         opens it
     */
    public static List<AudioReader> installed() {
        return Readers.installed();
    }
}
