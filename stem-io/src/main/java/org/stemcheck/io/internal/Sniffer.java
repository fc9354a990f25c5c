package org.stemcheck.io.internal;

import java.util.Set;

import org.stemcheck.io.FileKind;

/**
 * Identifies a file by its first bytes, never by its name.
 *
 * <p>Every kind needs its whole signature: a file cut inside its header (a 10-byte "WAV") is
 * {@link FileKind#NOT_AUDIO}. Streams without a container header (MP3, AAC in ADTS) are
 * recognised only by two consecutive frame headers, so that random binary is not taken for
 * audio. Never throws, whatever the bytes.
 */
public final class Sniffer {

    /**
     * Bytes of the head that {@link #sniff} looks at: enough for two MPEG audio frames (the
     * longest, MPEG-2 layer II at 160 kbit/s and 8 kHz, is 2881 bytes; ISO/IEC 13818-3).
     */
    public static final int HEAD_BYTES = 4096;
    /** Bytes of the RIFF and FORM headers: id, size, form type. */
    private static final int CONTAINER_HEADER = 12;
    /** Bytes of an ID3v2 header (id3.org, ID3v2.4.0 structure, section 3.1). */
    private static final int ID3_HEADER = 10;
    /** Bytes of an Ogg page header before the segment table (RFC 3533, section 6). */
    private static final int OGG_PAGE_HEADER = 27;
    /** The STREAMINFO block, which must come first, is 34 bytes (RFC 9639, section 8.2). */
    private static final int FLAC_STREAMINFO_LENGTH = 34;
    /** "fLaC", the first metadata block header and STREAMINFO (RFC 9639, sections 8, 8.1, 8.2). */
    private static final int FLAC_HEADER = 4 + 4 + FLAC_STREAMINFO_LENGTH;
    /**
     * Major brands of ISO base media files that hold images, not sound (HEIF: ISO/IEC 23008-12;
     * AVIF: AOM AV1 Image File Format; Canon CR3): a photo is not a lossy audio delivery.
     */
    private static final Set<String> IMAGE_BRANDS = Set.of(
            "heic", "heix", "hevc", "hevx", "heim", "heis", "mif1", "msf1", "avif", "avis", "crx ");

    private Sniffer() {
    }

    /**
     * What a file starting with {@code head[0 .. length)} is. A {@code length} below
     * {@link #HEAD_BYTES} is taken to be the whole file (as {@link org.stemcheck.io.AudioFiles}
     * reads it): a lone ID3 tag or a frame whose successor would lie past the end is then no
     * evidence of audio.
     */
    public static FileKind sniff(byte[] head, int length) {
        int n = Math.min(length, head.length);
        if (n <= 0) {
            return FileKind.EMPTY;
        }
        FileKind container = container(head, n);
        if (container != null) {
            return container;
        }
        if (isFlac(head, 0, n)) {
            return FileKind.FLAC;
        }
        if (isOgg(head, n)) {
            return FileKind.OGG;
        }
        if (isMp4(head, n)) {
            return FileKind.MP4;
        }
        if (isId3(head, n)) {
            return afterId3(head, n);
        }
        // Some encoders and cutters leave zero bytes before the first frame.
        int first = 0;
        while (first < n && head[first] == 0) {
            first++;
        }
        if (isFrameStream(head, first, n, true)) {
            return FileKind.AAC;
        }
        if (isFrameStream(head, first, n, false)) {
            return FileKind.MP3;
        }
        return FileKind.NOT_AUDIO;
    }

    /** The RIFF and IFF containers we read, or null. A RIFF that is not WAVE (AVI ...) is none. */
    private static FileKind container(byte[] h, int n) {
        if (n < CONTAINER_HEADER) {
            return null;
        }
        if (is(h, 8, "WAVE")) {
            if (is(h, 0, "RIFF")) {
                return FileKind.WAV;
            }
            if (is(h, 0, "RIFX")) {
                return FileKind.RIFX;
            }
            if (is(h, 0, "RF64")) {
                return FileKind.RF64;
            }
            if (is(h, 0, "BW64")) {
                return FileKind.BW64;
            }
        }
        if (is(h, 0, "FORM")) {
            if (is(h, 8, "AIFF")) {
                return FileKind.AIFF;
            }
            if (is(h, 8, "AIFC")) {
                return FileKind.AIFC;
            }
        }
        return null;
    }

    /** "fLaC", the header of a 34-byte STREAMINFO block (RFC 9639, 8.1) and the block. */
    private static boolean isFlac(byte[] h, int i, int n) {
        return i + FLAC_HEADER <= n && is(h, i, "fLaC") && (h[i + 4] & 0x7F) == 0
                && (h[i + 5] & 0xFF) == 0 && (h[i + 6] & 0xFF) == 0 && (h[i + 7] & 0xFF) == FLAC_STREAMINFO_LENGTH;
    }

    /** An Ogg page header: "OggS", stream structure version 0, header type flags 0..7 (RFC 3533, 6). */
    private static boolean isOgg(byte[] h, int n) {
        return n >= OGG_PAGE_HEADER && is(h, 0, "OggS") && h[4] == 0 && (h[5] & 0xF8) == 0;
    }

    /** An ISO base media file: a first box "ftyp" (ISO/IEC 14496-12, 4.3) whose brand is not an image's. */
    private static boolean isMp4(byte[] h, int n) {
        if (n < CONTAINER_HEADER || !is(h, 4, "ftyp")) {
            return false;
        }
        long boxSize = Bytes.u32be(h, 0);
        if (boxSize != 1 && boxSize < CONTAINER_HEADER) {
            return false;
        }
        for (int i = 8; i < 12; i++) {
            if (h[i] < 0x20 || h[i] > 0x7E) {
                return false;
            }
        }
        return !IMAGE_BRANDS.contains(Bytes.fourCc(h, 8));
    }

    /**
     * An ID3v2 header: "ID3", a major version 2..4 and a revision that are not 0xFF, and a
     * synchsafe size whose bytes are all below 0x80 (ID3v2.4.0 structure, section 3.1).
     */
    private static boolean isId3(byte[] h, int n) {
        if (n < ID3_HEADER || !is(h, 0, "ID3")) {
            return false;
        }
        int major = h[3] & 0xFF;
        if (major < 2 || major > 4 || (h[4] & 0xFF) == 0xFF) {
            return false;
        }
        for (int i = 6; i < 10; i++) {
            if ((h[i] & 0x80) != 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * What follows an ID3v2 tag, where it lies within the head: AAC or FLAC with a tag in front
     * are named as such; anything else behind an ID3 tag is taken for MP3, its usual carrier.
     */
    private static FileKind afterId3(byte[] h, int n) {
        long size = (h[6] & 0x7FL) << 21 | (h[7] & 0x7FL) << 14 | (h[8] & 0x7FL) << 7 | (h[9] & 0x7FL);
        boolean footer = (h[5] & 0x10) != 0;
        long end = ID3_HEADER + size + (footer ? ID3_HEADER : 0);
        if (end >= n) {
            // The tag runs past the bytes seen: a large tag (cover art) of a longer file, or a
            // short file that is nothing but a (cut) tag.
            return n >= HEAD_BYTES ? FileKind.MP3 : FileKind.NOT_AUDIO;
        }
        int at = (int) end;
        if (isFlac(h, at, n)) {
            return FileKind.FLAC;
        }
        if (FrameSync.adtsFrameLength(h, at, n) > 0) {
            return FileKind.AAC;
        }
        return FileKind.MP3;
    }

    /**
     * Two consecutive ADTS (or MPEG audio) frame headers from {@code h[i]}, of the same stream; or
     * one frame that fills the bytes exactly (a one-frame file).
     */
    private static boolean isFrameStream(byte[] h, int i, int n, boolean adts) {
        int len = adts ? FrameSync.adtsFrameLength(h, i, n) : FrameSync.mpegFrameLength(h, i, n);
        if (len <= 0) {
            return false;
        }
        long next = (long) i + len;
        if (next == n) {
            return true;
        }
        int j = (int) Math.min(next, Integer.MAX_VALUE);
        if (adts) {
            return FrameSync.adtsFrameLength(h, j, n) > 0 && FrameSync.sameAdtsStream(h, i, j);
        }
        return FrameSync.mpegFrameLength(h, j, n) > 0 && FrameSync.sameMpegStream(h, i, j);
    }

    /**
     * An MPEG-1/2/2.5 audio frame header (ISO/IEC 11172-3 2.4.1.3) at {@code h[i]}: 11 sync bits,
     * a defined version and layer, and bit-rate and sample-rate indices that are not the reserved
     * values. One header alone is weak evidence; {@link #sniff} asks for two.
     */
    public static boolean isMpegAudioFrameHeader(byte[] h, int i) {
        return FrameSync.mpegFrameLength(h, i, h.length) > 0;
    }

    private static boolean is(byte[] b, int at, String ascii) {
        for (int i = 0; i < ascii.length(); i++) {
            if (b[at + i] != (byte) ascii.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
