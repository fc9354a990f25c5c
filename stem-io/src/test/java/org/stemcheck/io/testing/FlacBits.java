package org.stemcheck.io.testing;

import java.util.Arrays;

/** Writes bits most significant first, as FLAC stores every number (RFC 9639 section 5). */
final class FlacBits {

    private byte[] buf = new byte[256];
    private long bits;
    /** What the bits hold ("LPC32", "ESCAPE" ...), for tests that check a feature was really written. */
    private final java.util.List<String> tags = new java.util.ArrayList<>();

    FlacBits tag(String t) {
        tags.add(t);
        return this;
    }

    java.util.List<String> tags() {
        return tags;
    }

    /** Writes the low {@code n} bits of {@code v}, 0 to 64. */
    FlacBits put(long v, int n) {
        for (int i = n - 1; i >= 0; i--) {
            bit((int) (v >>> i) & 1);
        }
        return this;
    }

    /** {@code zeros} zero bits, then a one bit. */
    FlacBits unary(long zeros) {
        for (long i = 0; i < zeros; i++) {
            bit(0);
        }
        return bit(1);
    }

    FlacBits bit(int b) {
        int at = (int) (bits >>> 3);
        if (at == buf.length) {
            buf = Arrays.copyOf(buf, buf.length * 2);
        }
        if (b != 0) {
            buf[at] |= (byte) (0x80 >>> (bits & 7));
        }
        bits++;
        return this;
    }

    /** Appends every bit (and tag) of {@code other}. */
    FlacBits append(FlacBits other) {
        tags.addAll(other.tags);
        if ((bits & 7) == 0) {
            int bytes = (int) (other.bits >>> 3);
            int at = (int) (bits >>> 3);
            if (at + bytes + 1 > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, at + bytes + 1));
            }
            System.arraycopy(other.buf, 0, buf, at, bytes);
            bits += (long) bytes << 3;
            for (long i = (long) bytes << 3; i < other.bits; i++) {
                bit((other.buf[(int) (i >>> 3)] >>> (7 - (i & 7))) & 1);
            }
            return this;
        }
        for (long i = 0; i < other.bits; i++) {
            bit((other.buf[(int) (i >>> 3)] >>> (7 - (i & 7))) & 1);
        }
        return this;
    }

    /** Zero bits up to the next byte boundary. */
    FlacBits align() {
        while ((bits & 7) != 0) {
            bit(0);
        }
        return this;
    }

    long length() {
        return bits;
    }

    /** The bytes written; the last one padded with zero bits. */
    byte[] bytes() {
        return Arrays.copyOf(buf, (int) ((bits + 7) >>> 3));
    }
}
