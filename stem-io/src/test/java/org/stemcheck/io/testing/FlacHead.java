package org.stemcheck.io.testing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** The head of a FLAC file for {@link FlacWriter}: STREAMINFO, the Vorbis comments, block headers, and byte helpers. */
final class FlacHead {

    /** The VORBIS_COMMENT block type (RFC 9639 section 8.1). */
    private static final int VORBIS_COMMENT = 4;

    private FlacHead() {
    }

    static byte[] vorbisComment(Map<String, String> comments) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        byte[] vendor = ascii("stemcheck FlacWriter");
        b.writeBytes(le(vendor.length, 4));
        b.writeBytes(vendor);
        b.writeBytes(le(comments.size(), 4));
        for (Map.Entry<String, String> e : comments.entrySet()) {
            byte[] text = (e.getKey() + "=" + e.getValue()).getBytes(StandardCharsets.UTF_8);
            b.writeBytes(le(text.length, 4));
            b.writeBytes(text);
        }
        byte[] payload = b.toByteArray();
        byte[] block = new byte[payload.length + 1];
        block[0] = VORBIS_COMMENT;
        System.arraycopy(payload, 0, block, 1, payload.length);
        return block;
    }

    /** STREAMINFO (RFC 9639 section 8.2). */
    static byte[] streamInfo(int minBlock, int maxBlock, int minFrame, int maxFrame, int rate, int channels, int bits,
                             long total, byte[] md5) {
        FlacBits w = new FlacBits().put(minBlock, 16).put(maxBlock, 16).put(minFrame, 24).put(maxFrame, 24)
                .put(rate, 20).put(channels - 1, 3).put(bits - 1, 5).put(total, 36);
        for (byte x : md5) {
            w.put(x & 0xFF, 8);
        }
        return w.bytes();
    }

    static void writeBlock(ByteArrayOutputStream out, int type, byte[] payload, boolean last) {
        out.write((last ? 0x80 : 0) | type);
        out.writeBytes(new byte[] {(byte) (payload.length >> 16), (byte) (payload.length >> 8), (byte) payload.length});
        out.writeBytes(payload);
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    static byte[] le(long v, int bytes) {
        byte[] b = new byte[bytes];
        for (int i = 0; i < bytes; i++) {
            b[i] = (byte) (v >>> (8 * i));
        }
        return b;
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            b.writeBytes(p);
        }
        return b.toByteArray();
    }
}
