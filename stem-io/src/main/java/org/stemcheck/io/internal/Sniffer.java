package org.stemcheck.io.internal;

import org.stemcheck.io.FileKind;

/** Identifies a file by its first bytes. Never by its name. */
public final class Sniffer {

    /** Bytes of the head that {@link #sniff} looks at. */
    public static final int HEAD_BYTES = 64;

    private Sniffer() {
    }

    /** What a file starting with {@code head[0 .. length)} is. */
    public static FileKind sniff(byte[] head, int length) {
        if (length <= 0) {
            return FileKind.EMPTY;
        }
        if (length >= 12 && is(head, 8, "WAVE")) {
            if (is(head, 0, "RIFF")) {
                return FileKind.WAV;
            }
            if (is(head, 0, "RIFX")) {
                return FileKind.RIFX;
            }
            if (is(head, 0, "RF64")) {
                return FileKind.RF64;
            }
            if (is(head, 0, "BW64")) {
                return FileKind.BW64;
            }
        }
        if (length >= 12 && is(head, 0, "FORM")) {
            if (is(head, 8, "AIFF")) {
                return FileKind.AIFF;
            }
            if (is(head, 8, "AIFC")) {
                return FileKind.AIFC;
            }
        }
        if (length >= 4 && is(head, 0, "fLaC")) {
            return FileKind.FLAC;
        }
        if (length >= 4 && is(head, 0, "OggS")) {
            return FileKind.OGG;
        }
        if (length >= 8 && is(head, 4, "ftyp")) {
            return FileKind.MP4;
        }
        if (length >= 3 && is(head, 0, "ID3")) {
            return FileKind.MP3;
        }
        if (length >= 4 && isAdtsHeader(head)) {
            return FileKind.AAC;
        }
        if (length >= 4 && isMpegAudioFrameHeader(head, 0)) {
            return FileKind.MP3;
        }
        return FileKind.NOT_AUDIO;
    }

    /** ADTS (AAC) sync: 12 one-bits, then layer 00. */
    private static boolean isAdtsHeader(byte[] h) {
        return (h[0] & 0xFF) == 0xFF && (h[1] & 0xF6) == 0xF0;
    }

    /**
     * An MPEG-1/2/2.5 audio frame header (ISO/IEC 11172-3 2.4.1.3): 11 sync bits, a defined version
     * and layer, and bitrate and sample-rate indices that are not the reserved values.
     */
    public static boolean isMpegAudioFrameHeader(byte[] h, int i) {
        int b0 = h[i] & 0xFF;
        int b1 = h[i + 1] & 0xFF;
        int b2 = h[i + 2] & 0xFF;
        if (b0 != 0xFF || (b1 & 0xE0) != 0xE0) {
            return false;
        }
        int version = (b1 >> 3) & 0x3;
        int layer = (b1 >> 1) & 0x3;
        int bitrateIndex = (b2 >> 4) & 0xF;
        int rateIndex = (b2 >> 2) & 0x3;
        return version != 1 && layer != 0 && bitrateIndex != 0xF && rateIndex != 3;
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
