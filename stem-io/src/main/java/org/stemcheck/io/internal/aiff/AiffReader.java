package org.stemcheck.io.internal.aiff;

import java.io.IOException;

import org.stemcheck.io.AudioFile;
import org.stemcheck.io.AudioFileException;
import org.stemcheck.io.FileKind;
import org.stemcheck.io.internal.Sniffer;
import org.stemcheck.io.spi.AudioReader;
import org.stemcheck.io.spi.AudioSource;

/** The built-in reader for AIFF and AIFF-C. */
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
        // TODO(aiff): COMM/SSND parsing lands with the AIFF reader.
        throw AudioFileException.of(AudioFileException.Kind.UNSUPPORTED, source.name(), -1, null, "AIFF is not read yet");
    }
}
