package org.stemcheck.io.testing;

/**
 * Encodes one frame (RFC 9639 section 9) for the test encoder: the header with its coded number
 * and CRC-8, one subframe per channel after the chosen stereo decorrelation, and the CRC-16.
 */
final class FlacFrameEncoder {

    /** Sample rate codes 1-11 (RFC 9639 section 9.1.2). */
    private static final int[] RATES = {0, 88_200, 176_400, 192_000, 8_000, 16_000, 22_050, 24_000, 32_000,
        44_100, 48_000, 96_000};

    private final FlacWriter.Settings s;
    private final int rate;
    private final int bits;
    private final int channels;
    private final FlacSubframeEncoder subframes;

    FlacFrameEncoder(FlacWriter.Settings s, int rate, int bits, int channels) {
        this.s = s;
        this.rate = rate;
        this.bits = bits;
        this.channels = channels;
        this.subframes = new FlacSubframeEncoder(s);
    }

    /** Tags of the last frame: what it holds. */
    private java.util.List<String> lastTags = java.util.List.of();

    java.util.List<String> lastTags() {
        return lastTags;
    }

    /** The frame of {@code samples[c][at .. at + n)}; {@code number} is the frame number or, for variable blocks, the first sample. */
    byte[] frame(int[][] samples, int at, int n, long number) {
        long[][] x = new long[channels][n];
        for (int c = 0; c < channels; c++) {
            for (int i = 0; i < n; i++) {
                x[c][i] = samples[c][at + i];
            }
        }
        int channelCode = channels - 1;
        FlacBits[] coded = new FlacBits[channels];
        if (channels == 2 && s.stereo != FlacWriter.Stereo.INDEPENDENT) {
            long[] side = new long[n];
            long[] mid = new long[n];
            for (int i = 0; i < n; i++) {
                side[i] = x[0][i] - x[1][i];
                mid[i] = (x[0][i] + x[1][i]) >> 1;
            }
            FlacBits left = subframes.encode(x[0], n, bits);
            FlacBits right = subframes.encode(x[1], n, bits);
            FlacBits sideBits = subframes.encode(side, n, bits + 1);
            FlacBits midBits = subframes.encode(mid, n, bits);
            FlacBits[][] pairs = {{left, right}, {left, sideBits}, {sideBits, right}, {midBits, sideBits}};
            int choice;
            switch (s.stereo) {
                case LEFT_SIDE: choice = 1; break;
                case SIDE_RIGHT: choice = 2; break;
                case MID_SIDE: choice = 3; break;
                default:
                    choice = 0;
                    for (int k = 1; k < 4; k++) {
                        if (pairs[k][0].length() + pairs[k][1].length() < pairs[choice][0].length() + pairs[choice][1].length()) {
                            choice = k;
                        }
                    }
                    break;
            }
            coded = pairs[choice];
            channelCode = choice == 0 ? 1 : 7 + choice;
        } else {
            for (int c = 0; c < channels; c++) {
                coded[c] = subframes.encode(x[c], n, bits);
            }
        }
        FlacBits w = header(n, number, channelCode).tag(new String[] {"INDEPENDENT", "LEFT_SIDE", "SIDE_RIGHT", "MID_SIDE"}[
                channelCode < 8 ? 0 : channelCode - 7]);
        for (FlacBits sub : coded) {
            w.append(sub);
        }
        w.align();
        lastTags = w.tags();
        byte[] body = w.bytes();
        int crc = crc16(body);
        byte[] frame = java.util.Arrays.copyOf(body, body.length + 2);
        frame[body.length] = (byte) (crc >> 8);
        frame[body.length + 1] = (byte) crc;
        return frame;
    }

    /** The frame header (RFC 9639 section 9.1) with its CRC-8 (section 9.1.8). */
    private FlacBits header(int n, long number, int channelCode) {
        boolean variable = s.variableBlockSizes != null;
        int sizeCode;
        int uncommonSize = -1;
        if (n == 192) {
            sizeCode = 1;
        } else if (n == 576 || n == 1152 || n == 2304 || n == 4608) {
            sizeCode = 2 + Integer.numberOfTrailingZeros(n / 576);
        } else if (n >= 256 && n <= 32768 && Integer.bitCount(n) == 1) {
            sizeCode = Integer.numberOfTrailingZeros(n);
        } else if (n <= 256) {
            sizeCode = 6;
            uncommonSize = n - 1;
        } else {
            sizeCode = 7;
            uncommonSize = n - 1;
        }
        int rateCode = 0;
        int uncommonRate = -1;
        int uncommonRateBits = 0;
        if (s.headerCodes) {
            for (int k = 1; k < RATES.length; k++) {
                if (RATES[k] == rate) {
                    rateCode = k;
                }
            }
            if (rateCode == 0) {
                if (rate % 1000 == 0 && rate / 1000 <= 255) {
                    rateCode = 12;
                    uncommonRate = rate / 1000;
                    uncommonRateBits = 8;
                } else if (rate <= 65535) {
                    rateCode = 13;
                    uncommonRate = rate;
                    uncommonRateBits = 16;
                } else if (rate % 10 == 0 && rate / 10 <= 65535) {
                    rateCode = 14;
                    uncommonRate = rate / 10;
                    uncommonRateBits = 16;
                }
            }
        }
        int bitsCode = 0;
        if (s.headerCodes) {
            int[] depths = {0, 8, 12, 0, 16, 20, 24, 32};
            for (int k = 1; k < depths.length; k++) {
                if (depths[k] == bits && k != 3) {
                    bitsCode = k;
                }
            }
        }
        FlacBits w = new FlacBits().put(0xFFF8 | (variable ? 1 : 0), 16).put(sizeCode, 4).put(rateCode, 4)
                .put(channelCode, 4).put(bitsCode, 3).put(0, 1);
        codedNumber(w, number);
        if (sizeCode == 6) {
            w.put(uncommonSize, 8);
        } else if (sizeCode == 7) {
            w.put(uncommonSize, 16);
        }
        if (uncommonRate >= 0) {
            w.put(uncommonRate, uncommonRateBits);
        }
        byte[] h = w.bytes();
        return w.put(crc8(h), 8);
    }

    /** A number in FLAC's UTF-8-like coding (RFC 9639 section 9.1.5): up to 36 bits in 1 to 7 bytes. */
    private static void codedNumber(FlacBits w, long v) {
        if (v < 0x80) {
            w.put(v, 8);
            return;
        }
        // With e continuation bytes the code holds 5e + 6 bits: 6 per continuation byte, 6 - e in the first.
        int extra = 1;
        while (v >= 1L << (5 * extra + 6)) {
            extra++;
        }
        int firstBits = Math.max(0, 6 - extra);
        int lead = (0xFF << (7 - extra)) & 0xFF;
        w.put(lead | (v >>> (6 * extra)) & ((1 << firstBits) - 1), 8);
        for (int i = extra - 1; i >= 0; i--) {
            w.put(0x80 | (v >>> (6 * i)) & 0x3F, 8);
        }
    }

    static int crc8(byte[] b) {
        int c = 0;
        for (byte x : b) {
            c ^= x & 0xFF;
            for (int k = 0; k < 8; k++) {
                c = (c & 0x80) != 0 ? (c << 1) ^ 0x07 : c << 1;
            }
            c &= 0xFF;
        }
        return c;
    }

    static int crc16(byte[] b) {
        int c = 0;
        for (byte x : b) {
            c ^= (x & 0xFF) << 8;
            for (int k = 0; k < 8; k++) {
                c = (c & 0x8000) != 0 ? (c << 1) ^ 0x8005 : c << 1;
            }
            c &= 0xFFFF;
        }
        return c;
    }
}
