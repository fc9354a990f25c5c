package org.stemcheck.io.internal;

/** ITU-T G.711 A-law and mu-law expansion to 16-bit linear, as tables built from the Recommendation. */
final class G711 {

    static final short[] ALAW = new short[256];
    static final short[] ULAW = new short[256];

    static {
        for (int i = 0; i < 256; i++) {
            ALAW[i] = alawToLinear(i);
            ULAW[i] = ulawToLinear(i);
        }
    }

    private G711() {
    }

    /** G.711 A-law: even bits inverted (XOR 0x55), 3-bit segment, 4-bit mantissa, sign bit set = positive. */
    private static short alawToLinear(int code) {
        int a = code ^ 0x55;
        int mantissa = (a & 0x0F) << 4;
        int segment = (a & 0x70) >> 4;
        int t;
        if (segment == 0) {
            t = mantissa + 8;
        } else {
            t = (mantissa + 0x108) << (segment - 1);
        }
        return (short) ((a & 0x80) != 0 ? t : -t);
    }

    /** G.711 mu-law: all bits inverted, bias 0x84, sign bit set = negative. */
    private static short ulawToLinear(int code) {
        int u = ~code & 0xFF;
        int t = (((u & 0x0F) << 3) + 0x84) << ((u & 0x70) >> 4);
        return (short) ((u & 0x80) != 0 ? 0x84 - t : t - 0x84);
    }
}
