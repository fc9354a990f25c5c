package org.stemcheck.io.internal.aiff;

import java.io.IOException;

import org.stemcheck.io.AudioFile;
import org.stemcheck.io.FileKind;
import org.stemcheck.io.internal.Sniffer;
import org.stemcheck.io.spi.AudioReader;
import org.stemcheck.io.spi.AudioSource;

/**
 * The built-in reader for AIFF and AIFF-C: uncompressed PCM of 1 to 32 bits, and the AIFF-C
 * codings {@code sowt} (little-endian PCM), {@code fl32}/{@code fl64} (float), {@code alaw} and
 * {@code ulaw} (G.711), with the NAME, AUTH, ANNO, (c) and MARK chunks.
 */
public final class AiffReader implements AudioReader {

    @Override
    public String name() {
        return "aiff";
    }

    @Override
    public boolean probe(byte[] head, int length) {
        FileKind k = Sniffer.sniff(head, length);
        return k == FileKind.AIFF || k == FileKind.AIFC;
    }

    @Override
    public AudioFile open(AudioSource source) throws IOException {
        return new AiffParser(source).parse();
    }
}
