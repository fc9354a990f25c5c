package org.stemcheck.io.internal.wav;

import static org.stemcheck.io.AudioFileException.Kind.CORRUPT;
import static org.stemcheck.io.AudioFileException.Kind.LOSSY;
import static org.stemcheck.io.AudioFileException.Kind.UNSUPPORTED;

import java.util.Locale;

import org.stemcheck.io.AudioFileException;
import org.stemcheck.io.AudioFormat;
import org.stemcheck.io.FileKind;
import org.stemcheck.io.SampleEncoding;
import org.stemcheck.io.internal.Bytes;

/** Parses and validates a {@code fmt } chunk (WAVEFORMAT, WAVEFORMATEX, WAVEFORMATEXTENSIBLE). */
final class FmtChunk {

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

    /** The KSDATAFORMAT_SUBTYPE GUID tail shared by all tag-derived subformats (mmreg.h). */
    private static final byte[] GUID_TAIL = {
        0x00, 0x00, 0x00, 0x00, 0x10, 0x00, (byte) 0x80, 0x00, 0x00, (byte) 0xAA, 0x00, 0x38, (byte) 0x9B, 0x71
    };

    private FmtChunk() {
    }

    static AudioFormat parse(byte[] b, FileKind kind, boolean be, String name, long at) throws AudioFileException {
        if (b.length < 16) {
            throw AudioFileException.of(CORRUPT, name, at, "fmt ", "is " + b.length + " bytes, fewer than the 16 every format needs");
        }
        int tag = Bytes.u16(b, 0, be);
        int channels = Bytes.u16(b, 2, be);
        long rate = Bytes.u32(b, 4, be);
        long byteRate = Bytes.u32(b, 8, be);
        int blockAlign = Bytes.u16(b, 12, be);
        int bits = Bytes.u16(b, 14, be);
        int formatTag = tag;
        int validBits = bits;
        long mask = 0;
        if (tag == WAVE_FORMAT_EXTENSIBLE) {
            if (b.length < 40) {
                throw AudioFileException.of(CORRUPT, name, at, "fmt ",
                        "WAVE_FORMAT_EXTENSIBLE needs 40 bytes, the chunk has " + b.length);
            }
            int cbSize = Bytes.u16(b, 16, be);
            if (cbSize < 22) {
                throw AudioFileException.of(CORRUPT, name, at, "fmt ",
                        "WAVE_FORMAT_EXTENSIBLE with an extension of " + cbSize + " bytes (needs 22)");
            }
            validBits = Bytes.u16(b, 18, be);
            mask = Bytes.u32(b, 20, be);
            tag = Bytes.u16(b, 24, be);
            if (!guidTailMatches(b, 26)) {
                throw AudioFileException.of(UNSUPPORTED, name, at, "fmt ", "WAVE_FORMAT_EXTENSIBLE with an unknown subformat GUID");
            }
            if (validBits == 0) {
                validBits = bits;
            }
        }
        String where = String.format(Locale.ROOT, "format tag 0x%04X", formatTag);
        if (channels == 0) {
            throw AudioFileException.of(CORRUPT, name, at, "fmt ", "0 channels");
        }
        if (rate == 0) {
            throw AudioFileException.of(CORRUPT, name, at, "fmt ", "a sample rate of 0 Hz");
        }
        SampleEncoding encoding = encoding(tag, bits, name, at, where);
        if (bits == 0) {
            throw AudioFileException.of(CORRUPT, name, at, "fmt ", "0 bits per sample");
        }
        if (bits > 64) {
            throw AudioFileException.of(UNSUPPORTED, name, at, "fmt ", bits + " bits per sample (at most 64 are supported)");
        }
        if (validBits > bits) {
            throw AudioFileException.of(CORRUPT, name, at, "fmt ",
                    validBits + " valid bits in a " + bits + "-bit sample");
        }
        int bytesPerSample = (bits + 7) / 8;
        if (blockAlign == 0 || blockAlign % channels != 0 || blockAlign / channels < bytesPerSample) {
            throw AudioFileException.of(CORRUPT, name, at, "fmt ", String.format(Locale.ROOT,
                    "block align %d does not fit %d channels of %d-bit samples", blockAlign, channels, bits));
        }
        int containerBytes = blockAlign / channels;
        if (containerBytes > 8) {
            throw AudioFileException.of(UNSUPPORTED, name, at, "fmt ", containerBytes + "-byte sample containers");
        }
        if (encoding == SampleEncoding.FLOAT && bits != 32 && bits != 64) {
            throw AudioFileException.of(UNSUPPORTED, name, at, "fmt ", bits + "-bit float samples (32 and 64 are defined)");
        }
        if ((encoding == SampleEncoding.ALAW || encoding == SampleEncoding.ULAW) && bits != 8) {
            // G.711 codes one sample in 8 bits (ITU-T G.711 section 2); the decoder has no other width.
            throw AudioFileException.of(CORRUPT, name, at, "fmt ", String.format(Locale.ROOT,
                    "%s with %d bits per sample (G.711 samples are 8-bit)", where, bits));
        }
        if ((encoding == SampleEncoding.FLOAT || encoding == SampleEncoding.ALAW || encoding == SampleEncoding.ULAW)
                && containerBytes != bytesPerSample) {
            throw AudioFileException.of(CORRUPT, name, at, "fmt ", String.format(Locale.ROOT,
                    "block align %d does not fit %d channels of %d-bit samples", blockAlign, channels, bits));
        }
        if (encoding == SampleEncoding.PCM_UNSIGNED && containerBytes != 1) {
            encoding = SampleEncoding.PCM_SIGNED;
        }
        if (bits <= 8 && containerBytes == 1 && encoding == SampleEncoding.PCM_SIGNED) {
            encoding = SampleEncoding.PCM_UNSIGNED;
        }
        return new AudioFormat(kind, encoding, rate, channels, containerBytes * 8, Math.min(validBits, containerBytes * 8),
                mask, formatTag, be);
    }

    private static SampleEncoding encoding(int tag, int bits, String name, long at, String where) throws AudioFileException {
        switch (tag) {
            case WAVE_FORMAT_PCM:
                return bits <= 8 ? SampleEncoding.PCM_UNSIGNED : SampleEncoding.PCM_SIGNED;
            case WAVE_FORMAT_IEEE_FLOAT:
                return SampleEncoding.FLOAT;
            case WAVE_FORMAT_ALAW:
                return SampleEncoding.ALAW;
            case WAVE_FORMAT_MULAW:
                return SampleEncoding.ULAW;
            case WAVE_FORMAT_MPEGLAYER3:
                throw AudioFileException.recognisedAt(LOSSY, name, at, "fmt ", FileKind.MP3,
                        "a WAV wrapper around MP3 audio (format tag 0x0055): a lossy file, not a PCM stem");
            case WAVE_FORMAT_MPEG:
                throw AudioFileException.recognisedAt(LOSSY, name, at, "fmt ", FileKind.MP3,
                        "a WAV wrapper around MPEG audio (format tag 0x0050): a lossy file, not a PCM stem");
            case WAVE_FORMAT_AAC:
            case WAVE_FORMAT_MPEG_ADTS_AAC:
            case WAVE_FORMAT_MPEG_HEAAC:
                throw AudioFileException.recognisedAt(LOSSY, name, at, "fmt ", FileKind.AAC,
                        String.format(Locale.ROOT, "a WAV wrapper around AAC audio (format tag 0x%04X): a lossy file, not a PCM stem", tag));
            case WAVE_FORMAT_ADPCM:
                throw AudioFileException.of(UNSUPPORTED, name, at, "fmt ", "Microsoft ADPCM (format tag 0x0002) is not supported");
            case WAVE_FORMAT_IMA_ADPCM:
                throw AudioFileException.of(UNSUPPORTED, name, at, "fmt ", "IMA ADPCM (format tag 0x0011) is not supported");
            default:
                throw AudioFileException.of(UNSUPPORTED, name, at, "fmt ", where + " is not PCM or float");
        }
    }

    private static boolean guidTailMatches(byte[] b, int at) {
        for (int i = 0; i < GUID_TAIL.length; i++) {
            if (b[at + i] != GUID_TAIL[i]) {
                return false;
            }
        }
        return true;
    }
}
