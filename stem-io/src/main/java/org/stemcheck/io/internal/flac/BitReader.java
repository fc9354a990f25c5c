package org.stemcheck.io.internal.flac;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

import org.stemcheck.io.spi.ByteInput;

/**
 * Reads a FLAC frame bit by bit, most significant bit first (RFC 9639 section 5: "all numbers are
 * big-endian"), from a {@link ByteInput}, through a buffer of {@link #BUFFER_BYTES}. Keeps the
 * frame's CRC-16 (section 9.3) as bytes leave the buffer, so a frame may be any size.
 *
 * <p>Memory is the buffer only, whatever a header claims. When the input ends before the bits a
 * read needs, {@link InputEnded} is thrown. Not thread-safe.
 */
final class BitReader {

    /** Bytes buffered: one read of the underlying input. */
    static final int BUFFER_BYTES = 1 << 16;
    /** The most bits one {@link #bits(int)} call returns: 64 less the 7 of a partly read byte. */
    static final int MAX_BITS = 57;
    /** Bytes after the buffer's end so that an 8-byte load at its last byte stays in bounds. */
    private static final int SLACK = 8;

    private static final VarHandle LONG_BE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private final ByteInput in;
    private final byte[] buf = new byte[BUFFER_BYTES + SLACK];
    /** Valid bytes in {@code buf}. */
    private int limit;
    /** The next bit, counted from {@code buf[0]}. */
    private long bitPos;
    /** File offset of {@code buf[0]}. */
    private long base;
    private boolean ended;
    /** Whether a frame's CRC-16 is being computed. */
    private boolean crcActive;
    /** The CRC-16 of the frame's bytes before {@code buf[crcFrom]}. */
    private int crc16;
    private int crcFrom;

    /** @param in read from its current position, which this reader takes over */
    BitReader(ByteInput in) {
        this.in = in;
        this.base = in.position();
    }

    /** The underlying input (for closing it). */
    ByteInput input() {
        return in;
    }

    /** File offset of the byte holding the next bit. */
    long position() {
        return base + (bitPos >>> 3);
    }

    /** Whether the next bit starts a byte. */
    boolean aligned() {
        return (bitPos & 7) == 0;
    }

    /** Reads {@code n} bits, 1 to {@link #MAX_BITS}, as an unsigned number. */
    long bits(int n) throws IOException {
        if (bitPos + n > (long) limit << 3) {
            fill(n);
        }
        long w = (long) LONG_BE.get(buf, (int) (bitPos >>> 3)) << (bitPos & 7);
        bitPos += n;
        return w >>> (64 - n);
    }

    /** Reads {@code n} bits, 1 to {@link #MAX_BITS}, as a two's complement number. */
    long signed(int n) throws IOException {
        long v = bits(n);
        return (v << (64 - n)) >> (64 - n);
    }

    /** Reads one byte; the reader must be byte aligned. */
    int u8() throws IOException {
        return (int) bits(8);
    }

    /**
     * Reads a unary number: zero bits up to and including the next one bit (RFC 9639 section
     * 9.2.7, the Rice quotient; section 9.2.2, the wasted bits count).
     *
     * @param max the most zero bits the caller allows
     * @return the number of zero bits, or -1 when there are more than {@code max}
     */
    long unary(long max) throws IOException {
        long zeros = 0;
        while (true) {
            long avail = ((long) limit << 3) - bitPos;
            if (avail >= MAX_BITS) {
                long w = (long) LONG_BE.get(buf, (int) (bitPos >>> 3)) << (bitPos & 7);
                int lz = Long.numberOfLeadingZeros(w);
                if (lz < MAX_BITS) {
                    bitPos += lz + 1;
                    zeros += lz;
                    return zeros > max ? -1 : zeros;
                }
                bitPos += MAX_BITS;
                zeros += MAX_BITS;
            } else if (bits(1) == 1) {
                return zeros > max ? -1 : zeros;
            } else {
                zeros++;
            }
            if (zeros > max) {
                return -1;
            }
        }
    }

    /**
     * Reads one Rice code with parameter {@code k} (0 to 30): a unary quotient, then {@code k}
     * bits (RFC 9639 section 9.2.7), as the folded value {@code quotient << k | remainder}.
     *
     * @return the folded value, or -1 when the quotient is over {@code maxQuotient}
     */
    long rice(int k, long maxQuotient) throws IOException {
        if (((long) limit << 3) - bitPos >= 64) {
            // Fast path: quotient and remainder within one 57-bit window.
            long w = (long) LONG_BE.get(buf, (int) (bitPos >>> 3)) << (bitPos & 7);
            int q = Long.numberOfLeadingZeros(w);
            if (q + 1 + k <= MAX_BITS) {
                bitPos += q + 1 + k;
                if (q > maxQuotient) {
                    return -1;
                }
                long r = k == 0 ? 0 : (w << (q + 1)) >>> (64 - k);
                return (long) q << k | r;
            }
        }
        long q = unary(maxQuotient);
        if (q < 0) {
            return -1;
        }
        return k == 0 ? q : q << k | bits(k);
    }

    /** Skips to the next byte boundary (the frame's zero padding, RFC 9639 section 9.3); returns the skipped bits. */
    long alignToByte() throws IOException {
        int skip = (int) ((8 - (bitPos & 7)) & 7);
        return skip == 0 ? 0 : bits(skip);
    }

    /** Starts the CRC-16 of a frame at the current (byte-aligned) position. */
    void startCrc() {
        crcActive = true;
        crc16 = 0;
        crcFrom = (int) (bitPos >>> 3);
    }

    /** Ends the CRC-16: that of the bytes from {@link #startCrc()} to the current (byte-aligned) position. */
    int endCrc() {
        int to = (int) (bitPos >>> 3);
        crcActive = false;
        return Crc.crc16(crc16, buf, crcFrom, to);
    }

    /**
     * Makes {@code bytes} bytes readable from the current byte where the input has them, and
     * returns how many are; for the frame header, whose length is known only as it is read.
     */
    int peekable(int bytes) throws IOException {
        long need = (bitPos >>> 3) + bytes;
        if (need > limit) {
            try {
                fill(bytes * 8);
            } catch (InputEnded e) {
                // fewer are left: say how many
            }
        }
        return (int) Math.min(bytes, limit - (bitPos >>> 3));
    }

    /** The byte {@code i} bytes after the current (byte-aligned) position; {@link #peekable} first. */
    int peek(int i) {
        return buf[(int) (bitPos >>> 3) + i] & 0xFF;
    }

    /** The CRC-8 of the {@code n} bytes from the current (byte-aligned) position; {@link #peekable} first. */
    int peekCrc8(int n) {
        int from = (int) (bitPos >>> 3);
        return Crc.crc8(0, buf, from, from + n);
    }

    /** Moves on {@code n} bytes that {@link #peekable} made readable. */
    void skipPeeked(int n) {
        bitPos += 8L * n;
    }

    /** Drops the consumed bytes and reads until {@code n} more bits are buffered; throws when the input ends first. */
    private void fill(int n) throws IOException {
        int cur = (int) (bitPos >>> 3);
        if (cur > 0) {
            if (crcActive) {
                crc16 = Crc.crc16(crc16, buf, crcFrom, cur);
                crcFrom = 0;
            }
            System.arraycopy(buf, cur, buf, 0, limit - cur);
            limit -= cur;
            base += cur;
            bitPos -= (long) cur << 3;
        }
        while (bitPos + n > (long) limit << 3 && !ended && limit < BUFFER_BYTES) {
            int r = in.read(buf, limit, BUFFER_BYTES - limit);
            if (r < 0) {
                ended = true;
            } else {
                limit += r;
            }
        }
        if (bitPos + n > (long) limit << 3) {
            throw new InputEnded(base + limit);
        }
    }
}
