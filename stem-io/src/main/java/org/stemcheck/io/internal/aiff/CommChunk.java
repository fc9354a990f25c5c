package org.stemcheck.io.internal.aiff;

import static org.stemcheck.io.AudioFileException.Kind.CORRUPT;
import static org.stemcheck.io.AudioFileException.Kind.UNSUPPORTED;

import java.util.Locale;

import org.stemcheck.io.AudioFileException;
import org.stemcheck.io.AudioFormat;
import org.stemcheck.io.FileKind;
import org.stemcheck.io.SampleEncoding;
import org.stemcheck.io.internal.Bytes;
import org.stemcheck.io.internal.MetadataBuilder;

/**
 * The AIFF / AIFF-C common chunk ({@code COMM}): channels, frames, sample size, sample rate and,
 * in AIFF-C, the compression type.
 *
 * <p>Field layout from Apple's "Audio Interchange File Format" 1.3 (section "Common Chunk") and
 * the AIFF-C draft of 1991-08-26 (section "Extended Common Chunk").
 *
 * @param format         the sample format
 * @param frames         {@code numSampleFrames}: frames the header declares
 * @param compression    the AIFF-C compression type, {@code "NONE"} for plain AIFF
 */
record CommChunk(AudioFormat format, long frames, String compression) {

    /** Bytes of the plain AIFF COMM chunk (AIFF 1.3: 2 + 4 + 2 + 10). */
    static final int AIFF_SIZE = 18;
    /** Bytes of the AIFF-C COMM chunk up to the compression type (AIFF-C: 18 + 4). */
    static final int AIFC_SIZE = 22;
    /** The largest sample size AIFF defines ("sampleSize ... from 1 to 32 bits", AIFF 1.3). */
    static final int MAX_SAMPLE_SIZE = 32;
    /**
     * The lowest sample rate we accept. AIFF allows any positive rate; below 1 Hz a header is
     * garbage rather than audio (no standard sets a floor: our choice).
     */
    static final double MIN_SAMPLE_RATE = 1.0;
    /**
     * The highest sample rate we accept: 16x the 768 kHz of the fastest PCM converters and
     * interfaces on the market (our choice; no standard sets a ceiling).
     */
    static final double MAX_SAMPLE_RATE = 12_288_000.0;

    static CommChunk parse(byte[] b, FileKind kind, String name, long at, MetadataBuilder meta) throws AudioFileException {
        boolean aifc = kind == FileKind.AIFC;
        if (b.length < AIFF_SIZE) {
            throw corrupt(name, at, String.format(Locale.ROOT,
                    "is %d bytes, fewer than the %d every COMM chunk needs", b.length, AIFF_SIZE));
        }
        int channels = (short) Bytes.u16be(b, 0);
        long frames = Bytes.u32be(b, 2);
        int sampleSize = (short) Bytes.u16be(b, 6);
        double rate = sampleRate(b, name, at);
        if (channels < 1) {
            throw corrupt(name, at, channels + " channels");
        }
        String compression = "NONE";
        if (aifc) {
            if (b.length < AIFC_SIZE) {
                meta.warn(String.format(Locale.ROOT,
                        "AIFF-C COMM chunk at byte %d is %d bytes, too short for a compression type; read as uncompressed",
                        at, b.length));
            } else {
                compression = Bytes.fourCc(b, AIFF_SIZE);
            }
        }
        Compression c = Compression.of(compression);
        if (c == null) {
            throw AudioFileException.of(UNSUPPORTED, name, at, "COMM", String.format(Locale.ROOT,
                    "AIFF-C compression type '%s'%s is not supported (NONE, sowt, fl32, fl64, alaw and ulaw are)",
                    compression, compressionName(b)));
        }
        int bytes = c.bytesPerSample(sampleSize);
        int validBits = c.validBits(sampleSize);
        if (c.encoding == SampleEncoding.PCM_SIGNED) {
            if (sampleSize < 1) {
                throw corrupt(name, at, "a sample size of " + sampleSize + " bits");
            }
            if (sampleSize > MAX_SAMPLE_SIZE) {
                throw AudioFileException.of(UNSUPPORTED, name, at, "COMM", String.format(Locale.ROOT,
                        "a sample size of %d bits (AIFF defines 1 to %d)", sampleSize, MAX_SAMPLE_SIZE));
            }
        }
        AudioFormat format = new AudioFormat(kind, c.encoding, rate, channels, bytes * 8, validBits, 0, 0, c.bigEndian);
        return new CommChunk(format, frames, compression);
    }

    private static double sampleRate(byte[] b, String name, long at) throws AudioFileException {
        double rate = Extended80.decode(b, 8);
        if (Double.isNaN(rate)) {
            throw corrupt(name, at, "the sample rate is NaN");
        }
        if (Double.isInfinite(rate)) {
            throw corrupt(name, at, "the sample rate is infinite (or beyond the range of a double)");
        }
        if (rate <= 0) {
            throw corrupt(name, at, String.format(Locale.ROOT, "a sample rate of %s Hz", rate));
        }
        if (rate < MIN_SAMPLE_RATE || rate > MAX_SAMPLE_RATE) {
            throw corrupt(name, at, String.format(Locale.ROOT,
                    "a sample rate of %s Hz is outside the plausible %.0f to %.0f Hz", rate, MIN_SAMPLE_RATE, MAX_SAMPLE_RATE));
        }
        return rate;
    }

    /** The AIFF-C compressionName Pascal string, quoted for a message, or empty. */
    private static String compressionName(byte[] b) {
        if (b.length <= AIFC_SIZE) {
            return "";
        }
        int len = Math.min(b[AIFC_SIZE] & 0xFF, b.length - AIFC_SIZE - 1);
        String s = Bytes.text(b, AIFC_SIZE + 1, len);
        return s.isEmpty() ? "" : " (\"" + s + "\")";
    }

    private static AudioFileException corrupt(String name, long at, String detail) {
        return AudioFileException.of(CORRUPT, name, at, "COMM", detail);
    }

    /** The compression types we decode, with how their samples are stored. */
    private enum Compression {
        /** Big-endian two's complement, left-justified in ceil(sampleSize / 8) bytes (AIFF). */
        NONE(SampleEncoding.PCM_SIGNED, true, 0),
        /** Apple's little-endian two's complement ("sowt" = "twos" reversed, QuickTime). */
        SOWT(SampleEncoding.PCM_SIGNED, false, 0),
        /** Big-endian IEEE 754 binary32 (Apple Core Audio "fl32"). */
        FL32(SampleEncoding.FLOAT, true, 4),
        /** Big-endian IEEE 754 binary64 (Apple Core Audio "fl64"). */
        FL64(SampleEncoding.FLOAT, true, 8),
        /** ITU-T G.711 A-law, one byte a sample whatever sampleSize says (it gives the decoded 16). */
        ALAW(SampleEncoding.ALAW, true, 1),
        /** ITU-T G.711 mu-law, one byte a sample. */
        ULAW(SampleEncoding.ULAW, true, 1);

        final SampleEncoding encoding;
        final boolean bigEndian;
        /** Bytes a sample takes when fixed by the coding, 0 when sampleSize decides. */
        final int fixedBytes;

        Compression(SampleEncoding encoding, boolean bigEndian, int fixedBytes) {
            this.encoding = encoding;
            this.bigEndian = bigEndian;
            this.fixedBytes = fixedBytes;
        }

        static Compression of(String type) {
            switch (type) {
                case "NONE":
                case "twos": // QuickTime's name for big-endian signed PCM: the same layout as NONE
                    return NONE;
                case "sowt":
                    return SOWT;
                case "fl32":
                case "FL32":
                    return FL32;
                case "fl64":
                case "FL64":
                    return FL64;
                case "alaw":
                case "ALAW":
                    return ALAW;
                case "ulaw":
                case "ULAW":
                    return ULAW;
                default:
                    return null;
            }
        }

        int bytesPerSample(int sampleSize) {
            return fixedBytes > 0 ? fixedBytes : Math.max(1, (sampleSize + 7) / 8);
        }

        int validBits(int sampleSize) {
            return fixedBytes > 0 ? 8 * fixedBytes : Math.max(1, sampleSize);
        }
    }
}
