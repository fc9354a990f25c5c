package org.stemcheck.io.internal.wav;

import static org.stemcheck.io.AudioFileException.Kind.LOSSY;
import static org.stemcheck.io.AudioFileException.Kind.UNSUPPORTED;

import java.util.Locale;

import org.stemcheck.io.AudioFileException;
import org.stemcheck.io.FileKind;
import org.stemcheck.io.SampleEncoding;

/** WAV format tags (mmreg.h / RFC 2361) and what each means for this reader. */
final class FormatTags {

    static final int WAVE_FORMAT_PCM = 0x0001;
    static final int WAVE_FORMAT_ADPCM = 0x0002;
    static final int WAVE_FORMAT_IEEE_FLOAT = 0x0003;
    static final int WAVE_FORMAT_ALAW = 0x0006;
    static final int WAVE_FORMAT_MULAW = 0x0007;
    static final int WAVE_FORMAT_IMA_ADPCM = 0x0011;
    static final int WAVE_FORMAT_MPEG = 0x0050;
    static final int WAVE_FORMAT_MPEGLAYER3 = 0x0055;
    static final int WAVE_FORMAT_AAC = 0x00FF;
    static final int WAVE_FORMAT_MPEG_ADTS_AAC = 0x1600;
    static final int WAVE_FORMAT_MPEG_HEAAC = 0x1610;
    static final int WAVE_FORMAT_EXTENSIBLE = 0xFFFE;

    private FormatTags() {
    }

    /**
     * The sample encoding of a coding tag (the format tag, or the EXTENSIBLE subformat).
     *
     * @param outerTag the fmt chunk's own tag, for messages
     * @throws AudioFileException LOSSY for MPEG and AAC, UNSUPPORTED for other codings
     */
    static SampleEncoding encoding(int coding, String name, long at, int outerTag) throws AudioFileException {
        switch (coding) {
            case WAVE_FORMAT_PCM:
                return SampleEncoding.PCM_SIGNED;
            case WAVE_FORMAT_IEEE_FLOAT:
                return SampleEncoding.FLOAT;
            case WAVE_FORMAT_ALAW:
                return SampleEncoding.ALAW;
            case WAVE_FORMAT_MULAW:
                return SampleEncoding.ULAW;
            case WAVE_FORMAT_MPEGLAYER3:
            case WAVE_FORMAT_MPEG:
                throw AudioFileException.recognisedAt(LOSSY, name, at, "fmt ", FileKind.MP3, String.format(Locale.ROOT,
                        "a WAV wrapper around MPEG audio (format tag 0x%04X): a lossy file, not a PCM stem", coding));
            case WAVE_FORMAT_AAC:
            case WAVE_FORMAT_MPEG_ADTS_AAC:
            case WAVE_FORMAT_MPEG_HEAAC:
                throw AudioFileException.recognisedAt(LOSSY, name, at, "fmt ", FileKind.AAC, String.format(Locale.ROOT,
                        "a WAV wrapper around AAC audio (format tag 0x%04X): a lossy file, not a PCM stem", coding));
            case WAVE_FORMAT_ADPCM:
                throw AudioFileException.of(UNSUPPORTED, name, at, "fmt ", "Microsoft ADPCM (format tag 0x0002) is not supported");
            case WAVE_FORMAT_IMA_ADPCM:
                throw AudioFileException.of(UNSUPPORTED, name, at, "fmt ", "IMA ADPCM (format tag 0x0011) is not supported");
            default:
                String what = coding == outerTag
                        ? String.format(Locale.ROOT, "format tag 0x%04X", coding)
                        : String.format(Locale.ROOT, "WAVE_FORMAT_EXTENSIBLE subformat 0x%04X", coding);
                throw AudioFileException.of(UNSUPPORTED, name, at, "fmt ", what + " is not PCM, float or G.711");
        }
    }
}
