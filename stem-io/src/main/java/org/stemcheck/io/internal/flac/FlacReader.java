package org.stemcheck.io.internal.flac;

import java.io.IOException;

import org.stemcheck.io.AudioFile;
import org.stemcheck.io.FileKind;
import org.stemcheck.io.internal.Sniffer;
import org.stemcheck.io.spi.AudioReader;
import org.stemcheck.io.spi.AudioSource;

/**
 * The built-in reader for native FLAC (RFC 9639): 4 to 32 bits, 1 to 8 channels, every subframe
 * type, fixed and variable block sizes, the STREAMINFO MD5 checked after a full read, and the
 * TimeReference of Broadcast Wave files converted by ffmpeg or {@code flac --keep-foreign-metadata}.
 */
public final class FlacReader implements AudioReader {

    @Override
    public String name() {
        return "flac";
    }

    @Override
    public boolean probe(byte[] head, int length) {
        return Sniffer.sniff(head, length) == FileKind.FLAC;
    }

    @Override
    public AudioFile open(AudioSource source) throws IOException {
        return new FlacParser(source).parse();
    }
}
