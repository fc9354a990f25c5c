package org.stemcheck.io.internal.flac;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The MD5 of decoded samples as RFC 9639 section 8.2 defines it: all channels interleaved, each
 * sample a signed little-endian integer of {@code ceil(bits / 8)} bytes.
 */
final class Md5Sink {

    /** Bytes gathered before each digest update. */
    private static final int BUFFER = 1 << 16;

    private final MessageDigest md5;
    private final int bytesPerSample;
    private final byte[] buf = new byte[BUFFER];
    private int used;

    Md5Sink(int bits) {
        try {
            this.md5 = MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has MD5 (MessageDigest's required algorithms)", e);
        }
        this.bytesPerSample = (bits + 7) / 8;
    }

    /** Adds frames {@code [0, n)} of {@code samples[channel][frame]}. */
    void add(long[][] samples, int channels, int n) {
        int frameBytes = bytesPerSample * channels;
        for (int i = 0; i < n; i++) {
            if (used + frameBytes > BUFFER) {
                md5.update(buf, 0, used);
                used = 0;
            }
            for (int c = 0; c < channels; c++) {
                long v = samples[c][i];
                for (int k = 0; k < bytesPerSample; k++) {
                    buf[used++] = (byte) (v >> (8 * k));
                }
            }
        }
    }

    /** The digest of everything added, lower-case hex. */
    String hex() {
        md5.update(buf, 0, used);
        used = 0;
        return HexFormat.of().formatHex(md5.digest());
    }
}
