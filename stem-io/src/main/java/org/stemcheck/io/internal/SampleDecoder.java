package org.stemcheck.io.internal;

import org.stemcheck.io.AudioFormat;

/** Turns interleaved sample bytes into planar, normalised doubles. One implementation per layout. */
@FunctionalInterface
interface SampleDecoder {

    void decode(byte[] src, int frames, int channels, double[][] dst, int offset);

    static SampleDecoder of(AudioFormat f) {
        int bytes = f.bytesPerSample();
        boolean be = f.bigEndian();
        switch (f.encoding()) {
            case PCM_UNSIGNED:
                if (bytes != 1) {
                    throw new IllegalArgumentException("unsigned PCM is 8-bit only: " + f.bitsPerSample());
                }
                return (src, frames, ch, dst, off) -> {
                    int i = 0;
                    for (int n = 0; n < frames; n++) {
                        for (int c = 0; c < ch; c++) {
                            dst[c][off + n] = ((src[i++] & 0xFF) - 128) * 0x1p-7;
                        }
                    }
                };
            case PCM_SIGNED:
                int used = usedBytes(f);
                return used == bytes ? signed(bytes, be) : padded(bytes, used, be);
            case FLOAT:
                if (bytes == 4 && !be) {
                    return (src, frames, ch, dst, off) -> {
                        int stride = 4 * ch;
                        for (int c = 0; c < ch; c++) {
                            double[] d = dst[c];
                            for (int n = 0, i = 4 * c; n < frames; n++, i += stride) {
                                d[off + n] = Float.intBitsToFloat((src[i] & 0xFF) | (src[i + 1] & 0xFF) << 8
                                        | (src[i + 2] & 0xFF) << 16 | src[i + 3] << 24);
                            }
                        }
                    };
                }
                if (bytes == 4) {
                    return (src, frames, ch, dst, off) -> {
                        int i = 0;
                        for (int n = 0; n < frames; n++) {
                            for (int c = 0; c < ch; c++) {
                                dst[c][off + n] = Float.intBitsToFloat((int) readInt(src, i, 4, be));
                                i += 4;
                            }
                        }
                    };
                }
                if (bytes == 8) {
                    return (src, frames, ch, dst, off) -> {
                        int i = 0;
                        for (int n = 0; n < frames; n++) {
                            for (int c = 0; c < ch; c++) {
                                dst[c][off + n] = Double.longBitsToDouble(readInt(src, i, 8, be));
                                i += 8;
                            }
                        }
                    };
                }
                throw new IllegalArgumentException("float samples are 32 or 64 bits: " + f.bitsPerSample());
            case ALAW:
            case ULAW:
                if (bytes != 1) {
                    throw new IllegalArgumentException("G.711 samples are 8-bit: " + f.bitsPerSample());
                }
                short[] table = f.encoding() == org.stemcheck.io.SampleEncoding.ALAW ? G711.ALAW : G711.ULAW;
                return (src, frames, ch, dst, off) -> {
                    int i = 0;
                    for (int n = 0; n < frames; n++) {
                        for (int c = 0; c < ch; c++) {
                            dst[c][off + n] = table[src[i++] & 0xFF] * 0x1p-15;
                        }
                    }
                };
            default:
                throw new IllegalArgumentException("no decoder for " + f.encoding());
        }
    }

    // The hot layouts (16- and 24-bit little-endian) loop channel by channel over a local
    // destination array: the JIT keeps the stride arithmetic simple and the stores sequential.
    // Measured by the benchmark harness: about 3x faster than frame-outer loops for 24-bit stereo.
    private static SampleDecoder signed(int bytes, boolean be) {
        if (bytes == 2 && !be) {
            return (src, frames, ch, dst, off) -> {
                int stride = 2 * ch;
                for (int c = 0; c < ch; c++) {
                    double[] d = dst[c];
                    for (int n = 0, i = 2 * c; n < frames; n++, i += stride) {
                        d[off + n] = (short) ((src[i] & 0xFF) | (src[i + 1] << 8)) * 0x1p-15;
                    }
                }
            };
        }
        if (bytes == 3 && !be) {
            return (src, frames, ch, dst, off) -> {
                int stride = 3 * ch;
                for (int c = 0; c < ch; c++) {
                    double[] d = dst[c];
                    for (int n = 0, i = 3 * c; n < frames; n++, i += stride) {
                        d[off + n] = ((src[i] & 0xFF) | ((src[i + 1] & 0xFF) << 8) | (src[i + 2] << 16)) * 0x1p-23;
                    }
                }
            };
        }
        // General case: any width 1..8 bytes, either byte order; the value is sign-extended.
        double scale = Math.scalb(1.0, -(8 * bytes - 1));
        int shift = 64 - 8 * bytes;
        return (src, frames, ch, dst, off) -> {
            int i = 0;
            for (int n = 0; n < frames; n++) {
                for (int c = 0; c < ch; c++) {
                    long v = (readInt(src, i, bytes, be) << shift) >> shift;
                    dst[c][off + n] = v * scale;
                    i += bytes;
                }
            }
        };
    }

    /**
     * Bytes of each container that hold the sample. A WAV PCM tag (1) whose block align gives a
     * container wider than {@code ceil(validBits / 8)} bytes (24-bit samples in 4 bytes) carries
     * the sample in the low bytes, the high bytes being padding (as hound reads it); everywhere else
     * the whole container is the sample, left-justified (WAVE_FORMAT_EXTENSIBLE, AIFF).
     */
    static int usedBytes(AudioFormat f) {
        int used = (f.validBits() + 7) / 8;
        return f.formatTag() == 1 && used < f.bytesPerSample() ? used : f.bytesPerSample();
    }

    /** Signed samples in the {@code used} low-order bytes of a wider container, scaled by {@code used}. */
    private static SampleDecoder padded(int bytes, int used, boolean be) {
        double scale = Math.scalb(1.0, -(8 * used - 1));
        int shift = 64 - 8 * used;
        // Big-endian: the low-order bytes are the last ones of the container.
        int skip = be ? bytes - used : 0;
        return (src, frames, ch, dst, off) -> {
            int i = 0;
            for (int n = 0; n < frames; n++) {
                for (int c = 0; c < ch; c++) {
                    long v = (readInt(src, i + skip, used, be) << shift) >> shift;
                    dst[c][off + n] = v * scale;
                    i += bytes;
                }
            }
        };
    }

    /** An unsigned integer of {@code bytes} bytes at {@code i}. */
    static long readInt(byte[] b, int i, int bytes, boolean bigEndian) {
        long v = 0;
        if (bigEndian) {
            for (int k = 0; k < bytes; k++) {
                v = (v << 8) | (b[i + k] & 0xFF);
            }
        } else {
            for (int k = bytes - 1; k >= 0; k--) {
                v = (v << 8) | (b[i + k] & 0xFF);
            }
        }
        return v;
    }
}
