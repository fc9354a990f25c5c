package org.stemcheck.io.internal.wav;

import static org.stemcheck.io.AudioFileException.Kind.CORRUPT;
import static org.stemcheck.io.AudioFileException.Kind.UNSUPPORTED;

import java.util.Locale;

import org.stemcheck.io.AudioFileException;
import org.stemcheck.io.AudioFormat;
import org.stemcheck.io.FileKind;
import org.stemcheck.io.SampleEncoding;
import org.stemcheck.io.internal.Bytes;

/**
 * Parses and validates a {@code fmt } chunk (PCMWAVEFORMAT, WAVEFORMATEX, WAVEFORMATEXTENSIBLE).
 *
 * <p>Layout policy (how samples sit in their containers; {@code SampleDecoder} applies it):
 * <ul>
 *   <li>The container of one sample is {@code blockAlign / channels} bytes.</li>
 *   <li>WAVE_FORMAT_EXTENSIBLE: {@code wBitsPerSample} is the container and the
 *       {@code wValidBitsPerSample} valid bits are its most significant bits (left-justified, as
 *       Microsoft's WAVEFORMATEXTENSIBLE documentation specifies). The container is decoded whole.</li>
 *   <li>Other tags: a sample of {@code wBitsPerSample} bits fills {@code ceil(bits / 8)} bytes,
 *       left-justified (12-bit in 2 bytes, 20-bit in 3: low bits kept as written, like scipy).
 *       When the block align gives a wider container (24-bit samples in 4 bytes), the sample is
 *       in the low {@code ceil(bits / 8)} bytes and the extra high bytes are padding (hound).</li>
 * </ul>
 */
final class FmtChunk {

    /** The fields every fmt chunk has (WAVEFORMAT + wBitsPerSample). */
    static final int BASE_BYTES = 16;
    /** WAVEFORMATEX: the base plus the 2-byte cbSize. */
    static final int EX_BYTES = 18;
    /** WAVEFORMATEXTENSIBLE: cbSize must announce at least these 22 bytes (mmreg.h). */
    static final int EXTENSIBLE_EXTENSION_BYTES = 22;
    /** No WAV coding has more bits per sample than a 64-bit float or integer. */
    static final int MAX_BITS = 64;
    /**
     * The most channels we decode. WAV allows 65535, but callers allocate a block per channel;
     * the largest real layouts (ITU-R BS.2051 / ADM in BW64, recorder polyWAVs) stay far below.
     */
    static final int MAX_CHANNELS = 1024;

    private FmtChunk() {
    }

    static AudioFormat parse(byte[] b, FileKind kind, boolean be, String name, long at) throws AudioFileException {
        if (b.length < BASE_BYTES) {
            throw corrupt(name, at, "is " + b.length + " bytes, fewer than the 16 every format needs");
        }
        int tag = Bytes.u16(b, 0, be);
        int channels = Bytes.u16(b, 2, be);
        long rate = Bytes.u32(b, 4, be);
        long byteRate = Bytes.u32(b, 8, be);
        int blockAlign = Bytes.u16(b, 12, be);
        int bits = Bytes.u16(b, 14, be);
        Extension ext = Extension.read(b, tag, be, name, at);
        int coding = ext.subformat >= 0 ? ext.subformat : tag;
        SampleEncoding encoding = FormatTags.encoding(coding, name, at, tag);
        checkBasics(channels, rate, bits, name, at);
        int validBits = ext.validBits > 0 ? ext.validBits : bits;
        if (validBits > bits) {
            throw corrupt(name, at, validBits + " valid bits in a " + bits + "-bit sample");
        }
        int containerBytes = checkBlockAlign(tag, encoding, channels, bits, blockAlign, name, at);
        if (byteRate != rate * blockAlign) {
            // hound and scipy reject this too; see docs/formats.md (byte rate).
            throw corrupt(name, at, String.format(Locale.ROOT,
                    "byte rate %d does not equal sample rate %d x block align %d", byteRate, rate, blockAlign));
        }
        if (encoding == SampleEncoding.PCM_SIGNED && containerBytes == 1) {
            encoding = SampleEncoding.PCM_UNSIGNED;
        } else if (encoding == SampleEncoding.PCM_UNSIGNED && containerBytes > 1) {
            encoding = SampleEncoding.PCM_SIGNED;
        }
        return new AudioFormat(kind, encoding, rate, channels, containerBytes * 8, validBits, ext.mask, tag, be);
    }

    private static void checkBasics(int channels, long rate, int bits, String name, long at) throws AudioFileException {
        if (channels == 0) {
            throw corrupt(name, at, "0 channels");
        }
        if (channels > MAX_CHANNELS) {
            throw AudioFileException.of(UNSUPPORTED, name, at, "fmt ",
                    channels + " channels (at most " + MAX_CHANNELS + " are decoded)");
        }
        if (rate == 0) {
            throw corrupt(name, at, "a sample rate of 0 Hz");
        }
        if (bits == 0) {
            throw corrupt(name, at, "0 bits per sample");
        }
        if (bits > MAX_BITS) {
            throw corrupt(name, at, bits + " bits per sample (no WAV coding has more than " + MAX_BITS + ")");
        }
    }

    /** Checks the block align against the sample size and returns the container bytes of one sample. */
    private static int checkBlockAlign(int tag, SampleEncoding encoding, int channels, int bits, int blockAlign,
                                       String name, long at) throws AudioFileException {
        int bytesPerSample = (bits + 7) / 8;
        String fits = String.format(Locale.ROOT,
                "block align %d does not fit %d channels of %d-bit samples", blockAlign, channels, bits);
        if (blockAlign == 0 || blockAlign % channels != 0 || blockAlign / channels < bytesPerSample) {
            throw corrupt(name, at, fits);
        }
        int containerBytes = blockAlign / channels;
        boolean exact = containerBytes == bytesPerSample;
        if (tag == FormatTags.WAVE_FORMAT_EXTENSIBLE && !exact) {
            // For EXTENSIBLE, wBitsPerSample is the container: the block align must say the same.
            throw corrupt(name, at, fits);
        }
        if (encoding == SampleEncoding.FLOAT) {
            if (bits != 32 && bits != 64) {
                throw AudioFileException.of(UNSUPPORTED, name, at, "fmt ", bits + "-bit float samples (32 and 64 are defined)");
            }
            if (!exact) {
                throw corrupt(name, at, fits);
            }
        }
        if ((encoding == SampleEncoding.ALAW || encoding == SampleEncoding.ULAW) && (bits != 8 || !exact)) {
            throw AudioFileException.of(UNSUPPORTED, name, at, "fmt ", "G.711 with " + bits + "-bit samples (8 are defined)");
        }
        if (containerBytes > 8) {
            throw AudioFileException.of(UNSUPPORTED, name, at, "fmt ", containerBytes + "-byte sample containers");
        }
        return containerBytes;
    }

    static AudioFileException corrupt(String name, long at, String detail) {
        return AudioFileException.of(CORRUPT, name, at, "fmt ", detail);
    }

    /** The WAVEFORMATEX extension: cbSize checks, and the WAVEFORMATEXTENSIBLE fields. */
    private record Extension(int validBits, long mask, int subformat) {

        private static final Extension NONE = new Extension(0, 0, -1);

        /** The KSDATAFORMAT_SUBTYPE GUID tail shared by all tag-derived subformats (mmreg.h), bytes 4..15. */
        private static final byte[] GUID_TAIL = {
            0x00, 0x00, 0x10, 0x00, (byte) 0x80, 0x00, 0x00, (byte) 0xAA, 0x00, 0x38, (byte) 0x9B, 0x71
        };
        /** The same tail as a RIFX writer stores it (Data2 and Data3 big-endian). */
        private static final byte[] GUID_TAIL_BE = {
            0x00, 0x00, 0x00, 0x10, (byte) 0x80, 0x00, 0x00, (byte) 0xAA, 0x00, 0x38, (byte) 0x9B, 0x71
        };

        static Extension read(byte[] b, int tag, boolean be, String name, long at) throws AudioFileException {
            if (tag == FormatTags.WAVE_FORMAT_PCM) {
                // PCMWAVEFORMAT has no cbSize; some writers still append an extensible-style
                // extension (rochars, Pro Tools): use its mask and valid bits when it is complete.
                return b.length >= 40 && Bytes.u16(b, 16, be) >= EXTENSIBLE_EXTENSION_BYTES
                        && subformat(b, be) == FormatTags.WAVE_FORMAT_PCM
                        ? new Extension(Bytes.u16(b, 18, be), Bytes.u32(b, 20, be), -1)
                        : NONE;
            }
            if (b.length == BASE_BYTES) {
                return mustBeExtended(tag, name, at, b.length);
            }
            if (b.length < EX_BYTES) {
                throw corrupt(name, at, "is " + b.length + " bytes: the 2-byte extension size (cbSize) is incomplete");
            }
            int cbSize = Bytes.u16(b, 16, be);
            if (cbSize > b.length - EX_BYTES) {
                throw corrupt(name, at, String.format(Locale.ROOT,
                        "announces a %d-byte extension but holds %d", cbSize, b.length - EX_BYTES));
            }
            if (tag != FormatTags.WAVE_FORMAT_EXTENSIBLE) {
                return NONE;
            }
            if (cbSize < EXTENSIBLE_EXTENSION_BYTES) {
                throw corrupt(name, at, "WAVE_FORMAT_EXTENSIBLE with an extension of " + cbSize + " bytes (needs 22)");
            }
            int sub = subformat(b, be);
            if (sub < 0) {
                throw AudioFileException.of(UNSUPPORTED, name, at, "fmt ",
                        "WAVE_FORMAT_EXTENSIBLE with a subformat GUID that is not a WAV format tag");
            }
            return new Extension(Bytes.u16(b, 18, be), Bytes.u32(b, 20, be), sub);
        }

        private static Extension mustBeExtended(int tag, String name, long at, int size) throws AudioFileException {
            if (tag == FormatTags.WAVE_FORMAT_EXTENSIBLE) {
                throw corrupt(name, at, "WAVE_FORMAT_EXTENSIBLE in a " + size + "-byte chunk (needs 40)");
            }
            return NONE;
        }

        /** The format tag inside a KSDATAFORMAT_SUBTYPE GUID at byte 24, or -1 for another GUID. */
        private static int subformat(byte[] b, boolean be) {
            if (b.length < 40) {
                return -1;
            }
            // Data1 is a 32-bit integer holding the tag; Data2/Data3 follow in the file's byte order.
            long data1 = Bytes.u32(b, 24, be);
            byte[] tail = be ? GUID_TAIL_BE : GUID_TAIL;
            for (int i = 0; i < tail.length; i++) {
                if (b[28 + i] != tail[i]) {
                    return -1;
                }
            }
            return data1 <= 0xFFFF ? (int) data1 : -1;
        }
    }
}
