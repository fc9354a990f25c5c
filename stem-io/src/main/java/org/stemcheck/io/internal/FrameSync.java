package org.stemcheck.io.internal;

/**
 * Frame headers of the headerless lossy streams: MPEG-1/2/2.5 audio (MP3 and its layers I and II)
 * and AAC in ADTS. One valid-looking header is weak evidence (any byte 0xFF followed by 0xE0 or
 * more passes the sync test), so the sniffer asks for a second header where the first one says
 * the next frame starts.
 */
final class FrameSync {

    /** MPEG-1 bit rates in kbit/s by layer (I, II, III) and index (ISO/IEC 11172-3, 2.4.2.3). */
    private static final int[][] MPEG1_KBPS = {
        {0, 32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448},
        {0, 32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384},
        {0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320},
    };
    /** MPEG-2/2.5 (lower sampling frequencies) bit rates by layer (ISO/IEC 13818-3, 2.4.2.3). */
    private static final int[][] MPEG2_KBPS = {
        {0, 32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256},
        {0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160},
        {0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160},
    };
    /** Sampling frequencies in Hz by version (2.5, reserved, 2, 1) and index (11172-3, 13818-3). */
    private static final int[][] MPEG_RATES = {
        {11025, 12000, 8000},
        {0, 0, 0},
        {22050, 24000, 16000},
        {44100, 48000, 32000},
    };
    /** Version field value 01 is reserved (ISO/IEC 13818-3; 00 is the unofficial MPEG 2.5). */
    private static final int VERSION_RESERVED = 1;
    private static final int VERSION_1 = 3;
    /** Layer field values (ISO/IEC 11172-3, 2.4.2.3): 11 = I, 10 = II, 01 = III, 00 reserved. */
    private static final int LAYER_III = 1;
    private static final int LAYER_I = 3;
    /** Bytes of an ADTS header without CRC (ISO/IEC 14496-3, 1.A.2.2.1). */
    static final int ADTS_HEADER = 7;
    /** Sampling frequency indices 13 and 14 are reserved, 15 (explicit) is not allowed in ADTS. */
    private static final int ADTS_MAX_RATE_INDEX = 12;

    private FrameSync() {
    }

    /**
     * The length in bytes of the MPEG audio frame whose header starts at {@code h[i]}, or -1 when
     * there is no valid header there (free-format frames, whose length the header does not give,
     * count as invalid).
     */
    static int mpegFrameLength(byte[] h, int i, int length) {
        if (i < 0 || i + 4 > length) {
            return -1;
        }
        int b1 = h[i + 1] & 0xFF;
        int b2 = h[i + 2] & 0xFF;
        if ((h[i] & 0xFF) != 0xFF || (b1 & 0xE0) != 0xE0) {
            return -1;
        }
        int version = (b1 >> 3) & 0x3;
        int layer = (b1 >> 1) & 0x3;
        int bitrateIndex = (b2 >> 4) & 0xF;
        int rateIndex = (b2 >> 2) & 0x3;
        int emphasis = h[i + 3] & 0x3;
        if (version == VERSION_RESERVED || layer == 0 || bitrateIndex == 0 || bitrateIndex == 0xF
                || rateIndex == 3 || emphasis == 2) {
            return -1;
        }
        int padding = (b2 >> 1) & 0x1;
        int row = LAYER_I - layer; // 0 = layer I, 1 = II, 2 = III
        int kbps = (version == VERSION_1 ? MPEG1_KBPS : MPEG2_KBPS)[row][bitrateIndex];
        int rate = MPEG_RATES[version][rateIndex];
        if (layer == LAYER_I) {
            return (12 * kbps * 1000 / rate + padding) * 4;
        }
        // Layer III at the lower sampling frequencies has 576 samples a frame, not 1152.
        int coefficient = layer == LAYER_III && version != VERSION_1 ? 72 : 144;
        return coefficient * kbps * 1000 / rate + padding;
    }

    /** True when the MPEG headers at {@code i} and {@code j} share version, layer and sample rate. */
    static boolean sameMpegStream(byte[] h, int i, int j) {
        return (h[i + 1] & 0xFE) == (h[j + 1] & 0xFE) && (h[i + 2] & 0x0C) == (h[j + 2] & 0x0C);
    }

    /** The length of the ADTS frame whose header starts at {@code h[i]}, or -1 when none is there. */
    static int adtsFrameLength(byte[] h, int i, int length) {
        if (i < 0 || i + ADTS_HEADER > length) {
            return -1;
        }
        if ((h[i] & 0xFF) != 0xFF || (h[i + 1] & 0xF6) != 0xF0) {
            return -1;
        }
        int rateIndex = (h[i + 2] >> 2) & 0xF;
        if (rateIndex > ADTS_MAX_RATE_INDEX) {
            return -1;
        }
        boolean crc = (h[i + 1] & 0x01) == 0;
        int frameLength = (h[i + 3] & 0x03) << 11 | (h[i + 4] & 0xFF) << 3 | (h[i + 5] & 0xE0) >> 5;
        return frameLength < ADTS_HEADER + (crc ? 2 : 0) ? -1 : frameLength;
    }

    /** True when the ADTS headers at {@code i} and {@code j} share version, profile, rate and channels. */
    static boolean sameAdtsStream(byte[] h, int i, int j) {
        return (h[i + 1] & 0x08) == (h[j + 1] & 0x08)
                && (h[i + 2] & 0xFD) == (h[j + 2] & 0xFD)
                && (h[i + 3] & 0xC0) == (h[j + 3] & 0xC0);
    }
}
