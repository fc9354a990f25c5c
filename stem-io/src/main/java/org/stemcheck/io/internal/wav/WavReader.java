package org.stemcheck.io.internal.wav;

import java.io.IOException;

import org.stemcheck.io.AudioFile;
import org.stemcheck.io.FileKind;
import org.stemcheck.io.internal.Sniffer;
import org.stemcheck.io.spi.AudioReader;
import org.stemcheck.io.spi.AudioSource;

/** The built-in reader for RIFF/WAVE, RIFX, RF64 and BW64 (with bext, iXML, LIST/INFO, cue). */
public final class WavReader implements AudioReader {

    @Override
    public String name() {
        return "wav";
    }

    @Override
    public boolean probe(byte[] head, int length) {
        FileKind k = Sniffer.sniff(head, length);
        return k == FileKind.WAV || k == FileKind.RIFX || k == FileKind.RF64 || k == FileKind.BW64;
    }

    @Override
    public AudioFile open(AudioSource source) throws IOException {
        return new WavParser(source).parse();
    }
}
