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
        if (k == FileKind.WAV || k == FileKind.RIFX || k == FileKind.RF64 || k == FileKind.BW64) {
            return true;
        }
        // A RIFF magic cut off before the form type is a broken WAV, not "not audio".
        return length >= 4 && length < 12 && isRiffMagic(head);
    }

    private static boolean isRiffMagic(byte[] h) {
        String magic = new String(h, 0, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
        return magic.equals("RIFF") || magic.equals("RIFX") || magic.equals("RF64") || magic.equals("BW64");
    }

    @Override
    public AudioFile open(AudioSource source) throws IOException {
        return new WavParser(source).parse();
    }
}
